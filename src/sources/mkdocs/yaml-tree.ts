/**
 * mkdocs.yml as a tree of located values. MkDocs configs carry Python tags
 * (`!!python/name:…`, `!!python/object/apply:…`, `!ENV`, `!relative`) that a
 * plain YAML loader rejects; here every tag parses, and a node with a
 * non-standard tag keeps it in `tag` so readers treat its value as opaque.
 * YAML 1.1 like PyYAML (`yes`/`no` booleans, `<<` merge keys); a repeated key
 * keeps its first place and its last value, as a Python dict does.
 */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** Where in a repo file something is (1-based line/column, 0 when unknown). */
export interface Place {
  path: string;
  line: number;
  column: number;
}

export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  at: Place;
  /** A non-standard tag (`tag:yaml.org,2002:python/name:…`, `!ENV`): the value is opaque. */
  tag?: string;
}
export type Located =
  (NodeBase & { kind: 'scalar'; value: ScalarValue }) | (NodeBase & { kind: 'seq'; items: Located[] }) | (NodeBase & { kind: 'map'; entries: MapEntry[] });
export interface MapEntry {
  key: string | null;
  keyAt: Place;
  value: Located;
}

export interface YamlTree {
  root?: Located;
  /** The first syntax error, or a limit hit; the tree is absent (syntax) or cut short (limit). */
  problem?: { kind: 'syntax' | 'limit'; message: string; at: Place };
}

/** Nodes converted per file, aliases included: a "billion laughs" document stops here. */
const MAX_NODES = 100_000;
const MAX_DEPTH = 200;
const STANDARD_TAG = /^tag:yaml\.org,2002:(str|int|float|bool|null|map|seq|omap|pairs|set|binary|timestamp|merge)$/;

export function parseYamlTree(text: string, path: string): YamlTree {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { version: '1.1', lineCounter, uniqueKeys: false, prettyErrors: false, logLevel: 'silent' });
  } catch (error) {
    return { problem: { kind: 'syntax', message: error instanceof Error ? error.message : String(error), at: { path, line: 0, column: 0 } } };
  }
  const placeOf = (offset: number | undefined): Place => {
    if (offset === undefined) return { path, line: 0, column: 0 };
    const { line, col } = lineCounter.linePos(offset);
    return { path, line, column: col };
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const message = firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { problem: { kind: 'syntax', message, at: placeOf(firstError.pos[0]) } };
  }
  if (!doc.contents) return {};

  let budget = MAX_NODES;
  let limit: YamlTree['problem'];
  const convert = (node: unknown, depth: number): Located => {
    const at = placeOf(isAlias(node) || isScalar(node) || isMap(node) || isSeq(node) ? node.range?.[0] : undefined);
    if (--budget < 0 || depth > MAX_DEPTH) {
      limit ??= { kind: 'limit', message: budget < 0 ? `more than ${MAX_NODES} values (aliases expanded)` : `nested deeper than ${MAX_DEPTH} levels`, at };
      return { kind: 'scalar', value: null, at };
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      return target ? convert(target, depth + 1) : { kind: 'scalar', value: null, at };
    }
    const tag = (node as Node).tag;
    const custom = tag && !STANDARD_TAG.test(tag) ? { tag } : {};
    if (isMap(node)) {
      const entries: MapEntry[] = [];
      const merged: MapEntry[] = [];
      const index = new Map<string | null, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const value: Located =
          pair.value === null ? { kind: 'scalar', value: null, at: placeOf((pair.key as Node | null)?.range?.[2]) } : convert(pair.value, depth + 1);
        if (isScalar(pair.key) && typeof pair.key.value === 'symbol') {
          // `<<: *base` or `<<: [*a, *b]`: merged keys never override explicit ones, earlier sources win.
          const sources = value.kind === 'seq' ? value.items : [value];
          for (const source of sources) if (source.kind === 'map') merged.push(...source.entries);
          continue;
        }
        // A collection or alias key reads as yaml writes it (`{"m":1}`, `*base`).
        const key = isScalar(pair.key) ? keyString(pyYamlValue(pair.key.value, pair.key.source)) : isNode(pair.key) ? pair.key.toString() : null;
        const existing = index.get(key);
        if (existing !== undefined) entries[existing] = { ...entries[existing]!, value };
        else index.set(key, entries.push({ key, keyAt: placeOf((pair.key as Node | null)?.range?.[0]), value }) - 1);
      }
      for (const entry of merged) if (!index.has(entry.key)) index.set(entry.key, entries.push(entry) - 1);
      return { kind: 'map', entries, at, ...custom };
    }
    if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => convert(item, depth + 1)), at, ...custom };
    if (isScalar(node)) return { kind: 'scalar', value: pyYamlValue(node.value, node.source), at, ...custom };
    return { kind: 'scalar', value: null, at, ...custom };
  };
  const root = convert(doc.contents, 0);
  return limit ? { root, problem: limit } : { root };
}

/** PyYAML's resolvers where yaml's YAML 1.1 schema is broader: `y`/`n`, `.`, `1e5` stay strings. */
const PY_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PY_FLOAT =
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function pyYamlValue(value: unknown, source: string | undefined): ScalarValue {
  if (source !== undefined && typeof value === 'boolean' && /^[yYnN]$/.test(source)) return source;
  if (source !== undefined && typeof value === 'number' && !PY_INT.test(source) && !PY_FLOAT.test(source)) return source;
  return scalarValue(value);
}

function scalarValue(value: unknown): ScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().replace(/T00:00:00\.000Z$/, '');
  // What else YAML 1.1 gives: !!binary bytes (a Buffer, which String reads as UTF-8 text) and the `<<` merge symbol.
  if (value instanceof Uint8Array || typeof value === 'symbol') return String(value);
  return null;
}

/** A mapping key as Python's str() shows it (MkDocs uses keys as nav titles): `yes:` is 'True'. */
function keyString(value: unknown): string | null {
  const scalar = scalarValue(value);
  if (typeof scalar === 'boolean') return scalar ? 'True' : 'False';
  return scalar === null ? null : String(scalar);
}

/** The entry of a mapping node, by key. */
export function entryOf(node: Located | undefined, key: string): MapEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key) : undefined;
}

/** A plain (untagged) string value, else undefined. */
export function stringOf(node: Located | undefined): string | undefined {
  return node?.kind === 'scalar' && !node.tag && typeof node.value === 'string' ? node.value : undefined;
}

/** A short description of a node for messages: `a list`, `a mapping`, `the number 3`, `a !ENV value`. */
export function describe(node: Located | undefined): string {
  if (!node) return 'nothing';
  if (node.tag) return `a ${node.tag.replace(/^tag:yaml\.org,2002:/, '!!')} value`;
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'map') return node.entries.length ? `a mapping with keys ${node.entries.map((e) => `'${e.key}'`).join(', ')}` : 'an empty mapping';
  if (node.value === null) return 'an empty value';
  return typeof node.value === 'string' ? `the string '${node.value}'` : `the ${typeof node.value} ${String(node.value)}`;
}
