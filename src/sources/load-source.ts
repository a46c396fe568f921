/**
 * Stage entry: the configured source(s) → one Snapshot.
 * `local:<dir>` reads a folder of repos; `github:<org>` crawls an organization
 * (GITHUB_TOKEN, GITHUB_GRAPHQL_URL), reusing the previous crawl in
 * `.cache/github/<org>.json` so unchanged repos cost nothing. Whatever comes
 * back from the cache, and whatever any source returns, is scrubbed of paths
 * the repo-path boundary refuses (a git folder's files, above all).
 */
import type { PortalConfig } from '../config/schema.ts';
import { readGitHubCache, writeGitHubCache } from './github/cache.ts';
import { GitHubAuthError, GitHubQueryError, GitHubUnreachableError } from './github/client.ts';
import { crawlGitHub, type CrawlProgress, type CrawlStats } from './github/crawl.ts';
import { OrgNotFoundError } from './github/list-repos.ts';
import type { DiscoveryOptions } from './discover-files.ts';
import { readLocalSource, SourceError, type ReadLimits } from './local/read-local.ts';
import { scrubSnapshot } from './scrub-snapshot.ts';
import type { Snapshot } from './snapshot.ts';

export { SourceError } from './local/read-local.ts';

export const DEFAULT_GITHUB_GRAPHQL_URL = 'https://api.github.com/graphql';

export interface SourceProgress {
  onRepo?: (name: string, index: number, total: number) => void;
  onCrawl?: (org: string, event: CrawlProgress) => void;
  onCrawlDone?: (org: string, stats: CrawlStats) => void;
}

export interface SourceEnvironment {
  env?: NodeJS.ProcessEnv;
  cacheDir?: string;
  /** Test hooks passed to the GitHub client (fast sleeps). */
  crawlClient?: Parameters<typeof crawlGitHub>[0]['client'];
}

export async function loadSource(config: PortalConfig, progress: SourceProgress = {}, environment: SourceEnvironment = {}): Promise<Snapshot> {
  const specs = Array.isArray(config.source) ? config.source : [config.source];
  const snapshots: Snapshot[] = [];
  for (const spec of specs) snapshots.push(scrubSnapshot(await loadOne(spec, config, progress, environment)));
  return mergeSnapshots(snapshots, config.org);
}

async function loadOne(spec: string, config: PortalConfig, progress: SourceProgress, environment: SourceEnvironment): Promise<Snapshot> {
  const colon = spec.indexOf(':');
  const type = spec.slice(0, colon);
  const target = spec.slice(colon + 1);
  if (type === 'local') {
    return readLocalSource(target, {
      ...readOptions(config),
      ...(config.org ? { org: config.org } : {}),
      settings: config.localRepos,
      ...(progress.onRepo ? { onRepo: progress.onRepo } : {}),
    });
  }
  return crawlOrg(target, config, progress, environment);
}

async function crawlOrg(org: string, config: PortalConfig, progress: SourceProgress, environment: SourceEnvironment): Promise<Snapshot> {
  const env = environment.env ?? process.env;
  const token = env['GITHUB_TOKEN']?.trim();
  if (!token) {
    throw new SourceError(
      `GITHUB_TOKEN is not set: github:${org} needs a token that can read the organization (a personal access token, or a GitHub App installation token). To build the demo org instead, use --source local:content.`,
    );
  }
  const endpoint = env['GITHUB_GRAPHQL_URL']?.trim() || DEFAULT_GITHUB_GRAPHQL_URL;
  if (!/^https?:\/\/[^/]/.test(endpoint))
    throw new SourceError(
      `GITHUB_GRAPHQL_URL must be an http(s) URL such as ${DEFAULT_GITHUB_GRAPHQL_URL} (GitHub Enterprise: https://<host>/api/graphql), not "${endpoint}".`,
    );
  const cacheDir = environment.cacheDir ?? '.cache/github';
  const read = readOptions(config);
  const cacheKey = JSON.stringify({
    endpoint,
    catalogPaths: read.catalogPaths,
    maxFileBytes: read.maxFileBytes,
    maxReferencedFiles: read.maxReferencedFiles,
    maxTreeFiles: read.maxTreeFiles,
    filters: config.github,
    version: 1,
  });
  const cached = await readGitHubCache(cacheDir, org, cacheKey);
  // An unchanged repo reuses its cached files as they are: an old cache must not bring back a git folder's.
  const previous = cached && scrubSnapshot(cached);
  try {
    const { snapshot, stats } = await crawlGitHub({
      org,
      endpoint,
      token,
      read,
      filters: config.github,
      teams: config.github.teams,
      maxRateLimitWaitMs: config.github.maxRateLimitWait * 1000,
      previous,
      ...(environment.crawlClient ? { client: environment.crawlClient } : {}),
      onProgress: (event) => progress.onCrawl?.(org, event),
    });
    await writeGitHubCache(cacheDir, org, cacheKey, snapshot);
    progress.onCrawlDone?.(org, stats);
    return snapshot;
  } catch (error) {
    if (error instanceof GitHubAuthError || error instanceof GitHubUnreachableError || error instanceof OrgNotFoundError) throw new SourceError(error.message);
    if (error instanceof GitHubQueryError)
      throw new SourceError(`GitHub rejected a query Frontdoor sent (${error.message}). This is a bug in Frontdoor; please report it.`);
    throw error;
  }
}

/** Several sources become one snapshot; repo names get their org as a prefix so they stay unique. */
function mergeSnapshots(snapshots: Snapshot[], org: string | undefined): Snapshot {
  if (snapshots.length === 1) return snapshots[0]!;
  return {
    version: 1,
    source: snapshots.map((s) => s.source).join(','),
    org: org ?? snapshots.map((s) => s.org).join(', '),
    createdAt: new Date().toISOString(),
    repos: snapshots.flatMap((s) => s.repos.map((r) => ({ ...r, name: `${s.org}/${r.name}` }))),
    people: snapshots.flatMap((s) => s.people),
    notes: snapshots.flatMap((s) => s.notes),
  };
}

/** What every source needs to know to read a repo's catalog files, from the config. */
export function readOptions(config: PortalConfig): DiscoveryOptions & Required<ReadLimits> {
  return {
    catalogPaths: config.catalog.paths,
    templateWorkflow: config.templates.workflow,
    maxAliasCount: config.limits.maxAliasCount,
    maxDocumentsPerFile: config.limits.maxDocumentsPerFile,
    maxReferencedFiles: config.limits.maxReferencedFiles,
    maxFileBytes: config.limits.maxFileBytes,
    // A docs folder (or any folder read whole) reads at most this many files, the important ones first.
    maxTreeFiles: config.limits.maxDocsFiles,
  };
}
