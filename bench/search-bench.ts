/**
 * The search part of `npm run bench -- --build`: search quality and speed on
 * the built synthetic org (queries derived from the generated org) and on
 * the demo org (bench/fixtures/search-queries-demo.json), built under
 * `/fernway-portal/` as a GitHub Pages project site is.
 *
 * In: a finished build (or none, to build the demo here). Out: one
 * SearchBenchRun per org: the measurements, or the error that stopped them.
 */
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/chromium.ts';
import { buildSite, PAGEFIND_PHASE, type BuiltSite } from './build-site.ts';
import { loadQuerySet, type QuerySet } from './search-queries.ts';
import { syntheticQuerySet, type SyntheticOrgShape } from './search-queries-synthetic.ts';
import { measureSearch, type SearchQualityResult } from './search-quality.ts';

export const DEMO_QUERIES = join(import.meta.dirname, 'fixtures', 'search-queries-demo.json');
export const DEMO_BASE = '/fernway-portal/';

export type SearchBenchRun = { label: string; result: SearchQualityResult; error?: undefined } | { label: string; result?: undefined; error: string };

export interface SearchBenchResult {
  synthetic?: SearchBenchRun;
  demo?: SearchBenchRun;
}

/** Measure search on a built site; a failure (no search UI, a crash) is recorded, not thrown: the rest of the bench still reports. */
export async function benchSearchOn(
  label: string,
  build: BuiltSite,
  base: string,
  querySet: () => Promise<QuerySet> | QuerySet,
  progress: (line: string) => void,
): Promise<SearchBenchRun> {
  if (build.exitCode !== 0) return { label, error: `the build failed (exit code ${build.exitCode})` };
  const browser = await launchChromium();
  try {
    const result = await measureSearch({
      distDir: build.outDir,
      base,
      querySet: await querySet(),
      indexingMs: build.phases[PAGEFIND_PHASE],
      browser,
      onProgress: progress,
    });
    return { label, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress(`Search ${label}: not measured: ${message}`);
    return { label, error: message };
  } finally {
    await browser.close();
  }
}

export function benchSyntheticSearch(build: BuiltSite, org: SyntheticOrgShape, progress: (line: string) => void): Promise<SearchBenchRun> {
  return benchSearchOn(`${org.repos.toLocaleString('en')} repos`, build, '/', () => syntheticQuerySet(org), progress);
}

/** Build the demo org under its project-site base into `<benchDir>/dist-demo`, then measure its search. */
export async function benchDemoSearch(projectRoot: string, benchDir: string, progress: (line: string) => void): Promise<SearchBenchRun> {
  const build = await buildSite({ projectRoot, base: DEMO_BASE, outDir: join(benchDir, 'dist-demo'), progress });
  return benchSearchOn('demo', build, DEMO_BASE, () => loadQuerySet(DEMO_QUERIES), progress);
}
