/**
 * Render the portal with Astro's programmatic build. The site reads the
 * PortalData file through its content loader; base path and site URL reach
 * astro.config.mjs through environment variables, so the config file stays
 * the single place Astro is configured.
 */
import { readdir } from 'node:fs/promises';
import { withGuardedOutput } from './guarded-output.ts';

export interface RenderOptions {
  root: string;
  dataFile: string;
  /** Rendered TechDocs (DocsData); none when absent. */
  docsDataFile?: string;
  base: string;
  site?: string | undefined;
  outDir: string;
  /** Astro's cache folder; builds into different folders must not share one. */
  cacheDir?: string;
}

export async function renderSite(options: RenderOptions): Promise<{ pages: number }> {
  process.env['FRONTDOOR_PORTAL_DATA'] = options.dataFile;
  process.env['FRONTDOOR_BASE'] = options.base;
  if (options.docsDataFile) process.env['FRONTDOOR_DOCS_DATA'] = options.docsDataFile;
  else delete process.env['FRONTDOOR_DOCS_DATA'];
  if (options.site) process.env['FRONTDOOR_SITE'] = options.site;
  if (options.cacheDir) process.env['FRONTDOOR_ASTRO_CACHE'] = options.cacheDir;
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const { build } = await import('astro');
  // Astro's warnings can name files from repo docs: its output is guarded like ours.
  await withGuardedOutput(() => build({ root: options.root, outDir: options.outDir, logLevel: 'warn', mode: 'production' }));
  return { pages: await countPages(options.outDir) };
}

async function countPages(dir: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) count++;
  }
  return count;
}
