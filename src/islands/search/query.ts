/**
 * Catalog-aware query text: `kind:api owner:team-payments booking` becomes
 * the filters kind=API and owner=team-payments and the text `booking`; an
 * exact entity ref (`component:default/booking-service`, `component:booking-service`)
 * or a lone word that may be an entity's name is noted, so the UI can offer
 * "Go to …" first. Pure: the UI passes in the filter values the index knows
 * (Pagefind's `filters()`), and values are matched against them.
 */
import { parseEntityRef, stringifyEntityRef } from '../../catalog-model/refs.ts';
import { humanizeRef } from '../../view/refs.ts';

/** Prefixes that become filters, each the name of a Pagefind filter key (see the search contract). */
export const PREFIX_KEYS = ['kind', 'owner', 'lifecycle', 'tag', 'type', 'system', 'namespace', 'section'] as const;
export type PrefixKey = (typeof PREFIX_KEYS)[number];

/** Refs in these filters are shown without their default kind (`team-payments` for `group:default/team-payments`). */
const DEFAULT_KIND: Partial<Record<PrefixKey, string>> = { owner: 'group', system: 'system' };

export interface ParsedQuery {
  /** What is left for full-text search, prefixes removed; '' for a filter-only query. */
  text: string;
  /** Filter key → values as the index spells them (values of one key: any may match). */
  filters: Record<string, string[]>;
  /** Prefixes whose value the index does not know: the UI says so (they match nothing). */
  unknown: { key: PrefixKey; value: string }[];
  /** The canonical ref when the query is one entity ref (`component:default/x`). */
  ref?: string;
  /** The lowercase word when the query is one word that may be an entity's name. */
  name?: string;
}

interface Token {
  raw: string;
  key?: string;
  value: string;
}

/** Words, `key:value` and `key:"quoted value"`; a quoted phrase stays one token. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /([A-Za-z]+):"([^"]*)"?|"([^"]*)"?|(\S+)/g;
  for (const match of input.matchAll(pattern)) {
    const [raw, quotedKey, quotedValue, phrase, word] = match;
    if (quotedKey !== undefined) tokens.push({ raw, key: quotedKey, value: quotedValue ?? '' });
    else if (phrase !== undefined) tokens.push({ raw, value: phrase });
    else if (word !== undefined) {
      const colon = word.indexOf(':');
      tokens.push(colon > 0 ? { raw, key: word.slice(0, colon), value: word.slice(colon + 1) } : { raw, value: word });
    }
  }
  return tokens;
}

function isPrefixKey(key: string): key is PrefixKey {
  return (PREFIX_KEYS as readonly string[]).includes(key);
}

/**
 * `group:default/team-payments` and `Team-Payments` both read `team-payments` as an owner: the
 * short form the index holds (src/search-index/ writes owners and systems with humanizeRef).
 */
function comparable(value: string, key: PrefixKey): string {
  const lower = value.trim().toLowerCase();
  const defaultKind = DEFAULT_KIND[key];
  if (!defaultKind) return lower;
  try {
    return humanizeRef(stringifyEntityRef(parseEntityRef(lower, { defaultKind })), defaultKind);
  } catch {
    return lower;
  }
}

/** The index's spelling of `value` for filter `key`, compared case-insensitively. */
export function matchFilterValue(key: PrefixKey, value: string, known: Record<string, Record<string, number>>): string | undefined {
  const wanted = comparable(value, key);
  return Object.keys(known[key] ?? {}).find((candidate) => comparable(candidate, key) === wanted);
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/i;
const REF = /^[a-z][a-z0-9-]*:(?:[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/i;

/** The canonical ref of `text` when it is one ref with a kind (`component:x` → `component:default/x`). */
export function exactRef(text: string): string | undefined {
  const trimmed = text.trim();
  if (!REF.test(trimmed)) return undefined;
  try {
    return stringifyEntityRef(parseEntityRef(trimmed));
  } catch {
    return undefined;
  }
}

/** `kind:api` has the shape of a ref but is a prefix; of the prefixes only `system` is also a kind. */
function isEntityKind(ref: string): boolean {
  const kind = ref.slice(0, ref.indexOf(':'));
  return !isPrefixKey(kind) || kind === 'system';
}

export function parseQuery(input: string, known: Record<string, Record<string, number>>): ParsedQuery {
  const filters: Record<string, string[]> = {};
  const unknown: ParsedQuery['unknown'] = [];
  const words: string[] = [];
  for (const token of tokenize(input)) {
    const key = token.key?.toLowerCase();
    if (key === undefined || !isPrefixKey(key)) {
      words.push(token.raw);
      continue;
    }
    // `kind:` while the value is still being typed: neither text nor filter yet.
    if (token.value.trim() === '') continue;
    const value = matchFilterValue(key, token.value, known);
    if (value === undefined) {
      unknown.push({ key, value: token.value.trim() });
      continue;
    }
    const values = (filters[key] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  const text = words.join(' ');
  const parsed: ParsedQuery = { text, filters, unknown };
  // A ref is a whole query of its own; `system:booking` is both a filter and a ref, so the raw input decides.
  const ref = exactRef(input);
  if (ref && isEntityKind(ref)) parsed.ref = ref;
  else if (words.length === 1 && NAME.test(text)) parsed.name = text.toLowerCase();
  return parsed;
}

/** The text Pagefind searches: an entity ref reads as its name (Pagefind splits on `:` and `/`). */
export function searchTerm(parsed: ParsedQuery): string {
  if (parsed.ref && parsed.text !== '') return parsed.ref.slice(parsed.ref.indexOf('/') + 1);
  return parsed.text;
}
