/**
 * The local source: a folder whose subfolders are repos (working trees).
 * Produces the same Snapshot as the GitHub source.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { crossRepoDocsRequests, readCrossRepoDocs } from '../cross-repo-docs.ts';
import { discoverRepoFiles, type DiscoveryOptions } from '../discover-files.ts';
import type { Repo, Snapshot } from '../snapshot.ts';
import { diskRepoReader } from './disk-reader.ts';
import { readGitMetadata } from './git-metadata.ts';

export interface LocalSourceOptions extends DiscoveryOptions {
  maxFileBytes: number;
  org?: string;
  onRepo?: (name: string, index: number, total: number) => void;
}

export class SourceError extends Error {
  override name = 'SourceError';
}

export async function readLocalSource(dir: string, options: LocalSourceOptions): Promise<Snapshot> {
  const root = resolve(dir);
  let entries;
  try {
    if (!(await stat(root)).isDirectory()) throw new SourceError(`${dir} is not a folder. --source local:<dir> needs a folder whose subfolders are repos.`);
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`Cannot read ${dir}: ${(error as Error).message}. --source local:<dir> needs a folder whose subfolders are repos.`);
  }
  const names = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  const repos: Repo[] = [];
  // A few repos at a time: git spawns and file reads overlap, without flooding the machine.
  const concurrency = 8;
  let next = 0;
  const results = new Array<Repo>(names.length);
  await Promise.all(
    Array.from({ length: Math.min(concurrency, names.length) }, async () => {
      while (next < names.length) {
        const i = next++;
        const name = names[i]!;
        options.onRepo?.(name, i, names.length);
        results[i] = await readLocalRepo(join(root, name), name, options);
      }
    }),
  );
  repos.push(...results);
  const org = options.org ?? (root.split(/[\\/]/).pop() || 'local');
  await readCrossRepoDocs(crossRepoDocsRequests(repos, options, org), (repo) => (repo.localPath ? diskRepoReader(repo.localPath, options.maxFileBytes) : undefined));
  return {
    version: 1,
    source: `local:${dir}`,
    org,
    createdAt: new Date().toISOString(),
    repos,
    people: [],
    notes: [],
  };
}

/** One working tree as a snapshot repo (also used by `validate FILE…`, with the files as catalog paths). */
export async function readLocalRepo(path: string, name: string, options: DiscoveryOptions & { maxFileBytes: number }): Promise<Repo> {
  const [git, reader] = await Promise.all([readGitMetadata(path), diskRepoReader(path, options.maxFileBytes)]);
  const discovered = await discoverRepoFiles({ name, ...(git.url ? { url: git.url } : {}) }, reader, options);
  return {
    name,
    localPath: path,
    ...git,
    topics: [],
    visibility: 'public',
    archived: false,
    isTemplate: false,
    ...discovered,
  };
}
