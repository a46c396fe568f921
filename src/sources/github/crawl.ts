/**
 * Stage entry for `github:<org>`: crawl an organization into a Snapshot, the
 * same shape the local source produces.
 *
 * 1. List every repo (metadata, HEAD commit, catalog file text) page by page.
 * 2. Repos whose HEAD commit is unchanged since the previous snapshot are
 *    not read again; the others run the shared discovery (Location targets,
 *    placeholders, README, CODEOWNERS, TechDocs) with their reads batched
 *    across repos.
 * 3. Read when each docs page last changed, for pages not dated before.
 * 4. Read teams and members.
 * A repo that cannot be read keeps its last good content, marked stale; a
 * repo missing from a complete listing is dropped; an incomplete listing
 * drops nothing.
 */
import picomatch from 'picomatch';
import { crossRepoDocsRequests, readCrossRepoDocs } from '../cross-repo-docs.ts';
import { discoverRepoFiles, type DiscoveryOptions } from '../discover-files.ts';
import type { OrgPeople, Repo, Snapshot } from '../snapshot.ts';
import { DEFAULT_MAX_TREE_FILES } from '../tree-cap.ts';
import { AdaptiveSize } from './adaptive-size.ts';
import { createGitHubClient, CrawlStoppedError, QueryTooBigError, type ClientOptions, type ClientStats } from './client.ts';
import { GitHubFileBatcher } from './file-batcher.ts';
import { addFileDates, type FileDatesStats } from './file-dates.ts';
import { listPeople } from './list-people.ts';
import { listRepositories, type ListedRepo } from './list-repos.ts';

export interface GitHubFilters {
  /** Repo name globs to include (default all) and to exclude. */
  include: readonly string[];
  exclude: readonly string[];
  /** A repo must have one of these topics (when any are given), and none of the excluded ones. */
  topics: { include: readonly string[]; exclude: readonly string[] };
  archived: boolean;
  forks: boolean;
  visibility: readonly ('public' | 'internal' | 'private')[];
}

export interface CrawlSizes {
  pageSize: number;
  batchRepos: number;
  batchObjects: number;
  teamsPageSize: number;
  membersPageSize: number;
  /** Docs pages per `FileDates` request: one `history` connection each, 100 = 1 point. */
  batchDates: number;
}

/**
 * Starting sizes; all but the members page adapt down when GitHub says a query is too big.
 * 100 members per team page means most teams need no second page (a nightly crawl re-reads teams).
 */
export const defaultCrawlSizes: CrawlSizes = { pageSize: 100, batchRepos: 100, batchObjects: 400, teamsPageSize: 50, membersPageSize: 100, batchDates: 100 };

export type CrawlProgress =
  | { phase: 'listing'; listed: number; total?: number | undefined }
  | { phase: 'files'; changed: number; unchanged: number }
  | { phase: 'dates'; pages: number }
  | { phase: 'people' }
  | { phase: 'wait'; reason: string; ms: number };

export interface GitHubCrawlOptions {
  org: string;
  endpoint: string;
  token: string;
  read: DiscoveryOptions & { maxFileBytes: number; maxTreeFiles?: number };
  filters: GitHubFilters;
  teams: boolean;
  maxRateLimitWaitMs: number;
  previous?: Snapshot | undefined;
  sizes?: Partial<CrawlSizes>;
  /** Test hooks: fast sleeps and backoff. */
  client?: Partial<Pick<ClientOptions, 'sleep' | 'backoffMs' | 'now' | 'timeoutMs' | 'maxAttempts'>>;
  onProgress?: (event: CrawlProgress) => void;
}

export interface CrawlStats extends ClientStats {
  reposListed: number;
  reposSelected: number;
  reposChanged: number;
  reposUnchanged: number;
  reposStale: number;
  reposDropped: number;
  listingComplete: boolean;
  durationMs: number;
  sizeChanges: { what: string; from: number; to: number }[];
  /** Last-updated dates of docs pages: read this crawl, kept from the previous one, still unknown. */
  fileDates: FileDatesStats;
}

export async function crawlGitHub(options: GitHubCrawlOptions): Promise<{ snapshot: Snapshot; stats: CrawlStats }> {
  const started = Date.now();
  const sizes = { ...defaultCrawlSizes, ...options.sizes };
  const client = createGitHubClient({
    endpoint: options.endpoint,
    token: options.token,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs,
    onWait: (reason, ms) => options.onProgress?.({ phase: 'wait', reason, ms }),
    ...options.client,
  });
  const adaptive = {
    page: new AdaptiveSize(sizes.pageSize, 5),
    repos: new AdaptiveSize(sizes.batchRepos, 1),
    objects: new AdaptiveSize(sizes.batchObjects, 10),
    teams: new AdaptiveSize(sizes.teamsPageSize, 5),
    members: new AdaptiveSize(sizes.membersPageSize, 10),
    dates: new AdaptiveSize(sizes.batchDates, 10),
  };
  const notes: string[] = [];

  const listing = await listRepositories(client, {
    org: options.org,
    catalogPaths: options.read.catalogPaths,
    filters: serverSideFilters(options.filters),
    pageSize: adaptive.page,
    maxFileBytes: options.read.maxFileBytes,
    onPage: (listed, total) => options.onProgress?.({ phase: 'listing', listed, total }),
  });
  if (!listing.complete)
    notes.push(`The repository listing of ${options.org} stopped early (${listing.stoppedBecause}); repos not listed this time keep their previous content.`);
  const selected = listing.repos.filter((r) => r.head && matchesFilters(r, options.filters));

  const previousById = new Map((options.previous?.repos ?? []).filter((r) => r.githubId).map((r) => [r.githubId!, r]));
  const unchanged: Repo[] = [];
  const changed: ListedRepo[] = [];
  for (const listed of selected) {
    const before = previousById.get(listed.id);
    // A repo whose reading failed last time is read again, like a stale one.
    const failedBefore = before?.problems?.some((p) => p.rule === 'repo-failed');
    if (before && !before.stale && !failedBefore && before.head?.commit === listed.head?.commit) {
      // Content from the previous crawl; metadata (URL, description, problems) as GitHub lists it now.
      const { catalogFiles, files, globs, trees, fileDates } = before;
      unchanged.push({
        ...metadataOf(listed),
        ...(before.head ? { head: before.head } : {}),
        catalogFiles,
        files,
        globs,
        trees,
        ...(fileDates ? { fileDates } : {}),
      });
    } else changed.push(listed);
  }
  options.onProgress?.({ phase: 'files', changed: changed.length, unchanged: unchanged.length });

  const batcher = new GitHubFileBatcher(client, {
    org: options.org,
    maxFileBytes: options.read.maxFileBytes,
    maxTreeFiles: options.read.maxTreeFiles ?? DEFAULT_MAX_TREE_FILES,
    repos: adaptive.repos,
    objects: adaptive.objects,
  });
  const fetched = await Promise.all(
    changed.map(async (listed): Promise<Repo> => {
      const head = listed.head ? { head: listed.head } : {};
      try {
        const discovered = await discoverRepoFiles({ name: listed.name, ...(listed.url ? { url: listed.url } : {}) }, batcher.reader(listed), options.read);
        return { ...metadataOf(listed), ...head, ...discovered };
      } catch (error) {
        // One repo's content must not stop the org's crawl: it appears with no files, and says why.
        const failed = {
          rule: 'repo-failed' as const,
          message: `Reading the files of ${listed.name} failed (${error instanceof Error ? error.message : String(error)}); it is shown without them.`,
        };
        return { ...metadataOf(listed), ...head, catalogFiles: [], files: {}, globs: {}, trees: {}, problems: [...listed.problems, failed] };
      }
    }),
  );
  const now = new Date().toISOString();
  const repos: Repo[] = [...unchanged];
  let stale = 0;
  for (const repo of fetched) {
    const reason = batcher.failures.get(repo.name) ?? (batcher.stopped ? batcher.stopped.message : undefined);
    if (!reason) {
      repos.push(repo);
      continue;
    }
    stale++;
    const before = previousById.get(repo.githubId!);
    // Keep the last good content and its HEAD, so the next crawl reads this repo again.
    repos.push(
      before
        ? {
            ...repo,
            catalogFiles: before.catalogFiles,
            files: before.files,
            globs: before.globs,
            trees: before.trees,
            ...(before.head ? { head: before.head } : {}),
            ...(before.fileDates ? { fileDates: before.fileDates } : {}),
            stale: { reason, since: before.stale?.since ?? now },
          }
        : { ...repo, stale: { reason, since: now } },
    );
  }
  // Docs other repos point at (techdocs-ref url:) are read once everything else is.
  const listedByName = new Map(selected.map((r) => [r.name, r]));
  await readCrossRepoDocs(
    crossRepoDocsRequests(
      repos.filter((r) => !r.stale),
      options.read,
      options.org,
    ),
    (repo) => {
      const listed = listedByName.get(repo.name);
      return listed ? batcher.reader(listed) : undefined;
    },
  );
  // Stale repos keep the dates that go with their old files; the repos read or reused get theirs.
  const dates = await addFileDates(
    client,
    repos.filter((r) => !r.stale),
    {
      org: options.org,
      pages: adaptive.dates,
      previous: previousById,
      stopped: batcher.stopped?.message,
      onAsk: (pages) => options.onProgress?.({ phase: 'dates', pages }),
    },
  );
  if (dates.note) notes.push(dates.note);
  let dropped = 0;
  if (!listing.complete) {
    const seen = new Set(listing.repos.map((r) => r.id));
    for (const before of options.previous?.repos ?? []) if (before.githubId && !seen.has(before.githubId)) repos.push(before);
  } else {
    const kept = new Set(selected.map((r) => r.id));
    dropped = (options.previous?.repos ?? []).filter((r) => !kept.has(r.githubId ?? '')).length;
  }

  let people: OrgPeople[] = [];
  if (options.teams && !batcher.stopped) {
    options.onProgress?.({ phase: 'people' });
    try {
      const listed = await listPeople(client, {
        org: options.org,
        ...(listing.orgUrl ? { orgUrl: listing.orgUrl } : {}),
        teamsPageSize: adaptive.teams,
        membersPageSize: adaptive.members,
      });
      people = [listed.people];
      notes.push(...listed.notes);
    } catch (error) {
      if (!(error instanceof CrawlStoppedError || error instanceof QueryTooBigError)) throw error;
      notes.push(`Teams of ${options.org} could not be read (${error.message}); the previous teams are kept.`);
      people = options.previous?.people ?? [];
    }
  } else if (options.teams) {
    people = options.previous?.people ?? [];
  }
  if (batcher.stopped) notes.push(`The crawl of ${options.org} stopped early: ${batcher.stopped.message}`);

  const sizeChanges = Object.entries(adaptive).flatMap(([what, size]) => size.changes.map((c) => ({ what, ...c })));
  return {
    snapshot: {
      version: 1,
      source: `github:${options.org}`,
      org: options.org,
      createdAt: now,
      repos: repos.sort((a, b) => a.name.localeCompare(b.name)).map(withoutNoProblems),
      people,
      notes,
    },
    stats: {
      ...client.stats,
      reposListed: listing.repos.length,
      reposSelected: selected.length,
      reposChanged: changed.length,
      reposUnchanged: unchanged.length,
      reposStale: stale,
      reposDropped: dropped,
      listingComplete: listing.complete,
      durationMs: Date.now() - started,
      sizeChanges,
      fileDates: dates.stats,
    },
  };
}

/** `problems` only when there are some, so a clean repo's record is what it was before problems existed. */
function withoutNoProblems(repo: Repo): Repo {
  if (repo.problems?.length) return repo;
  const { problems: _none, ...rest } = repo;
  return rest;
}

/** Listing metadata; `problems` replaces any from an earlier crawl (file-date problems are added again by addFileDates). */
function metadataOf(listed: ListedRepo): Omit<Repo, 'catalogFiles' | 'files' | 'globs' | 'trees'> {
  return {
    name: listed.name,
    ...(listed.url ? { url: listed.url } : {}),
    problems: [...listed.problems],
    githubId: listed.id,
    ...(listed.defaultBranch ? { defaultBranch: listed.defaultBranch } : {}),
    ...(listed.description ? { description: listed.description } : {}),
    topics: listed.topics,
    ...(listed.language ? { language: listed.language } : {}),
    visibility: listed.visibility,
    archived: listed.archived,
    isTemplate: listed.isTemplate,
  };
}

/** What GitHub can filter itself, so filtered-out repos are never even listed. */
function serverSideFilters(filters: GitHubFilters) {
  const onlyPublic = filters.visibility.length === 1 && filters.visibility[0] === 'public';
  return {
    ...(filters.archived ? {} : { isArchived: false }),
    ...(filters.forks ? {} : { isFork: false }),
    ...(onlyPublic ? { privacy: 'PUBLIC' as const } : {}),
  };
}

export function matchesFilters(repo: ListedRepo, filters: GitHubFilters): boolean {
  if (!filters.visibility.includes(repo.visibility)) return false;
  if (!filters.archived && repo.archived) return false;
  if (!filters.forks && repo.fork) return false;
  if (filters.include.length > 0 && !picomatch.isMatch(repo.name, [...filters.include])) return false;
  if (filters.exclude.length > 0 && picomatch.isMatch(repo.name, [...filters.exclude])) return false;
  if (filters.topics.include.length > 0 && !repo.topics.some((t) => filters.topics.include.includes(t))) return false;
  if (repo.topics.some((t) => filters.topics.exclude.includes(t))) return false;
  return true;
}
