/**
 * The catalog explorer's logic, free of React so it is tested on its own:
 * the state (text filter, facet selections, sort, page) and its URL form, so
 * a filtered view can be shared as a link; and the query itself: filter,
 * facet counts, sort, page.
 *
 * Facets follow the usual faceted-search rules: values of one facet are
 * OR-ed, facets are AND-ed, and a facet's counts ignore its own selection
 * (so picking "Component" still shows how many APIs there are).
 */
import { DEFAULT_NAMESPACE, splitCanonicalRef } from '../../catalog-model/refs.ts';
import { FACETS, type ExplorerEntity, type Facet } from './catalog-index.ts';

export const SORT_KEYS = ['name', 'kind', 'type', 'owner', 'system', 'lifecycle'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ExplorerState {
  q: string;
  filters: Record<Facet, string[]>;
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** 1-based. */
  page: number;
}

export const PAGE_SIZE = 25;

export function emptyFilters(): Record<Facet, string[]> {
  return Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, string[]>;
}

export function defaultState(): ExplorerState {
  return { q: '', filters: emptyFilters(), sort: 'kind', dir: 'asc', page: 1 };
}

/** `?kind=api&kind=component&owner=group:default/a&q=pay&sort=name&dir=desc&page=2` → state. Unknown keys are ignored. */
export function parseState(search: string): ExplorerState {
  const params = new URLSearchParams(search);
  const state = defaultState();
  state.q = (params.get('q') ?? '').slice(0, 200);
  for (const facet of FACETS) state.filters[facet] = [...new Set(params.getAll(facet === 'tags' ? 'tag' : facet))].slice(0, 50);
  const sort = params.get('sort');
  if (sort && (SORT_KEYS as readonly string[]).includes(sort)) state.sort = sort as SortKey;
  if (params.get('dir') === 'desc') state.dir = 'desc';
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) state.page = page;
  return state;
}

/** State → query string (`''` for the default view), stable in order so links compare equal. */
export function serializeState(state: ExplorerState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of FACETS) for (const value of [...state.filters[facet]].sort()) params.append(facet === 'tags' ? 'tag' : facet, value);
  if (state.sort !== 'kind') params.set('sort', state.sort);
  if (state.dir === 'desc') params.set('dir', 'desc');
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface QueryResult {
  rows: ExplorerEntity[];
  total: number;
  page: number;
  pages: number;
  facets: Record<Facet, FacetValue[]>;
}

/** Per-entity values computed once, so each keystroke only compares strings. */
export interface PreparedCatalog {
  entities: readonly ExplorerEntity[];
  search: string[];
  values: Record<Facet, string[]>[];
  labels: Map<string, string>;
}

export function prepareCatalog(entities: readonly ExplorerEntity[]): PreparedCatalog {
  const labels = new Map<string, string>();
  const values = entities.map((e) => {
    if (e.owner) labels.set(`owner\u0000${e.owner}`, e.ownerName ?? shortRef(e.owner));
    if (e.system) labels.set(`system\u0000${e.system}`, e.systemName ?? shortRef(e.system));
    return {
      kind: [e.kind],
      type: e.type ? [e.type] : [],
      owner: e.owner ? [e.owner] : [],
      lifecycle: e.lifecycle ? [e.lifecycle] : [],
      system: e.system ? [e.system] : [],
      namespace: [e.namespace],
      tags: e.tags,
    } satisfies Record<Facet, string[]>;
  });
  const search = entities.map((e) =>
    [e.name, e.title, e.kind, e.type, e.ownerName, e.systemName, e.lifecycle, e.description, ...e.tags].filter(Boolean).join(' ').toLowerCase(),
  );
  return { entities, search, values, labels };
}

export function runQuery(catalog: PreparedCatalog, state: ExplorerState, pageSize = PAGE_SIZE): QueryResult {
  const words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
  const selected = FACETS.filter((f) => state.filters[f].length > 0).map((f) => [f, new Set(state.filters[f])] as const);
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  const matches: number[] = [];

  for (let i = 0; i < catalog.entities.length; i++) {
    const text = catalog.search[i]!;
    if (!words.every((w) => text.includes(w))) continue;
    const values = catalog.values[i]!;
    // Which selected facets reject this entity: a facet's counts may ignore only its own rejection.
    let rejectedBy: Facet | undefined;
    let rejections = 0;
    for (const [facet, chosen] of selected) {
      if (!values[facet].some((v) => chosen.has(v))) {
        rejections++;
        rejectedBy = facet;
        if (rejections > 1) break;
      }
    }
    if (rejections > 1) continue;
    for (const facet of FACETS) {
      if (rejections === 1 && rejectedBy !== facet) continue;
      for (const v of values[facet]) counts[facet].set(v, (counts[facet].get(v) ?? 0) + 1);
    }
    if (rejections === 0) matches.push(i);
  }

  const sorted = matches.map((i) => catalog.entities[i]!).sort(comparator(state.sort, state.dir));
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(Math.max(1, state.page), pages);
  const facets = Object.fromEntries(
    FACETS.map((facet) => {
      const chosen = new Set(state.filters[facet]);
      const list: FacetValue[] = [...counts[facet]].map(([value, count]) => ({
        value,
        label: catalog.labels.get(`${facet}\u0000${value}`) ?? value,
        count,
        selected: chosen.has(value),
      }));
      // A selected value stays visible even when nothing matches it any more.
      for (const value of chosen)
        if (!counts[facet].has(value)) list.push({ value, label: catalog.labels.get(`${facet}\u0000${value}`) ?? value, count: 0, selected: true });
      list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
      return [facet, list];
    }),
  ) as Record<Facet, FacetValue[]>;
  return { rows: sorted.slice((page - 1) * pageSize, page * pageSize), total: sorted.length, page, pages, facets };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function displayLabel(e: ExplorerEntity): string {
  return e.title ?? e.name;
}

function comparator(key: SortKey, dir: 'asc' | 'desc'): (a: ExplorerEntity, b: ExplorerEntity) => number {
  const value = (e: ExplorerEntity): string => {
    switch (key) {
      case 'name':
        return displayLabel(e);
      case 'owner':
        return e.ownerName ?? e.owner ?? '';
      case 'system':
        return e.systemName ?? e.system ?? '';
      default:
        return e[key] ?? '';
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    // Empty values last, whichever the direction.
    if (!va !== !vb) return va ? -1 : 1;
    return (
      sign * collator.compare(va, vb) || collator.compare(a.kind, b.kind) || collator.compare(displayLabel(a), displayLabel(b)) || a.ref.localeCompare(b.ref)
    );
  };
}

/** `group:default/payments` → `payments`; other namespaces keep theirs. */
export function shortRef(ref: string): string {
  const { namespace, name } = splitCanonicalRef(ref);
  return namespace === DEFAULT_NAMESPACE ? name : `${namespace}/${name}`;
}
