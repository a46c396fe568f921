/**
 * URL building. Every internal link goes through `href()`, so the site works
 * under any base path (e.g. `/fernway-portal/` on a GitHub Pages project site)
 * and every page URL ends with a slash (`trailingSlash: 'always'`).
 */

import { apiDefinitionPath } from '../catalog-model/refs.ts';

const rawBase = import.meta.env.BASE_URL || '/';

/** The site's base path, always with a leading and a trailing slash. */
export const BASE = rawBase.endsWith('/') ? rawBase : `${rawBase}/`;

/**
 * Absolute-path URL of a base-relative `path` (`catalog/`, `catalog/default/component/x/`,
 * `favicon.svg`, `catalog/#kind-api`). Page paths get a trailing slash; file
 * paths (with an extension) and fragments are kept as they are.
 */
export function href(path = ''): string {
  const [beforeFragment = '', fragment] = path.replace(/^\/+/, '').split('#', 2);
  const [pathPart = '', query] = beforeFragment.split('?', 2);
  const isFile = /\.[a-z0-9]+$/i.test(pathPart);
  const withSlash = pathPart === '' || isFile || pathPart.endsWith('/') ? pathPart : `${pathPart}/`;
  return `${BASE}${withSlash}${query === undefined ? '' : `?${query}`}${fragment === undefined ? '' : `#${fragment}`}`;
}

export const urls = {
  home: href(''),
  catalog: href('catalog/'),
  diagnostics: href('diagnostics/'),
  health: href('health/'),
  /** What changed in the catalog since the previous deploys (src/changelog), and its Atom feed. */
  changelog: href('changelog/'),
  changelogFeed: href('changelog/feed.xml'),
  favicon: href('favicon.svg'),
  /** Page of an entity, from its base-relative `path` field. */
  entity: (entity: { path: string }): string => href(entity.path),
  /** Definition page of an API entity (`…/api/<name>/definition/`), optionally at an operation's or type's anchor. */
  apiDefinition: (entity: { path: string }, fragment?: string): string => href(`${apiDefinitionPath(entity.path)}${fragment ? `#${fragment}` : ''}`),
  /** The catalog explorer filtered to one kind (the filter lives in the URL, so it can be shared). */
  catalogKind: (kind: string): string => href(`catalog/?kind=${encodeURIComponent(kind)}`),
  /** A page of the catalog's full list, for readers without JavaScript. */
  catalogPage: (page: number): string => (page <= 1 ? href('catalog/') : href(`catalog/page/${page}/`)),
  catalogJson: href('catalog.json'),
  /** The search page; `query` is a serialized search state (`?q=…&kind=API`, or empty). */
  search: (query = ''): string => href(`search/${query}`),
  /** Pagefind's browser API, written by the indexing step after Astro builds (src/pipeline/index-search.ts). */
  pagefindJs: href('pagefind/pagefind.js'),
};

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * `url` when it is an absolute http(s) or mailto URL, otherwise undefined.
 * Repo content is untrusted: anything else (javascript:, data:, relative
 * paths, garbage) must never become an href.
 */
export function safeExternalUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
