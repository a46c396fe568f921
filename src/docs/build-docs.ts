/**
 * Stage entry for TechDocs: validated entities + the snapshot → every
 * entity's docs rendered to HTML (DocsData), the files to copy next to them,
 * and diagnostics (broken links, missing images, config problems), which the
 * portal shows like any catalog problem. Knows nothing of Astro. One entity's
 * docs failing (a bug, input nobody foresaw) costs that entity its docs, with
 * a `repo-failed` diagnostic, never the other sites.
 */
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import { entityPagePath } from '../catalog-model/refs.ts';
import { LimitsSchema, type PortalConfig } from '../config/schema.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Snapshot } from '../sources/snapshot.ts';
import { docsFailed } from './docs-failed.ts';
import { findDocsSources } from './find-docs.ts';
import type { AssetCopy } from './link-targets.ts';
import { createRenderCache } from './render-cache.ts';
import { renderDocsSite } from './render-docs-site.ts';
import type { DocsData } from './schema.ts';

/** The limits the docs stage applies (portal.config.yaml `limits`). */
export type DocsLimits = Pick<PortalConfig['limits'], 'maxDocsFiles' | 'maxRepoOutputBytes' | 'maxPageRenderMs' | 'maxFileBytes'>;

export interface DocsBuildInput {
  entities: readonly LoadedEntity[];
  snapshot: Snapshot;
  org: string;
  /** The site's base path, with both slashes (`/` or `/portal/`): page HTML holds absolute links. */
  base: string;
  /** Folder of the rendered-page cache; undefined renders everything. */
  cacheDir?: string | undefined;
  /** `config.limits`; each one left out is the setting's default. */
  limits?: Partial<DocsLimits> | undefined;
  onSite?: (done: number, total: number) => void;
}

export interface DocsBuild {
  data: DocsData;
  assets: AssetCopy[];
  diagnostics: Diagnostic[];
  /** Base-relative docs path of each entity that has docs. */
  docsPathByRef: Map<string, string>;
  /** Output paths (`AssetCopy.to`) of the files each page uses, by page id, in the order it uses them (for `applyOutputBudget`). */
  assetsByPage: Map<string, string[]>;
  stats: { sites: number; pages: number; rendered: number; fromCache: number; ms: number };
}

export async function buildDocs(input: DocsBuildInput): Promise<DocsBuild> {
  const started = performance.now();
  const limits: DocsLimits = { ...LimitsSchema.parse({}), ...input.limits };
  const { sources, diagnostics: sourceProblems } = findDocsSources(input.entities, input.snapshot.repos, input.org);
  const cache = createRenderCache(input.cacheDir);
  const data: DocsData = { sites: [], pages: [] };
  const assets = new Map<string, AssetCopy>();
  const diagnostics = new Map<string, Diagnostic>();
  const add = (d: Diagnostic) => {
    // Two entities sharing one docs folder would report each problem twice.
    const key = [d.repo, d.path, d.line, d.column, d.rule, d.message].join('\0');
    if (!diagnostics.has(key)) diagnostics.set(key, d);
  };
  sourceProblems.forEach(add);
  const docsPathByRef = new Map<string, string>();
  const assetsByPage = new Map<string, string[]>();
  let done = 0;
  for (const source of sources) {
    try {
      const metadata = source.entity.json.metadata;
      const title = typeof metadata['title'] === 'string' && metadata['title'].trim() ? metadata['title'].trim() : metadata.name;
      const result = await renderDocsSite(source, { base: input.base, cache, entityTitle: title, entityPath: entityPagePath(source.entity.ref), limits });
      result.diagnostics.forEach(add);
      // The per-repo output budget (`applyOutputBudget`, src/docs/publish) weighs pages with their vetted files, so it runs after
      // `vetDocsAssets`, where the build command has both; `assetsByPage` is what it needs from here.
      if (result.pages.length > 0) {
        data.sites.push(result.site);
        data.pages.push(...result.pages);
        docsPathByRef.set(source.entity.ref, result.site.path);
        for (const asset of result.assets) assets.set(asset.to, asset);
        for (const [id, used] of result.assetsByPage) assetsByPage.set(id, used);
      }
    } catch (error) {
      add(docsFailed({ repo: source.repo.name, ref: source.entity.ref, path: source.kind === 'mkdocs' ? source.dir : source.path }, error));
    }
    input.onSite?.(++done, sources.length);
  }
  return {
    data,
    assets: [...assets.values()],
    diagnostics: [...diagnostics.values()],
    docsPathByRef,
    assetsByPage,
    stats: { sites: data.sites.length, pages: data.pages.length, rendered: cache.stats.misses, fromCache: cache.stats.hits, ms: performance.now() - started },
  };
}
