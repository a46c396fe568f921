/**
 * The search page's state and its URL form, so a search can be shared:
 * `/search/?q=booking&kind=API&kind=Component&docs=component:default/x`.
 * `q` is the text as typed (prefixes included); the other keys are the chips
 * the reader turned on, plus `docs`, the scope a docs site's search started with.
 */
import { PREFIX_KEYS } from './query.ts';

/** Filter keys a URL may carry: the prefixes' keys and the docs scope. */
export const URL_FILTER_KEYS = [...PREFIX_KEYS, 'docs'] as const;

export interface SearchState {
  q: string;
  /** Filter key → values, turned on outside the text (chips, scope). */
  filters: Record<string, string[]>;
}

const MAX_QUERY = 200;
const MAX_VALUES = 20;

/** `?q=…&kind=API` → state; unknown keys, empty values and repeats are dropped, lengths are capped. */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const key of URL_FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).map((v) => v.trim().slice(0, MAX_QUERY)))].filter((v) => v !== '').slice(0, MAX_VALUES);
    if (values.length > 0) filters[key] = values;
  }
  return { q: (params.get('q') ?? '').slice(0, MAX_QUERY), filters };
}

/** State → `?q=…&kind=…` (`''` when empty), keys and values in a stable order so equal searches give equal links. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set('q', q);
  for (const key of URL_FILTER_KEYS) for (const value of [...(state.filters[key] ?? [])].sort()) params.append(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filters of the state with `value` of `key` turned on or off. */
export function toggleFilter(filters: Record<string, string[]>, key: string, value: string): Record<string, string[]> {
  const current = filters[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const { [key]: _, ...rest } = filters;
  return next.length > 0 ? { ...rest, [key]: next } : rest;
}

/** Chip filters and the text's prefix filters together: values of one key add up (any may match). */
export function mergeFilters(...sources: Record<string, string[]>[]): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const source of sources) {
    for (const [key, values] of Object.entries(source)) {
      const list = (merged[key] ??= []);
      for (const value of values) if (!list.includes(value)) list.push(value);
    }
  }
  return merged;
}
