/**
 * The working files of a build into `outDir`: one data file and one Astro cache per output folder,
 * so a build elsewhere (tests, bench) never clobbers the main one, even when both run at once.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { projectRoot } from './project-root.ts';
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
  const isDefaultOut = resolve(outDir) === join(projectRoot, 'dist');
  if (isDefaultOut) {
    // The Pages workflow caches this file between nightly builds (.github/workflows/pages.yml).
    return {
      isDefaultOut,
      dataFile: join(projectRoot, '.cache', 'portal-data.json'),
      docsDataFile: join(projectRoot, '.cache', 'docs-data.json'),
      publicationRecord: join(projectRoot, '.cache', PUBLICATION_RECORD_FILE),
    };
  }
  const key = createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 10);
  return {
    isDefaultOut,
    dataFile: join(projectRoot, '.cache', `portal-data-${key}.json`),
    docsDataFile: join(projectRoot, '.cache', `docs-data-${key}.json`),
    publicationRecord: join(projectRoot, '.cache', `published-origins-${key}.json`),
    astroCache: join(projectRoot, '.cache', `astro-${key}`),
  };
}
