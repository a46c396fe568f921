/** The Frontdoor checkout the commands run from: the Astro site, `dist/` and `.cache/` live here. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where a build goes unless `--out` says otherwise: the site `npm run preview` serves. */
export const defaultOutDir = join(projectRoot, 'dist');
/** Working files kept between runs (data files, caches, records); never published. */
export const cacheDir = join(projectRoot, '.cache');
/** Rendered docs pages by content hash, shared by `build` and `validate`. */
export const docsRenderCacheDir = join(cacheDir, 'docs');
/** The base the last default build used, which `npm run preview` serves it under. */
export const buildInfoFile = join(cacheDir, 'build-info.json');
