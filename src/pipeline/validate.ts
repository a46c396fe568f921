/**
 * `validatePortal`: what `validate` checks, with the build's own stages and per-repo guards:
 * content that would break the build fails here with a `repo-failed` error, not a stack trace.
 *
 * In: the config, the phase log, and either named catalog files (one repo rooted at `root`) or
 * nothing (the whole configured source). Out: the snapshot read, the catalog and its graph, and
 * every diagnostic of the catalog, of the TechDocs its entities name and of the build-time template
 * checks, in stable order.
 *
 * Phases: reading repos (unless files are named), validating catalog files, resolving relations,
 * checking docs, checking templates. The whole org's duplicate refs are decided as the last build decided them, from
 * its publication record (only read, never written). Named files are one part of the org, so
 * references to other repos' entities are not checked.
 */
import type { CatalogResult } from '../catalog/read-catalog.ts';
import type { PortalConfig } from '../config/schema.ts';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { buildDocs } from '../docs/build-docs.ts';
import type { CatalogGraph } from '../graph/resolve-graph.ts';
import type { PhaseLog } from '../progress/phase-log.ts';
import type { Snapshot } from '../sources/snapshot.ts';
import { loadCatalog, type LoadOptions } from './load-catalog.ts';
import { publicationRecordFiles } from './build-cache-files.ts';
import { defaultOutDir, docsRenderCacheDir } from './project-root.ts';
import { readPublicationRecord } from './publication-record.ts';
import { snapshotOfFiles } from './snapshot-of-files.ts';
import { checkTemplates } from './check-templates.ts';

export interface ValidateOptions {
  config: PortalConfig;
  log: PhaseLog;
  /** Catalog files to check instead of the source: repo-relative `/` paths in the repo at `root`. */
  files?: { root: string; paths: string[] } | undefined;
}

export interface Validation {
  snapshot: Snapshot;
  catalog: CatalogResult;
  graph: CatalogGraph;
  diagnostics: Diagnostic[];
}

export async function validatePortal({ config, log, files }: ValidateOptions): Promise<Validation> {
  const { snapshot, catalog, graph, diagnostics } = await loadCatalog(
    config,
    log,
    files ? { snapshot: await snapshotOfFiles(files.root, files.paths, config), checkReferences: false } : await wholeOrg(),
  );
  // Docs problems (a broken link, a nav entry for a missing page) are what a docs PR should hear about too.
  const docs = await log.phase(
    'Checking docs',
    () =>
      buildDocs({
        entities: graph.entities,
        snapshot,
        org: config.org ?? snapshot.org,
        base: config.base,
        cacheDir: docsRenderCacheDir,
        limits: config.limits,
      }),
    (d) => `${d.stats.pages} pages in ${d.stats.sites} sites`,
  );
  // A template PR hears what its skeleton renders to, as the build would say it.
  const templates = await checkTemplates({ snapshot, graph, config, org: config.org ?? snapshot.org, log });
  return { snapshot, catalog, graph, diagnostics: [...diagnostics, ...docs.diagnostics, ...templates.diagnostics].sort(compareDiagnostics) };
}

async function wholeOrg(): Promise<LoadOptions> {
  // The default build's record: the refs as the last nightly build published them.
  const record = await readPublicationRecord(publicationRecordFiles(defaultOutDir));
  return { publishedFrom: record.origins };
}
