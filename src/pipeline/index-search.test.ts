import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INDEX_CHUNK_LOCATIONS, indexSearch } from './index-search.ts';

/** `count` distinct words (`wa`, `wb`, … `wzz…`), so each location is its own word. */
function words(count: number, page: number): string {
  return Array.from({ length: count }, (_, i) => `w${page.toString(36)}x${i.toString(36)}`).join(' ');
}

describe('indexSearch', () => {
  let site: string;
  const pages = 8;
  const wordsPerPage = 1500;

  beforeAll(async () => {
    site = await mkdtemp(join(tmpdir(), 'frontdoor-index-search-'));
    for (let page = 0; page < pages; page++) {
      await mkdir(join(site, `p${page}`));
      const html = `<!doctype html><html lang="en"><head><title>Page ${page}</title></head><body><main data-pagefind-body><p>${words(wordsPerPage, page)}</p></main></body></html>`;
      await writeFile(join(site, `p${page}`, 'index.html'), html);
    }
  }, 60_000);

  afterAll(async () => {
    await rm(site, { recursive: true, force: true });
  });

  test("splits the index into chunks of the portal's size, not Pagefind's default of 20,000 locations, and leaves the environment as it was", async () => {
    const before = process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    const { pages: indexed } = await indexSearch(site);
    expect(indexed).toBe(pages);
    const chunks = (await readdir(join(site, 'pagefind', 'index'))).filter((file) => file.endsWith('.pf_index'));
    // Each word counts two locations (its one position, and the page): 24,000 in all, one chunk at the default.
    const locations = pages * wordsPerPage * 2;
    expect(chunks.length).toBeGreaterThanOrEqual(Math.floor(locations / INDEX_CHUNK_LOCATIONS));
    expect(process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE']).toBe(before);
  });
});
