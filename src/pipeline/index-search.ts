/**
 * Build the client-side search index with Pagefind's Node API, after Astro
 * has written the HTML (what each page exposes to it: src/search-index).
 * Every response is checked for errors (quoted through the log escaper: they
 * can name files made from repo content), and the service is closed even
 * when indexing fails.
 */
import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { logText } from '../diagnostics/log-text.ts';
import { EXCLUDE_SELECTORS } from '../search-index/index.ts';

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * Word locations per index chunk. Pagefind fetches, for each word of a query, the chunk whose word
 * range holds it; its default of 20,000 locations made each such chunk 15–18 KB gzip at 1,000 repos,
 * so a query of three new words cost about 50 KB in chunks alone. At 4,000 a chunk is a few KB, and
 * a query typed key by key fits the 50 KB (measured by `npm run bench -- --build`; see
 * docs/search.md). Words with more locations than this still form one chunk each.
 *
 * Pagefind 1.6 reads it from `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` only (options.rs; its own tests set
 * it), so the version is pinned in package.json, and a test checks the chunks stay this small.
 */
export const INDEX_CHUNK_LOCATIONS = 4000;
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

export async function indexSearch(siteDir: string): Promise<{ pages: number }> {
  // Read by the Pagefind service when createIndex spawns it; put back afterwards.
  const previous = process.env[CHUNK_SIZE_VARIABLE];
  process.env[CHUNK_SIZE_VARIABLE] = String(INDEX_CHUNK_LOCATIONS);
  try {
    const created = await pagefind.createIndex({ excludeSelectors: [...EXCLUDE_SELECTORS] });
    if (!created.index || created.errors.length > 0) throw new SearchIndexError(`Pagefind could not start: ${logText(created.errors.join('; '))}`);
    const added = await created.index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${siteDir}: ${logText(added.errors.join('; '))}`);
    const written = await created.index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write its index: ${logText(written.errors.join('; '))}`);
    return { pages: await indexedPageCount(`${siteDir}/pagefind`) };
  } finally {
    await pagefind.close();
    if (previous === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
    else process.env[CHUNK_SIZE_VARIABLE] = previous;
  }
}

/**
 * The pages in the written index. `addDirectory`'s `page_count` counts every HTML file it read,
 * including the pages it then left out for having no `data-pagefind-body`.
 */
async function indexedPageCount(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(`${bundleDir}/pagefind-entry.json`, 'utf8')) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}
