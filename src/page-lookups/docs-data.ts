/**
 * Rendered docs, looked up once per build (module scope): sites by id. Which
 * entity has docs, and where its Docs button leads, is the entity record's
 * `docs` (decided in src/portal-data), not a lookup here.
 */
import { getCollection } from 'astro:content';
import type { DocsPageRecord, DocsSiteRecord } from '../docs/schema.ts';

export const docsSites: ReadonlyMap<string, DocsSiteRecord> = new Map((await getCollection('docsSites')).map((e) => [e.id, e.data]));

/** The `[...slug]` param of a base-relative docs path (`docs/a/b/c/` → `a/b/c`): the docs stage made it safe to write. */
export function slugOf(path: string): string {
  return path.replace(/^docs\//, '').replace(/\/+$/, '');
}

export interface SiteMapPage {
  path: string;
  site: DocsSiteRecord;
  /** The site's pages that its nav leaves out: the site map lists them too. */
  unlisted: { title: string; path: string }[];
}

/** One site map per site whose nav is shown collapsed. */
export function siteMaps(pages: readonly Pick<DocsPageRecord, 'siteId' | 'inNav' | 'title' | 'path'>[]): SiteMapPage[] {
  const unlisted = new Map<string, { title: string; path: string }[]>();
  for (const page of pages) {
    if (page.inNav) continue;
    let list = unlisted.get(page.siteId);
    if (!list) unlisted.set(page.siteId, (list = []));
    list.push({ title: page.title, path: page.path });
  }
  return [...docsSites.values()].flatMap((site) => (site.siteMapPath ? [{ path: site.siteMapPath, site, unlisted: unlisted.get(site.id) ?? [] }] : []));
}
