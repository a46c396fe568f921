/**
 * A snapshot with every path the repo-path boundary refuses taken out: files,
 * folder listings, glob matches, dates and catalog paths under a git folder
 * (or out of the repo). Sources never put such a path in; this is for
 * snapshots that come back from `.cache/`, written by an older Frontdoor or
 * edited by hand, so an old cache can never leak a clone's `.git/config`.
 */
import { checkRepoPath } from './repo-path.ts';
import type { Repo, Snapshot } from './snapshot.ts';

const allowed = (path: string) => checkRepoPath(path).ok;

export function scrubSnapshot(snapshot: Snapshot): Snapshot {
  return { ...snapshot, repos: snapshot.repos.map(scrubRepo) };
}

export function scrubRepo(repo: Repo): Repo {
  const pick = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([path]) => allowed(path)));
  return {
    ...repo,
    catalogFiles: repo.catalogFiles.filter(allowed),
    files: pick(repo.files),
    globs: Object.fromEntries(
      Object.entries(repo.globs)
        .filter(([pattern]) => allowed(pattern))
        .map(([pattern, paths]) => [pattern, paths.filter(allowed)]),
    ),
    trees: Object.fromEntries(
      Object.entries(repo.trees)
        .filter(([dir]) => allowed(dir))
        .map(([dir, tree]) => [dir, { ...tree, paths: tree.paths.filter(allowed) }]),
    ),
    ...(repo.fileDates ? { fileDates: pick(repo.fileDates) } : {}),
  };
}
