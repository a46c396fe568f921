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
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'zod';
import { DocsDataSchema, type DocsData } from '../docs/schema.ts';
import { replaceEntries, type EntryItem } from './replace-entries.ts';

const DEFAULT_DOCS_DATA = '.cache/docs-data.json';

let cached: { key: string; data: Promise<DocsData> } | undefined;

async function readDocsData(root: URL): Promise<DocsData> {
  const file = path.resolve(fileURLToPath(root), process.env['FRONTDOOR_DOCS_DATA']?.trim() || DEFAULT_DOCS_DATA);
  if (!existsSync(file)) return { sites: [], pages: [] };
  const key = `${file}:${statSync(file).mtimeMs}`;
  if (cached?.key !== key) {
    cached = {
      key,
      data: readFile(file, 'utf8').then((text) => {
        const result = DocsDataSchema.safeParse(JSON.parse(text));
        if (!result.success) throw new Error(`Frontdoor: ${file} is not valid DocsData (rebuild it with \`npm run build\`):\n${z.prettifyError(result.error)}`);
        return result.data;
      }),
    };
  }
  return cached.data;
}

export function docsLoader(part: 'sites' | 'pages'): Loader {
  return {
    name: `frontdoor-docs-data:${part}`,
    load: async (context: LoaderContext) => {
      const data = await readDocsData(context.config.root);
      const items: EntryItem[] =
        part === 'sites'
          ? data.sites.map((site) => [site.id, site])
          : data.pages.map(({ html, ...page }) => [page.id, page, { html, metadata: { headings: page.headings.map((h) => ({ depth: h.depth, slug: h.id, text: h.text })) } }]);
      await replaceEntries(context, items);
    },
  };
}
