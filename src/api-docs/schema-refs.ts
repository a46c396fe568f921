/**
 * Local `$ref` resolution for OpenAPI and AsyncAPI documents. Only `#/…`
 * pointers into the same document are followed (no network, no files);
 * external refs are kept as text. Refs to named schemas stop at the name, so
 * pages link to the schema instead of inlining it; chains of other refs are
 * followed with a hop limit and a cycle guard.
 */
import { LIMITS } from './limits.ts';
import { field, isRecord } from './read.ts';

export interface NamedSchemaRef {
  name: string;
  id: string;
}

/** What a parse of one document shares: the document, its named schemas, notices and work budgets. */
export interface SchemaContext {
  root: unknown;
  /** Normalized pointer (`#/components/schemas/Money`) → the schema's name and page id. */
  named: Map<string, NamedSchemaRef>;
  notices: Set<string>;
  /** Property rows still allowed in this document. */
  propertyRows: number;
  /** Generated example values still allowed in this document. */
  exampleNodes: number;
}

export function schemaContext(root: unknown): SchemaContext {
  return {
    root,
    named: new Map(),
    notices: new Set(),
    propertyRows: LIMITS.maxPropertyRows,
    exampleNodes: LIMITS.maxExampleNodesTotal,
  };
}

/** JSON pointer of a named schema under `base` (`#/components/schemas`). */
export function pointerTo(base: string, name: string): string {
  return `${base}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** A ref as written (`#/components/schemas/My%20Type`) in the form `pointerTo` produces. */
export function normalizeRef(ref: string): string {
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref;
  }
}

/** The value a local pointer (`#/a/b~1c/0`) points to, or undefined. */
export function resolvePointer(root: unknown, ref: string): unknown {
  const pointer = normalizeRef(ref);
  if (!pointer.startsWith('#')) return undefined;
  if (pointer === '#' || pointer === '#/') return root;
  if (!pointer.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of pointer.slice(2).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else {
      node = field(node, segment);
    }
    if (node === undefined) return undefined;
  }
  return node;
}

export type Deref =
  | { kind: 'value'; value: unknown; named?: NamedSchemaRef }
  | { kind: 'named'; named: NamedSchemaRef }
  | { kind: 'external'; ref: string }
  | { kind: 'missing'; ref: string }
  | { kind: 'cycle'; ref: string };

/**
 * Follow `value`'s `$ref`s. With `throughNamed`, a named schema is entered too
 * (its name is kept in `named`); `seen` holds the refs already entered on the
 * current path and is extended, so callers pass a copy per branch.
 */
export function deref(ctx: SchemaContext, value: unknown, seen: Set<string>, throughNamed = false): Deref {
  let current = value;
  let named: NamedSchemaRef | undefined;
  for (let hop = 0; hop <= LIMITS.maxRefHops; hop++) {
    const ref = field(current, '$ref');
    if (typeof ref !== 'string') return named ? { kind: 'value', value: current, named } : { kind: 'value', value: current };
    if (!ref.startsWith('#')) {
      ctx.notices.add(`External references such as \`${ref.slice(0, 200)}\` are shown as written: Frontdoor does not fetch other files.`);
      return { kind: 'external', ref };
    }
    const pointer = normalizeRef(ref);
    const target = ctx.named.get(pointer);
    if (target && !throughNamed) return { kind: 'named', named: target };
    if (seen.has(pointer)) return { kind: 'cycle', ref };
    seen.add(pointer);
    const next = resolvePointer(ctx.root, ref);
    if (next === undefined) {
      ctx.notices.add(`Some references point nowhere in the document, e.g. \`${ref.slice(0, 200)}\`.`);
      return { kind: 'missing', ref };
    }
    if (target) named = target;
    current = next;
  }
  return { kind: 'cycle', ref: String(field(current, '$ref')) };
}

/** `value` itself when it is not a `$ref`, else what the ref chain leads to (entering named schemas), or undefined. */
export function resolved(ctx: SchemaContext, value: unknown, seen = new Set<string>()): unknown {
  const result = deref(ctx, value, seen, true);
  return result.kind === 'value' ? result.value : undefined;
}

/** Resolves a `$ref`'d object that is not a schema (parameter, response, message, example) to a record. */
export function resolvedRecord(ctx: SchemaContext, value: unknown): Record<string, unknown> | undefined {
  const found = resolved(ctx, value);
  return isRecord(found) ? found : undefined;
}
