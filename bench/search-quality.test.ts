/**
 * The pure parts of the search bench: query sets (the demo fixture and the
 * one derived from a synthetic org), how a ranking is scored, how bytes and
 * times are summed up, the build's phase times read back, and the gzip
 * server the browser measures against.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePhaseTimes, PAGEFIND_PHASE } from './build-site.ts';
import { serveGzipSite, type GzipSiteServer } from './gzip-site-server.ts';
import { DEMO_QUERIES } from './search-bench.ts';
import { loadQuerySet, parseQuerySet, queryKinds, rankOf, summarizeQuality, type RankedQuery } from './search-queries.ts';
import { syntheticQuerySet } from './search-queries-synthetic.ts';
import { quantile, responseType, summarizeTimes, tally, type SearchQualityResult } from './search-quality.ts';
import { formatSearchRuns } from './bench-report.ts';
import { searchMet } from './run-bench.ts';

const ranked = (kind: RankedQuery['kind'], rank: number | null): RankedQuery => ({ q: `${kind}-${rank}`, expect: 'x/', kind, rank, top: [] });

describe('query sets', () => {
  it('the demo set has every sort of query the issue lists, each with a page to expect', async () => {
    const set = await loadQuerySet(DEMO_QUERIES);
    expect(new Set(set.queries.map((q) => q.kind))).toEqual(new Set(queryKinds));
    for (const q of set.queries) expect(q.expect).toMatch(/^(catalog|docs)\/default\/[a-z]+\/[^/]+\/(.+\/)?$/);
  });

  it('names the file, the query and the field of a mistake', () => {
    const file = 'queries.json';
    expect(() => parseQuerySet('{"org":"x","queries":[{"q":"a","expect":"/catalog/a/","kind":"name"}]}', file)).toThrow(
      /^queries\.json: queries\.0\.expect: a page path relative to the base/,
    );
    expect(() => parseQuerySet('{"org":"x","queries":[{"q":"a","expect":"a/","kind":"colour"}]}', file)).toThrow(/queries\.0\.kind/);
    expect(() => parseQuerySet('{"org":"x","queries":[{"q":"a ","expect":"a/","kind":"name"}]}', file)).toThrow(/queries\.0\.q: no leading or trailing/);
    const twice = '{"org":"x","queries":[{"q":"a","expect":"a/","kind":"name"},{"q":"a","expect":"b/","kind":"title"}]}';
    expect(() => parseQuerySet(twice, file)).toThrow('queries.json: the query "a" is listed twice.');
    expect(() => parseQuerySet('{', file)).toThrow(/^queries\.json: not JSON/);
  });

  it('derives the same queries from the same synthetic org, each pointing at the entity or docs page it names', () => {
    const org = { login: 'acme', seed: 7, repos: 120, teams: 18, users: 120 };
    const set = syntheticQuerySet(org);
    expect(syntheticQuerySet(org)).toEqual(set);
    expect(set.org).toBe('synthetic-120-7');
    expect(() => parseQuerySet(JSON.stringify(set), 'derived')).not.toThrow();
    const kinds = new Set(set.queries.map((q) => q.kind));
    for (const kind of ['name', 'ref', 'title', 'owner', 'api', 'docs'] as const) expect(kinds).toContain(kind);
    for (const q of set.queries) {
      if (q.kind === 'name' || q.kind === 'owner') expect(q.expect).toMatch(new RegExp(`^catalog/default/[a-z]+/${q.q.replace('.', '\\.')}/$`));
      if (q.kind === 'ref') expect(q.expect).toBe(`catalog/${q.q.replace(/^([a-z]+):default\//, 'default/$1/')}/`);
      if (q.kind === 'docs') expect(q.expect).toMatch(/^docs\/default\/component\/[^/]+\/.+\/$/);
    }
    expect(syntheticQuerySet({ ...org, seed: 8 }).queries).not.toEqual(set.queries);
  });
});

describe('scoring', () => {
  const base = '/fernway-portal/';
  const page = (path: string) => `http://127.0.0.1:4321${base}${path}`;

  it('ranks the expected page among the distinct pages the results link to, the first counting 1', () => {
    const links = [
      page('catalog/default/api/a/'),
      page('docs/default/component/b/'),
      page('docs/default/component/b/#setup'),
      page('catalog/default/component/c/'),
    ];
    expect(rankOf(links, 'catalog/default/api/a/', base)).toBe(1);
    expect(rankOf(links, 'docs/default/component/b/', base)).toBe(2);
    // The docs page's heading link is the same page: c is third, not fourth.
    expect(rankOf(links, 'catalog/default/component/c/', base)).toBe(3);
    expect(rankOf(links, 'catalog/default/component/d/', base)).toBeNull();
    expect(rankOf([`${base}catalog/x/index.html`], 'catalog/x/', base)).toBe(1);
    // Without its base the link is another page.
    expect(rankOf(['/catalog/x/'], 'catalog/x/', base)).toBeNull();
  });

  it('counts a "Go to" entry that points at the expected page as first', () => {
    const goTo = page('catalog/default/component/booking-service/');
    expect(rankOf([goTo, page('catalog/default/api/booking-api/'), goTo], 'catalog/default/component/booking-service/', base)).toBe(1);
  });

  it('averages reciprocal ranks, 0 for a page not listed, and lists exact queries not first', () => {
    const summary = summarizeQuality([ranked('name', 1), ranked('partial', 2), ranked('docs', null), ranked('ref', 4)]);
    expect(summary.mrr).toBeCloseTo((1 + 0.5 + 0 + 0.25) / 4);
    expect(summary.byKind.partial).toEqual({ queries: 1, mrr: 0.5 });
    expect(summary.exact).toMatchObject({ queries: 2, first: 1 });
    expect(summary.exact.misses.map((m) => m.q)).toEqual(['ref-4']);
    expect(summary.misses.map((m) => m.q)).toEqual(['docs-null', 'ref-4', 'partial-2']);
  });
});

describe('bytes and times', () => {
  it('sorts what a query downloads by what it is', () => {
    const responses = [
      { path: '/p/_astro/SearchDialog.abc.js', status: 200, bytes: 5000 },
      { path: '/p/pagefind/pagefind.js', status: 200, bytes: 12000 },
      { path: '/p/pagefind/pagefind-worker.js', status: 200, bytes: 11000 },
      { path: '/p/pagefind/wasm.en.pagefind', status: 200, bytes: 50000 },
      { path: '/p/pagefind/pagefind-entry.json', status: 200, bytes: 200 },
      { path: '/p/pagefind/pagefind.en_1a.pf_meta', status: 200, bytes: 300 },
      { path: '/p/pagefind/index/en_1a.pf_index', status: 200, bytes: 20000 },
      { path: '/p/pagefind/filter/en_1a.pf_filter', status: 200, bytes: 1000 },
      { path: '/p/pagefind/fragment/en_1a.pf_fragment', status: 200, bytes: 700 },
      { path: '/p/pagefind/fragment/en_2b.pf_fragment', status: 200, bytes: 800 },
    ];
    expect(responseType('/p/_astro/Search.css')).toBe('search UI style');
    expect(tally('booking', responses)).toEqual({
      query: 'booking',
      bytes: 101000,
      requests: 10,
      byType: {
        'search UI script': 5000,
        'pagefind.js': 12000,
        'pagefind worker': 11000,
        wasm: 50000,
        'entry + meta': 500,
        'index chunks': 20000,
        'filter chunks': 1000,
        fragments: 1500,
      },
    });
  });

  it('takes nearest-rank quantiles', () => {
    const ms = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(quantile(ms, 0.5)).toBe(10);
    expect(quantile(ms, 0.95)).toBe(19);
    expect(quantile([], 0.5)).toBe(0);
    expect(summarizeTimes([30.4, 10.2, 20.6])).toEqual({ samples: 3, medianMs: 21, p95Ms: 30, maxMs: 30 });
  });

  it('reads the phase times the build prints', () => {
    const output = [
      '▸ Rendering pages (Astro)…',
      '✓ Rendering pages (Astro): 4500 pages under base / (41.2 s)',
      `\x1b[32m✓\x1b[39m ${PAGEFIND_PHASE}: 4234 pages indexed \x1b[2m(3.1 s)\x1b[22m`,
      '✓ Copying docs images and files: 3 files (12 ms)',
    ].join('\n');
    expect(parsePhaseTimes(output)).toEqual({ 'Rendering pages (Astro)': 41200, [PAGEFIND_PHASE]: 3100, 'Copying docs images and files': 12 });
  });
});

describe('the gzip site server', () => {
  let dir: string;
  let server: GzipSiteServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'frontdoor-gzip-'));
    await mkdir(join(dir, 'pagefind', 'index'), { recursive: true });
    await writeFile(join(dir, 'index.html'), '<h1>Home</h1>'.repeat(50));
    // Pagefind's chunks are gzip files already.
    await writeFile(join(dir, 'pagefind', 'index', 'en_1.pf_index'), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    server = await serveGzipSite(dir, '/p/');
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves under the base, compressed like GitHub Pages, and logs the bytes sent', async () => {
    const home = await fetch(server.url(''));
    expect(home.headers.get('content-encoding')).toBe('gzip');
    expect(home.headers.get('cache-control')).toBe('max-age=600');
    const chunk = await fetch(server.url('pagefind/index/en_1.pf_index'));
    expect(chunk.headers.get('content-encoding')).toBeNull();
    expect((await fetch(`${server.url('').replace('/p/', '/')}index.html`)).status).toBe(404);
    await server.idle(10);
    const [first, second, third] = server.log;
    expect(first).toMatchObject({ path: '/p/', status: 200 });
    // fetch unpacks what the server packed.
    expect(await home.text()).toBe('<h1>Home</h1>'.repeat(50));
    expect(first!.bytes).toBeLessThan(13 * 50);
    expect(second).toEqual({ path: '/p/pagefind/index/en_1.pf_index', status: 200, bytes: 7 });
    expect(third).toMatchObject({ path: '/index.html', status: 404, bytes: 0 });
  });
});

describe('the Search section of the report', () => {
  const result = (mrr: number, firstBytes: number): SearchQualityResult => ({
    org: 'demo',
    base: '/',
    index: { pages: 125, files: 90, bytes: 900_000, indexingMs: 1200, msPer1000Pages: 9600 },
    quality: {
      queries: 2,
      mrr,
      byKind: { name: { queries: 1, mrr: 1 }, docs: { queries: 1, mrr: 0.5 } },
      exact: { queries: 1, first: 1, misses: [] },
      misses: [{ ...ranked('docs', 2), q: 'daily reconciliation', top: ['/docs/a/', '/docs/b/'] }],
    },
    dropped: [],
    network: {
      pageLoadBytes: 20_000,
      first: { query: 'booking-service', bytes: firstBytes, requests: 9, byType: { wasm: 50_000, 'pagefind.js': 12_000 } },
      later: [],
      laterMedian: 3000,
      laterMax: 9000,
    },
    keystroke: { queries: 10, samples: 120, medianMs: 20, p95Ms: 45, maxMs: 80, timeouts: 0 },
    met: { mrr: mrr >= 0.9, exactFirst: true, firstQuery: firstBytes <= 300 * 1024, laterQueries: true, keystroke: true },
  });

  it('shows each measure against its target, one column per org, and the queries not first', () => {
    const report = formatSearchRuns([
      { label: 'demo', result: result(0.95, 100_000) },
      { label: '1,000 repos', result: result(0.8, 400_000) },
    ]);
    expect(report).toMatch(/mean reciprocal rank \(queries\) +0\.950 \(2\) ✓ +0\.800 \(2\) ✗ +≥ 0\.9/);
    expect(report).toMatch(/first query: bytes \(gzip\), library included +97\.7 KB ✓ +390\.6 KB ✗ +≤ 300\.0 KB/);
    expect(report).toMatch(/indexing time \(build phase\) \/ per 1,000 pages +1\.2 s \/ 9\.6 s/);
    expect(report).toContain('demo: · docs "daily reconciliation": x/ at 2; first: /docs/a/, /docs/b/');
    expect(report).toContain('demo: first query "booking-service" (9 requests): wasm 48.8 KB, pagefind.js 11.7 KB.');
  });

  it('says why a run was not measured', () => {
    expect(formatSearchRuns([{ label: 'demo', error: 'no search page' }])).toContain('✗ demo: search not measured: no search page');
    expect(searchMet({ demo: { label: 'demo', error: 'no search page' } })).toBe(false);
    expect(searchMet({ demo: { label: 'demo', result: result(0.95, 100_000) } })).toBe(true);
    expect(searchMet(undefined)).toBe(true);
  });
});
