/**
 * The catalog half of the pipeline, shared by `validate` and `build`:
 * source → snapshot → parse + validate → resolve graph. Prints each phase.
 */
import { readCatalog, type CatalogResult } from '../catalog/read-catalog.ts';
import type { PortalConfig } from '../config/schema.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { allDiagnostics } from '../portal-data/build-portal-data.ts';
import { resolveGraph, type CatalogGraph } from '../graph/resolve-graph.ts';
import { ownershipEvidence, type OwnershipEvidence } from '../graph/ownership-evidence.ts';
import { loadSource } from '../sources/load-source.ts';
import type { Snapshot } from '../sources/snapshot.ts';
import type { PhaseLog } from '../progress/phase-log.ts';
import { crawlProgress } from '../progress/crawl-progress.ts';

export interface LoadedCatalog {
  snapshot: Snapshot;
  catalog: CatalogResult;
  graph: CatalogGraph;
  /** What decided duplicate refs: the build writes the next publication record from it. */
  ownership: OwnershipEvidence;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** Use this snapshot instead of reading the configured source. */
  snapshot?: Snapshot;
  /** False when the snapshot holds only part of the org, so references to the rest cannot be checked. */
  checkReferences?: boolean;
  /** The previous build's publication record (ref → repo), which keeps a ref with the repo it was published from. */
  publishedFrom?: ReadonlyMap<string, string>;
}

export async function loadCatalog(config: PortalConfig, log: PhaseLog, options: LoadOptions = {}): Promise<LoadedCatalog> {
  const snapshot = options.snapshot;
  const snap =
    snapshot ??
    (await log.phase(
      `Reading repos from ${[config.source].flat().join(', ')}`,
      () => loadSource(config, crawlProgress(log)),
      (s) => {
        const withCatalog = s.repos.filter((r) => r.catalogFiles.length > 0).length;
        return `${s.repos.length} repos, ${withCatalog} with a catalog file`;
      },
    ));
  return analyzeSnapshot(snap, config, log, options.checkReferences ?? true, options.publishedFrom);
}

export async function analyzeSnapshot(
  snapshot: Snapshot,
  config: PortalConfig,
  log: PhaseLog,
  checkReferences = true,
  publishedFrom: ReadonlyMap<string, string> = new Map(),
): Promise<LoadedCatalog> {
  const catalog = await log.phase(
    'Validating catalog files',
    () => readCatalog(snapshot, config.limits, { inferMissing: config.catalog.inferMissing }),
    (c) => {
      const files = new Set(c.documents.map((d) => `${d.repo}/${d.path}`)).size;
      const valid = c.documents.filter((d) => d.valid).length;
      return `${c.documents.length} documents in ${files} files, ${valid} valid`;
    },
  );
  const ownership = ownershipEvidence(snapshot, catalog, publishedFrom);
  const graph = await log.phase(
    'Resolving relations',
    () => resolveGraph(catalog.entities, { checkReferences, ownership }),
    (g) => {
      let relations = 0;
      for (const list of g.relationsOf.values()) relations += list.length;
      return `${g.entities.length} entities, ${relations} relations`;
    },
  );
  return { snapshot, catalog, graph, ownership, diagnostics: allDiagnostics(catalog, graph) };
}
