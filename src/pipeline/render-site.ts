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
  /**
   * A page that throws while Astro renders it (its data passed every check, so this is a bug or
   * input nobody foresaw): take it out of the data files and say so, then return true, and the
   * site is rendered again without it. False (a page that is no one repo's) fails the build.
   */
  leaveOut?: (route: string, error: unknown) => Promise<boolean>;
  /** Astro's `build`; tests pass their own. */
  astroBuild?: (config: { root: string; outDir: string; logLevel: 'warn'; mode: 'production' }) => Promise<void>;
}

/** Pages left out before the render is given up on: each costs a whole Astro build. */
export const MAX_PAGES_LEFT_OUT = 5;

export async function renderSite(options: RenderOptions): Promise<{ pages: number; leftOut: string[] }> {
  process.env['FRONTDOOR_PORTAL_DATA'] = options.dataFile;
  process.env['FRONTDOOR_BASE'] = options.base;
  if (options.docsDataFile) process.env['FRONTDOOR_DOCS_DATA'] = options.docsDataFile;
  else delete process.env['FRONTDOOR_DOCS_DATA'];
  if (options.site) process.env['FRONTDOOR_SITE'] = options.site;
  if (options.cacheDir) process.env['FRONTDOOR_ASTRO_CACHE'] = options.cacheDir;
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const build = options.astroBuild ?? (await import('astro')).build;
  const leftOut: string[] = [];
  for (;;) {
    let failedRoute: string | undefined;
    try {
      // Astro's warnings can name files from repo docs: its output is guarded like ours.
      await withGuardedOutput(
        () => build({ root: options.root, outDir: options.outDir, logLevel: 'warn', mode: 'production' }),
        (line) => (failedRoute = failedRouteOf(line) ?? failedRoute),
      );
      return { pages: await countPages(options.outDir), leftOut };
    } catch (error) {
      const retry =
        failedRoute !== undefined && !leftOut.includes(failedRoute) && leftOut.length < MAX_PAGES_LEFT_OUT && (await options.leaveOut?.(failedRoute, error));
      if (!retry) throw error;
      leftOut.push(failedRoute!);
    }
  }
}

/** The page Astro names when one throws: `[build] Caught error rendering /catalog/default/component/x/: Error: …`. */
export function failedRouteOf(line: string): string | undefined {
  // Astro colours its log lines.
  return /Caught error rendering (\/\S*?):? /.exec(line.replace(/\u001b\[[0-9;]*m/g, ''))?.[1];
}

async function countPages(dir: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) count++;
  }
  return count;
}
