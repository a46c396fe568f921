/**
 * Reading a repo working tree on disk without ever leaving it: every path is
 * resolved through realpath and must stay under the repo's own realpath, so
 * `../` and symlinks that point out are refused. Sizes are checked before
 * reading, so a 50 MB file costs a stat, not 50 MB of memory.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { normalizeRepoPath } from '../../catalog/repo-files.ts';
import { classifyBytes } from '../file-content.ts';
import type { RepoReader, RepoTree } from '../discover-files.ts';
import type { RepoFile } from '../snapshot.ts';

const skippedDirs = new Set(['.git', 'node_modules']);

export async function diskRepoReader(root: string, maxFileBytes: number, maxTreeFiles = 2_000): Promise<RepoReader> {
  const realRoot = await realpath(root);
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + sep);

  const reader: RepoReader = {
    async read(path: string): Promise<RepoFile> {
      const normalized = normalizeRepoPath(path);
      if (normalized === undefined || normalized === '') return { status: 'outside-repo', reason: `${path} climbs above the repository root` };
      const full = join(realRoot, normalized);
      let real: string;
      try {
        real = await realpath(full);
      } catch (error) {
        if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) {
          // A dangling symlink is "missing"; a symlink loop is unreadable.
          return { status: 'missing' };
        }
        if (isCode(error, 'ELOOP')) return { status: 'unreadable', reason: 'symlink loop' };
        return { status: 'unreadable', reason: messageOf(error) };
      }
      if (!inside(real)) return { status: 'outside-repo', reason: `a symlink leads to a path outside the repository` };
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

    async readTree(dir: string): Promise<RepoTree> {
      const normalized = normalizeRepoPath(dir);
      if (normalized === undefined) return { files: {}, truncated: false };
      const files: Record<string, RepoFile> = {};
      let truncated = false;
      const walk = async (rel: string): Promise<void> => {
        let entries;
        try {
          const real = await realpath(join(realRoot, rel));
          if (!inside(real)) return; // a symlinked folder that leads out of the repo
          entries = await readdir(real, { withFileTypes: true });
        } catch {
          return; // missing folder: no files
        }
        for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
          const path = rel ? `${rel}/${entry.name}` : entry.name;
          if (entry.isDirectory()) {
            if (!skippedDirs.has(entry.name)) await walk(path);
          } else if (entry.isFile() || entry.isSymbolicLink()) {
            if (Object.keys(files).length >= maxTreeFiles) {
              truncated = true;
              return;
            }
            // read() refuses a symlink that leads out of the repo.
            files[path] = await reader.read(path);
          }
          if (truncated) return;
        }
      };
      await walk(normalized);
      return { files, truncated };
    },
  };
  return reader;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
