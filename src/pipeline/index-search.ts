/**
 * Build the client-side search index with Pagefind's Node API, after Astro
 * has written the HTML. Every response is checked for errors (quoted through
 * the log escaper: they can name files made from repo content), and the
 * service is closed even when indexing fails.
 */
import * as pagefind from 'pagefind';
import { logText } from '../diagnostics/log-text.ts';

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

export async function indexSearch(siteDir: string): Promise<{ pages: number }> {
  try {
    const created = await pagefind.createIndex({});
    if (!created.index || created.errors.length > 0) throw new SearchIndexError(`Pagefind could not start: ${logText(created.errors.join('; '))}`);
    const added = await created.index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${siteDir}: ${logText(added.errors.join('; '))}`);
    const written = await created.index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write its index: ${logText(written.errors.join('; '))}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
