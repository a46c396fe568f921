/**
 * Reading a repo working tree on disk without ever leaving it: every path
 * goes through the repo-path boundary, then is resolved through realpath and
 * must stay under the repo's own realpath, outside its git folder, so `../`,
 * `.git/config` and symlinks that point out (or into `.git`) are refused.
 * Sizes are checked before reading, so a 50 MB file costs a stat, not 50 MB
 * of memory. A folder is listed before it is read, so one over the cap costs
 * the cap, and the files kept are the ones tree-cap.ts ranks first.
 */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { classifyBytes } from '../file-content.ts';
import type { RepoReader, RepoTree } from '../discover-files.ts';
import { checkRepoPath, isCleanRepoPath, isGitDirName, isInside, refusedFile } from '../repo-path.ts';
import type { RepoFile } from '../snapshot.ts';
import { compareNames, DEFAULT_MAX_TREE_FILES, keepFirst, LISTING_FACTOR, listingOrder, type TreeHints } from '../tree-cap.ts';

/** Never walked: the git folder (any spelling) is checked by name, node_modules is only noise. */
const isSkippedDir = (name: string) => name === 'node_modules' || isGitDirName(name);

export async function diskRepoReader(root: string, maxFileBytes: number, maxTreeFiles = DEFAULT_MAX_TREE_FILES): Promise<RepoReader> {
  const realRoot = await realpath(root);
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + sep);
  // Where a symlink really leads, relative to the repo: its segments must not name the git folder either.
  const intoGitDir = (real: string) =>
    real
      .slice(realRoot.length + 1)
      .split(sep)
      .some(isGitDirName);

  const reader: RepoReader = {
    async read(path: string): Promise<RepoFile> {
      const checked = checkRepoPath(path);
      if (!checked.ok) return refusedFile(checked);
      if (checked.path === '') return { status: 'unreadable', reason: 'it is a directory' }; // the repo root
      let real: string;
      try {
        real = await realpath(join(realRoot, checked.path));
      } catch (error) {
        if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) {
          // A dangling symlink is "missing"; a symlink loop is unreadable.
          return { status: 'missing' };
        }
        if (isCode(error, 'ELOOP')) return { status: 'unreadable', reason: 'symlink loop' };
        return { status: 'unreadable', reason: messageOf(error) };
      }
      if (!inside(real)) return { status: 'outside-repo', reason: `a symlink leads to a path outside the repository` };
      if (intoGitDir(real)) return { status: 'outside-repo', reason: "a symlink leads into the repository's git folder, which is never read", gitDir: true };
      try {
        const info = await stat(real);
        if (info.isDirectory()) return { status: 'unreadable', reason: 'it is a directory' };
        if (!info.isFile()) return { status: 'unreadable', reason: 'it is not a regular file' };
        if (info.size > maxFileBytes) return { status: 'too-large', size: info.size, limit: maxFileBytes };
        return classifyBytes(await readFile(real));
      } catch (error) {
        return { status: 'unreadable', reason: messageOf(error) };
      }
    },

    async readTree(dir: string, hints?: TreeHints): Promise<RepoTree> {
      const checked = checkRepoPath(dir);
      if (!checked.ok) return { files: {}, truncated: false };
      const listing = await listFiles(checked.path, maxTreeFiles * LISTING_FACTOR, hints);
      const { kept, omitted } = keepFirst(listing.paths, maxTreeFiles, hints);
      const files: Record<string, RepoFile> = {};
      // read() refuses a symlink that leads out of the repo or into its git folder.
      for (const path of kept) files[path] = await reader.read(path);
      return { files, truncated: omitted > 0 || listing.unlisted, ...(omitted > 0 ? { omitted } : {}), ...(listing.unlisted ? { unlisted: true } : {}) };
    },
  };

  /**
   * File paths below `start` (regular files and symlinks), folder by folder from the top, each
   * folder's files in tree-cap.ts's order, so what a cut listing holds is what the cap would keep
   * anyway. At most `limit` entries are looked at; nav targets (`hints`) it did not reach are
   * looked up one by one.
   */
  async function listFiles(start: string, limit: number, hints: TreeHints | undefined): Promise<{ paths: string[]; unlisted: boolean }> {
    const paths: string[] = [];
    let seen = 0;
    let unlisted = false;
    const folders = [start];
    for (let i = 0; i < folders.length && !unlisted; i++) {
      const rel = folders[i]!;
      let entries;
      try {
        const real = await realpath(join(realRoot, rel));
        if (!inside(real) || intoGitDir(real)) continue; // a symlinked folder on the way that leads out
        entries = await readdir(real, { withFileTypes: true });
      } catch {
        continue; // missing folder: no files
      }
      // A `.git` file (a submodule's or worktree's pointer to its git folder) is skipped like the folder.
      const files = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && !isGitDirName(e.name)).map((e) => e.name);
      const dirs = entries
        .filter((e) => e.isDirectory() && !isSkippedDir(e.name))
        .map((e) => e.name)
        .sort(compareNames);
      for (const name of listingOrder(files)) {
        if (seen++ >= limit) {
          unlisted = true;
          break;
        }
        paths.push(rel ? `${rel}/${name}` : name);
      }
      for (const name of dirs) {
        if (unlisted || seen++ >= limit) {
          unlisted = true;
          break;
        }
        folders.push(rel ? `${rel}/${name}` : name);
      }
    }
    if (unlisted) paths.push(...(await unlistedHints(start, paths, hints)));
    return { paths, unlisted };
  }

  /** Nav targets in `start` a cut listing did not reach: each is one lstat, not a listing. */
  async function unlistedHints(start: string, listed: readonly string[], hints: TreeHints | undefined): Promise<string[]> {
    const have = new Set(listed);
    const found: string[] = [];
    for (const path of hints?.keepFirst ?? []) {
      if (have.has(path) || !isInside(start, path) || !isCleanRepoPath(path)) continue;
      try {
        const info = await lstat(join(realRoot, path));
        if (info.isFile() || info.isSymbolicLink()) found.push(path);
      } catch {
        // not there
      }
      have.add(path);
    }
    return found;
  }

  return reader;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
