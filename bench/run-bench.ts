/**
 * `npm run bench`: how the GitHub crawl and the catalog scale on a synthetic
 * org of N repos, measured through the real crawler against the fake GitHub.
 *
 * In: { repos, seed, build }. Out: a BenchResult (also written to
 * `.cache/bench/results-<N>.json`): three crawls (cold; nightly with nothing
 * changed; nightly with 5 % of repos changed), each with its requests, points,
 * retries, wall time, repos read, the largest single request and the requests
 * by operation; then validate + resolve on the cold snapshot, and optionally a
 * full `npm run build` of the same org through the local source (then the
 * page budgets, and search quality and speed on that org and on the demo org,
 * see search-bench.ts), and the pathological Markdown pages of
 * `markdown-stress.ts` at full size.
 *
 * The generated org is kept in `.cache/bench/org-<N>-<seed>/` and reused while
 * its sidecar still matches the one generated (a stamp file records its hash).
 * The 5 % edit is made on a copy, so the kept org stays as generated.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPhaseLog } from '../src/progress/phase-log.ts';
import { PortalConfigSchema, type PortalConfig } from '../src/config/schema.ts';
import { buildDocs } from '../src/docs/build-docs.ts';
import { analyzeSnapshot } from '../src/pipeline/load-catalog.ts';
import { crawlGitHub, type CrawlStats } from '../src/sources/github/crawl.ts';
import { loadFakeOrgFromDir } from '../test/fakes/github/load-org.ts';
import { ORG_SIDECAR_FILE } from '../test/fakes/github/org-model.ts';
import { startFakeGitHub, type FakeGitHub, type RecordedRequest } from '../test/fakes/github/server.ts';
import { readOptions } from '../src/sources/load-source.ts';
import type { Snapshot } from '../src/sources/snapshot.ts';
import { buildSite, type BuiltSite } from './build-site.ts';
import { runMarkdownStress, type MarkdownStressResult } from './markdown-stress.ts';
import { touchRepos } from './mutate-org.ts';
import { benchDemoSearch, benchSyntheticSearch, type SearchBenchResult } from './search-bench.ts';
import { measureExplorer, measurePageBudgets, uiBudgets, type ExplorerTiming, type PageBudgetResult } from './ui-budgets.ts';
import { generateSyntheticOrg, type SyntheticOrgSummary } from './synthetic-org.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The request targets, stated for 1,000 repos and 150 teams only (they do not scale linearly). */
export const TARGET_REPOS = 1000;
export const requestTargets = { cold: 60, unchanged: 15, changed: 25 } as const;
export type CrawlName = keyof typeof requestTargets;
export const CHANGED_FRACTION = 0.05;

export interface BenchOptions {
  repos: number;
  seed: number;
  /** Also run `npm run build` on the org (through the local source), and measure the built site: page budgets, search. */
  build: boolean;
  /** Also render the pathological Markdown pages of `markdown-stress.ts` at full size (some 20 s); `npm run bench` does. */
  markdownStress?: boolean;
  /** Where `.cache/bench/` lives; default the project root. */
  root?: string;
  /** One line per step, as it happens. */
  onProgress?: (line: string) => void;
}

export interface CrawlMeasurement {
  name: CrawlName;
  requests: number;
  points: number;
  retries: number;
  wallMs: number;
  reposListed: number;
  reposSelected: number;
  /** Repos whose files were read. */
  reposRead: number;
  reposReused: number;
  reposStale: number;
  /** Largest `nodeCount` and point cost of any single request. */
  maxNodeCount: number;
  maxCost: number;
  /** Requests the fake rejected as invalid against GitHub's schema and rules. */
  invalidRequests: { n: number; operation: string | null; errors: string[] }[];
  /** Requests that got an error (HTTP or GraphQL), rate limits included. */
  failedRequests: number;
  byOperation: Record<string, number>;
  sizeChanges: CrawlStats['sizeChanges'];
  /** Last-updated dates of docs pages: read, kept from the previous crawl, still unknown. */
  fileDates: CrawlStats['fileDates'];
  pointsLeft?: number | undefined;
  /** Target for this crawl when N = 1,000; null otherwise. */
  target: number | null;
  metTarget: boolean | null;
}

export interface BenchResult {
  repos: number;
  seed: number;
  org: { dir: string; reused: boolean; generateMs: number; summary: SyntheticOrgSummary };
  /** Repos edited for the third crawl, and how many of them the crawl selects (public, not archived). */
  touched: { repos: number; selected: number };
  crawls: CrawlMeasurement[];
  /** What the crawls got wrong: a nightly snapshot that differs from the cold one, changed repos not read. */
  problems: string[];
  catalog: { validateMs: number; resolveMs: number; entities: number; byKind: Record<string, number>; relations: number; diagnostics: Record<string, number> };
  /** TechDocs of the cold snapshot rendered twice: with an empty page cache, then with the cache the first run filled. */
  docs: {
    sites: number;
    pages: number;
    cold: { ms: number; pagesPerSecond: number };
    cached: { ms: number; pagesPerSecond: number; fromCache: number };
    diagnostics: Record<string, number>;
  };
  /** With markdownStress: each pathological page, its render time and what was wrong with it. */
  markdown?: MarkdownStressResult;
  build?: BuiltSite;
  /** With --build: entity page and JavaScript sizes, and the catalog explorer's time to a first filtered result. */
  ui?: { pages: PageBudgetResult; explorer: ExplorerTiming; met: { entityHtml: boolean; entityJs: boolean; explorer: boolean } };
  /** With --build: search quality (MRR, exact names first) and speed (bytes, keystroke time) on this org and on the demo org. */
  search?: SearchBenchResult;
  /** False when N = 1,000 and a target was missed, or a request was invalid, a problem found, a Markdown stress case failed, the build failed or a search target was missed. */
  ok: boolean;
  resultsFile: string;
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const progress = options.onProgress ?? (() => {});
  const root = options.root ?? projectRoot;
  const benchDir = join(root, '.cache', 'bench');
  // Config defaults for reading files; every repo selected (the defaults publish only public, unarchived ones), so N repos are N crawled.
  const config = PortalConfigSchema.parse({ github: { visibility: ['public', 'internal', 'private'], archived: true } });
  const org = await prepareOrg(benchDir, options.repos, options.seed, progress);

  const fake = await startFakeGitHub({ org: await loadFakeOrgFromDir(org.dir), rateLimit: { limit: 5000 } });
  const crawls: CrawlMeasurement[] = [];
  let touched: BenchResult['touched'];
  let coldSnapshot: Snapshot;
  const problems: string[] = [];
  try {
    const crawl = async (name: CrawlName, previous: Snapshot | undefined) => {
      const measured = await measureCrawl(fake, name, config, previous, options.repos === TARGET_REPOS);
      crawls.push(measured.measurement);
      progress(`Crawl ${name}: ${describeCrawl(measured.measurement)}`);
      return measured.snapshot;
    };
    coldSnapshot = await crawl('cold', undefined);
    const unchanged = await crawl('unchanged', coldSnapshot);
    if (JSON.stringify(unchanged.repos) !== JSON.stringify(coldSnapshot.repos))
      problems.push('The nightly crawl with nothing changed gave other repos than the cold crawl.');

    const touchedDir = `${org.dir}-touched`;
    await rm(touchedDir, { recursive: true, force: true });
    await cp(org.dir, touchedDir, { recursive: true });
    const names = await touchRepos(touchedDir, CHANGED_FRACTION, options.seed);
    const selected = new Set(unchanged.repos.map((r) => r.name));
    touched = { repos: names.length, selected: names.filter((n) => selected.has(n)).length };
    progress(`Touched ${names.length} repos (${touched.selected} of them crawled) in a copy of the org`);
    // Reload the live model in place: same server, same rate-limit budget, as one hour of crawling would see it.
    Object.assign(fake.org(), await loadFakeOrgFromDir(touchedDir));
    const changed = await crawl('changed', unchanged);
    const read = crawls.at(-1)!.reposRead;
    if (read !== touched.selected) problems.push(`The nightly crawl with 5 % changed read ${read} repos; ${touched.selected} crawled repos had changed.`);
    const stillOld = changed.repos.filter(
      (r) => selected.has(r.name) && names.includes(r.name) && r.head?.commit === unchanged.repos.find((u) => u.name === r.name)?.head?.commit,
    );
    if (stillOld.length > 0)
      problems.push(
        `${stillOld.length} changed repos kept their old HEAD after the nightly crawl: ${stillOld
          .slice(0, 5)
          .map((r) => r.name)
          .join(', ')}.`,
      );
    await rm(touchedDir, { recursive: true, force: true });
  } finally {
    await fake.close();
  }

  const catalog = await measureCatalog(coldSnapshot, config);
  progress(
    `Catalog: ${catalog.entities} entities, ${catalog.relations} relations; validate ${Math.round(catalog.validateMs)} ms, resolve ${Math.round(catalog.resolveMs)} ms`,
  );
  const docs = await measureDocs(coldSnapshot, config, join(benchDir, `docs-cache-${options.repos}`));
  progress(
    `Docs: ${docs.pages} pages in ${docs.sites} sites; cold ${Math.round(docs.cold.pagesPerSecond)} pages/s, cached ${Math.round(docs.cached.pagesPerSecond)} pages/s`,
  );
  const markdown = options.markdownStress ? await runMarkdownStress({ onProgress: progress }) : undefined;
  const build = options.build
    ? await buildSite({ projectRoot, source: `local:${org.dir}`, outDir: join(benchDir, `dist-${options.repos}`), progress })
    : undefined;
  const ui = build && build.exitCode === 0 ? await measureUi(build.outDir, progress) : undefined;
  const search: SearchBenchResult | undefined = build
    ? { synthetic: await benchSyntheticSearch(build, org.summary, progress), demo: await benchDemoSearch(projectRoot, benchDir, progress) }
    : undefined;

  const uiMet = !ui || (ui.met.entityHtml && ui.met.entityJs && (ui.explorer.entities < 10_000 || ui.met.explorer));
  const ok =
    crawls.every((c) => c.metTarget !== false && c.invalidRequests.length === 0) &&
    problems.length === 0 &&
    (markdown?.ok ?? true) &&
    (build?.exitCode ?? 0) === 0 &&
    uiMet &&
    searchMet(search);
  const resultsFile = join(benchDir, `results-${options.repos}.json`);
  const result: BenchResult = {
    repos: options.repos,
    seed: options.seed,
    org,
    touched,
    crawls,
    problems,
    catalog,
    docs,
    ...(markdown ? { markdown } : {}),
    ...(build ? { build } : {}),
    ...(ui ? { ui } : {}),
    ...(search ? { search } : {}),
    ok,
    resultsFile,
  };
  await writeFile(resultsFile, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/** Every search run measured, and every target met. */
export function searchMet(search: SearchBenchResult | undefined): boolean {
  return [search?.synthetic, search?.demo].every((run) => !run || (run.result !== undefined && Object.values(run.result.met).every(Boolean)));
}

/** The budgets of the built site: page and script sizes, and the explorer in Chromium (best of three loads). */
async function measureUi(outDir: string, progress: (line: string) => void): Promise<NonNullable<BenchResult['ui']>> {
  const pages = await measurePageBudgets(outDir);
  progress(`Entity pages: ${pages.entityPages}, HTML gzip max ${pages.htmlGzip.max} B (${pages.htmlGzip.largest}), JS gzip max ${pages.jsGzip.max} B`);
  let explorer: ExplorerTiming | undefined;
  for (let i = 0; i < 3; i++) {
    const run = await measureExplorer(outDir, 'service');
    if (!explorer || run.firstFilterMs < explorer.firstFilterMs) explorer = run;
  }
  progress(
    `Explorer on ${explorer!.entities} entities: first filtered result ${explorer!.firstFilterMs} ms after the first keystroke (page interactive at ${explorer!.readyMs} ms, result at ${explorer!.totalMs} ms from navigation; catalog.json ${explorer!.catalogJsonGzip} B gzip)`,
  );
  return {
    pages,
    explorer: explorer!,
    met: {
      entityHtml: pages.htmlGzip.max <= uiBudgets.entityHtmlGzip,
      entityJs: pages.jsGzip.max <= uiBudgets.entityJsGzip,
      explorer: explorer!.firstFilterMs < uiBudgets.explorerMs,
    },
  };
}

/** Generate the org, or reuse the kept one when its stamp says it is this (N, seed) and its sidecar is untouched. */
async function prepareOrg(benchDir: string, repos: number, seed: number, progress: (line: string) => void): Promise<BenchResult['org']> {
  const dir = join(benchDir, `org-${repos}-${seed}`);
  const stampFile = `${dir}.stamp.json`;
  const stamp = await readFile(stampFile, 'utf8').then(
    (text) => JSON.parse(text) as { repos: number; seed: number; sidecarSha1: string; summary: SyntheticOrgSummary },
    () => undefined,
  );
  const sidecar = await readFile(join(dir, ORG_SIDECAR_FILE)).catch(() => undefined);
  if (stamp && sidecar && stamp.repos === repos && stamp.seed === seed && stamp.sidecarSha1 === sha1(sidecar)) {
    progress(`Reusing the synthetic org of ${repos} repos (seed ${seed}) in ${dir}`);
    return { dir, reused: true, generateMs: 0, summary: stamp.summary };
  }
  progress(`Generating a synthetic org of ${repos} repos (seed ${seed}) into ${dir}…`);
  const started = performance.now();
  await mkdir(benchDir, { recursive: true });
  const summary = await generateSyntheticOrg(dir, { repos, seed });
  const generateMs = performance.now() - started;
  const written = await readFile(join(dir, ORG_SIDECAR_FILE));
  await writeFile(stampFile, JSON.stringify({ repos, seed, sidecarSha1: sha1(written), summary }));
  progress(`Generated ${summary.repos} repos, ${summary.teams} teams, ${summary.users} users, ${summary.files} files in ${Math.round(generateMs)} ms`);
  return { dir, reused: false, generateMs, summary };
}

async function measureCrawl(fake: FakeGitHub, name: CrawlName, config: PortalConfig, previous: Snapshot | undefined, hasTargets: boolean) {
  fake.clearRequests();
  const started = performance.now();
  const { snapshot, stats } = await crawlGitHub({
    org: fake.org().login,
    endpoint: fake.url,
    token: 'test-token',
    read: readOptions(config),
    filters: config.github,
    teams: config.github.teams,
    maxRateLimitWaitMs: config.github.maxRateLimitWait * 1000,
    previous,
  });
  const wallMs = performance.now() - started;
  const requests: RecordedRequest[] = [...fake.requests];
  const byOperation: Record<string, number> = {};
  for (const r of requests) byOperation[r.operationName ?? '(none)'] = (byOperation[r.operationName ?? '(none)'] ?? 0) + 1;
  const target = hasTargets ? requestTargets[name] : null;
  const measurement: CrawlMeasurement = {
    name,
    requests: stats.requests,
    points: stats.points,
    retries: stats.retries,
    wallMs,
    reposListed: stats.reposListed,
    reposSelected: stats.reposSelected,
    reposRead: stats.reposChanged,
    reposReused: stats.reposUnchanged,
    reposStale: stats.reposStale,
    maxNodeCount: Math.max(0, ...requests.map((r) => r.nodeCount)),
    maxCost: Math.max(0, ...requests.map((r) => r.cost)),
    invalidRequests: requests.filter((r) => r.invalid.length > 0).map((r) => ({ n: r.n, operation: r.operationName, errors: r.invalid })),
    failedRequests: requests.filter((r) => r.status !== 200 || r.errorTypes.length > 0).length,
    byOperation,
    sizeChanges: stats.sizeChanges,
    fileDates: stats.fileDates,
    pointsLeft: stats.remaining,
    target,
    metTarget: target === null ? null : stats.requests <= target,
  };
  return { snapshot, measurement };
}

function describeCrawl(c: CrawlMeasurement): string {
  const ops = Object.entries(c.byOperation)
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');
  return `${c.requests} requests (${ops}), ${c.points} points, ${c.retries} retries, ${c.reposRead} repos read, ${c.reposReused} reused, ${Math.round(c.wallMs)} ms`;
}

async function measureCatalog(snapshot: Snapshot, config: PortalConfig): Promise<BenchResult['catalog']> {
  const log = createPhaseLog(true);
  const { graph, diagnostics } = await analyzeSnapshot(snapshot, config, log);
  const byKind: Record<string, number> = {};
  for (const e of graph.entities) byKind[e.kind.kind] = (byKind[e.kind.kind] ?? 0) + 1;
  let relations = 0;
  for (const list of graph.relationsOf.values()) relations += list.length;
  const severities: Record<string, number> = {};
  for (const d of diagnostics) severities[d.severity] = (severities[d.severity] ?? 0) + 1;
  const [validate, resolveTiming] = log.timings;
  return { validateMs: validate?.ms ?? 0, resolveMs: resolveTiming?.ms ?? 0, entities: graph.entities.length, byKind, relations, diagnostics: severities };
}

/** The docs stage alone (no Astro), cold then from its cache: docs are most of a large org's build work. */
async function measureDocs(snapshot: Snapshot, config: PortalConfig, cacheDir: string): Promise<BenchResult['docs']> {
  const { graph } = await analyzeSnapshot(snapshot, config, createPhaseLog(true));
  await rm(cacheDir, { recursive: true, force: true });
  const run = () => buildDocs({ entities: graph.entities, snapshot, org: snapshot.org, base: '/', cacheDir });
  const cold = await run();
  const cached = await run();
  await rm(cacheDir, { recursive: true, force: true });
  const rate = (pages: number, ms: number) => (ms > 0 ? pages / (ms / 1000) : 0);
  const diagnostics: Record<string, number> = {};
  for (const d of cold.diagnostics) diagnostics[d.rule] = (diagnostics[d.rule] ?? 0) + 1;
  return {
    sites: cold.stats.sites,
    pages: cold.stats.pages,
    cold: { ms: cold.stats.ms, pagesPerSecond: rate(cold.stats.pages, cold.stats.ms) },
    cached: { ms: cached.stats.ms, pagesPerSecond: rate(cached.stats.pages, cached.stats.ms), fromCache: cached.stats.fromCache },
    diagnostics,
  };
}

function sha1(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex');
}
