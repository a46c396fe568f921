import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PagefindApi, PagefindFilters, PagefindResultData } from './pagefind-api.ts';
import { runSearch, withoutStartedWord, type SearchRequest } from './run-search.ts';

/** A small index: pages with their filters, searched by a word in the title. */
const pages: PagefindResultData[] = [
  page('/catalog/default/component/booking-service/', 'Booking Service', { kind: ['Component'], section: ['Catalog'], owner: ['team-a'] }, 'booking-service'),
  page('/catalog/default/api/booking-api/', 'Booking API', { kind: ['API'], section: ['API'], owner: ['team-a'] }, 'booking-api'),
  page('/docs/default/component/booking-service/', 'Booking overview', { kind: ['Component'], section: ['Docs'], docs: ['component:default/booking-service'] }),
  page('/catalog/default/api/payments-api/', 'Payments API', { kind: ['API'], section: ['API'], owner: ['team-b'] }, 'payments-api'),
];

function page(url: string, title: string, filters: Record<string, string[]>, name?: string): PagefindResultData {
  const ref = name ? `${filters.kind?.[0]?.toLowerCase()}:default/${name}` : 'component:default/booking-service';
  const meta: Record<string, string> = { title, ref, name: name ?? 'booking-service', kind: filters.kind?.[0] ?? '', section: filters.section?.[0] ?? '' };
  if (!name) meta.entity = 'Booking Service';
  return { url, excerpt: title, meta, filters };
}

function matches(data: PagefindResultData, term: string | null, filters: PagefindFilters = {}): boolean {
  const words = term?.toLowerCase().split(/\s+/) ?? [];
  return (
    words.every((w) => data.meta.title?.toLowerCase().includes(w) || data.meta.name?.includes(w)) &&
    Object.entries(filters).every(([key, { any }]) => any.some((v) => data.filters?.[key]?.includes(v)))
  );
}

function counts(results: PagefindResultData[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of results) for (const [key, values] of Object.entries(r.filters ?? {})) for (const v of values) (out[key] ??= {})[v] = (out[key][v] ?? 0) + 1;
  return out;
}

/** Pagefind over `pages`, counting the fragment loads a search makes. */
function fakePagefind() {
  const loaded: string[] = [];
  const api: PagefindApi = {
    options: async () => {},
    init: async () => {},
    preload: async () => {},
    filters: async () => counts(pages),
    search: async (term, options) => {
      const hits = pages.filter((p) => matches(p, term, options?.filters));
      return {
        results: hits.map((data, i) => ({ id: data.url, score: 10 - i, data: async () => (loaded.push(data.url), data) })),
        filters: counts(hits),
        totalFilters: counts(pages),
        unfilteredResultCount: hits.length,
      };
    },
  };
  return { api, loaded };
}

const request = (q: string, more: Partial<SearchRequest> = {}): SearchRequest => ({ q, chips: {}, scope: undefined, limit: 10, maxSubResults: 3, ...more });

afterEach(() => vi.unstubAllGlobals());

describe('runSearch', () => {
  test('an empty or one-letter query searches nothing', async () => {
    const { api, loaded } = fakePagefind();
    expect(await runSearch(api, counts(pages), request('  '))).toMatchObject({ idle: true, results: [] });
    // One character waits for the next: its search would download a slice of every word.
    expect(await runSearch(api, counts(pages), request('b'))).toMatchObject({ idle: true, results: [] });
    expect(loaded).toEqual([]);
  });

  test('fetches data only for the results it shows', async () => {
    const { api, loaded } = fakePagefind();
    const outcome = await runSearch(api, counts(pages), request('booking', { limit: 2 }));
    expect(outcome.total).toBe(3);
    expect(loaded).toHaveLength(2);
    expect(outcome.rest).toHaveLength(1);
  });

  test('while typing, a started word of two letters waits: the words before it are searched, and the outcome says to search again', async () => {
    const { api } = fakePagefind();
    const search = vi.spyOn(api, 'search');
    const typing = await runSearch(api, counts(pages), request('booking ap', { typing: true }));
    expect(search).toHaveBeenLastCalledWith('booking', expect.anything());
    expect(typing).toMatchObject({ deferred: true, total: 3, terms: ['booking'] });
    // After the pause (or from a shared link) the whole text is searched.
    const whole = await runSearch(api, counts(pages), request('booking ap'));
    expect(search).toHaveBeenLastCalledWith('booking ap', expect.anything());
    expect(whole.deferred).toBe(false);
    expect(whole.results.map((r) => r.url)).toEqual(['/catalog/default/api/booking-api/']);
  });

  test('a prefix filters the search', async () => {
    const { api } = fakePagefind();
    const outcome = await runSearch(api, counts(pages), request('kind:api booking'));
    expect(outcome.results.map((r) => r.url)).toEqual(['/catalog/default/api/booking-api/']);
  });

  test('a prefix alone searches every page it matches', async () => {
    const { api } = fakePagefind();
    const outcome = await runSearch(api, counts(pages), request('owner:team-b'));
    expect(outcome.results.map((r) => r.url)).toEqual(['/catalog/default/api/payments-api/']);
  });

  test('a prefix value the index does not know finds nothing, and says so', async () => {
    const { api } = fakePagefind();
    const outcome = await runSearch(api, counts(pages), request('kind:widget booking'));
    expect(outcome).toMatchObject({ idle: false, total: 0, results: [], parsed: { unknown: [{ key: 'kind', value: 'widget' }] } });
  });

  test('chips count each kind as if no kind chip were on, so a pressed chip keeps its siblings', async () => {
    const { api } = fakePagefind();
    const outcome = await runSearch(api, counts(pages), request('booking', { chips: { kind: ['API'] } }));
    expect(outcome.results.map((r) => r.url)).toEqual(['/catalog/default/api/booking-api/']);
    // Other keys are counted within the kind filter: no API page is a docs page, so no Docs chip.
    expect(outcome.chips).toEqual([
      { key: 'kind', value: 'API', count: 1, pressed: true, fromText: false },
      { key: 'kind', value: 'Component', count: 2, pressed: false, fromText: false },
    ]);
  });

  test('a docs scope limits the search to that site', async () => {
    const { api } = fakePagefind();
    const outcome = await runSearch(api, counts(pages), request('booking', { scope: 'component:default/booking-service' }));
    expect(outcome.results.map((r) => r.url)).toEqual(['/docs/default/component/booking-service/']);
  });

  test('an exact name comes first as "Go to", and is not listed twice', async () => {
    const { api } = fakePagefind();
    const outcome = await runSearch(api, counts(pages), request('booking-api'));
    expect(outcome.goto).toMatchObject({ url: '/catalog/default/api/booking-api/', title: 'Booking API' });
    expect(outcome.results.map((r) => r.url)).not.toContain('/catalog/default/api/booking-api/');
  });

  test('an exact ref not among the results is offered when its page exists', async () => {
    const { api } = fakePagefind();
    const head = vi.fn(async (url: string) => new Response(null, { status: url.endsWith('/team-a/') ? 200 : 404 }));
    vi.stubGlobal('fetch', head);
    expect((await runSearch(api, counts(pages), request('group:team-a'))).goto?.url).toBe('/catalog/default/group/team-a/');
    expect((await runSearch(api, counts(pages), request('group:team-z'))).goto).toBeUndefined();
    expect(head).toHaveBeenCalledWith('/catalog/default/group/team-z/', { method: 'HEAD' });
  });
});

describe('withoutStartedWord', () => {
  test('drops a last word or part of one or two letters after other words, and nothing else', () => {
    expect(withoutStartedWord('supplier e')).toBe('supplier');
    expect(withoutStartedWord('supplier ev')).toBe('supplier');
    expect(withoutStartedWord('profile-t')).toBe('profile');
    expect(withoutStartedWord('profile-tr')).toBe('profile');
    expect(withoutStartedWord('profile-tra')).toBe('profile-tra');
    expect(withoutStartedWord('supplier eve')).toBe('supplier eve');
    expect(withoutStartedWord('supplier ')).toBe('supplier ');
    expect(withoutStartedWord('s')).toBe('s');
    expect(withoutStartedWord('sy')).toBe('sy');
    expect(withoutStartedWord('a b c')).toBe('a b');
    expect(withoutStartedWord('ab cd ef')).toBe('ab cd');
  });
});
