/**
 * A snapshot written as literals (repos as file contents): the tests' way to
 * give the catalog, graph and docs stages a source without reading one.
 * `validate FILE…` reads its files from disk instead
 * (src/pipeline/snapshot-of-files.ts).
 */
import type { Repo, RepoFile, Snapshot } from '../../src/sources/snapshot.ts';

export interface InMemoryRepo {
  name: string;
  url?: string;
  catalogFiles: string[];
  files: Record<string, string | RepoFile>;
  globs?: Record<string, string[]>;
  trees?: Repo['trees'];
}

export function inMemorySnapshot(repos: InMemoryRepo[], org = 'test'): Snapshot {
  return {
    version: 1,
    source: 'memory',
    org,
    createdAt: new Date(0).toISOString(),
    people: [],
    notes: [],
    repos: repos.map((r): Repo => ({
      name: r.name,
      ...(r.url ? { url: r.url, defaultBranch: 'main' } : {}),
      topics: [],
      visibility: 'public',
      archived: false,
      isTemplate: false,
      catalogFiles: r.catalogFiles,
      files: Object.fromEntries(
        Object.entries(r.files).map(([path, f]) => [path, typeof f === 'string' ? { status: 'text', text: f, size: Buffer.byteLength(f) } : f]),
      ),
      globs: r.globs ?? {},
      trees: r.trees ?? {},
    })),
  };
}
