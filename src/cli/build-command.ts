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
import { countBySeverity } from '../diagnostics/diagnostic.ts';
import { loadConfig } from '../config/load-config.ts';
import { buildPortalData } from '../portal-data/build-portal-data.ts';
import { loadCatalog } from '../pipeline/load-catalog.ts';
import { indexSearch } from '../pipeline/index-search.ts';
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
  const loaded = await loadCatalog(config, log);
  const { snapshot, catalog, graph, diagnostics } = loaded;

  const unpublic = snapshot.repos.filter((r) => r.visibility !== 'public');
  if (unpublic.length > 0) {
    log.info(`\n⚠ ${unpublic.length} private or internal repos are in this portal (${unpublic.slice(0, 5).map((r) => r.name).join(', ')}${unpublic.length > 5 ? ', …' : ''}). Publish it only where their readers may see it: a GitHub Pages site can be public.`);
  }
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length > 0) log.info(`\n${formatPretty(shown, displayPathFor(snapshot), { stream: process.stderr, limit: 40 })}\n`);

  const outDir = resolve(flags.out ?? join(projectRoot, 'dist'));
  const { isDefaultOut, dataFile, astroCache } = buildCacheFiles(outDir);
  const org = config.org ?? snapshot.org;
  await log.phase('Writing portal data', async () => {
    const data = buildPortalData({ title: config.title, org, snapshot, catalog, graph, health: config.health });
    await mkdir(dirname(dataFile), { recursive: true });
    await writeFile(dataFile, JSON.stringify(data));
    return data;
  }, (d) => `${d.entities.length} entities → ${dataFile.replace(`${projectRoot}/`, '')}`);

  const site = await log.phase('Rendering pages (Astro)', () => renderSite({ root: projectRoot, dataFile, base: config.base, site: config.site, outDir, ...(astroCache ? { cacheDir: astroCache } : {}) }), (r) => `${r.pages} pages under base ${config.base}`);
  const search = await log.phase('Indexing for search (Pagefind)', () => indexSearch(outDir), (r) => `${r.pages} pages indexed`);

  // `npm run preview` serves dist/ under the base it was built with; other --out builds leave it alone.
  if (isDefaultOut) await writeFile(join(projectRoot, '.cache', 'build-info.json'), JSON.stringify({ base: config.base }));
  const counts = countBySeverity(diagnostics);
  log.info(
    `\nBuilt ${site.pages} pages (${graph.entities.length} entities from ${snapshot.repos.length} repos, ${search.pages} searchable) into ${shownPath(outDir)}/ in ${formatMs(performance.now() - started)}.` +
      `\n${counts.error} error${counts.error === 1 ? "" : "s"}, ${counts.warning} warning${counts.warning === 1 ? "" : "s"} in the catalog: see the portal's /diagnostics/ page or run \`npm run validate\`.` +
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
export function buildCacheFiles(outDir: string): { isDefaultOut: boolean; dataFile: string; astroCache?: string } {
  const isDefaultOut = resolve(outDir) === join(projectRoot, 'dist');
  if (isDefaultOut) return { isDefaultOut, dataFile: join(projectRoot, '.cache', 'portal-data.json') };
  const key = createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 10);
  return { isDefaultOut, dataFile: join(projectRoot, '.cache', `portal-data-${key}.json`), astroCache: join(projectRoot, '.cache', `astro-${key}`) };
}
