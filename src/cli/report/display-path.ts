/**
 * How a diagnostic's file is shown: for local repos, a path relative to the
 * current directory (clickable in terminals, and the path GitHub annotations
 * need when validate runs at a repo's root); otherwise `<repo>/<path>`.
 */
import { join, relative, sep } from 'node:path';
import type { Snapshot } from '../../sources/snapshot.ts';

export type DisplayPath = (repo: string, path: string) => string;

export function displayPathFor(snapshot: Snapshot, cwd = process.cwd()): DisplayPath {
  const roots = new Map(snapshot.repos.map((r) => [r.name, r.localPath]));
  return (repo, path) => {
    if (!repo) return path;
    const root = roots.get(repo);
    if (root) return relative(cwd, join(root, path)).split(sep).join('/') || '.';
    return path ? `${repo}/${path}` : repo;
  };
}
