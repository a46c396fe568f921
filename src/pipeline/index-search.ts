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

export async function indexSearch(siteDir: string): Promise<{ pages: number }> {
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
