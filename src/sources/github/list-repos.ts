/**
 * Phase A of a crawl: list every repository of the organization, with its
 * metadata, HEAD commit, root folder names and catalog file text, page by
 * page (CREATED_AT order, so repos pushed during the crawl do not move
 * between pages). The page size adapts to GitHub's limits. A listing that
 * stops early says so (`complete: false`): then nothing may be deleted.
 */
import { parseDate, parseWebUrl, showValue as shown } from '../checked-values.ts';
import type { RepoFile, RepoProblem } from '../snapshot.ts';
import { AdaptiveSize } from './adaptive-size.ts';
import { CrawlStoppedError, QueryTooBigError, type GitHubClient } from './client.ts';
import { orgRepoPageQuery, type ListingFilters } from './queries.ts';

export interface ListedRepo {
  id: string;
  name: string;
  /** Absent when GitHub's value was not a valid web URL (then `problems` says so). */
  url?: string;
  description?: string;
  visibility: 'public' | 'private' | 'internal';
  archived: boolean;
  fork: boolean;
  isTemplate: boolean;
  language?: string;
  topics: string[];
  defaultBranch?: string;
  head?: { commit: string; date?: string };
  /** Names at the repo root (undefined when GitHub gave no tree): absent well-known files need no request. */
  rootEntries?: Set<string>;
  /** The configured catalog paths' content, from the listing itself. */
  catalogFiles: Record<string, RepoFile>;
  /** A URL or date GitHub gave that was invalid, and left out. */
  problems: RepoProblem[];
}

export interface Listing {
  repos: ListedRepo[];
  complete: boolean;
  /** Why the listing stopped early. */
  stoppedBecause?: string;
  orgUrl?: string;
  totalCount?: number;
}

export class OrgNotFoundError extends Error {
  override name = 'OrgNotFoundError';
}

interface BlobNode {
  __typename?: string;
  byteSize?: number;
  isBinary?: boolean;
  isTruncated?: boolean;
  text?: string | null;
}

interface RepoNode {
  id: string;
  name: string;
  url: string;
  description: string | null;
  visibility: 'PUBLIC' | 'PRIVATE' | 'INTERNAL';
  isArchived: boolean;
  isFork: boolean;
  isTemplate: boolean;
  isEmpty: boolean;
  primaryLanguage: { name: string } | null;
  repositoryTopics: { nodes: { topic: { name: string } }[] };
  defaultBranchRef: { name: string; target: { oid: string; committedDate?: string | null } } | null;
  root: { entries?: { name: string; type: string }[] } | null;
  [catalog: `c${number}`]: BlobNode | null;
}

interface PageData {
  organization: {
    url: string;
    repositories: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: RepoNode[] };
  } | null;
}

export interface ListOptions {
  org: string;
  catalogPaths: readonly string[];
  filters: ListingFilters;
  pageSize: AdaptiveSize;
  maxFileBytes: number;
  onPage?: (listed: number, total: number | undefined) => void;
}

export async function listRepositories(client: GitHubClient, options: ListOptions): Promise<Listing> {
  const query = orgRepoPageQuery(options.catalogPaths.length, options.filters);
  const catalogVars = Object.fromEntries(options.catalogPaths.map((p, i) => [`c${i}`, `HEAD:${p}`]));
  const repos: ListedRepo[] = [];
  let cursor: string | null = null;
  let orgUrl: string | undefined;
  let totalCount: number | undefined;
  for (;;) {
    let page: PageData;
    try {
      const result = await client.query<PageData>(query, { org: options.org, pageSize: options.pageSize.current, cursor, ...catalogVars });
      page = result.data;
      if (!page.organization)
        throw new OrgNotFoundError(
          `GitHub has no organization "${options.org}" that this token can see. Check the name in --source github:<org>, and that the token has access to it.`,
        );
    } catch (error) {
      if (error instanceof QueryTooBigError && options.pageSize.shrink()) continue; // same cursor, smaller page
      if (error instanceof CrawlStoppedError || error instanceof QueryTooBigError) {
        return { repos, complete: false, stoppedBecause: error.message, ...(orgUrl ? { orgUrl } : {}) };
      }
      throw error;
    }
    options.pageSize.succeeded();
    const connection = page.organization.repositories;
    orgUrl = parseWebUrl(page.organization.url);
    totalCount = connection.totalCount;
    for (const node of connection.nodes) repos.push(toListedRepo(node, options));
    options.onPage?.(repos.length, totalCount);
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    cursor = connection.pageInfo.endCursor;
  }
  return { repos, complete: true, ...(orgUrl ? { orgUrl } : {}), totalCount: totalCount ?? repos.length };
}

function toListedRepo(node: RepoNode, options: ListOptions): ListedRepo {
  const target = node.defaultBranchRef?.target;
  const catalogFiles: Record<string, RepoFile> = {};
  options.catalogPaths.forEach((path, i) => {
    catalogFiles[path] = blobToRepoFile(node[`c${i}`] ?? null, options.maxFileBytes);
  });
  // Checked here, where they enter: every later stage may take them as valid.
  const problems: RepoProblem[] = [];
  const url = parseWebUrl(node.url);
  if (!url)
    problems.push({
      rule: 'repo-url-invalid',
      message: `GitHub gave ${node.name} the web URL ${shown(node.url)}, which is not a valid http(s) URL; the portal shows no links to the repository.`,
    });
  const date = target?.committedDate === undefined || target.committedDate === null ? undefined : parseDate(target.committedDate);
  if (target?.committedDate && !date)
    problems.push({
      rule: 'repo-date-invalid',
      message: `GitHub gave the HEAD commit of ${node.name} the date ${shown(target.committedDate)}, which is not a valid date between years 0000 and 9999; the portal shows it as unknown.`,
    });
  return {
    id: node.id,
    name: node.name,
    ...(url ? { url } : {}),
    ...(node.description ? { description: node.description } : {}),
    visibility: node.visibility.toLowerCase() as ListedRepo['visibility'],
    archived: node.isArchived,
    fork: node.isFork,
    isTemplate: node.isTemplate,
    ...(node.primaryLanguage ? { language: node.primaryLanguage.name } : {}),
    topics: node.repositoryTopics.nodes.map((t) => t.topic.name),
    ...(node.defaultBranchRef ? { defaultBranch: node.defaultBranchRef.name } : {}),
    ...(target ? { head: date ? { commit: target.oid, date } : { commit: target.oid } } : {}),
    ...(node.root?.entries ? { rootEntries: new Set(node.root.entries.map((e) => e.name)) } : {}),
    catalogFiles,
    problems,
  };
}

/** A GitHub Blob (or its absence) as a snapshot file. */
export function blobToRepoFile(blob: BlobNode | null, maxFileBytes: number): RepoFile {
  if (!blob) return { status: 'missing' };
  if (blob.__typename && blob.__typename !== 'Blob')
    return { status: 'unreadable', reason: `it is a ${blob.__typename === 'Tree' ? 'folder' : blob.__typename}` };
  const size = blob.byteSize ?? 0;
  if (size > maxFileBytes) return { status: 'too-large', size, limit: maxFileBytes };
  if (blob.isBinary) return { status: 'binary', size };
  // GitHub cuts Blob.text at 512,000 bytes; a cut file is as good as unread.
  if (blob.isTruncated || blob.text === null || blob.text === undefined) return { status: 'too-large', size, limit: Math.min(maxFileBytes, 512_000) };
  return { status: 'text', text: blob.text, size };
}
