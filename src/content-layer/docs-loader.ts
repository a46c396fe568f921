/**
 * Content Layer loader for the rendered TechDocs (DocsData, written by the
 * build next to the portal data). Fills two collections:
 *
 *   docsSites  one entry per entity with docs, id `<namespace>/<kind>/<name>`
 *   docs       one entry per page, id = its base-relative path without the
 *              trailing slash; the page HTML is the entry's `rendered.html`,
 *              so pages show it with `render(entry)`.
 *
 * No DocsData file means no docs (a portal built before docs existed, or the
 * type check), not an error.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { DocsDataSchema, type DocsData } from '../docs/schema.ts';
import { jsonDataFile } from './json-data-file.ts';
import { replaceEntries, type EntryItem } from './replace-entries.ts';

const docsData = jsonDataFile<DocsData>({
  name: 'DocsData',
  envVar: 'FRONTDOOR_DOCS_DATA',
  defaultPath: '.cache/docs-data.json',
  schema: DocsDataSchema,
  whenMissing: { data: { sites: [], pages: [] } },
});

export function docsLoader(part: 'sites' | 'pages'): Loader {
  return {
    name: `frontdoor-docs-data:${part}`,
    load: async (context: LoaderContext) => {
      const data = await docsData.read(docsData.pathFor(context.config.root));
      const items: EntryItem[] =
        part === 'sites'
          ? data.sites.map((site) => [site.id, site])
          : data.pages.map(({ html, ...page }) => [
              page.id,
              page,
              { html, metadata: { headings: page.headings.map((h) => ({ depth: h.depth, slug: h.id, text: h.text })) } },
            ]);
      await replaceEntries(context, items);
    },
  };
}
