/**
 * Examples: the ones a definition gives, printed as JSON, and, when it gives
 * none, one made up from the schema (like Swagger UI's "Example Value").
 * Generation is capped by depth, by values per example and by a budget for
 * the whole document; printing is cycle-safe (YAML aliases can make cycles)
 * and capped in length.
 */
import { LIMITS } from './limits.ts';
import type { Example } from './model.ts';
import { entries, field, isRecord, list } from './read.ts';
import { deref, type SchemaContext } from './schema-refs.ts';

/** An example for `schema`: its own `example`/`examples`/`default`, else a generated one. */
export function exampleFrom(ctx: SchemaContext, schema: unknown): Example | undefined {
  const found = deref(ctx, schema, new Set(), true);
  const s = found.kind === 'value' ? found.value : undefined;
  if (isRecord(s)) {
    if (Object.hasOwn(s, 'example')) return { value: exampleText(s['example']), generated: false };
    const listed = list(s, 'examples');
    if (listed.length > 0) return { value: exampleText(listed[0]), generated: false };
  }
  return generatedExample(ctx, schema);
}

/** A value made up from the schema, or undefined when there is nothing to show. */
export function generatedExample(ctx: SchemaContext, schema: unknown): Example | undefined {
  if (ctx.exampleNodes <= 0) return undefined;
  const budget = { nodes: Math.min(LIMITS.maxExampleNodes, ctx.exampleNodes) };
  const start = budget.nodes;
  const value = generate(ctx, schema, 0, new Set(), budget);
  ctx.exampleNodes -= start - budget.nodes;
  if (ctx.exampleNodes <= 0) ctx.notices.add('Examples are generated for the first schemas only: the definition is too large for more.');
  return value === undefined ? undefined : { value: exampleText(value), generated: true };
}

const FORMAT_EXAMPLES: Record<string, string> = {
  'date-time': '2024-07-12T06:10:00Z',
  date: '2024-07-12',
  time: '06:10:00',
  duration: 'PT20M',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  'uri-reference': '/path',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  byte: 'U3dhZ2dlciByb2Nrcw==',
  binary: '<binary>',
  password: '********',
};

function generate(ctx: SchemaContext, schema: unknown, depth: number, seen: Set<string>, budget: { nodes: number }): unknown {
  if (depth > LIMITS.maxExampleDepth || budget.nodes <= 0) return undefined;
  budget.nodes--;
  const found = deref(ctx, schema, seen, true);
  if (found.kind !== 'value') return undefined;
  const s = found.value;
  if (!isRecord(s)) return undefined;
  if (Object.hasOwn(s, 'example')) return s['example'];
  const listed = list(s, 'examples');
  if (listed.length > 0) return listed[0];
  if (Object.hasOwn(s, 'default')) return s['default'];
  if (Object.hasOwn(s, 'const')) return s['const'];
  const values = list(s, 'enum');
  if (values.length > 0) return values[0];

  const union = list(s, 'oneOf').length > 0 ? list(s, 'oneOf') : list(s, 'anyOf');
  if (union.length > 0) return generate(ctx, union[0], depth + 1, new Set(seen), budget);
  const all = list(s, 'allOf');
  if (all.length > 0) {
    const merged: Record<string, unknown> = {};
    let any = false;
    for (const member of all.slice(0, LIMITS.maxCompositionMembers)) {
      const part = generate(ctx, member, depth + 1, new Set(seen), budget);
      if (isRecord(part)) Object.assign(merged, part);
      else if (part !== undefined && !any) return part;
      any = true;
    }
    const own = objectExample(ctx, s, depth, seen, budget);
    return isRecord(own) ? { ...merged, ...own } : merged;
  }

  const declared = field(s, 'type');
  const type: unknown = Array.isArray(declared) ? declared.find((t) => t !== 'null') : declared;
  if (type === 'object' || (type === undefined && (field(s, 'properties') !== undefined || field(s, 'additionalProperties') !== undefined))) {
    return objectExample(ctx, s, depth, seen, budget);
  }
  if (type === 'array' || (type === undefined && field(s, 'items') !== undefined)) {
    const item = generate(ctx, field(s, 'items'), depth + 1, new Set(seen), budget);
    return item === undefined ? [] : [item];
  }
  if (type === 'string') {
    const format = field(s, 'format');
    return (typeof format === 'string' && FORMAT_EXAMPLES[format]) || 'string';
  }
  if (type === 'integer' || type === 'number') {
    const minimum = field(s, 'minimum');
    return typeof minimum === 'number' ? minimum : 0;
  }
  if (type === 'boolean') return true;
  if (type === 'null') return null;
  return undefined;
}

function objectExample(ctx: SchemaContext, s: Record<string, unknown>, depth: number, seen: Set<string>, budget: { nodes: number }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, property] of entries(field(s, 'properties'), 30)) {
    const value = generate(ctx, property, depth + 1, new Set(seen), budget);
    if (value !== undefined) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  const extra = field(s, 'additionalProperties');
  if (Object.keys(out).length === 0 && isRecord(extra)) {
    const value = generate(ctx, extra, depth + 1, new Set(seen), budget);
    if (value !== undefined) out['key'] = value;
  }
  return out;
}

/** An example value as text: strings as they are, anything else as indented JSON. */
export function exampleText(value: unknown): string {
  if (typeof value === 'string') return value.length > LIMITS.maxExampleChars ? `${value.slice(0, LIMITS.maxExampleChars)}\n…` : value;
  const out: string[] = [];
  const state = { chars: 0, cut: false };
  writeJson(value, '', new Set(), out, state, 0);
  return state.cut ? `${out.join('')}\n… (cut at ${LIMITS.maxExampleChars} characters)` : out.join('');
}

function writeJson(value: unknown, indent: string, stack: Set<object>, out: string[], state: { chars: number; cut: boolean }, depth: number): void {
  const emit = (s: string) => {
    if (state.cut) return;
    if (state.chars + s.length > LIMITS.maxExampleChars) {
      state.cut = true;
      return;
    }
    state.chars += s.length;
    out.push(s);
  };
  if (value === null || value === undefined) return emit('null');
  if (typeof value === 'number') return emit(Number.isFinite(value) ? String(value) : 'null');
  if (typeof value === 'boolean') return emit(String(value));
  if (typeof value === 'string') return emit(JSON.stringify(value));
  if (typeof value === 'bigint') return emit(String(value));
  if (value instanceof Date) return emit(JSON.stringify(Number.isNaN(value.getTime()) ? String(value) : value.toISOString()));
  if (typeof value !== 'object') return emit('null');
  if (stack.has(value)) return emit('"(circular)"');
  if (depth >= 20) return emit(Array.isArray(value) ? '[…]' : '{…}');
  stack.add(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) emit('[]');
    else {
      emit('[\n');
      for (let i = 0; i < value.length && !state.cut; i++) {
        emit(inner);
        writeJson(value[i], inner, stack, out, state, depth + 1);
        emit(i < value.length - 1 ? ',\n' : '\n');
      }
      emit(`${indent}]`);
    }
  } else {
    const keys = Object.keys(value);
    if (keys.length === 0) emit('{}');
    else {
      emit('{\n');
      for (let i = 0; i < keys.length && !state.cut; i++) {
        const key = keys[i] ?? '';
        emit(`${inner}${JSON.stringify(key)}: `);
        writeJson((value as Record<string, unknown>)[key], inner, stack, out, state, depth + 1);
        emit(i < keys.length - 1 ? ',\n' : '\n');
      }
      emit(`${indent}}`);
    }
  }
  stack.delete(value);
}
