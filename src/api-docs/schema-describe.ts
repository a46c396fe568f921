/**
 * JSON Schema (as used by OpenAPI 3.0/3.1, Swagger 2.0 and AsyncAPI) turned
 * into what a reader needs: a one-line type (`array of Booking`,
 * `string (date-time) | null`) with links to named schemas, and property
 * tables one level deep. Everything is capped: type expressions by depth and
 * length, properties by count, the whole document by a row budget.
 */
import { LIMITS } from './limits.ts';
import type { NamedSchema, SchemaProperty, TypeRef } from './model.ts';
import { clip, entries, field, isRecord, isTrue, list, text } from './read.ts';
import { deref, type SchemaContext } from './schema-refs.ts';
import { exampleFrom } from './schema-example.ts';

/** The type of `schema` as a one-line expression. */
export function typeOf(ctx: SchemaContext, schema: unknown, seen = new Set<string>()): TypeRef {
  const out: TypeRef = [];
  describeInto(ctx, schema, out, 0, seen, { parts: LIMITS.maxTypeParts });
  return mergeText(out);
}

/** Parts left for one type expression, shared by every branch so wide compositions stop early. */
interface Budget {
  parts: number;
}

function push(out: TypeRef, part: string, target?: string): void {
  out.push(target === undefined ? { text: part } : { text: part, target });
}

function mergeText(parts: TypeRef): TypeRef {
  const merged: TypeRef = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && last.target === undefined && part.target === undefined) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

function describeInto(ctx: SchemaContext, schema: unknown, out: TypeRef, depth: number, seen: Set<string>, budget: Budget): void {
  if (--budget.parts < 0) {
    if (out.at(-1)?.text !== '…') push(out, '…');
    return;
  }
  const found = deref(ctx, schema, seen);
  if (found.kind === 'named') return push(out, found.named.name, found.named.id);
  if (found.kind === 'external') return push(out, found.ref);
  if (found.kind === 'missing') return push(out, `${found.ref} (not found)`);
  if (found.kind === 'cycle') return push(out, '(recursive)');
  const s = found.value;
  if (s === false) return push(out, 'never');
  if (!isRecord(s) || Object.keys(s).length === 0) return push(out, 'any');
  if (depth >= LIMITS.maxTypeDepth) return push(out, '…');

  if (Object.hasOwn(s, 'const')) return push(out, scalarText(s['const']));
  const union = list(s, 'oneOf').length > 0 ? list(s, 'oneOf') : list(s, 'anyOf');
  if (union.length > 0) {
    joinMembers(ctx, union, ' | ', out, depth, seen, budget);
    if (isTrue(s, 'nullable')) push(out, ' | null');
    return;
  }
  const all = list(s, 'allOf');
  if (all.length > 0 && !field(s, 'properties')) {
    joinMembers(ctx, all, ' & ', out, depth, seen, budget);
    return;
  }

  const types = typeNames(s);
  types.forEach((type, i) => {
    if (i > 0) push(out, ' | ');
    if (type === 'array') {
      const items = field(s, 'items');
      if (Array.isArray(items)) return push(out, 'tuple');
      push(out, 'array of ');
      describeWrapped(ctx, items, out, depth, seen, budget);
    } else if (type === 'object') {
      const extra = field(s, 'additionalProperties');
      if (isRecord(extra) && !field(s, 'properties') && Object.keys(extra).length > 0) {
        push(out, 'map of ');
        describeWrapped(ctx, extra, out, depth, seen, budget);
      } else {
        push(out, 'object');
      }
    } else {
      const format = text(s, 'format');
      push(out, format ? `${type} (${format})` : type);
    }
  });
}

/** Members of a composition, joined; parenthesized when one is itself a composition. */
function joinMembers(ctx: SchemaContext, members: unknown[], separator: string, out: TypeRef, depth: number, seen: Set<string>, budget: Budget): void {
  for (const [i, member] of members.slice(0, LIMITS.maxCompositionMembers).entries()) {
    if (budget.parts < 0) break;
    if (i > 0) push(out, separator);
    describeWrapped(ctx, member, out, depth, seen, budget);
  }
  if (members.length > LIMITS.maxCompositionMembers || budget.parts < 0) push(out, `${separator}…`);
}

function describeWrapped(ctx: SchemaContext, schema: unknown, out: TypeRef, depth: number, seen: Set<string>, budget: Budget): void {
  const inner: TypeRef = [];
  describeInto(ctx, schema, inner, depth + 1, new Set(seen), budget);
  const needsParens = inner.some((p) => p.target === undefined && (p.text.includes(' | ') || p.text.includes(' & ')));
  if (needsParens) push(out, '(');
  for (const part of inner) push(out, part.text, part.target);
  if (needsParens) push(out, ')');
}

/** `type` as a list (3.1 allows `[string, 'null']`), inferred when absent; 3.0 `nullable` adds `null`. */
function typeNames(s: Record<string, unknown>): string[] {
  const declared = field(s, 'type');
  let types: string[];
  if (typeof declared === 'string') types = [declared];
  else if (Array.isArray(declared)) types = declared.filter((t): t is string => typeof t === 'string').slice(0, 8);
  else if (field(s, 'properties') !== undefined || field(s, 'additionalProperties') !== undefined) types = ['object'];
  else if (field(s, 'items') !== undefined) types = ['array'];
  else if (list(s, 'enum').length > 0) types = [jsonTypeOf(list(s, 'enum')[0])];
  else types = ['any'];
  if (isTrue(s, 'nullable') && !types.includes('null')) types.push('null');
  return types;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** A scalar as JSON text (`"confirmed"`, `3`, `null`); objects as `{…}`. */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? '[…]' : '{…}';
}

/** `enum` values as JSON text, or undefined; for an array, its items' enum. */
export function enumOf(ctx: SchemaContext, schema: unknown): string[] | undefined {
  let values = list(schema, 'enum');
  if (values.length === 0 && field(schema, 'type') === 'array') {
    const items = deref(ctx, field(schema, 'items'), new Set());
    if (items.kind === 'value') values = list(items.value, 'enum');
  }
  if (values.length === 0) return undefined;
  const shown = values.slice(0, 100).map(scalarText);
  if (values.length > 100) shown.push(`… ${values.length - 100} more`);
  return shown;
}

interface ObjectShape {
  properties: Map<string, unknown>;
  required: Set<string>;
  visits: number;
}

/**
 * Own and `allOf`-inherited properties of an object schema (entering named
 * schemas), later ones winning. `visits` bounds the walk when `allOf`s fan out.
 */
function objectShape(
  ctx: SchemaContext,
  schema: unknown,
  seen: Set<string>,
  shape: ObjectShape = { properties: new Map(), required: new Set(), visits: 100 },
  depth = 0,
): ObjectShape {
  if (depth > LIMITS.maxTypeDepth * 2 || --shape.visits < 0) return shape;
  const found = deref(ctx, schema, seen, true);
  if (found.kind !== 'value' || !isRecord(found.value)) return shape;
  const s = found.value;
  for (const member of list(s, 'allOf').slice(0, LIMITS.maxCompositionMembers)) objectShape(ctx, member, new Set(seen), shape, depth + 1);
  for (const [name, property] of entries(field(s, 'properties'), LIMITS.maxPropertiesPerSchema)) {
    if (shape.properties.size >= LIMITS.maxPropertiesPerSchema && !shape.properties.has(name)) break;
    shape.properties.set(name, property);
  }
  for (const name of list(s, 'required')) if (typeof name === 'string') shape.required.add(name);
  return shape;
}

/**
 * Property rows of an object schema. Inline objects (and arrays of them) get
 * their own rows one level down (`level` 0 → 1); deeper, and for named
 * schemas, the type links to where they are described.
 */
export function propertiesOf(ctx: SchemaContext, schema: unknown, level = 0, seen = new Set<string>()): SchemaProperty[] {
  const shape = objectShape(ctx, schema, new Set(seen));
  const rows: SchemaProperty[] = [];
  for (const [name, property] of shape.properties) {
    if (ctx.propertyRows <= 0) {
      ctx.notices.add(`Only the first ${LIMITS.maxPropertyRows} property rows of the definition are shown.`);
      break;
    }
    ctx.propertyRows--;
    const found = deref(ctx, property, new Set(seen));
    const inline = found.kind === 'value' && isRecord(found.value) ? found.value : undefined;
    const row: SchemaProperty = {
      name,
      type: typeOf(ctx, property, new Set(seen)),
      required: shape.required.has(name),
      deprecated: isTrue(inline, 'deprecated'),
    };
    const description = clip(text(property, 'description') ?? text(inline, 'description'));
    if (description) row.description = description;
    const values = inline ? enumOf(ctx, inline) : undefined;
    if (values) row.enum = values;
    if (level === 0 && inline) {
      const items = field(inline, 'items');
      const itemsInline = deref(ctx, items, new Set(seen));
      const nestedSource = objectShape(ctx, inline, new Set(seen)).properties.size > 0 ? inline : itemsInline.kind === 'value' ? itemsInline.value : undefined;
      if (nestedSource !== undefined) {
        const nested = propertiesOf(ctx, nestedSource, level + 1, seen);
        if (nested.length > 0) row.properties = nested;
      }
    }
    rows.push(row);
  }
  return rows;
}

/** The schemas of a `components/schemas` (or `definitions`) map, in document order. */
export function describeNamedSchemas(ctx: SchemaContext, schemas: [string, unknown, string][]): NamedSchema[] {
  return schemas.map(([name, schema, id]) => {
    const s = isRecord(schema) ? schema : {};
    const out: NamedSchema = {
      id,
      name,
      type: typeOf(ctx, schema),
      deprecated: isTrue(s, 'deprecated'),
      properties: propertiesOf(ctx, schema),
    };
    const description = clip(text(s, 'description'));
    if (description) out.description = description;
    const values = enumOf(ctx, s);
    if (values) out.enum = values;
    const union = list(s, 'oneOf').length > 0 ? list(s, 'oneOf') : list(s, 'anyOf');
    if (union.length > 0) out.variants = union.slice(0, LIMITS.maxCompositionMembers).map((member) => typeOf(ctx, member));
    const example = exampleFrom(ctx, schema);
    if (example) out.example = example;
    return out;
  });
}
