/**
 * Readers for parsed definition documents, which are untrusted: any field may
 * be missing, of the wrong type, or (through YAML aliases) shared or cyclic.
 * Only own properties are read, so keys like `__proto__` or `constructor`
 * never reach the prototype chain.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of a record, or undefined. */
export function field(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** A non-empty string field (numbers are printed: `version: 1.0` is a number in YAML). */
export function text(value: unknown, key: string): string | undefined {
  const found = field(value, key);
  if (typeof found === 'string') return found.trim() === '' ? undefined : found;
  if (typeof found === 'number' || typeof found === 'boolean') return String(found);
  return undefined;
}

export function record(value: unknown, key: string): JsonRecord | undefined {
  const found = field(value, key);
  return isRecord(found) ? found : undefined;
}

export function list(value: unknown, key: string): unknown[] {
  const found = field(value, key);
  return Array.isArray(found) ? found : [];
}

/** A record's own entries, at most `max` of them. */
export function entries(value: unknown, max: number): [string, unknown][] {
  if (!isRecord(value)) return [];
  const out: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    if (out.length >= max) break;
    out.push([key, value[key]]);
  }
  return out;
}

export function isTrue(value: unknown, key: string): boolean {
  return field(value, key) === true;
}

/** Lines past `max` characters are cut: descriptions are shown as text, not as a page of their own. */
export function clip(value: string | undefined, max = 20_000): string | undefined {
  if (value === undefined) return undefined;
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}

type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** `value` without its undefined fields: models never hold `undefined`, so they compare and serialize cleanly. */
export function compact<T extends object>(value: T): Compact<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Compact<T>;
}
