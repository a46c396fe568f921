/**
 * The working files of a build into `outDir`: one data file and one Astro cache per output folder,
 * so a build elsewhere (tests, bench) never clobbers the main one, even when both run at once.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { cacheDir, defaultOutDir } from './project-root.ts';
import { PUBLICATION_RECORD_FILE } from './publication-record.ts';

export interface BuildCacheFiles {
  /** The build goes to the project's `dist/`, the one `npm run preview` serves. */
  isDefaultOut: boolean;
  dataFile: string;
  docsDataFile: string;
  publicationRecord: string;
  astroCache?: string;
}

export function buildCacheFiles(outDir: string): BuildCacheFiles {
  const isDefaultOut = resolve(outDir) === defaultOutDir;
  if (isDefaultOut) {
    // The Pages workflow caches this file between nightly builds (.github/workflows/pages.yml).
    return {
      isDefaultOut,
      dataFile: join(cacheDir, 'portal-data.json'),
      docsDataFile: join(cacheDir, 'docs-data.json'),
      publicationRecord: join(cacheDir, PUBLICATION_RECORD_FILE),
    };
  }
  const key = createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 10);
  return {
    isDefaultOut,
    dataFile: join(cacheDir, `portal-data-${key}.json`),
    docsDataFile: join(cacheDir, `docs-data-${key}.json`),
    publicationRecord: join(cacheDir, `published-origins-${key}.json`),
    astroCache: join(cacheDir, `astro-${key}`),
  };
}

/**
 * Where a build into `outDir` reads the last publication record: its `.cache/` copy first, else the
 * copy the last build put into the site (a fresh runner restores only the site, not `.cache/`).
 */
export function publicationRecordFiles(outDir: string): string[] {
  return [buildCacheFiles(outDir).publicationRecord, join(resolve(outDir), PUBLICATION_RECORD_FILE)];
}
