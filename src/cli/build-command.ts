/**
 * `npm run build -- [--source …] [--base /<repo>/] [--config …]`
 *
 * source → validate → resolve → PortalData → Astro → Pagefind, printing each
 * phase with counts and timings, then a summary. Catalog errors do not fail
 * the build: they are printed and published on the diagnostics page, and the
 * rest of the org is built.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadConfig } from '../config/load-config.ts';
import { buildDocs } from '../docs/build-docs.ts';
import { copyDocsAssets, vetDocsAssets } from '../docs/copy-assets.ts';
import { applyOutputBudget } from '../docs/publish/docs-output-budget.ts';
import { buildPortalData } from '../portal-data/build-portal-data.ts';
import { loadCatalog } from '../pipeline/load-catalog.ts';
import { nextPublicationRecord, PUBLICATION_RECORD_FILE, readPublicationRecord, writePublicationRecord } from '../pipeline/publication-record.ts';
import { logText } from '../diagnostics/log-text.ts';
import { indexSearch } from '../pipeline/index-search.ts';
import { leaveOutPage } from '../pipeline/leave-out-page.ts';
import { renderSite } from '../pipeline/render-site.ts';
import { parseCommonFlags } from './args.ts';
import { createPhaseLog, formatMs } from './log.ts';
import { displayPathFor } from './report/display-path.ts';
import { formatPretty } from './report/pretty.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const buildUsage = `Usage: npm run build -- [--source local:<dir>|github:<org>] [--base /<repo>/] [--config portal.config.yaml] [--out dist]

Builds the portal into dist/ (search index included).
  --source    where repos come from (default: portal.config.yaml's, else the demo org in content/)
  --base      URL path the site is served under, e.g. /my-portal/ for a GitHub Pages project site
  --out       output folder (default dist)`;

export async function runBuild(argv: string[]): Promise<number> {
  const flags = parseCommonFlags(argv);
  if (flags.help) {
    process.stdout.write(`${buildUsage}\n`);
    return 0;
  }
  const started = performance.now();
  const { config } = await loadConfig(flags.config, { source: flags.source, base: flags.base });
  const log = createPhaseLog(flags.quiet);
  const outDir = resolve(flags.out ?? join(projectRoot, 'dist'));
  const { isDefaultOut, dataFile, docsDataFile, astroCache, publicationRecord } = buildCacheFiles(outDir);
  // Read before Astro empties outDir: the copy the last build put into the site is the fallback.
  const recordFiles = [publicationRecord, join(outDir, PUBLICATION_RECORD_FILE)];
  const previous = await readPublicationRecord(recordFiles);
  for (const problem of previous.problems) log.info(`⚠ A publication record was not used: ${logText(problem)}`);
  const loaded = await loadCatalog(config, log, { publishedFrom: previous.origins });
  const { snapshot, catalog, graph, ownership, diagnostics } = loaded;

  const unpublic = snapshot.repos.filter((r) => r.visibility !== 'public');
  if (unpublic.length > 0) {
    log.info(`\n⚠ ${unpublic.length} private or internal repos are in this portal (${unpublic.slice(0, 5).map((r) => logText(r.name)).join(', ')}${unpublic.length > 5 ? ', …' : ''}). Publish it only where their readers may see it: a GitHub Pages site can be public.`);
  }
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length > 0) log.info(`\n${formatPretty(shown, displayPathFor(snapshot), { stream: process.stderr, limit: 40 })}\n`);

  const org = config.org ?? snapshot.org;

  const docs = await log.phase('Rendering docs (TechDocs)', async () => {
    const built = await buildDocs({ entities: graph.entities, snapshot, org, base: config.base, cacheDir: join(projectRoot, '.cache', 'docs'), limits: config.limits });
    const repoRoots = new Map(snapshot.repos.filter((r) => r.localPath).map((r) => [r.name, r.localPath!]));
    const vetted = await vetDocsAssets(built.assets, repoRoots, config.limits);
    // What each repo adds to the site is capped only now: the copied files' sizes are known after vetting.
    const fitted = applyOutputBudget({ data: built.data, assets: vetted.safe, assetsByPage: built.assetsByPage, limit: config.limits.maxRepoOutputBytes });
    const keptSites = new Set(fitted.data.sites.map((s) => s.path));
    const docsPathByRef = new Map([...built.docsPathByRef].filter(([, path]) => keptSites.has(path)));
    await mkdir(dirname(docsDataFile), { recursive: true });
    await writeFile(docsDataFile, JSON.stringify(fitted.data));
    return { ...built, data: fitted.data, docsPathByRef, assets: fitted.assets, diagnostics: [...built.diagnostics, ...vetted.diagnostics, ...fitted.diagnostics] };
  }, (d) => {
    const rate = d.stats.rendered > 0 ? `, ${Math.round(d.stats.rendered / (d.stats.ms / 1000))} pages/s` : '';
    return `${d.stats.pages} pages in ${d.stats.sites} sites (${d.stats.rendered} rendered${rate}, ${d.stats.fromCache} from cache), ${d.diagnostics.filter((x) => x.severity !== 'info').length} problems`;
  });
  const shownDocs = docs.diagnostics.filter((d) => d.severity !== 'info');
  if (shownDocs.length > 0) log.info(`\n${formatPretty(shownDocs, displayPathFor(snapshot), { stream: process.stderr, limit: 20 })}\n`);

  let portal = await log.phase('Writing portal data', async () => {
    const data = buildPortalData({ title: config.title, org, snapshot, catalog, graph, health: config.health, docs: { diagnostics: docs.diagnostics, pathByRef: docs.docsPathByRef } });
    await mkdir(dirname(dataFile), { recursive: true });
    await writeFile(dataFile, JSON.stringify(data));
    return data;
  }, (d) => `${d.entities.length} entities → ${dataFile.replace(`${projectRoot}/`, '')}`);

  let docsData = docs.data;
  const renderFailures: Diagnostic[] = [];
  // A page Astro cannot render costs its repo that page, not the org its build.
  const leaveOut = async (route: string, error: unknown) => {
    const left = leaveOutPage(route, config.base, { portal, docs: docsData }, error);
    if (!left) return false;
    ({ portal, docs: docsData } = left);
    renderFailures.push(left.diagnostic);
    log.info(formatPretty([left.diagnostic], displayPathFor(snapshot), { stream: process.stderr }));
    await Promise.all([writeFile(dataFile, JSON.stringify(portal)), writeFile(docsDataFile, JSON.stringify(docsData))]);
    return true;
  };
  const site = await log.phase('Rendering pages (Astro)', () => renderSite({ root: projectRoot, dataFile, docsDataFile, base: config.base, site: config.site, outDir, leaveOut, ...(astroCache ? { cacheDir: astroCache } : {}) }), (r) => `${r.pages} pages under base ${config.base}${r.leftOut.length > 0 ? `, ${r.leftOut.length} left out (repo-failed)` : ''}`);
  if (docs.assets.length > 0) await log.phase('Copying docs images and files', () => copyDocsAssets(docs.assets, outDir, config.limits), (r) => `${r.copied} files${r.skipped.length > 0 ? `, ${r.skipped.length} not copied` : ''}`);
  const search = await log.phase('Indexing for search (Pagefind)', () => indexSearch(outDir), (r) => `${r.pages} pages indexed`);

  // Where each published ref came from: the next build keeps a ref declared again elsewhere with its repo.
  await writePublicationRecord(recordFiles, nextPublicationRecord(previous.origins, graph.entities, ownership.unsettled));
  // `npm run preview` serves dist/ under the base it was built with; other --out builds leave it alone.
  if (isDefaultOut) await writeFile(join(projectRoot, '.cache', 'build-info.json'), JSON.stringify({ base: config.base }));
  const counts = countBySeverity([...diagnostics, ...docs.diagnostics, ...renderFailures]);
  log.info(
    `\nBuilt ${site.pages} pages (${graph.entities.length} entities from ${snapshot.repos.length} repos, ${search.pages} searchable) into ${shownPath(outDir)}/ in ${formatMs(performance.now() - started)}.` +
      `\n${counts.error} error${counts.error === 1 ? "" : "s"}, ${counts.warning} warning${counts.warning === 1 ? "" : "s"} in the catalog and docs: see the portal's /diagnostics/ page or run \`npm run validate\`.` +
      `\nPreview: npm run preview`,
  );
  return 0;
}

/** A path as people typed it: relative when inside the current directory, absolute otherwise. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/**
 * The working files of a build into `outDir`: one data file and one Astro cache per output folder,
 * so a build elsewhere (tests, bench) never clobbers the main one, even when both run at once.
 */
export function buildCacheFiles(outDir: string): { isDefaultOut: boolean; dataFile: string; docsDataFile: string; publicationRecord: string; astroCache?: string } {
  const isDefaultOut = resolve(outDir) === join(projectRoot, 'dist');
  if (isDefaultOut) {
    // The Pages workflow caches this file between nightly builds (.github/workflows/pages.yml).
    return { isDefaultOut, dataFile: join(projectRoot, '.cache', 'portal-data.json'), docsDataFile: join(projectRoot, '.cache', 'docs-data.json'), publicationRecord: join(projectRoot, '.cache', PUBLICATION_RECORD_FILE) };
  }
  const key = createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 10);
  return {
    isDefaultOut,
    dataFile: join(projectRoot, '.cache', `portal-data-${key}.json`),
    docsDataFile: join(projectRoot, '.cache', `docs-data-${key}.json`),
    publicationRecord: join(projectRoot, '.cache', `published-origins-${key}.json`),
    astroCache: join(projectRoot, '.cache', `astro-${key}`),
  };
}
