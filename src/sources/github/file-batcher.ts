/**
 * Phase B of a crawl: the files discovery asks for, many repos per request.
 * Every changed repo runs the same discovery as the local source, through a
 * RepoReader whose reads are queued here; when all of them are waiting, the
 * queue is flushed as few `RepoFiles` requests as fit GitHub's limits (repos
 * and weighted objects per request, adaptive), one request at a time. Reads
 * resolve only when the whole flush is done, so the next round of every repo
 * is queued together too: a crawl costs one or two requests per round, not
 * one per file.
 */
import type { RepoReader, RepoTree } from '../discover-files.ts';
import { checkRepoPath, isCleanRepoPath, isGitDirName, refusedFile } from '../repo-path.ts';
import type { RepoFile } from '../snapshot.ts';
import { compareNames, keepFirst, LISTING_FACTOR, listingOrder, type TreeHints } from '../tree-cap.ts';
import { AdaptiveSize } from './adaptive-size.ts';
import { CrawlStoppedError, QueryTooBigError, type GitHubClient, type GraphQLErrorEntry } from './client.ts';
import { blobToRepoFile, type ListedRepo } from './list-repos.ts';
import { repoFilesQuery, type FileRequest, type RepoFileRequests } from './queries.ts';

/** A folder read costs far more than a file; weigh it so a request stays small. */
const TREE_WEIGHT = 10;
const TREE_DEPTH = 3;
const SYMLINK_MODE = 0o120000;

interface Pending {
  repo: ListedRepo;
  kind: 'blob' | 'tree';
  path: string;
  depth: number;
  resolve: (value: RepoFile | RepoTree) => void;
  /** A deeper level of a folder read earlier in this flush: its files go into that folder's tree. */
  into?: RepoTree;
  /** For a folder: what to keep first when it is over the cap. */
  hints?: TreeHints;
}

export interface BatcherOptions {
  org: string;
  maxFileBytes: number;
  maxTreeFiles: number;
  /** Repos per request, adaptive. */
  repos: AdaptiveSize;
  /** Weighted objects per request (a file 1, a folder TREE_WEIGHT), adaptive. */
  objects: AdaptiveSize;
  onRequest?: () => void;
}

export class GitHubFileBatcher {
  #queue: Pending[] = [];
  #scheduled = false;
  #running: Promise<void> = Promise.resolve();
  /** Entries looked at per folder read, deeper levels included. */
  #listed = new WeakMap<RepoTree, number>();
  /** Repos whose content could not be read this run, with the reason. */
  readonly failures = new Map<string, string>();
  /** Set when the crawl must stop (rate limit beyond the wait cap, GitHub failing): later reads fail at once. */
  stopped: CrawlStoppedError | undefined;

  readonly client: GitHubClient;
  readonly options: BatcherOptions;

  constructor(client: GitHubClient, options: BatcherOptions) {
    this.client = client;
    this.options = options;
  }

  reader(repo: ListedRepo): RepoReader {
    return {
      read: (rawPath) => {
        // The boundary first: a path into the git folder (or out of the repo) is never asked of GitHub.
        const checked = checkRepoPath(rawPath);
        if (!checked.ok) return Promise.resolve(refusedFile(checked));
        const path = checked.path;
        if (path === '') return Promise.resolve({ status: 'unreadable', reason: 'it is a directory' }); // the repo root
        const seeded = repo.catalogFiles[path];
        if (seeded) return Promise.resolve(seeded);
        // The listing gave the root's names: an absent top-level name needs no request.
        const top = path.split('/')[0]!;
        if (repo.rootEntries && !repo.rootEntries.has(top)) return Promise.resolve({ status: 'missing' });
        return this.#enqueue(repo, 'blob', path, 0) as Promise<RepoFile>;
      },
      readTree: (rawDir, hints) => {
        const checked = checkRepoPath(rawDir);
        if (!checked.ok) return Promise.resolve({ files: {}, truncated: false });
        const dir = checked.path;
        const top = dir.split('/')[0]!;
        if (dir !== '' && repo.rootEntries && !repo.rootEntries.has(top)) return Promise.resolve({ files: {}, truncated: false });
        return this.#enqueue(repo, 'tree', dir, TREE_DEPTH, hints) as Promise<RepoTree>;
      },
    };
  }

  #enqueue(repo: ListedRepo, kind: 'blob' | 'tree', path: string, depth: number, hints?: TreeHints): Promise<RepoFile | RepoTree> {
    if (this.stopped) return Promise.resolve(unreadable(kind, this.stopped.message));
    return new Promise((resolve) => {
      this.#queue.push({ repo, kind, path, depth, resolve, ...(hints ? { hints } : {}) });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // setImmediate runs after every pending microtask: all repos waiting on reads have queued theirs.
        setImmediate(() => {
          this.#scheduled = false;
          // A flush never rejects (see #flush), so one bad answer cannot stall every later read.
          this.#running = this.#running.then(() => this.#flush());
        });
      }
    });
  }

  async #flush(): Promise<void> {
    const pending = this.#queue;
    this.#queue = [];
    const results = new Map<Pending, RepoFile | RepoTree>();
    try {
      // Folders deeper than one request returns are read in follow-up requests, all of the
      // flush's together, before anyone gets an answer.
      let work = pending;
      while (work.length > 0) {
        const deeper: Pending[] = [];
        let groups = groupByRepo(work);
        while (groups.length > 0) {
          const batch = this.#takeBatch(groups);
          groups = groups.slice(batch.length);
          await this.#fetch(batch, results, deeper);
        }
        work = deeper;
      }
    } catch (error) {
      // Unexpected (a bug, or GitHub failing in a new way): stop cleanly, as for a rate limit past the wait cap.
      this.stopped ??= new CrawlStoppedError(`reading files failed: ${messageOf(error)}`);
    }
    for (const p of pending) {
      const result = results.get(p) ?? unreadable(p.kind, this.stopped?.message ?? 'not read');
      if (p.kind === 'tree') capTree(result as RepoTree, this.options.maxTreeFiles, p.hints);
      p.resolve(result);
    }
  }

  /** As many whole repo groups as fit the current repo and object budgets (at least one). */
  #takeBatch(groups: Pending[][]): Pending[][] {
    const batch: Pending[][] = [];
    let weight = 0;
    for (const group of groups) {
      const w = group.reduce((n, p) => n + (p.kind === 'tree' ? TREE_WEIGHT : 1), 0);
      if (batch.length > 0 && (batch.length >= this.options.repos.current || weight + w > this.options.objects.current)) break;
      batch.push(group);
      weight += w;
    }
    return batch;
  }

  async #fetch(batch: Pending[][], results: Map<Pending, RepoFile | RepoTree>, deeper: Pending[]): Promise<void> {
    if (this.stopped) {
      for (const p of batch.flat()) this.#fail(p, results, this.stopped.message);
      return;
    }
    const requests: RepoFileRequests[] = batch.map((group) => ({
      repo: group[0]!.repo.name,
      files: group.map((p): FileRequest => ({ kind: p.kind, expression: `${group[0]!.repo.head?.commit ?? 'HEAD'}:${p.path}`, depth: p.depth })),
    }));
    const { query, variables } = repoFilesQuery(requests);
    try {
      this.options.onRequest?.();
      const { data, errors } = await this.client.query<Record<string, Record<string, unknown> | null>>(query, { owner: this.options.org, ...variables });
      this.options.repos.succeeded();
      this.options.objects.succeeded();
      this.#collect(batch, data, errors, results, deeper);
    } catch (error) {
      if (error instanceof QueryTooBigError) return this.#splitAndRetry(batch, results, deeper, error);
      // Anything else (a revoked token, GitHub rejecting a query) stops the crawl cleanly too: what was read is kept.
      this.stopped = error instanceof CrawlStoppedError ? error : new CrawlStoppedError(messageOf(error));
      for (const p of batch.flat()) this.#fail(p, results, this.stopped.message);
    }
  }

  /** Too big for GitHub: halve the budgets and the batch; a single folder too big is read one level at a time. */
  async #splitAndRetry(batch: Pending[][], results: Map<Pending, RepoFile | RepoTree>, deeper: Pending[], error: Error): Promise<void> {
    this.options.repos.shrink();
    this.options.objects.shrink();
    const items = batch.flat();
    if (items.length === 1) {
      const only = items[0]!;
      if (only.kind === 'tree' && only.depth > 1) {
        only.depth = 1;
        return this.#fetch([[only]], results, deeper);
      }
      this.failures.set(only.repo.name, `${only.path || 'the repository root'} is too big to read through GitHub's API (${error.message})`);
      this.#fail(only, results, 'too big for one GitHub request');
      return;
    }
    if (batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      await this.#fetch(batch.slice(0, half), results, deeper);
      await this.#fetch(batch.slice(half), results, deeper);
      return;
    }
    const half = Math.ceil(items.length / 2);
    await this.#fetch([items.slice(0, half)], results, deeper);
    await this.#fetch([items.slice(half)], results, deeper);
  }

  /** A read that failed: an unreadable file, or a folder marked incomplete (its parent too). */
  #fail(p: Pending, results: Map<Pending, RepoFile | RepoTree>, reason: string): void {
    if (p.into) p.into.truncated = true;
    else results.set(p, unreadable(p.kind, reason));
  }

  #collect(
    batch: Pending[][],
    data: Record<string, Record<string, unknown> | null>,
    errors: GraphQLErrorEntry[],
    results: Map<Pending, RepoFile | RepoTree>,
    deeper: Pending[],
  ): void {
    batch.forEach((group, i) => {
      const repoData = data[`r${i}`];
      if (!repoData) {
        const reason = errors.find((e) => e.path?.[0] === `r${i}`)?.message ?? 'GitHub returned nothing for it';
        this.failures.set(group[0]!.repo.name, reason);
        for (const p of group) this.#fail(p, results, reason);
        return;
      }
      try {
        group.forEach((p, j) => {
          const object = repoData[`f${j}`] as GitObject | null;
          if (p.kind === 'blob') {
            results.set(p, blobToRepoFile(object, this.options.maxFileBytes));
            return;
          }
          const tree: RepoTree = p.into ?? { files: {}, truncated: false };
          if (!p.into) results.set(p, tree);
          // Folders below the depth GitHub returned: read in a follow-up request of this flush.
          for (const dir of this.#walkTree(object, p.path, tree))
            deeper.push({ repo: p.repo, kind: 'tree', path: dir, depth: TREE_DEPTH, resolve: () => {}, into: tree });
        });
      } catch (error) {
        // One repo's odd answer fails that repo (kept stale), never the others of the batch.
        const reason = `its files could not be read (${messageOf(error)})`;
        this.failures.set(group[0]!.repo.name, reason);
        for (const p of group) this.#fail(p, results, reason);
      }
    });
  }

  /** Fill `tree` from a GitHub Tree; returns the folders whose contents were not included. */
  #walkTree(object: GitObject | null, dir: string, tree: RepoTree): string[] {
    if (!object || object.__typename !== 'Tree' || !Array.isArray(object.entries)) return [];
    const unread: string[] = [];
    // The git folder in any spelling, and names no checkout could hold (`..`, `a/b`, NUL), are never read.
    const named = object.entries.filter((e) => typeof e.name === 'string' && !isGitDirName(e.name) && isCleanRepoPath(dir ? `${dir}/${e.name}` : e.name));
    const byName = new Map(named.map((e) => [e.name, e]));
    // A folder's files before its subfolders, index pages first: what a cut listing holds is what the cap keeps anyway.
    const blobs = listingOrder(named.filter((e) => e.type !== 'tree').map((e) => e.name));
    const folders = named
      .filter((e) => e.type === 'tree')
      .map((e) => e.name)
      .sort(compareNames);
    for (const entry of [...blobs, ...folders].map((name) => byName.get(name)!)) {
      // Names are listed up to LISTING_FACTOR × the cap, then capTree keeps the ones that matter most.
      const listed = (this.#listed.get(tree) ?? 0) + 1;
      this.#listed.set(tree, listed);
      if (listed > this.options.maxTreeFiles * LISTING_FACTOR) {
        tree.truncated = true;
        tree.unlisted = true;
        return [];
      }
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.type === 'tree') {
        if (entry.object && entry.object.entries) unread.push(...this.#walkTree(entry.object, path, tree));
        else unread.push(path);
      } else if (entry.type === 'blob') {
        // A symlink's blob holds its target path; GitHub does not follow it, and neither does Frontdoor.
        tree.files[path] =
          entry.mode === SYMLINK_MODE
            ? { status: 'outside-repo', reason: 'a symlink (not followed)' }
            : blobToRepoFile(entry.object ?? null, this.options.maxFileBytes);
      }
    }
    return unread;
  }
}

interface GitObject {
  __typename?: string;
  entries?: { name: string; type: string; mode?: number; object?: GitObject | null }[];
  byteSize?: number;
  isBinary?: boolean;
  isTruncated?: boolean;
  text?: string | null;
}

function groupByRepo(items: readonly Pending[]): Pending[][] {
  const byRepo = new Map<string, Pending[]>();
  for (const p of items) byRepo.set(p.repo.name, [...(byRepo.get(p.repo.name) ?? []), p]);
  return [...byRepo.values()];
}

/** Over the cap, keep what tree-cap.ts ranks first (index pages, nav targets, Markdown) and count the rest. */
function capTree(tree: RepoTree, max: number, hints?: TreeHints): void {
  const { kept, omitted } = keepFirst(Object.keys(tree.files), max, hints);
  if (omitted === 0) return;
  const keep = new Set(kept);
  for (const path of Object.keys(tree.files)) if (!keep.has(path)) delete tree.files[path];
  tree.truncated = true;
  tree.omitted = (tree.omitted ?? 0) + omitted;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function unreadable(kind: 'blob' | 'tree', reason: string): RepoFile | RepoTree {
  return kind === 'blob' ? { status: 'unreadable', reason } : { files: {}, truncated: true };
}
