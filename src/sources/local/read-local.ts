/**
 * The local source: a folder whose subfolders are repos (working trees).
 * Produces the same Snapshot as the GitHub source; git repos also get their
 * HEAD commit and the last-commit date of each docs page.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { crossRepoDocsRequests, readCrossRepoDocs } from '../cross-repo-docs.ts';
import { discoverRepoFiles, type DiscoveryOptions } from '../discover-files.ts';
import { docsPagePaths } from '../docs-pages.ts';
import type { Repo, Snapshot } from '../snapshot.ts';
import { diskRepoReader } from './disk-reader.ts';
import { readFileDates } from './file-dates.ts';
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
  const repos = new Array<Repo>(names.length);
  await forEachLimited(names, async (name, i) => {
    options.onRepo?.(name, i, names.length);
    repos[i] = await readLocalRepo(join(root, name), name, options);
  });
  const org = options.org ?? (root.split(/[\\/]/).pop() || 'local');
  await readCrossRepoDocs(crossRepoDocsRequests(repos, options, org), (repo) => (repo.localPath ? diskRepoReader(repo.localPath, options.maxFileBytes) : undefined));
  // After the cross-repo docs, so pages another repo's entity shows are dated too.
  await forEachLimited(repos, async (repo) => {
    const dates = repo.localPath ? await readFileDates(repo.localPath, docsPagePaths(repo)) : {};
    if (Object.keys(dates).length > 0) repo.fileDates = dates;
  });
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

/** A few repos at a time: git spawns and file reads overlap, without flooding the machine. */
async function forEachLimited<T>(items: readonly T[], work: (item: T, index: number) => Promise<void>, concurrency = 8): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}
