/**
 * GraphQL SDL → `GraphqlModel`: the root operation types first (Query,
 * Mutation, Subscription), then every other type grouped by kind. Read from
 * the syntax tree (`graphql`'s `parse`), so a schema that references a type
 * it does not define still renders; `buildASTSchema` and `validateSchema`
 * then say what is wrong with it, as notices.
 */
import {
  buildASTSchema,
  GraphQLError,
  Kind,
  parse,
  print,
  validateSchema,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type StringValueNode,
  type TypeNode,
} from 'graphql';
import { idFactory } from './ids.ts';
import { LIMITS } from './limits.ts';
import type { GraphqlArgument, GraphqlField, GraphqlModel, GraphqlRoot, GraphqlType, GraphqlTypeKind, ParseResult, TypeRef } from './model.ts';
import { tooDeep } from './nesting.ts';
import { clip } from './read.ts';

const KIND_ORDER: GraphqlTypeKind[] = ['object', 'interface', 'input', 'enum', 'union', 'scalar'];
const ROOT_OPERATIONS = ['query', 'mutation', 'subscription'] as const;
const DEFAULT_ROOTS = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

export function parseGraphql(source: string): ParseResult<GraphqlModel> {
  const deep = tooDeep(source, false);
  if (deep) return { ok: false, error: deep };
  let doc: DocumentNode;
  try {
    doc = parse(source, { maxTokens: LIMITS.maxGraphqlTokens });
  } catch (error) {
    if (error instanceof GraphQLError) {
      if (/contains more th\w+ \d+ tokens/.test(error.message)) {
        return { ok: false, error: `the schema has more than ${LIMITS.maxGraphqlTokens.toLocaleString('en')} tokens; Frontdoor reads schemas up to that size` };
      }
      const line = error.locations?.[0]?.line;
      const message = `GraphQL syntax error: ${error.message.replace(/^Syntax Error: /, '')}`;
      return line === undefined ? { ok: false, error: message } : { ok: false, error: message, line };
    }
    return { ok: false, error: error instanceof RangeError ? 'the schema is nested too deeply to read' : String(error) };
  }

  const notices: string[] = [];
  const rootNames = new Map<string, string>();
  let description: string | undefined;
  // Definitions and extensions of a type merge into one entry, in order of first appearance.
  const collected = new Map<string, GraphqlType>();
  const ids = idFactory();
  let executable = 0;
  for (const def of doc.definitions) {
    if (def.kind === Kind.SCHEMA_DEFINITION || def.kind === Kind.SCHEMA_EXTENSION) {
      if (def.kind === Kind.SCHEMA_DEFINITION && def.description) description = def.description.value;
      for (const op of def.operationTypes ?? []) rootNames.set(op.operation, op.type.name.value);
    } else if (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION) {
      executable++;
    } else if (def.kind !== Kind.DIRECTIVE_DEFINITION) {
      collect(def, collected, ids, notices);
    }
  }
  if (executable > 0) notices.push(`The document also holds ${executable} queries or fragments; only the schema is shown.`);
  if (collected.size === 0) return { ok: false, error: 'the document defines no types, so it is not a GraphQL schema (SDL)' };

  // Links: only names the document defines become links; built-in scalars stay text.
  const targets = new Map([...collected].map(([name, type]) => [name, type.id]));
  const rootTypeNames = new Set<string>();
  const roots: GraphqlRoot[] = [];
  for (const operation of ROOT_OPERATIONS) {
    const name = rootNames.get(operation) ?? (rootNames.size === 0 ? DEFAULT_ROOTS[operation] : undefined);
    const root = name === undefined ? undefined : collected.get(name);
    if (root && root.kind === 'object' && name && !rootTypeNames.has(name)) {
      rootTypeNames.add(name);
      for (const f of root.fields) f.id = `${root.id}-${f.name}`;
      roots.push({ operation, type: root });
    }
  }
  const types = [...collected.values()].filter((t) => !rootTypeNames.has(t.name)).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  for (const type of collected.values()) resolveTargets(type, targets);

  notices.push(...validationProblems(doc));
  const model: GraphqlModel = { label: 'GraphQL schema', roots, types, notices };
  const clipped = clip(description);
  if (clipped) model.description = clipped;
  return { ok: true, model };
}

/** What `graphql` itself finds wrong with the schema (unknown types, bad interfaces), as up to five messages. */
function validationProblems(doc: DocumentNode): string[] {
  try {
    const errors = validateSchema(buildASTSchema(doc));
    return errors.slice(0, 5).map((e) => `The schema is not valid: ${e.message}`);
  } catch (error) {
    return [`The schema is not valid: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`];
  }
}

function collect(def: DefinitionNode, collected: Map<string, GraphqlType>, ids: (prefix: string, name: string) => string, notices: string[]): void {
  const kind = kindOf(def);
  if (!kind || !('name' in def) || !def.name) return;
  const name = def.name.value;
  let type = collected.get(name);
  if (!type) {
    if (collected.size >= LIMITS.maxTypes) {
      if (!notices.some((n) => n.startsWith('Only the first'))) notices.push(`Only the first ${LIMITS.maxTypes} types are shown.`);
      return;
    }
    type = { id: ids('type', name), name, kind, interfaces: [], fields: [], values: [], members: [] };
    collected.set(name, type);
  }
  if ('description' in def && def.description && !type.description) {
    const text = clip(def.description.value);
    if (text) type.description = text;
  }
  if ('interfaces' in def) for (const i of def.interfaces ?? []) type.interfaces.push([{ text: i.name.value }]);
  if ('fields' in def) {
    for (const f of def.fields ?? []) {
      if (type.fields.length >= LIMITS.maxFields) break;
      type.fields.push(f.kind === Kind.FIELD_DEFINITION ? field(f) : inputField(f));
    }
  }
  if ('values' in def) {
    for (const v of def.values ?? []) {
      if (type.values.length >= LIMITS.maxFields) break;
      const value: GraphqlType['values'][number] = { name: v.name.value };
      const text = describe(v.description);
      if (text) value.description = text;
      const reason = deprecation(v.directives);
      if (reason) value.deprecated = reason;
      type.values.push(value);
    }
  }
  if ('types' in def) for (const t of def.types ?? []) type.members.push([{ text: t.name.value }]);
}

function kindOf(def: DefinitionNode): GraphqlTypeKind | undefined {
  switch (def.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.OBJECT_TYPE_EXTENSION:
      return 'object';
    case Kind.INTERFACE_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_EXTENSION:
      return 'interface';
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
    case Kind.INPUT_OBJECT_TYPE_EXTENSION:
      return 'input';
    case Kind.ENUM_TYPE_DEFINITION:
    case Kind.ENUM_TYPE_EXTENSION:
      return 'enum';
    case Kind.UNION_TYPE_DEFINITION:
    case Kind.UNION_TYPE_EXTENSION:
      return 'union';
    case Kind.SCALAR_TYPE_DEFINITION:
    case Kind.SCALAR_TYPE_EXTENSION:
      return 'scalar';
    default:
      return undefined;
  }
}

function field(f: FieldDefinitionNode): GraphqlField {
  const out: GraphqlField = { name: f.name.value, type: typeRef(f.type), args: (f.arguments ?? []).slice(0, LIMITS.maxFields).map(argument) };
  const text = describe(f.description);
  if (text) out.description = text;
  const reason = deprecation(f.directives);
  if (reason) out.deprecated = reason;
  return out;
}

function inputField(f: InputValueDefinitionNode): GraphqlField {
  const { name, type, defaultValue, description, deprecated } = argument(f);
  const out: GraphqlField = { name, type, args: [] };
  if (description) out.description = description;
  if (deprecated) out.deprecated = deprecated;
  // An input field's default reads like an argument's: shown after its type.
  if (defaultValue !== undefined) out.type = [...type, { text: ` = ${defaultValue}` }];
  return out;
}

function argument(a: InputValueDefinitionNode): GraphqlArgument {
  const out: GraphqlArgument = { name: a.name.value, type: typeRef(a.type) };
  if (a.defaultValue) out.defaultValue = print(a.defaultValue).slice(0, 200);
  const text = describe(a.description);
  if (text) out.description = text;
  const reason = deprecation(a.directives);
  if (reason) out.deprecated = reason;
  return out;
}

/** `[Place!]!` as parts; named types are linked later, once every type is known. */
function typeRef(node: TypeNode): TypeRef {
  if (node.kind === Kind.NAMED_TYPE) return [{ text: node.name.value }];
  if (node.kind === Kind.LIST_TYPE) return [{ text: '[' }, ...typeRef(node.type), { text: ']' }];
  return [...typeRef(node.type), { text: '!' }];
}

function resolveTargets(type: GraphqlType, targets: Map<string, string>): void {
  const link = (ref: TypeRef) => {
    for (const part of ref) {
      const target = targets.get(part.text);
      if (target) part.target = target;
    }
  };
  type.interfaces.forEach(link);
  type.members.forEach(link);
  for (const f of type.fields) {
    link(f.type);
    for (const a of f.args) link(a.type);
  }
}

function describe(node: StringValueNode | undefined): string | undefined {
  return node ? clip(node.value) : undefined;
}

/** The `@deprecated` reason, `No longer supported` (GraphQL's default) when none is given. */
function deprecation(directives: readonly ConstDirectiveNode[] | undefined): string | undefined {
  const directive = directives?.find((d) => d.name.value === 'deprecated');
  if (!directive) return undefined;
  const reason = directive.arguments?.find((a) => a.name.value === 'reason')?.value;
  return reason?.kind === Kind.STRING ? reason.value : 'No longer supported';
}
