/**
 * The portal's size and speed budgets, measured on a built site:
 * - every entity page's HTML ≤ 15 KB gzipped;
 * - JavaScript shipped on an entity page ≤ 30 KB gzipped (its module scripts,
 *   island components and renderers, and what they import);
 * - the catalog explorer usable: a first filtered result on screen under
 *   300 ms after the first keystroke, typed as soon as the page is
 *   interactive, in Chromium. Also reported: from navigation start to that
 *   result, which adds the page load and React's hydration.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/e2e/chromium.ts';
import { serveGzipSite } from './gzip-site-server.ts';

export const uiBudgets = { entityHtmlGzip: 15 * 1024, entityJsGzip: 30 * 1024, explorerMs: 300 } as const;

export interface PageBudgetResult {
  entityPages: number;
  htmlGzip: { max: number; p95: number; median: number; largest: string };
  jsGzip: { max: number; largest: string };
}

/** Sizes of every entity page (`catalog/<ns>/<kind>/<name>/index.html`) and of the JavaScript each one loads. */
export async function measurePageBudgets(distDir: string): Promise<PageBudgetResult> {
  const catalogDir = join(distDir, 'catalog');
  const pages = (await readdir(catalogDir, { recursive: true, encoding: 'utf8' }))
    .map((p) => p.split(sep).join('/'))
    .filter((p) => /^[^/]+\/[^/]+\/[^/]+\/index\.html$/.test(p) && !p.startsWith('page/'));
  const sizes: { path: string; gzip: number }[] = [];
  let js = { max: 0, largest: '' };
  const jsCache = new Map<string, number>();
  for (const page of pages) {
    const html = await readFile(join(catalogDir, page), 'utf8');
    sizes.push({ path: page, gzip: gzipSync(html).length });
    const scripts = await scriptClosure(distDir, html);
    let total = 0;
    for (const file of scripts) {
      if (!jsCache.has(file)) jsCache.set(file, gzipSync(await readFile(file)).length);
      total += jsCache.get(file)!;
    }
    if (total > js.max) js = { max: total, largest: page };
  }
  sizes.sort((a, b) => a.gzip - b.gzip);
  const at = (q: number) => sizes[Math.min(sizes.length - 1, Math.floor(q * sizes.length))]?.gzip ?? 0;
  return {
    entityPages: sizes.length,
    htmlGzip: { max: sizes.at(-1)?.gzip ?? 0, p95: at(0.95), median: at(0.5), largest: sizes.at(-1)?.path ?? '' },
    jsGzip: js,
  };
}

/** Local JS files a page loads: script srcs and island URLs, then their static imports. */
async function scriptClosure(distDir: string, html: string): Promise<Set<string>> {
  const urls = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g)].map((m) => m[1]!);
  const files = new Set<string>();
  const queue = urls.filter((u) => u.startsWith('/')).map((u) => join(distDir, stripBase(u)));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file) || extname(file) !== '.js') continue;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    files.add(file);
    for (const m of text.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g)) queue.push(join(file, '..', m[1]!));
  }
  return files;
}

/** Site URLs carry the base path; files in dist/ do not. */
function stripBase(url: string): string {
  const path = url.split(/[?#]/)[0]!;
  const idx = path.indexOf('/_astro/');
  return idx >= 0 ? path.slice(idx) : path;
}

export interface ExplorerTiming {
  entities: number;
  /** First keystroke → the first filtered result rendered (the budget). */
  firstFilterMs: number;
  /** Navigation start → the explorer hydrated (typing is handled). */
  readyMs: number;
  /** Navigation start → the first filtered result rendered. */
  totalMs: number;
  catalogJsonBytes: number;
  catalogJsonGzip: number;
  query: string;
  matches: string;
}

/** Open the catalog page in Chromium, type a query as soon as the filter takes input, time the first result. */
export async function measureExplorer(distDir: string, query: string): Promise<ExplorerTiming> {
  const json = await readFile(join(distDir, 'catalog.json'));
  const entities = (JSON.parse(json.toString('utf8')) as { rows: unknown[] }).rows.length;
  const server = await serveGzipSite(distDir, '/');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url('catalog/'), { waitUntil: 'commit' });
    // As a person would: type as soon as the filter is on screen and hydrated (React has attached its handlers).
    await page.waitForSelector('astro-island:not([ssr]) input[type=search]');
    const readyMs = await page.evaluate(() => performance.now());
    // Time inside the page: from the keystroke's event to the frame that shows the result.
    const typedAt = await page.evaluate((q) => {
      const input = document.querySelector<HTMLInputElement>('astro-island input[type=search]')!;
      const at = performance.now();
      const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
      descriptor.set!.call(input, q);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return at;
    }, query);
    const shownAt = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const status = document.querySelector('#explorer-status')!;
          const done = () => /\d+ entit(y|ies) match/.test(status.textContent ?? '');
          const check = () => (done() ? requestAnimationFrame(() => resolve(performance.now())) : requestAnimationFrame(check));
          check();
        }),
    );
    const matches = (await page.textContent('#explorer-status')) ?? '';
    return {
      entities,
      firstFilterMs: Math.round(shownAt - typedAt),
      readyMs: Math.round(readyMs),
      totalMs: Math.round(shownAt),
      catalogJsonBytes: json.length,
      catalogJsonGzip: gzipSync(json).length,
      query,
      matches: matches.replace(/Clear filters$/, '').trim(),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
