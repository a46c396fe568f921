/**
 * The repo-path boundary: the one place that decides whether a path written
 * in repo content (a catalog target, a docs link, a docs_dir, a snippet, a
 * file name a reader lists) names a file of the repository. Repo content is
 * untrusted, so a path is refused when it climbs above the root, is absolute,
 * or names the repository's git folder in any spelling a filesystem would
 * honour: that folder holds the clone's credentials (`.git/config` after a
 * token clone or `actions/checkout`), so it is never read, linked or published.
 *
 * Nothing is decoded here: callers that take paths from URLs decode them
 * first, so `%2e%2e` is a name, not `..`.
 */
import { showValue } from './checked-values.ts';
import type { RepoFile } from './snapshot.ts';

/**
 * How a path is written.
 * - `posix`: a repo key, or a path MkDocs joins with Python's posixpath on the
 *   build machine: only `/` separates, and a leading `/` is absolute (refused).
 * - `backstage`: a catalog target, resolved as Backstage resolves it against the
 *   file's URL: `\` separates too, and a leading `/` is the repository root.
 */
export type RepoPathStyle = 'posix' | 'backstage';

export type RepoPathResult = { ok: true; path: string } | { ok: false; reason: 'outside' | 'git-dir'; message: string };

/** Code points HFS+ ignores in names, so `.g\u200cit` is `.git` on a Mac (git's `is_hfs_dotgit`). */
const HFS_IGNORABLE = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g;
/**
 * `.git` or its NTFS short name `git~1` (any case), then only the dots and spaces
 * Windows drops, or a `:` that starts an alternate data stream (git's `is_ntfs_dotgit`).
 * Short names past `~1` are refused too: `.git` gets `GIT~2` when `GIT~1` is taken.
 */
const GIT_DIR_NAME = /^(?:\.GIT|GIT~\d+)[. ]*(?::.*)?$/;
/** `C:`, `C:\x`, `x:y`: a Windows drive path, absolute or drive-relative. */
const DRIVE = /^[A-Za-z]:/;

/** Is this one path segment the repository's git folder, in any spelling a filesystem would accept as it? */
export function isGitDirName(segment: string): boolean {
  // toUpperCase also folds the dotless ı into I, as a case-insensitive filesystem may.
  return GIT_DIR_NAME.test(segment.replace(HFS_IGNORABLE, '').toUpperCase());
}

/** The first segment naming the git folder, split on `/` and `\` (a separator on Windows) alike. */
export function gitDirSegment(path: string): string | undefined {
  return path.split(/[\\/]/).find(isGitDirName);
}

/**
 * Join `relative` onto the repo folder `dir` ('' = the root) and normalize it:
 * the clean repo path ('' for the root), or why it is refused. Any segment
 * naming the git folder refuses the path, even one a later `..` would undo:
 * git itself refuses such paths, and no honest repo writes them.
 */
export function resolveRepoPath(dir: string, relative: string, style: RepoPathStyle = 'posix'): RepoPathResult {
  const rooted = style === 'backstage' && relative.startsWith('/');
  const joined = dir && !rooted ? `${dir}/${relative}` : relative;
  const shown = showPath(relative);
  const gitDir = gitDirSegment(joined);
  if (gitDir !== undefined) return refuse('git-dir', `${shown} leads into the repository's git folder (${showPath(gitDir)}), which is never read or published`);
  if (joined.includes('\0')) return refuse('outside', `${shown} holds a NUL character, which no file name can`);
  if (!rooted && (relative.startsWith('/') || dir.startsWith('/')))
    return refuse('outside', `${shown} is an absolute path; write it relative to the file it is in`);
  if (DRIVE.test(relative) || DRIVE.test(dir)) return refuse('outside', `${shown} is a Windows drive path; write it relative to the file it is in`);
  const parts: string[] = [];
  for (const part of joined.split(style === 'backstage' ? /[\\/]/ : '/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.pop() === undefined) return refuse('outside', `${shown} climbs above the repository root`);
  }
  const path = parts.join('/');
  // `a/../C:/x` must not become a drive path either.
  if (DRIVE.test(path)) return refuse('outside', `${shown} leads to a Windows drive path`);
  return { ok: true, path };
}

/** A repo-relative path on its own: `resolveRepoPath('', path, style)`. */
export function checkRepoPath(path: string, style: RepoPathStyle = 'posix'): RepoPathResult {
  return resolveRepoPath('', path, style);
}

/** A clean repo file key: inside the repo, already normalized (no `.`/`..`/empty segment, no leading `/`), not the root, no git folder. */
export function isCleanRepoPath(path: string): boolean {
  if (path === '') return false;
  const checked = resolveRepoPath('', path);
  return checked.ok && checked.path === path;
}

/** Is the clean repo path `path` the folder `folder` itself or inside it? */
export function isInside(folder: string, path: string): boolean {
  return folder === '' || path === folder || path.startsWith(`${folder}/`);
}

/** What a reader answers for a refused path: the catalog reports `file-in-git-dir` or `file-outside-repo` from it. */
export function refusedFile(result: Extract<RepoPathResult, { ok: false }>): RepoFile {
  return { status: 'outside-repo', reason: result.message, ...(result.reason === 'git-dir' ? { gitDir: true as const } : {}) };
}

function refuse(reason: 'outside' | 'git-dir', message: string): RepoPathResult {
  return { ok: false, reason, message };
}

/** Quoted, escaped and capped: a path is repo content, and messages reach logs and pages. */
function showPath(path: string): string {
  return showValue(path, 200);
}
