/**
 * Caps that keep a hostile or enormous definition from hanging the build or
 * producing a page nobody can load. When one is reached, the model says so in
 * its `notices`.
 */
export const LIMITS = {
  /** Definitions larger than this are shown as text only. */
  maxDefinitionChars: 2_000_000,
  /** YAML alias expansions per document (a "billion laughs" stops here). */
  maxAliasCount: 100,
  /** Hops through a chain of `$ref`s before giving up. */
  maxRefHops: 32,
  /** How deep a type expression (`array of map of …`) is spelled out. */
  maxTypeDepth: 4,
  /** Parts of one type expression. */
  maxTypeParts: 40,
  /** `allOf`/`oneOf`/`anyOf` members looked at. */
  maxCompositionMembers: 20,
  maxOperations: 1_000,
  maxSchemas: 1_000,
  maxParameters: 100,
  maxResponses: 50,
  maxMediaTypes: 10,
  maxExamples: 10,
  maxPropertiesPerSchema: 200,
  /** Property rows in a whole definition. */
  maxPropertyRows: 50_000,
  /** Values in one generated example. */
  maxExampleNodes: 500,
  /** Values in all generated examples of a definition. */
  maxExampleNodesTotal: 200_000,
  maxExampleDepth: 6,
  /** Characters of one example's text. */
  maxExampleChars: 8_000,
  /** Types, fields, messages, … in a GraphQL or protobuf definition. */
  maxTypes: 2_000,
  maxFields: 500,
  maxNesting: 32,
  /** GraphQL tokens (graphql's own guard against huge documents). */
  maxGraphqlTokens: 200_000,
} as const;
