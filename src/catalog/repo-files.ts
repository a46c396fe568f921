/**
 * Reading files of one repo from the snapshot, by paths written in catalog
 * files. Paths are resolved like Backstage resolves them against a file's URL
 * (relative to the file's folder; a leading `/` means the repo root), and a
 * path that climbs out of the repo is refused: repo content is untrusted.
 */
import { posix } from 'node:path';
import type { Repo, RepoFile } from '../sources/snapshot.ts';

export type ResolvedTarget =
  | { kind: 'repo-path'; path: string }
  | { kind: 'outside-repo' }
  | { kind: 'other-repo'; url: string }
  | { kind: 'external'; url: string };

/** Hosts Backstage treats as SCM integrations by default: reads there must stay in the entity's repo. */
const scmHosts = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'dev.azure.com']);

const hasScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** Normalize a repo-relative path; undefined when it climbs above the root. */
export function normalizeRepoPath(path: string): string | undefined {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** Resolve a target written in `fromFile` (a relative path, a `/`-rooted path or an absolute URL). */
export function resolveTarget(repo: Repo, fromFile: string, target: string): ResolvedTarget {
  if (hasScheme.test(target)) return resolveUrlTarget(repo, target);
  const raw = target.startsWith('/') ? target : `${posix.dirname(fromFile)}/${target}`;
  const normalized = normalizeRepoPath(raw);
  return normalized === undefined ? { kind: 'outside-repo' } : { kind: 'repo-path', path: normalized };
}

/** An absolute URL is a repo path only when it is this repo's own blob/tree URL. */
function resolveUrlTarget(repo: Repo, target: string): ResolvedTarget {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { kind: 'external', url: target };
  }
  const own = repo.url ? new URL(repo.url) : undefined;
  if (own && url.host === own.host) {
    const ownPath = own.pathname.replace(/\/+$/, '');
    const match = url.pathname.match(/^(.*?)\/(?:blob|tree|raw)\/[^/]+\/(.*)$/);
    if (match && match[1]!.toLowerCase() === ownPath.toLowerCase()) {
      const normalized = normalizeRepoPath(decodeURIComponent(match[2]!));
      return normalized === undefined ? { kind: 'outside-repo' } : { kind: 'repo-path', path: normalized };
    }
    return { kind: 'other-repo', url: target };
  }
  if (scmHosts.has(url.host)) return { kind: 'other-repo', url: target };
  return { kind: 'external', url: target };
}

export function readRepoFile(repo: Repo, path: string): RepoFile {
  return repo.files[path] ?? { status: 'missing' };
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
