/**
 * Reading files of one repo from the snapshot, by paths written in catalog
 * files. Paths are resolved like Backstage resolves them against a file's URL
 * (relative to the file's folder; a leading `/` means the repo root), and the
 * repo-path boundary (src/sources/repo-path.ts) refuses a path that climbs out
 * of the repo or into its git folder: repo content is untrusted.
 */
import { posix } from 'node:path';
import { parseWebUrl } from './checked-values.ts';
import { resolveRepoPath, type RepoPathResult } from './repo-path.ts';
import type { Repo, RepoFile } from './snapshot.ts';

export type ResolvedTarget =
  | { kind: 'repo-path'; path: string }
  /** Refused by the boundary: `reason` is `git-dir` when the path leads into the repo's git folder (rule `file-in-git-dir`). */
  | { kind: 'outside-repo'; reason: 'outside' | 'git-dir'; message: string }
  | { kind: 'other-repo'; url: string }
  | { kind: 'external'; url: string };

/** Hosts Backstage treats as SCM integrations by default: reads there must stay in the entity's repo. */
const scmHosts = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'dev.azure.com']);

const hasScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** Normalize a repo-relative path as Backstage would (`\` separates, a leading `/` is the root); undefined when the boundary refuses it. */
export function normalizeRepoPath(path: string): string | undefined {
  const checked = resolveRepoPath('', path, 'backstage');
  return checked.ok ? checked.path : undefined;
}

/** Resolve a target written in `fromFile` (a relative path, a `/`-rooted path or an absolute URL). */
export function resolveTarget(repo: Repo, fromFile: string, target: string): ResolvedTarget {
  if (hasScheme.test(target)) return resolveUrlTarget(repo, target);
  const dir = posix.dirname(fromFile);
  return asTarget(resolveRepoPath(dir === '.' ? '' : dir, target, 'backstage'));
}

function asTarget(checked: RepoPathResult): ResolvedTarget {
  return checked.ok ? { kind: 'repo-path', path: checked.path } : { kind: 'outside-repo', reason: checked.reason, message: checked.message };
}

/** An absolute URL is a repo path only when it is this repo's own blob/tree URL. */
function resolveUrlTarget(repo: Repo, target: string): ResolvedTarget {
  const url = tryUrl(target);
  if (!url) return { kind: 'external', url: target };
  // The snapshot's URL was checked where it entered; checked again so no stored value can make this throw.
  const ownUrl = repo.url ? parseWebUrl(repo.url) : undefined;
  const own = ownUrl ? new URL(ownUrl) : undefined;
  if (own && url.host === own.host) {
    const ownPath = own.pathname.replace(/\/+$/, '');
    const match = url.pathname.match(/^(.*?)\/(?:blob|tree|raw)\/[^/]+\/(.*)$/);
    if (match && match[1]!.toLowerCase() === ownPath.toLowerCase()) {
      const path = tryDecode(match[2]!);
      if (path === undefined)
        return { kind: 'outside-repo', reason: 'outside', message: `${JSON.stringify(target)} has a broken %-escape, so it names no file` };
      return asTarget(resolveRepoPath('', path, 'backstage'));
    }
    return { kind: 'other-repo', url: target };
  }
  if (scmHosts.has(url.host)) return { kind: 'other-repo', url: target };
  return { kind: 'external', url: target };
}

function tryUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function tryDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export function readRepoFile(repo: Repo, path: string): RepoFile {
  return repo.files[path] ?? { status: 'missing' };
}

/**
 * `org/repo` of a repo's web URL, as `github.com/project-slug` names it: `https://github.com/Acme/Payments.git/`
 * → `Acme/Payments`; undefined for a URL with no path or one that does not parse.
 */
export function repoSlugOf(url: string): string | undefined {
  try {
    const path = new URL(url).pathname
      .replace(/\/+$/, '')
      .replace(/\.git$/i, '')
      .replace(/^\/+/, '');
    return path ? decodeURIComponent(path) : undefined;
  } catch {
    return undefined;
  }
}

/** Web URL of a file in the repo's default branch, when the repo has a URL. */
export function fileWebUrl(repo: Repo, path: string, view: 'blob' | 'tree' | 'edit' = 'blob'): string | undefined {
  if (!repo.url) return undefined;
  const branch = repo.defaultBranch ?? 'HEAD';
  return `${repo.url.replace(/\/+$/, '')}/${view}/${encodeURIComponent(branch)}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The folder part of a glob before its first wildcard: the tree to list. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const firstGlob = parts.findIndex((p) => isGlob(p));
  return parts.slice(0, firstGlob === -1 ? parts.length - 1 : firstGlob).join('/');
}

/** Does a Location target contain glob characters? */
export function isGlob(target: string): boolean {
  return /[*?[\]{}]/.test(target);
}
