/**
 * Where a relative link or image in a docs page goes on the portal: another
 * page of the site, a file of the site (copied next to the pages when the
 * repo is on disk, else GitHub's raw URL), a repo file outside docs_dir (its
 * GitHub page), or nowhere (a diagnostic). Never a path out of the repo.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileWebUrl } from '../sources/repo-files.ts';
import type { Repo } from '../sources/snapshot.ts';
import { publishedTypeOf } from './publish/file-types.ts';
import type { ResolvedRef } from './markdown/types.ts';
import { resolveDocsLink } from './site/index.ts';
import { publishedOfUrl } from './site/page-slug.ts';
import type { DocsSite } from './site/types.ts';
import { resolveRepoPath } from '../sources/repo-path.ts';

export interface AssetCopy {
  /** Absolute path of the file on disk. */
  from: string;
  /** Base-relative output path. */
  to: string;
  repo: string;
  repoPath: string;
}

export interface SiteLinks {
  /** Absolute-path URL of a site-relative URL (`guide/` → `/base/docs/default/component/x/guide/`). */
  siteHref(url: string): string;
  resolve(fromSrc: string, fromRepoPath: string, target: string, kind: 'link' | 'image'): ResolvedRef | undefined;
  /** Files to copy into the output, collected while pages resolve their images and downloads. */
  assets: Map<string, AssetCopy>;
  /** The files resolved since the last call: what one page needs, kept with its cached render. */
  takeUsed(): AssetCopy[];
  /** Files a cached page needed: copied as if its links had been resolved again. */
  addUsed(used: readonly AssetCopy[]): void;
}

export function siteLinks(site: DocsSite | undefined, repo: Repo, base: string, sitePath: string): SiteLinks {
  const assets = new Map<string, AssetCopy>();
  const siteAssetByUrl = new Map(site?.assets.map((a) => [a.url, a]));
  let used: AssetCopy[] = [];
  const siteHref = (url: string) => `${base}${sitePath}${url}`;
  const splitTarget = (target: string) => {
    const hash = target.indexOf('#');
    const beforeHash = hash === -1 ? target : target.slice(0, hash);
    const query = beforeHash.indexOf('?');
    return { path: query === -1 ? beforeHash : beforeHash.slice(0, query), fragment: hash === -1 ? '' : target.slice(hash) };
  };
  const assetUrl = (repoPath: string, siteUrl: string | undefined): string | undefined => {
    // A type the portal never publishes (src/docs/publish/file-types.ts) is linked on GitHub, whose raw
    // files are served as text; only a repo without a web URL leaves it to vetting to refuse and report.
    if (repo.url && !publishedTypeOf(repoPath)) return rawUrl(repo, repoPath);
    if (repo.localPath && siteUrl !== undefined) {
      const copy = { from: join(repo.localPath, repoPath), to: `${sitePath}${publishedOfUrl(siteUrl)}`, repo: repo.name, repoPath };
      assets.set(copy.to, copy);
      used.push(copy);
      return siteHref(siteUrl);
    }
    if (repo.url) return rawUrl(repo, repoPath);
    return undefined;
  };
  return {
    siteHref,
    assets,
    takeUsed() {
      const taken = used;
      used = [];
      return taken;
    },
    addUsed(list) {
      for (const copy of list) assets.set(copy.to, copy);
    },
    resolve(fromSrc, fromRepoPath, target, kind) {
      if (target.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return undefined;
      const { path, fragment } = splitTarget(target);
      if (site) {
        const found = resolveDocsLink(site, fromSrc, target);
        if (found?.kind === 'page') return { url: siteHref(found.url) + (found.fragment ? `#${found.fragment}` : '') };
        if (found?.kind === 'asset') {
          const asset = siteAssetByUrl.get(found.url);
          const url = asset ? assetUrl(asset.repoPath, asset.url) : undefined;
          if (url) return { url: url + fragment };
        }
      }
      // Not a file of the site: a file elsewhere in the repo, or nothing.
      let decoded = path;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        /* keep as written */
      }
      const fromDir = fromRepoPath.includes('/') ? fromRepoPath.slice(0, fromRepoPath.lastIndexOf('/')) : '';
      const joined = resolveRepoPath(fromDir, decoded);
      if (!joined.ok)
        return {
          missing: true,
          reason:
            joined.reason === 'git-dir'
              ? "it leads into the repository's git folder, which is never published"
              : 'it leads out of the repository, and nothing outside a repository is published',
        };
      const repoPath = joined.path;
      // The docs folder is read whole: a path in it that is no file of the site is not there.
      const inDocsDir = site !== undefined && (site.config.docsDir === '' || repoPath.startsWith(`${site.config.docsDir}/`));
      if (inDocsDir || !existsInRepo(repo, repoPath)) return { missing: true, reason: `${repoPath || '/'} does not exist in ${repo.name}` };
      const encoded = repoPath.split('/').map(encodeURIComponent).join('/');
      // An image outside the site is served from GitHub at the crawled commit; a README's images and files are copied when the repo is on disk.
      if (kind === 'image') {
        const url = assetUrl(repoPath, site ? undefined : encoded);
        if (url) return { url: url + fragment };
      } else if (repo.url) {
        return { url: `${fileWebUrl(repo, repoPath, isFolder(repo, repoPath) ? 'tree' : 'blob')}${fragment}` };
      } else if (!site && !isFolder(repo, repoPath)) {
        const url = assetUrl(repoPath, encoded);
        if (url) return { url: url + fragment };
      }
      const where = site ? `is outside the docs folder (${site.config.docsDir || '.'})` : 'is a folder';
      return { missing: true, reason: `${repoPath} ${where} and ${repo.name} has no web URL to link to` };
    },
  };
}

function isFolder(repo: Repo, repoPath: string): boolean {
  if (repo.files[repoPath]) return false;
  if (repo.localPath) {
    try {
      return statSync(join(repo.localPath, repoPath)).isDirectory();
    } catch {
      return false;
    }
  }
  return Object.values(repo.trees).some((t) => t.paths.some((p) => p.startsWith(`${repoPath}/`)));
}

/** A file (or folder) that is there: read by discovery, or (for a repo on disk) present on disk. */
function existsInRepo(repo: Repo, repoPath: string): boolean {
  const known = repo.files[repoPath];
  if (known) return known.status !== 'missing' && known.status !== 'outside-repo';
  // A folder listed whole (and not cut short) knows every file below it.
  for (const [dir, tree] of Object.entries(repo.trees)) {
    if (!tree.truncated && (dir === '' || repoPath.startsWith(`${dir}/`))) return tree.paths.includes(repoPath);
  }
  if (repo.localPath) return existsSync(join(repo.localPath, repoPath));
  // A GitHub repo's unread files: assume they are there rather than report a false error.
  return repo.url !== undefined;
}

/** The file's bytes at the crawled commit, so an image never shows a newer version than the text around it. */
function rawUrl(repo: Repo, repoPath: string): string {
  const ref = repo.head?.commit ?? repo.defaultBranch ?? 'HEAD';
  return `${repo.url!.replace(/\/+$/, '')}/raw/${encodeURIComponent(ref)}/${repoPath.split('/').map(encodeURIComponent).join('/')}`;
}
