/**
 * One search, from what the reader typed and turned on to what the UI shows:
 * the query text is parsed (prefixes → filters), merged with the chips and
 * the docs scope, searched with Pagefind, and only the results to be shown
 * have their data (one fragment file each) fetched, to keep network small.
 * No DOM here: the element renders the outcome.
 */
import type { FilterCounts, PagefindApi, PagefindFilters, PagefindResult } from './pagefind-api.ts';
import { parseQuery, searchTerm, type ParsedQuery } from './query.ts';
import { findGoto, gotoFromRef, toResultView, type GotoView, type ResultView } from './results.ts';
import { mergeFilters } from './state.ts';

/**
 * Filters offered as chips, in this order, with the values offered (all the
 * search's values when not listed). Of the sections only Docs: the others
 * (Catalog, API, People, Template) repeat what the kind chips say.
 */
const CHIPS: readonly { key: string; values?: readonly string[] }[] = [{ key: 'section', values: ['Docs'] }, { key: 'kind' }];
const CHIP_KEYS = CHIPS.map((chip) => chip.key);

export interface SearchRequest {
  /** The query text as typed. */
  q: string;
  /** Values turned on with chips (or from the URL). */
  chips: Record<string, string[]>;
  /** Canonical ref of the entity whose docs the search is limited to. */
  scope: string | undefined;
  /** How many results to show (and fetch data for). */
  limit: number;
  /** Headings shown under a docs result. */
  maxSubResults: number;
  /**
   * The reader is typing: a last word of one or two letters after other words waits
   * (withoutStartedWord) until typing pauses. Otherwise (a pause, a chip, a shared link) the
   * whole text is searched.
   */
  typing?: boolean;
}

export interface ChipView {
  key: string;
  value: string;
  count: number;
  pressed: boolean;
  /** Set by a prefix in the query text: the text, not the chip, turns it off. */
  fromText: boolean;
}

export interface SearchOutcome {
  request: SearchRequest;
  parsed: ParsedQuery;
  /** Nothing to search yet (empty text and no filter). */
  idle: boolean;
  total: number;
  goto: GotoView | undefined;
  results: ResultView[];
  chips: ChipView[];
  /** The results after the shown ones, for "Load more". */
  rest: PagefindResult[];
  /** The words searched for, marked in entity descriptions (of these results and of "Load more"). */
  terms: string[];
  /** A started word was left out while typing: search the whole text again once typing pauses. */
  deferred: boolean;
}

function toPagefindFilters(filters: Record<string, string[]>): PagefindFilters {
  return Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, { any: values }]));
}

const goneOrFound = new Map<string, Promise<boolean>>();

/** Whether an entity page exists, asked once per URL (a HEAD request to the static host). */
function pageExists(url: string): Promise<boolean> {
  let known = goneOrFound.get(url);
  if (!known) {
    known = fetch(url, { method: 'HEAD' }).then(
      (response) => response.ok,
      () => false,
    );
    goneOrFound.set(url, known);
  }
  return known;
}

/** The fewest characters of text a search runs for, unless filters are set. */
export const MIN_QUERY_LENGTH = 2;

/**
 * The text without a last part of one or two characters after other words or parts (`supplier e`,
 * `refund sy`, `profile-t`). Pagefind matches the last word as a prefix, looking it up in the one
 * index chunk whose word range holds it, so a short prefix downloads a chunk (about 16 KB at 1,000
 * repos) that the next keystroke's longer prefix usually swaps for another, for a list that next
 * keystroke replaces; measured on the 1,000-repo org, these prefixes were a third of the bytes of a
 * query typed key by key. The words before it are searched meanwhile, so the list still narrows.
 */
export function withoutStartedWord(text: string): string {
  const match = /^(.*[\p{L}\p{N}])[\s\-_./:]+[\p{L}\p{N}]{1,2}$/su.exec(text.trimEnd());
  return match ? match[1]! : text;
}

/** The words of a query's text, marked in entity descriptions. */
function queryTerms(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/** Result data for `results`, in order, dropping results whose URL is not a page of this site. */
export async function loadViews(results: readonly PagefindResult[], maxSubResults: number, terms: readonly string[]): Promise<ResultView[]> {
  const data = await Promise.all(results.map((result) => result.data()));
  return data.flatMap((d) => toResultView(d, maxSubResults, terms) ?? []);
}

/** Chip values with their counts: each key counted as if its own chips were off, so a pressed chip does not zero its siblings. */
async function chipViews(
  pagefind: PagefindApi,
  term: string | null,
  base: Record<string, string[]>,
  chips: Record<string, string[]>,
  fromText: Record<string, string[]>,
  counts: FilterCounts,
): Promise<ChipView[]> {
  const views: ChipView[] = [];
  for (const { key, values: offered } of CHIPS) {
    let keyCounts = counts[key] ?? {};
    if (chips[key]?.length) {
      const { [key]: _, ...others } = chips;
      const without = await pagefind.search(term, { filters: toPagefindFilters(mergeFilters(base, others)) });
      keyCounts = without?.filters[key] ?? keyCounts;
    }
    const values = new Set([...(offered ?? Object.keys(keyCounts)), ...(chips[key] ?? []), ...(fromText[key] ?? [])]);
    for (const value of [...values].sort((a, b) => a.localeCompare(b))) {
      const count = keyCounts[value] ?? 0;
      const text = fromText[key]?.includes(value) ?? false;
      const pressed = text || (chips[key]?.includes(value) ?? false);
      if (count > 0 || pressed) views.push({ key, value, count, pressed, fromText: text });
    }
  }
  // Chips turned on for other keys (a shared link's owner=…) stay visible, so they can be turned off.
  for (const [key, values] of Object.entries(chips)) {
    if (CHIP_KEYS.includes(key) || key === 'docs') continue;
    for (const value of values) views.push({ key, value, count: counts[key]?.[value] ?? 0, pressed: true, fromText: false });
  }
  return views;
}

export async function runSearch(pagefind: PagefindApi, known: FilterCounts, request: SearchRequest): Promise<SearchOutcome> {
  const parsed = parseQuery(request.q, known);
  const typed = searchTerm(parsed);
  const text = request.typing ? withoutStartedWord(typed) : typed;
  // The text's filters and the scope are the base; chips are counted apart from them.
  const base = mergeFilters(parsed.filters, request.scope ? { docs: [request.scope] } : {});
  const filters = mergeFilters(base, request.chips);
  const hasFilters = Object.keys(parsed.filters).length > 0 || Object.keys(request.chips).length > 0;
  const terms = queryTerms(text);
  const outcome: SearchOutcome = { request, parsed, idle: false, total: 0, goto: undefined, results: [], chips: [], rest: [], terms, deferred: text !== typed };
  // One character matches a slice of every word in the org: a large download for a list nobody
  // reads. Wait for the second (a filter alone still lists its pages).
  if (text.trim().length < MIN_QUERY_LENGTH && !hasFilters) return { ...outcome, idle: true };
  // A prefix the index does not know matches nothing: say so rather than searching without it.
  if (parsed.unknown.length > 0) return outcome;
  const term = text.trim() === '' ? null : text;
  const search = await pagefind.search(term, { filters: toPagefindFilters(filters) });
  if (!search) return outcome;
  const shown = search.results.slice(0, request.limit);
  const [data, chips] = await Promise.all([
    Promise.all(shown.map((result) => result.data())),
    chipViews(pagefind, term, base, request.chips, parsed.filters, search.filters),
  ]);
  let goto = findGoto(parsed, data);
  if (!goto && parsed.ref) {
    const candidate = gotoFromRef(parsed.ref);
    if (await pageExists(candidate.url)) goto = candidate;
  }
  const results = data.flatMap((d) => toResultView(d, request.maxSubResults, terms) ?? []).filter((view) => view.url !== goto?.url);
  // Within one docs site every result is a docs page of one entity: kind and Docs chips would say nothing.
  const shownChips = request.scope ? chips.filter((chip) => chip.pressed) : chips;
  return { ...outcome, total: search.results.length, goto, results, chips: shownChips, rest: search.results.slice(request.limit) };
}
