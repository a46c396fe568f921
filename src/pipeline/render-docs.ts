/**
 * The docs phase of a build: render every entity's TechDocs, vet the files the pages copy into the
 * site, then cap what each repo adds to it. In: the resolved entities, their snapshot, the config.
 * Out: the docs data the site reads, the files to copy, each entity's docs path (only for sites that
 * kept a page), and every problem found on the way.
 */
import type { PortalConfig } from '../config/schema.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { buildDocs, type DocsBuild } from '../docs/build-docs.ts';
import { vetDocsAssets, type VettedAsset } from '../docs/copy-assets.ts';
import { applyOutputBudget } from '../docs/publish/docs-output-budget.ts';
import type { CatalogGraph } from '../graph/resolve-graph.ts';
import type { Snapshot } from '../sources/snapshot.ts';

export interface RenderedDocs extends Omit<DocsBuild, 'assets'> {
  assets: VettedAsset[];
  diagnostics: Diagnostic[];
}

export interface RenderDocsInput {
  graph: CatalogGraph;
  snapshot: Snapshot;
  config: PortalConfig;
  org: string;
  /** The rendered-page cache. */
  cacheDir: string;
}

export async function renderDocs({ graph, snapshot, config, org, cacheDir }: RenderDocsInput): Promise<RenderedDocs> {
  const built = await buildDocs({ entities: graph.entities, snapshot, org, base: config.base, cacheDir, limits: config.limits });
  const repoRoots = new Map(snapshot.repos.filter((r) => r.localPath).map((r) => [r.name, r.localPath!]));
  const vetted = await vetDocsAssets(built.assets, repoRoots, config.limits);
  // What each repo adds to the site is capped only now: the copied files' sizes are known after vetting.
  const fitted = applyOutputBudget({ data: built.data, assets: vetted.safe, assetsByPage: built.assetsByPage, limit: config.limits.maxRepoOutputBytes });
  const keptSites = new Set(fitted.data.sites.map((s) => s.path));
  const docsPathByRef = new Map([...built.docsPathByRef].filter(([, path]) => keptSites.has(path)));
  return {
    ...built,
    data: fitted.data,
    docsPathByRef,
    assets: fitted.assets,
    diagnostics: [...built.diagnostics, ...vetted.diagnostics, ...fitted.diagnostics],
  };
}

/** The phase line's count: pages, sites, how many were rendered (and how fast) or came from the cache, problems. */
export function describeDocs(docs: RenderedDocs): string {
  const rate = docs.stats.rendered > 0 ? `, ${Math.round(docs.stats.rendered / (docs.stats.ms / 1000))} pages/s` : '';
  return `${docs.stats.pages} pages in ${docs.stats.sites} sites (${docs.stats.rendered} rendered${rate}, ${docs.stats.fromCache} from cache), ${docs.diagnostics.filter((x) => x.severity !== 'info').length} problems`;
}
