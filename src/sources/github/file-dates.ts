/**
 * "Last updated" dates of TechDocs pages, read once discovery is done: one
 * `history(first: 1, path:)` per page at the commit the pages were read at,
 * the pages of many repos in each `FileDates` request (queries.ts), as many
 * as the adaptive size allows. A page whose text is the same as in the
 * previous snapshot keeps its date, so an unchanged repo costs nothing and a
 * push that edits one page asks for one date; a repo crawled before dates
 * existed gets them on its next crawl. Dates are a nicety: when GitHub fails
 * or stops the crawl, pages simply have none (they show the repo's date) and
 * the next crawl asks again.
 */
import { parseDate, showValue } from '../checked-values.ts';
import { docsPagePaths } from '../docs-pages.ts';
import type { Repo } from '../snapshot.ts';
import type { AdaptiveSize } from './adaptive-size.ts';
import { CrawlStoppedError, GitHubAuthError, GitHubQueryError, GitHubUnreachableError, QueryTooBigError, type GitHubClient } from './client.ts';
import { fileDatesQuery, type RepoDateRequests } from './queries.ts';

export interface FileDatesOptions {
  org: string;
  /** Pages per request, adaptive (100 cost one point). */
  pages: AdaptiveSize;
  /** The previous crawl's repos, by GitHub id. */
  previous: ReadonlyMap<string, Repo>;
  /** Set when the crawl has stopped (rate limit, GitHub failing): no requests, known dates only. */
  stopped?: string | undefined;
  onAsk?: (pages: number) => void;
}

export interface FileDatesStats {
  /** Dates read from GitHub this crawl. */
  read: number;
  /** Dates kept from the previous crawl. */
  reused: number;
  /** Pages left without a date. */
  missing: number;
}

interface Wanted {
  repo: Repo;
  path: string;
}

/** Sets `fileDates` of each repo (only the repos given: pass those whose files were read this crawl or reused). */
export async function addFileDates(client: GitHubClient, repos: readonly Repo[], options: FileDatesOptions): Promise<{ stats: FileDatesStats; note?: string }> {
  const dates = new Map<Repo, Record<string, string>>();
  const wanted: Wanted[] = [];
  let reused = 0;
  for (const repo of repos) {
    const before = repo.githubId ? options.previous.get(repo.githubId) : undefined;
    const known: Record<string, string> = {};
    for (const path of docsPagePaths(repo)) {
      const date = sameText(before, repo, path) ? before?.fileDates?.[path] : undefined;
      if (date) {
        known[path] = date;
        reused++;
      } else if (repo.head) wanted.push({ repo, path });
    }
    dates.set(repo, known);
  }

  let read = 0;
  let problem: string | undefined;
  if (wanted.length > 0 && !options.stopped) {
    options.onAsk?.(wanted.length);
    const result = await fetchDates(client, wanted, options);
    problem = result.problem;
    for (const [item, date] of result.dates) {
      dates.get(item.repo)![item.path] = date;
      read++;
    }
    reportInvalid(result.invalid);
  }
  for (const [repo, known] of dates) {
    if (Object.keys(known).length > 0) repo.fileDates = known;
    else delete repo.fileDates;
  }
  const missing = wanted.length - read;
  const stats = { read, reused, missing };
  if (!problem) return { stats };
  return {
    stats,
    note: `Last-updated dates of ${missing} docs page(s) in ${options.org} could not be read (${problem}); those pages show their repo's last commit date until the next crawl reads them.`,
  };
}

/** The previous crawl saw this page with the same text: its last change is the one it recorded. */
function sameText(before: Repo | undefined, repo: Repo, path: string): boolean {
  const then = before?.files[path];
  const now = repo.files[path];
  return then?.status === 'text' && now?.status === 'text' && then.text === now.text;
}

/** Pages whose date GitHub gave as something no date can be: undated, and said so once per repo. */
function reportInvalid(invalid: ReadonlyMap<Wanted, string>): void {
  const byRepo = new Map<Repo, [Wanted, string][]>();
  for (const entry of invalid) byRepo.set(entry[0].repo, [...(byRepo.get(entry[0].repo) ?? []), entry]);
  for (const [repo, entries] of byRepo) {
    const [first, value] = entries[0]!;
    const more = entries.length > 1 ? ` (and ${entries.length - 1} more page(s))` : '';
    (repo.problems ??= []).push({
      rule: 'repo-date-invalid',
      path: first.path,
      message: `GitHub gave the last commit of ${showValue(first.path)}${more} the date ${showValue(value)}, which is not a valid date between years 0000 and 9999; those pages show no last-updated date.`,
    });
  }
}

async function fetchDates(
  client: GitHubClient,
  wanted: Wanted[],
  options: FileDatesOptions,
): Promise<{ dates: Map<Wanted, string>; invalid: Map<Wanted, string>; problem?: string }> {
  const dates = new Map<Wanted, string>();
  const invalid = new Map<Wanted, string>();
  let rest = wanted;
  while (rest.length > 0) {
    const batch = rest.slice(0, options.pages.current);
    try {
      await fetchBatch(client, batch, options.org, dates, invalid);
      options.pages.succeeded();
    } catch (error) {
      // Smaller and again; when even the smallest batch fails, GitHub will not give dates today:
      // stop asking rather than spend the crawl's requests on a nicety.
      if (error instanceof QueryTooBigError && options.pages.shrink()) continue;
      if (
        error instanceof QueryTooBigError ||
        error instanceof CrawlStoppedError ||
        error instanceof GitHubQueryError ||
        error instanceof GitHubAuthError ||
        error instanceof GitHubUnreachableError
      ) {
        return { dates, invalid, problem: error.message };
      }
      throw error;
    }
    rest = rest.slice(batch.length);
  }
  return { dates, invalid };
}

type DatesData = Record<string, { c?: Record<string, { nodes?: ({ committedDate?: string } | null)[] } | null> | null } | null>;

async function fetchBatch(client: GitHubClient, batch: Wanted[], org: string, dates: Map<Wanted, string>, invalid: Map<Wanted, string>): Promise<void> {
  // `wanted` lists each repo's pages together: consecutive items of one repo share an alias.
  const groups: Wanted[][] = [];
  for (const item of batch) {
    const last = groups.at(-1);
    if (last && last[0]!.repo === item.repo) last.push(item);
    else groups.push([item]);
  }
  const requests: RepoDateRequests[] = groups.map((group) => ({
    repo: group[0]!.repo.name,
    commit: group[0]!.repo.head!.commit,
    paths: group.map((item) => item.path),
  }));
  const { query, variables } = fileDatesQuery(requests);
  // Partial answers (a repo deleted since the listing) just leave those pages undated.
  const { data } = await client.query<DatesData>(query, { owner: org, ...variables });
  groups.forEach((group, i) => {
    const commit = data[`r${i}`]?.c;
    group.forEach((item, j) => {
      const raw = commit?.[`h${j}`]?.nodes?.[0]?.committedDate;
      if (raw === undefined || raw === null) return;
      const date = parseDate(raw);
      if (date) dates.set(item, date);
      else invalid.set(item, String(raw));
    });
  });
}
