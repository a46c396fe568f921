/**
 * Links between docs files, resolved as MkDocs' `_RelativePathTreeprocessor`
 * does: a relative path is taken from the linking file's folder, must name a
 * file of the site (`page.md`, `img/a.png`; folders and URLs are not
 * guessed), and becomes the target's URL relative to the linking page's URL,
 * keeping `?query` and `#fragment`. External, absolute and pure `#anchor`
 * links are left as written (undefined).
 */
import { dirname, normpath, pyQuote, pyUnquote, urlsplit } from './paths.ts';
import type { DocsSite, ResolvedDocsLink } from './types.ts';

interface Target {
  kind: 'page' | 'asset';
  url: string;
}

/** Computed once per site: every page and asset by docs-relative path. */
const targetsBySite = new WeakMap<DocsSite, Map<string, Target>>();

function targetsOf(site: DocsSite): Map<string, Target> {
  let targets = targetsBySite.get(site);
  if (!targets) {
    targets = new Map<string, Target>();
    for (const asset of site.assets) targets.set(asset.src, { kind: 'asset', url: asset.url });
    for (const page of site.pages) targets.set(page.src, { kind: 'page', url: page.url });
    for (const [src, to] of Object.entries(site.aliases)) {
      const target = targets.get(to);
      if (target && !targets.has(src)) targets.set(src, target);
    }
    targetsBySite.set(site, targets);
  }
  return targets;
}

/** Resolve a link written in `fromSrc` (docs-relative) to a page or asset of the site, or undefined when it names no file. */
export function resolveDocsLink(site: DocsSite, fromSrc: string, target: string): ResolvedDocsLink | undefined {
  const { scheme, netloc, path, query, fragment } = urlsplit(target);
  if (scheme || netloc || target.startsWith('/') || target.startsWith('\\') || path === '') return undefined;
  const targetSrc = normpath(`${dirname(fromSrc) ? `${dirname(fromSrc)}/` : ''}${pyUnquote(path)}`.replace(/^\/+/, ''));
  const targets = targetsOf(site);
  const found = targets.get(targetSrc);
  if (!found) return undefined;
  const fromUrl = targets.get(fromSrc)?.url ?? `${pyQuote(dirname(fromSrc))}/`;
  const href = relativeDocsUrl(found.url, fromUrl) + (query ? `?${query}` : '') + (fragment ? `#${fragment}` : '');
  return { kind: found.kind, url: found.url, ...(fragment ? { fragment } : {}), ...(query ? { query } : {}), href };
}

/**
 * A target the Markdown renderer handed over already decoded (`decodeURI`), in
 * the form `resolveDocsLink` takes (as written, unquoted once, as MkDocs does):
 * a `%` in the path is escaped again, so `a%2520b.md` still names `a%20b.md`.
 */
export function asWritten(decodedTarget: string): string {
  const end = decodedTarget.search(/[?#]/);
  const path = end < 0 ? decodedTarget : decodedTarget.slice(0, end);
  return path.replace(/%/g, '%25') + (end < 0 ? '' : decodedTarget.slice(end));
}

/**
 * MkDocs' `get_relative_url`: `url` relative to the page at `fromUrl` (both site-relative;
 * '' is the home page). The last part of `fromUrl` is dropped when it holds a dot (a file).
 */
export function relativeDocsUrl(url: string, fromUrl: string): string {
  const target = url === '' ? './' : url;
  let other = fromUrl === '' ? './' : fromUrl;
  const slash = other.lastIndexOf('/');
  if (other.slice(slash + 1).includes('.')) other = slash < 0 ? '' : other.slice(0, slash);
  const parts = (p: string) => {
    const n = normpath(p.startsWith('/') ? p : `/${p}`).slice(1);
    return n ? n.split('/') : [];
  };
  const from = parts(other);
  const to = parts(target);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const rel = [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/') || '.';
  return target.endsWith('/') ? `${rel}/` : rel;
}
