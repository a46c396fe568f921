/**
 * `buildPortal`: the whole build, every phase in order. The `build` command only parses flags,
 * calls this, and prints the summary.
 *
 * In: the portal config (flags applied), the output folder (default the project's `dist/`), the
 * phase log that prints progress, and how a list of problems reads in that log.
 * Out: what the summary reports (the site's folder, its pages, searchable pages, entities and
 * repos) and every diagnostic of the catalog, the docs and the pages left out.
 *
 * Phases, in order:
 * 1. read the last build's publication record (the `.cache/` copy, else the one in the last site);
 * 2. load the catalog: read the repos, validate catalog files, resolve relations (load-catalog.ts);
 *    with `guard`, refuse a build that would publish a broken portal (deploy-guard.ts);
 * 3. render docs: TechDocs pages, vetted files, each repo's output budget → the docs data file;
 * 4. check the software templates (render each with sample values, src/scaffolder);
 * 4b. collect integrations: each configured plugin reads its service for the entities that carry its
 *    annotations, with the last good data as fallback (src/plugins/run-plugins.ts);
 * 5. write portal data (PortalData, scorecards, templates and the changelog since the last deploy
 *    included, src/changelog) → the portal data file;
 * 6. render pages with Astro, leaving out a page that throws (render-site.ts, leave-out-page.ts);
 * 7. copy the docs images and files the pages use;
 * 8. index the site for search (Pagefind);
 * 9. write this build's publication record and deploy record, and for `dist/` the base `npm run preview` serves.
 *
 * Catalog and docs errors do not fail the build: they are printed and published on the
 * diagnostics page, and the rest of the org is built. What throws fails the build.
 */
import { join, resolve } from 'node:path';
import type { PortalConfig } from '../config/schema.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { logText } from '../diagnostics/log-text.ts';
import { copyDocsAssets } from '../docs/copy-assets.ts';
import { buildPortalData, portalRepoOf } from '../portal-data/build-portal-data.ts';
import { buildChangelog, previousDeployUrl } from '../changelog/index.ts';
import { checkTemplates } from './check-templates.ts';
import { loadPlugins } from '../plugins/load-plugins.ts';
import { EMPTY_PLUGINS_RESULT, pluginEntityOf, runPlugins } from '../plugins/run-plugins.ts';
import type { PhaseLog } from '../progress/phase-log.ts';
import type { Snapshot } from '../sources/snapshot.ts';
import { buildCacheFiles, publicationRecordFiles } from './build-cache-files.ts';
import { guardDeploy, writeDeployRecord } from './deploy-guard.ts';
import { indexSearch as pagefindIndex } from './index-search.ts';
import { leaveOutPage, type RenderedData } from './leave-out-page.ts';
import { loadCatalog } from './load-catalog.ts';
import { publishValidator, VALIDATOR_SITE_PATH } from './publish-validator.ts';
import { buildInfoFile, cacheDir, defaultOutDir, docsRenderCacheDir, projectRoot } from './project-root.ts';
import { nextPublicationRecord, readPublicationRecord, writePublicationRecord } from './publication-record.ts';
import { describeDocs, renderDocs } from './render-docs.ts';
import { renderSite, type RenderOptions } from './render-site.ts';
import { warnUnpublicRepos } from './warn-unpublic-repos.ts';
import { writeJsonFile } from './write-json-file.ts';

export interface BuildOptions {
  config: PortalConfig;
  /** Where the site is written; default the project's `dist/`. */
  outDir?: string | undefined;
  log: PhaseLog;
  /** How problems read in the log (the CLI's pretty format); `limit` caps how many are listed. */
  formatProblems: (problems: readonly Diagnostic[], snapshot: Snapshot, limit?: number) => string;
  /** Astro's `build` and the search indexer; tests pass their own. */
  astroBuild?: RenderOptions['astroBuild'];
  indexSearch?: (siteDir: string) => Promise<{ pages: number }>;
  /** About to be deployed: refuse, before rendering, a build that would publish a broken portal (deploy-guard.ts). */
  guard?: boolean | undefined;
}

export interface BuildResult {
  /** The site's folder, absolute. */
  outDir: string;
  pages: number;
  searchable: number;
  entities: number;
  repos: number;
  /** The catalog's, the docs', the template checks' and the left-out pages' diagnostics (infos included). */
  diagnostics: Diagnostic[];
}

export async function buildPortal(options: BuildOptions): Promise<BuildResult> {
  const { config, log, formatProblems } = options;
  const outDir = resolve(options.outDir ?? defaultOutDir);
  const files = buildCacheFiles(outDir);
  // Read before Astro empties outDir: the copy the last build put into the site is the fallback.
  const recordFiles = publicationRecordFiles(outDir);
  const previous = await readPublicationRecord(recordFiles);
  for (const problem of previous.problems) log.info(`⚠ A publication record was not used: ${logText(problem)}`);
  const { snapshot, catalog, graph, ownership, diagnostics } = await loadCatalog(config, log, { publishedFrom: previous.origins });
  warnUnpublicRepos(snapshot, log);
  if (options.guard) await guardDeploy({ snapshot, entities: graph.entities.length, outDir, config: config.deploy, log: (line) => log.info(line) });
  const showProblems = (list: readonly Diagnostic[], limit: number) => {
    const shown = list.filter((d) => d.severity !== 'info');
    if (shown.length > 0) log.info(`\n${formatProblems(shown, snapshot, limit)}\n`);
  };
  showProblems(diagnostics, 40);

  const org = config.org ?? snapshot.org;
  const docs = await log.phase(
    'Rendering docs (TechDocs)',
    async () => {
      const rendered = await renderDocs({ graph, snapshot, config, org, cacheDir: docsRenderCacheDir });
      await writeJsonFile(files.docsDataFile, rendered.data);
      return rendered;
    },
    describeDocs,
  );
  showProblems(docs.diagnostics, 20);

  const templates = await checkTemplates({ snapshot, graph, config, org, log });
  showProblems(templates.diagnostics, 20);

  // Before portal data: plugin sections and checks join the entity records and scorecards.
  const plugins =
    config.plugins.length === 0
      ? EMPTY_PLUGINS_RESULT
      : await log.phase(
          'Collecting integrations',
          async () =>
            runPlugins({
              plugins: await loadPlugins(config.plugins),
              entities: graph.entities.map(pluginEntityOf),
              env: process.env,
              now: new Date(),
              cacheDir,
              log: (line) => log.info(`  ${logText(line)}`),
            }),
          (r) => `${r.ran} ran, ${r.skipped} skipped, ${r.failed} with failures`,
        );
  showProblems(plugins.diagnostics, 20);

  const data: RenderedData = await log.phase(
    'Writing portal data',
    async () => {
      const portal = buildPortalData({
        title: config.title,
        org,
        snapshot,
        catalog,
        graph,
        health: config.health,
        docs: { diagnostics: docs.diagnostics, pathByRef: docs.docsPathByRef },
        templates,
        plugins,
        portalRepo: portalRepoOf(process.env),
      });
      // The changelog compares this catalog with the last deploy's, read before Astro empties outDir.
      portal.changelog = await buildChangelog({ portal, outDir, siteUrl: previousDeployUrl(config), log: (line) => log.info(line) });
      await writeJsonFile(files.dataFile, portal);
      return { portal, docs: docs.data };
    },
    (d) => `${d.portal.entities.length} entities → ${files.dataFile.replace(`${projectRoot}/`, '')}`,
  );

  const leftOut: Diagnostic[] = [];
  // A page Astro cannot render costs its repo that page, not the org its build.
  const leaveOut = async (route: string, error: unknown) => {
    const left = leaveOutPage(route, config.base, data, error);
    if (!left) return false;
    ({ portal: data.portal, docs: data.docs } = left);
    leftOut.push(left.diagnostic);
    log.info(formatProblems([left.diagnostic], snapshot));
    await Promise.all([writeJsonFile(files.dataFile, data.portal), writeJsonFile(files.docsDataFile, data.docs)]);
    return true;
  };
  const render: RenderOptions = {
    root: projectRoot,
    dataFile: files.dataFile,
    docsDataFile: files.docsDataFile,
    base: config.base,
    site: config.site,
    outDir,
    leaveOut,
    ...(files.astroCache ? { cacheDir: files.astroCache } : {}),
    ...(options.astroBuild ? { astroBuild: options.astroBuild } : {}),
  };
  const site = await log.phase(
    'Rendering pages (Astro)',
    () => renderSite(render),
    (r) => `${r.pages} pages under base ${config.base}${r.leftOut.length > 0 ? `, ${r.leftOut.length} left out (repo-failed)` : ''}`,
  );
  if (docs.assets.length > 0)
    await log.phase(
      'Copying docs images and files',
      () => copyDocsAssets(docs.assets, outDir, config.limits),
      (r) => `${r.copied} files${r.skipped.length > 0 ? `, ${r.skipped.length} not copied` : ''}`,
    );
  // The PR check every repo of the org downloads from the site (src/pipeline/publish-validator.ts).
  await log.phase(
    'Publishing the PR check',
    () => publishValidator(projectRoot, join(outDir, VALIDATOR_SITE_PATH), join(cacheDir, 'validator')),
    (r) => `${VALIDATOR_SITE_PATH}, ${(r.bytes / 1024).toFixed(0)} KiB${r.cached ? ' (unchanged)' : ''}`,
  );
  const search = await log.phase(
    'Indexing for search (Pagefind)',
    () => (options.indexSearch ?? pagefindIndex)(outDir),
    (r) => `${r.pages} pages indexed`,
  );

  // Where each published ref came from: the next build keeps a ref declared again elsewhere with its repo.
  await writePublicationRecord(recordFiles, nextPublicationRecord(previous.origins, graph.entities, ownership.unsettled));
  // What the next guarded build compares its catalog with, once this site is deployed.
  await writeDeployRecord(outDir, { entities: graph.entities.length, repos: snapshot.repos.length });
  // `npm run preview` serves dist/ under the base it was built with; other --out builds leave it alone.
  if (files.isDefaultOut) await writeJsonFile(buildInfoFile, { base: config.base });
  return {
    outDir,
    pages: site.pages,
    searchable: search.pages,
    entities: graph.entities.length,
    repos: snapshot.repos.length,
    diagnostics: [...diagnostics, ...docs.diagnostics, ...templates.diagnostics, ...plugins.diagnostics, ...leftOut],
  };
}
