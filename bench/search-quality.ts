/**
 * Search quality and speed on a built site, through the real UI in Chromium
 * (the DOM of the search contract: the `/search/?q=` page and the dialog).
 *
 * In: the site folder, its base, a query set, and the build's Pagefind phase
 * time. Out: the mean reciprocal rank and whether exact names and refs come
 * first (from `/search/?q=<query>`, one page load per query, as a shared link
 * opens); the bytes a first query downloads in a fresh browser (search UI,
 * pagefind.js, its wasm, index, filter and fragment chunks) and later queries
 * typed into the open dialog; the time from a keystroke in the dialog to the
 * frame after its results list says `data-query=<text> data-state=done`;
 * the index's size and pages. Responses are gzip-compressed as GitHub Pages
 * sends them (gzip-site-server.ts); sizes are bytes on the wire.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveGzipSite, type GzipSiteServer, type LoggedResponse } from './gzip-site-server.ts';
import { isExactQuery, rankOf, summarizeQuality, type QualitySummary, type QuerySet, type RankedQuery, type SearchQuery } from './search-queries.ts';

/** The targets; sizes and speed are stated for the 1,000-repo org. */
export const searchTargets = { mrr: 0.9, firstQueryBytes: 300 * 1024, laterQueryBytes: 50 * 1024, keystrokeMs: 150 } as const;

export interface NetworkTally {
  query: string;
  bytes: number;
  requests: number;
  /** Bytes by what was fetched: pagefind.js, wasm, index, filter, fragment, search UI… */
  byType: Record<string, number>;
}

export interface SearchQualityResult {
  org: string;
  base: string;
  index: { pages: number; files: number; bytes: number; indexingMs: number | null; msPer1000Pages: number | null };
  quality: QualitySummary;
  /** Queries not asked: their expected page is not in the site. */
  dropped: SearchQuery[];
  network: { pageLoadBytes: number; first: NetworkTally; later: NetworkTally[]; laterMedian: number; laterMax: number };
  keystroke: { queries: number; samples: number; medianMs: number; p95Ms: number; maxMs: number; timeouts: number };
  met: { mrr: boolean; exactFirst: boolean; firstQuery: boolean; laterQueries: boolean; keystroke: boolean };
}

export interface MeasureSearchOptions {
  distDir: string;
  base: string;
  querySet: QuerySet;
  /** The build's Pagefind phase, as it printed it. */
  indexingMs?: number | undefined;
  browser: Browser;
  /** How many queries to type into the dialog for later-query bytes and keystroke times. */
  typedQueries?: number;
  onProgress?: (line: string) => void;
}

const RESULTS_TIMEOUT_MS = 20_000;

export async function measureSearch(options: MeasureSearchOptions): Promise<SearchQualityResult> {
  const { distDir, base, querySet, browser } = options;
  const progress = options.onProgress ?? (() => {});
  const index = await indexStats(distDir, options.indexingMs);
  const asked = querySet.queries.filter((q) => existsSync(join(distDir, q.expect, 'index.html')));
  const dropped = querySet.queries.filter((q) => !asked.includes(q));
  const server = await serveGzipSite(distDir, base);
  try {
    const ranked = await rankQueries(browser, server, asked, base);
    const quality = summarizeQuality(ranked);
    progress(
      `Search ${querySet.org}: MRR ${quality.mrr.toFixed(3)} over ${quality.queries} queries; exact first ${quality.exact.first}/${quality.exact.queries}`,
    );
    const typed = pickTypedQueries(asked, options.typedQueries ?? 10);
    const speed = await measureDialog(browser, server, typed.first, typed.later);
    const laterBytes = speed.later.map((t) => t.bytes);
    const network = {
      pageLoadBytes: speed.pageLoadBytes,
      first: speed.first,
      later: speed.later,
      laterMedian: quantile(laterBytes, 0.5),
      laterMax: Math.max(0, ...laterBytes),
    };
    const keystroke = { queries: typed.later.length, ...summarizeTimes(speed.keystrokes), timeouts: speed.timeouts };
    progress(
      `Search ${querySet.org}: first query ${kb(network.first.bytes)}, later ≤ ${kb(network.laterMax)}; keystroke → results median ${keystroke.medianMs} ms, p95 ${keystroke.p95Ms} ms`,
    );
    return {
      org: querySet.org,
      base,
      index,
      quality,
      dropped,
      network,
      keystroke,
      met: {
        mrr: quality.mrr >= searchTargets.mrr,
        exactFirst: quality.exact.first === quality.exact.queries,
        firstQuery: network.first.bytes <= searchTargets.firstQueryBytes,
        laterQueries: network.laterMax <= searchTargets.laterQueryBytes,
        keystroke: keystroke.samples > 0 && keystroke.timeouts === 0 && keystroke.p95Ms <= searchTargets.keystrokeMs,
      },
    };
  } finally {
    await server.close();
  }
}

/** Each query opened as a shared link would be: `/search/?q=<query>`, its result links read once the list is done. */
async function rankQueries(browser: Browser, server: GzipSiteServer, queries: readonly SearchQuery[], base: string): Promise<RankedQuery[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const ranked: RankedQuery[] = [];
    for (const query of queries) {
      const url = server.url(`search/?q=${encodeURIComponent(query.q)}`);
      const links = await page
        .goto(url)
        .then(() => settledResults(page, query.q, 'page'))
        .catch((error: unknown) => {
          // The first query failing means no search page or UI, not a bad ranking: stop here and say so.
          const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
          if (ranked.length === 0) throw new Error(`${url} showed no finished results list (is the search page built?): ${why}`);
          return [];
        });
      const top = [...new Set(links.map((l) => new URL(l).pathname))].slice(0, 3);
      ranked.push({ ...query, rank: rankOf(links, query.expect, base), top });
    }
    return ranked;
  } finally {
    await context.close();
  }
}

type Where = 'page' | 'dialog';

/** The hrefs of the options of the results list that has finished rendering `text`, in order. */
async function settledResults(page: Page, text: string, where: Where): Promise<string[]> {
  const handle = await page.waitForFunction(
    ([text, where]) => {
      const list = [...document.querySelectorAll<HTMLElement>('ul.search-results')].find(
        (ul) =>
          (where === 'dialog') === (ul.closest('dialog') !== null) &&
          ul.dataset['query'] === text &&
          (ul.dataset['state'] === 'done' || ul.dataset['state'] === 'empty'),
      );
      if (!list) return null;
      // Each result is a link that is itself the option; docs headings are nested options of the same page.
      return [...list.querySelectorAll<HTMLAnchorElement>(':scope > li > a[role=option]')].map((a) => a.href).filter(Boolean);
    },
    [text, where] as const,
    { timeout: RESULTS_TIMEOUT_MS, polling: 'raf' },
  );
  return (await handle.jsonValue()) ?? [];
}

/** The first query is an exact name (what people type most); later ones are the other sorts, spread over the set. */
function pickTypedQueries(queries: readonly SearchQuery[], count: number): { first: SearchQuery; later: SearchQuery[] } {
  // Prefix and ref queries hold `:` and `/`, which a person types mid-query before the filter means anything.
  const typable = queries.filter((q) => q.kind !== 'prefix' && q.kind !== 'ref');
  const first = typable.find((q) => isExactQuery(q.kind)) ?? typable[0] ?? queries[0]!;
  const rest = typable.filter((q) => q !== first);
  const step = Math.max(1, Math.floor(rest.length / count));
  return { first, later: rest.filter((_, i) => i % step === 0).slice(0, count) };
}

interface DialogSpeed {
  pageLoadBytes: number;
  first: NetworkTally;
  later: NetworkTally[];
  keystrokes: number[];
  timeouts: number;
}

declare global {
  interface Window {
    __searchBench?: { keyAt: number; rendered: Map<string, number> };
  }
}

/**
 * In a fresh browser (empty cache): load the home page, press `/`, type the first query; then, in the open dialog,
 * clear and type each later query one key at a time, timing every keystroke inside the page.
 */
async function measureDialog(browser: Browser, server: GzipSiteServer, first: SearchQuery, later: readonly SearchQuery[]): Promise<DialogSpeed> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    let mark = server.log.length;
    await page.goto(server.url(''), { waitUntil: 'load' });
    await server.idle();
    const pageLoadBytes = sum(server.log.slice(mark));
    mark = server.log.length;
    await page.keyboard.press('/');
    const input = page.locator('dialog.search-dialog[open] input[role=combobox]');
    await input.waitFor({ timeout: RESULTS_TIMEOUT_MS });
    await page.keyboard.type(first.q);
    await settledResults(page, first.q, 'dialog');
    await server.idle(500);
    const firstTally = tally(first.q, server.log.slice(mark));

    await page.evaluate(() => {
      const bench = { keyAt: 0, rendered: new Map<string, number>() };
      window.__searchBench = bench;
      document.addEventListener('keydown', (event) => (bench.keyAt = event.timeStamp), true);
      const check = () => {
        const list = document.querySelector<HTMLElement>('dialog.search-dialog ul.search-results');
        const text = list?.dataset['query'];
        const state = list?.dataset['state'];
        if (text === undefined || (state !== 'done' && state !== 'empty') || bench.rendered.has(text)) return;
        bench.rendered.set(text, -1);
        // The frame that shows the list, as the explorer budget measures it.
        requestAnimationFrame(() => bench.rendered.set(text, performance.now()));
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query', 'data-state'] });
    });
    const laterTallies: NetworkTally[] = [];
    const keystrokes: number[] = [];
    let timeouts = 0;
    for (const query of later) {
      await input.fill('');
      await server.idle(200);
      mark = server.log.length;
      for (let i = 0; i < query.q.length; i++) {
        const text = query.q.slice(0, i + 1);
        // A trailing space may not start a search of its own; the next character's does.
        if (text.endsWith(' ')) {
          await page.keyboard.type(' ');
          continue;
        }
        await page.evaluate(() => window.__searchBench!.rendered.clear());
        await page.keyboard.type(query.q[i]!);
        const shown = await page
          .waitForFunction((t) => (window.__searchBench!.rendered.get(t) ?? -1) > 0, text, { timeout: RESULTS_TIMEOUT_MS, polling: 'raf' })
          .then(() => page.evaluate((t) => window.__searchBench!.rendered.get(t)! - window.__searchBench!.keyAt, text))
          .catch(() => undefined);
        if (shown === undefined) timeouts++;
        else keystrokes.push(shown);
      }
      await server.idle(300);
      laterTallies.push(tally(query.q, server.log.slice(mark)));
    }
    await page.keyboard.press('Escape');
    return { pageLoadBytes, first: firstTally, later: laterTallies, keystrokes, timeouts };
  } finally {
    await context.close();
  }
}

/** What a response is, for the byte breakdown. */
export function responseType(path: string): string {
  if (/\/pagefind\/pagefind\.js$/.test(path)) return 'pagefind.js';
  if (/\/pagefind\/pagefind-worker\.js$/.test(path)) return 'pagefind worker';
  if (/\/pagefind\/wasm\.[^/]+\.pagefind$/.test(path)) return 'wasm';
  if (/\/pagefind\/pagefind-entry\.json$/.test(path) || /\/pagefind\/pagefind\.[^/]+\.pf_meta$/.test(path)) return 'entry + meta';
  if (/\/pagefind\/index\//.test(path)) return 'index chunks';
  if (/\/pagefind\/filter\//.test(path)) return 'filter chunks';
  if (/\/pagefind\/fragment\//.test(path)) return 'fragments';
  if (/\/pagefind\//.test(path)) return 'pagefind, other';
  if (/\.js$/.test(path)) return 'search UI script';
  if (/\.css$/.test(path)) return 'search UI style';
  return 'other';
}

export function tally(query: string, responses: readonly LoggedResponse[]): NetworkTally {
  const byType: Record<string, number> = {};
  for (const r of responses) byType[responseType(r.path)] = (byType[responseType(r.path)] ?? 0) + r.bytes;
  return { query, bytes: sum(responses), requests: responses.length, byType };
}

function sum(responses: readonly LoggedResponse[]): number {
  return responses.reduce((n, r) => n + r.bytes, 0);
}

/** Nearest-rank quantile (0 for no values). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function summarizeTimes(ms: readonly number[]): { samples: number; medianMs: number; p95Ms: number; maxMs: number } {
  return { samples: ms.length, medianMs: Math.round(quantile(ms, 0.5)), p95Ms: Math.round(quantile(ms, 0.95)), maxMs: Math.round(Math.max(0, ...ms)) };
}

async function indexStats(distDir: string, indexingMs: number | undefined): Promise<SearchQualityResult['index']> {
  const dir = join(distDir, 'pagefind');
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const sizes = await Promise.all(files.map(async (e) => (await stat(join(e.parentPath, e.name))).size));
  return {
    pages,
    files: files.length,
    bytes: sizes.reduce((a, b) => a + b, 0),
    indexingMs: indexingMs ?? null,
    msPer1000Pages: indexingMs === undefined || pages === 0 ? null : (indexingMs / pages) * 1000,
  };
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
