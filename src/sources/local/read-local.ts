/**
 * The local source: a folder whose subfolders are repos (working trees).
 * Produces the same Snapshot as the GitHub source; git repos also get their
 * HEAD commit and the last-commit date of each docs page. Each repo is read
 * on its own: one that fails appears with what could be read and a
 * `repo-failed` problem, and the others are read as usual.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { crossRepoDocsRequests, readCrossRepoDocs } from '../cross-repo-docs.ts';
import { discoverRepoFiles, type DiscoveryOptions } from '../discover-files.ts';
import { docsPagePaths } from '../docs-pages.ts';
import { showValue } from '../checked-values.ts';
import type { LocalRepoSettings } from '../../config/schema.ts';
import type { Repo, RepoProblem, Snapshot } from '../snapshot.ts';
import { diskRepoReader } from './disk-reader.ts';
import { readFileDates } from './file-dates.ts';
import { readGitMetadata } from './git-metadata.ts';

/** What reading a repo needs beyond discovery: the file size limit, and the cap on files read from one folder. */
export interface ReadLimits {
  maxFileBytes: number;
  /** `limits.maxDocsFiles`. */
  maxTreeFiles?: number;
}

export interface LocalSourceOptions extends DiscoveryOptions, ReadLimits {
  org?: string;
  /** `localRepos` of the config: what GitHub would say of each folder (a folder has no template flag or visibility). */
  settings?: LocalRepoSettings;
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
  const names = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const repos = new Array<Repo>(names.length);
  await forEachLimited(names, async (name, i) => {
    options.onRepo?.(name, i, names.length);
    repos[i] = withSettings(await readLocalRepo(join(root, name), name, options), options.settings?.[name]);
  });
  const org = options.org ?? (root.split(/[\\/]/).pop() || 'local');
  await readCrossRepoDocs(crossRepoDocsRequests(repos, options, org), (repo) =>
    repo.localPath ? diskRepoReader(repo.localPath, options.maxFileBytes, options.maxTreeFiles) : undefined,
  );
  // After the cross-repo docs, so pages another repo's entity shows are dated too.
  await forEachLimited(repos, async (repo) => {
    if (!repo.localPath) return;
    try {
      const { dates, invalid } = await readFileDates(repo.localPath, docsPagePaths(repo));
      if (Object.keys(dates).length > 0) repo.fileDates = dates;
      const bad = Object.entries(invalid);
      if (bad.length > 0) addProblem(repo, invalidDatesProblem(bad));
    } catch (error) {
      addProblem(repo, failed(repo.name, 'reading the dates of its docs pages', error));
    }
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

/** A repo with the GitHub settings the config gives its folder; fields it leaves out keep the local defaults. */
function withSettings(repo: Repo, settings: LocalRepoSettings[string] | undefined): Repo {
  if (!settings) return repo;
  const { isTemplate, visibility, archived, topics } = settings;
  return {
    ...repo,
    ...(isTemplate !== undefined ? { isTemplate } : {}),
    ...(visibility !== undefined ? { visibility } : {}),
    ...(archived !== undefined ? { archived } : {}),
    ...(topics !== undefined ? { topics } : {}),
  };
}

/**
 * One working tree as a snapshot repo (also used by `validate FILE…`, with the files as catalog paths).
 * Never throws: a repo that cannot be read is returned with no files and a `repo-failed` problem.
 */
export async function readLocalRepo(path: string, name: string, options: DiscoveryOptions & ReadLimits): Promise<Repo> {
  const base: Repo = {
    name,
    localPath: path,
    topics: [],
    visibility: 'public',
    archived: false,
    isTemplate: false,
    catalogFiles: [],
    files: {},
    globs: {},
    trees: {},
  };
  try {
    const [git, reader] = await Promise.all([readGitMetadata(path), diskRepoReader(path, options.maxFileBytes, options.maxTreeFiles)]);
    const repo: Repo = { ...base, ...git };
    try {
      Object.assign(repo, await discoverRepoFiles({ name, ...(git.url ? { url: git.url } : {}) }, reader, options));
    } catch (error) {
      addProblem(repo, failed(name, 'reading its files', error));
    }
    return repo;
  } catch (error) {
    return { ...base, problems: [failed(name, 'reading it', error)] };
  }
}

function addProblem(repo: Repo, problem: RepoProblem): void {
  (repo.problems ??= []).push(problem);
}

function failed(name: string, doing: string, error: unknown): RepoProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    rule: 'repo-failed',
    message: `${name} failed while ${doing} (${showValue(reason, 300)}); it is shown with what could be read, and the rest of the org is built as usual.`,
  };
}

function invalidDatesProblem(bad: [string, string][]): RepoProblem {
  const [path, raw] = bad[0]!;
  const more = bad.length > 1 ? ` (and ${bad.length - 1} more page(s))` : '';
  return {
    rule: 'repo-date-invalid',
    path,
    message: `The last commit of ${showValue(path)}${more} is dated ${showValue(raw)} (git log %cI), which is not a valid date between years 0000 and 9999; those pages show no last-updated date.`,
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
