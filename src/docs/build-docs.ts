/**
 * Stage entry for TechDocs: validated entities + the snapshot → every
 * entity's docs rendered to HTML (DocsData), the files to copy next to them,
 * and diagnostics (broken links, missing images, config problems), which the
 * portal shows like any catalog problem. Knows nothing of Astro.
 */
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import { entityPagePath } from '../catalog/model/refs.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Snapshot } from '../sources/snapshot.ts';
import { findDocsSources } from './find-docs.ts';
import type { AssetCopy } from './link-targets.ts';
import { createRenderCache } from './render-cache.ts';
import { renderDocsSite } from './render-docs-site.ts';
import type { DocsData } from './schema.ts';

export interface DocsBuildInput {
  entities: readonly LoadedEntity[];
  snapshot: Snapshot;
  org: string;
  /** The site's base path, with both slashes (`/` or `/portal/`): page HTML holds absolute links. */
  base: string;
  /** Folder of the rendered-page cache; undefined renders everything. */
  cacheDir?: string | undefined;
  onSite?: (done: number, total: number) => void;
}

export interface DocsBuild {
  data: DocsData;
  assets: AssetCopy[];
  diagnostics: Diagnostic[];
  /** Base-relative docs path of each entity that has docs. */
  docsPathByRef: Map<string, string>;
  stats: { sites: number; pages: number; rendered: number; fromCache: number; ms: number };
}

export async function buildDocs(input: DocsBuildInput): Promise<DocsBuild> {
  const started = performance.now();
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
  let done = 0;
  for (const source of sources) {
    const metadata = source.entity.json.metadata;
    const title = typeof metadata['title'] === 'string' && metadata['title'].trim() ? metadata['title'].trim() : metadata.name;
    const result = await renderDocsSite(source, { base: input.base, cache, entityTitle: title, entityPath: entityPagePath(source.entity.ref) });
    result.diagnostics.forEach(add);
    if (result.pages.length > 0) {
      data.sites.push(result.site);
      data.pages.push(...result.pages);
      docsPathByRef.set(source.entity.ref, result.site.path);
      for (const asset of result.assets) assets.set(asset.to, asset);
    }
    input.onSite?.(++done, sources.length);
  }
  return {
    data,
    assets: [...assets.values()],
    diagnostics: [...diagnostics.values()],
    docsPathByRef,
    stats: { sites: data.sites.length, pages: data.pages.length, rendered: cache.stats.misses, fromCache: cache.stats.hits, ms: performance.now() - started },
  };
}
