/**
 * The part of Pagefind's browser API the search UI uses, typed here because
 * the `pagefind` npm package types only its Node indexing API (the browser
 * API's types live in pagefind_web_js/types/index.d.ts upstream, unpublished).
 *
 * `pagefind.js` is not bundled: it is written by the indexing step into
 * `<base>pagefind/` after Astro has built, so it is imported at run time from
 * that URL, and only when search is first used.
 */
import { BASE, urls } from '../../view/urls.ts';

/** Filter values and how many pages (or results) carry each: `{ kind: { API: 3, Component: 12 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** A Pagefind filter: one key's values, any of which may match. */
export type PagefindFilters = Record<string, { any: string[] }>;

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}

/** One result's data, fetched per result (its fragment file) with `data()`. */
export interface PagefindResultData {
  url: string;
  /** Text around the match, with the matched words in `<mark>`. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  sub_results?: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  /** Counts of each filter value among this search's results. */
  filters: FilterCounts;
  /** Counts without this search's filters. */
  totalFilters: FilterCounts;
  unfilteredResultCount: number;
}

export interface PagefindApi {
  options: (options: { baseUrl?: string; excerptLength?: number }) => Promise<void>;
  init: () => Promise<void>;
  /** `term` null searches all pages, for a filter-only query (`kind:api`). */
  search: (term: string | null, options?: { filters?: PagefindFilters }) => Promise<PagefindSearch | null>;
  filters: () => Promise<FilterCounts>;
  preload: (term: string, options?: { filters?: PagefindFilters }) => Promise<void>;
}

let loading: Promise<PagefindApi> | undefined;

/**
 * Pagefind, loaded once. Result URLs are joined to `baseUrl`: set it from the
 * site's base path, so results link under `/fernway-portal/` on a project
 * site (EventCatalog linked them to the domain root: eventcatalog#1968).
 */
export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    const api = (await import(/* @vite-ignore */ urls.pagefindJs)) as PagefindApi;
    await api.options({ baseUrl: BASE, excerptLength: 24 });
    await api.init();
    return api;
  })();
  // A failed load (offline, no index) may be retried on the next open.
  loading.catch(() => (loading = undefined));
  return loading;
}
