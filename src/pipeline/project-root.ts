/** The Frontdoor checkout the commands run from: the Astro site, `dist/` and `.cache/` live here. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
