// Astro configuration for the Frontdoor portal.
//
// The build script (scripts/) writes the PortalData JSON, then calls Astro's
// programmatic `build()` with these environment variables:
//   FRONTDOOR_PORTAL_DATA  path of the PortalData JSON (read by src/content.config.ts)
//   FRONTDOOR_BASE         base path, default `/` (e.g. `/fernway-portal/` for a Pages project site)
//   FRONTDOOR_SITE         optional absolute site URL (e.g. `https://fernway.github.io`)
//   FRONTDOOR_DOCS_DATA    path of the rendered TechDocs (DocsData JSON, read by src/content-layer/docs-loader.ts)
//   FRONTDOOR_ASTRO_CACHE  Astro's cache folder (content data store); one per output folder, so
//                          builds into different folders (tests, bench) never share it
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';

/** `/`, `demo`, `/demo`, `demo/` → `/`, `/demo/`, `/demo/`, `/demo/`. */
function normalizeBase(raw) {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function readSite(raw) {
  const value = (raw ?? '').trim();
  if (value === '') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url.href;
  } catch {
    throw new Error(`FRONTDOOR_SITE must be an absolute http(s) URL such as https://example.github.io, got "${value}".`);
  }
}

const base = normalizeBase(process.env.FRONTDOOR_BASE);
const site = readSite(process.env.FRONTDOOR_SITE);

export default defineConfig({
  output: 'static',
  ...(process.env.FRONTDOOR_ASTRO_CACHE ? { cacheDir: process.env.FRONTDOOR_ASTRO_CACHE } : {}),
  ...(site ? { site } : {}),
  base,
  trailingSlash: 'always',
  // Components own their styles (scoped <style> blocks). `where` scopes them with a class inside
  // :where(), which adds no specificity: a rule moved out of the global stylesheet keeps the weight it
  // had there, and a class is shorter in every page than the default data attribute.
  scopedStyleStrategy: 'where',
  build: {
    format: 'directory',
    // One shared stylesheet file instead of a copy inlined in every page.
    inlineStylesheets: 'never',
  },
  // React renders the islands: the catalog explorer (src/islands/CatalogExplorer.tsx) hydrates on
  // the catalog pages (client:load); no other page hydrates a component.
  integrations: [react()],
  devToolbar: { enabled: false },
  vite: {
    // Mermaid's chunks are large, but they load only on docs pages with a diagram, on demand.
    build: { chunkSizeWarningLimit: 2500 },
  },
});
