/**
 * GitHub's rules on top of GraphQL validation, and its node-count and point
 * formula, as "Rate limits and query limits for the GraphQL API" states them
 * (https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api;
 * summed up in docs/github-api.md):
 *
 * - every connection (a `…Connection` field with a `first` argument) needs
 *   `first` or `last`, 1..100;
 * - `nodes(ids:)` takes at most 100 ids;
 * - node count = Σ over connections of (product of the enclosing page sizes
 *   × its own page size), at most 500,000;
 * - points = max(1, round(Σ over connections of the product of the enclosing
 *   page sizes / 100)).
 *
 * Lists that are not connections (`nodes(ids:)`, `Tree.entries`) add no
 * nodes themselves, but `nodes(ids:)` multiplies what is nested under it.
 * Directives (`@include`, `@skip`) are ignored: the count is a worst case.
 */
import {
  Kind,
  getLocation,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  typeFromAST,
  valueFromAST,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type SourceLocation,
} from 'graphql';

export const MAX_PAGE_SIZE = 100;
export const MAX_NODE_IDS = 100;
export const MAX_NODES = 500_000;

export interface GitHubRuleViolation {
  type: 'MISSING_PAGINATION_BOUNDARIES' | 'EXCESSIVE_PAGINATION' | 'INVALID_PAGINATION' | 'ARGUMENT_LIMIT' | 'MAX_NODE_LIMIT_EXCEEDED';
  message: string;
  /** Response path of the field, aliases included; empty for whole-query limits. */
  path: string[];
  locations: SourceLocation[];
}

export interface GitHubRulesResult {
  /** Violation messages, `path: message`. */
  errors: string[];
  violations: GitHubRuleViolation[];
  /** Worst-case nodes the query may return (GitHub's `rateLimit.nodeCount`). */
  nodeCount: number;
  /** Connection requests before dividing by 100 (GitHub's example: 5,101). */
  requests: number;
  /** Points charged (GitHub's `rateLimit.cost`). */
  cost: number;
}

type Variables = Record<string, unknown>;

function variablesWithDefaults(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Variables): Variables {
  const values: Variables = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] !== undefined || !definition.defaultValue) continue;
    const type = typeFromAST(schema, definition.type);
    if (type) values[name] = valueFromAST(definition.defaultValue, type as Parameters<typeof valueFromAST>[1]);
  }
  return values;
}

/** An integer argument (`first`, `last`) or the length of a list (`ids`); a number stands for a list's length. */
function argumentSize(argument: ArgumentNode | undefined, variables: Variables): number | undefined {
  if (!argument) return undefined;
  const value = argument.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    if (Array.isArray(given)) return given.length;
    if (typeof given === 'number') return given;
  }
  return undefined;
}

function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  return getNamedType(field.type).name.endsWith('Connection') && field.args.some((arg) => arg.name === 'first');
}

function locationsOf(node: FieldNode): SourceLocation[] {
  return node.loc ? [getLocation(node.loc.source, node.loc.start)] : [];
}

function analyseOperation(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>, variables: Variables) {
  let nodeCount = 0;
  let requests = 0;
  const violations: GitHubRuleViolation[] = [];
  const argument = (node: FieldNode, name: string) => node.arguments?.find((arg) => arg.name.value === name);

  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, multiplier: number, path: string[], seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, multiplier, path, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? undefined) : parentType;
        walk(selection.selectionSet, type, multiplier, path, seen);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__') || !(isObjectType(parentType) || isInterfaceType(parentType))) continue;
      const field = parentType.getFields()[name];
      if (!field) continue; // graphql-js validation reports unknown fields
      const fieldPath = [...path, selection.alias?.value ?? name];
      const named = getNamedType(field.type);
      let childMultiplier = multiplier;
      if (isConnection(field)) {
        const first = argumentSize(argument(selection, 'first'), variables);
        const last = argumentSize(argument(selection, 'last'), variables);
        const [bound, size] = first !== undefined ? ['first', first] : ['last', last];
        const at = { path: fieldPath, locations: locationsOf(selection) };
        if (size === undefined) {
          violations.push({
            type: 'MISSING_PAGINATION_BOUNDARIES',
            message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
            ...at,
          });
        } else if (size > MAX_PAGE_SIZE) {
          violations.push({
            type: 'EXCESSIVE_PAGINATION',
            message: `Requesting ${size} records on the \`${name}\` connection exceeds the \`${bound}\` limit of ${MAX_PAGE_SIZE} records.`,
            ...at,
          });
        } else if (size < 1) {
          violations.push({
            type: 'INVALID_PAGINATION',
            message: `\`${bound}\` on the \`${name}\` connection must be between 1 and ${MAX_PAGE_SIZE}, got ${size}.`,
            ...at,
          });
        }
        const pageSize = size ?? MAX_PAGE_SIZE;
        requests += multiplier;
        nodeCount += multiplier * pageSize;
        childMultiplier = multiplier * pageSize;
      } else if (name === 'nodes' && parentType === schema.getQueryType() && isListType(getNullableType(field.type))) {
        const ids = argumentSize(argument(selection, 'ids'), variables) ?? MAX_NODE_IDS;
        if (ids > MAX_NODE_IDS) {
          violations.push({
            type: 'ARGUMENT_LIMIT',
            message: `You may not provide more than ${MAX_NODE_IDS} node ids; you provided ${ids}.`,
            path: fieldPath,
            locations: locationsOf(selection),
          });
        }
        childMultiplier = multiplier * ids;
      }
      // Children of a connection (nodes, edges, pageInfo) inherit its page size.
      if (selection.selectionSet) walk(selection.selectionSet, named, childMultiplier, fieldPath, seen);
    }
  };
  walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, 1, [], new Set());
  if (nodeCount > MAX_NODES) {
    const format = (n: number) => n.toLocaleString('en-US');
    violations.push({
      type: 'MAX_NODE_LIMIT_EXCEEDED',
      message: `This query requests up to ${format(nodeCount)} possible nodes which exceeds the maximum limit of ${format(MAX_NODES)}.`,
      path: [],
      locations: [],
    });
  }
  return { nodeCount, requests, violations };
}

/**
 * Checks a parsed (and graphql-js-validated) document. With `operationName`
 * only that operation is checked; otherwise every operation, with the same
 * variables, and `nodeCount`/`cost` are the largest of them. Variables may
 * give a list's length as a number (`{ ids: 100 }`), as the query set's
 * scenarios (fixtures/github-queries.scenarios.json) do.
 */
export function checkGitHubRules(schema: GraphQLSchema, document: DocumentNode, variables: Variables = {}, operationName?: string): GitHubRulesResult {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || definition.name?.value === operationName)) operations.push(definition);
  }
  const result: GitHubRulesResult = { errors: [], violations: [], nodeCount: 0, requests: 0, cost: 0 };
  for (const operation of operations) {
    const analysis = analyseOperation(schema, operation, fragments, variablesWithDefaults(schema, operation, variables));
    result.violations.push(...analysis.violations);
    result.nodeCount = Math.max(result.nodeCount, analysis.nodeCount);
    result.requests = Math.max(result.requests, analysis.requests);
  }
  result.cost = Math.max(1, Math.round(result.requests / 100));
  result.errors = result.violations.map((v) => (v.path.length ? `${v.path.join('.')}: ${v.message}` : v.message));
  return result;
}
