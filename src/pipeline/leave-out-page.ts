/**
 * A page Astro could not render is left out, never the build: its data
 * passed every check before Astro saw it (src/portal-data/renderable.ts), so
 * what throws is a bug or input nobody foresaw, and it costs one repo's page,
 * with a `repo-failed` diagnostic, not the nightly build of the whole org.
 *
 * In: the route Astro names (`/base/catalog/default/component/x/`), the data
 * the pages were rendered from. Out: the data without that page, and the
 * diagnostic; undefined when the route is no one repo's page (the home page,
 * the diagnostics page), which stays a failed build.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { repoFailed } from '../diagnostics/isolate.ts';
import type { DocsData } from '../docs/schema.ts';
import type { PortalData } from '../portal-data/schema.ts';

export interface RenderedData {
  portal: PortalData;
  docs: DocsData;
}

export interface LeftOutPage extends RenderedData {
  diagnostic: Diagnostic;
}

export function leaveOutPage(route: string, base: string, data: RenderedData, error: unknown): LeftOutPage | undefined {
  const path = route.startsWith(base) ? route.slice(base.length) : route.replace(/^\/+/, '');
  const stage = `rendering the page /${path}`;

  // An entity's page, or a page below it (an API's definition): the entity is left out.
  const entity = data.portal.entities.find((e) => path === e.path || path.startsWith(e.path));
  if (entity) {
    const diagnostic = repoFailed({ repo: entity.source.repo, path: entity.source.path, line: entity.source.line, ref: entity.ref, stage }, error);
    const portal = { ...data.portal, entities: data.portal.entities.filter((e) => e !== entity), diagnostics: [...data.portal.diagnostics, diagnostic] };
    return { portal, docs: data.docs, diagnostic };
  }

  // A docs page: that page; a site map: its site.
  const page = data.docs.pages.find((p) => p.path === path);
  const site = page ? data.docs.sites.find((s) => s.id === page.siteId) : data.docs.sites.find((s) => s.siteMapPath === path);
  if (!site) return undefined;
  const leftOut = page ? `The docs page ${page.source}` : `The site map of ${site.entityRef}'s docs`;
  const diagnostic = repoFailed({ repo: site.repo, path: page?.source ?? site.configPath, ref: site.entityRef, stage, leftOut }, error);
  const docs: DocsData = page
    ? { ...data.docs, pages: data.docs.pages.filter((p) => p !== page) }
    : { ...data.docs, sites: data.docs.sites.map((s) => (s === site ? withoutSiteMap(s) : s)) };
  return { portal: { ...data.portal, diagnostics: [...data.portal.diagnostics, diagnostic] }, docs, diagnostic };
}

function withoutSiteMap<T extends { siteMapPath?: string | undefined }>(site: T): T {
  const { siteMapPath: _dropped, ...rest } = site;
  return rest as T;
}
