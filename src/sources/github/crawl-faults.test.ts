/**
 * GitHub misbehaving: each fault GitHub is known to produce (docs/github-api.md, "What errors look like"),
 * injected into the fake, must cost retries, waits or smaller pages — never data. A crawl
 * with faults ends with the same snapshot as a clean one, or, when it cannot finish, keeps
 * the last good content and says so.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCatalog } from '../../catalog/read-catalog.ts';
import type { Snapshot } from '../snapshot.ts';
import { allRepos, richOrg, testRead } from '../../../test/fakes/github/fixtures/crawl-orgs.ts';
import { crawlGitHub, type GitHubCrawlOptions } from './crawl.ts';
import type { Fault } from '../../../test/fakes/github/faults.ts';
import type { FakeOrg } from '../../../test/fakes/github/org-model.ts';
import { startFakeGitHub, type FakeGitHub } from '../../../test/fakes/github/server.ts';

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

interface Run {
  snapshot: Snapshot;
  stats: Awaited<ReturnType<typeof crawlGitHub>>['stats'];
  waits: number[];
}

async function crawl(
  org: FakeOrg,
  faults: Fault[] = [],
  extra: Partial<GitHubCrawlOptions> = {},
  server: Partial<Parameters<typeof startFakeGitHub>[0]> = {},
): Promise<Run> {
  await fake?.close();
  fake = await startFakeGitHub({ org, faults, ...server });
  const waits: number[] = [];
  const result = await crawlGitHub({
    org: org.login,
    endpoint: fake.url,
    token: 'test-token',
    read: testRead,
    filters: allRepos,
    teams: true,
    maxRateLimitWaitMs: 5 * 60_000,
    client: { sleep: async (ms) => void waits.push(ms), backoffMs: 1, timeoutMs: 2000 },
    ...extra,
  });
  return { ...result, waits };
}

/** What the catalog is made of: repos and their files, and the people. */
const content = (s: Snapshot) => ({ repos: s.repos, people: s.people });

const org = () => richOrg(30);
let clean: Snapshot | undefined;
async function cleanSnapshot(): Promise<Snapshot> {
  clean ??= (await crawl(org())).snapshot;
  return clean;
}

describe('faults that cost a retry', () => {
  it.each<[string, Fault]>([
    ['a 502 on a listing page', { kind: '502', operationName: 'OrgRepoPage', nth: 1 }],
    ['a 504 on a file request', { kind: '504', operationName: 'RepoFiles', nth: 2 }],
    ['"Something went wrong" with status 200', { kind: 'error-200', operationName: 'RepoFiles' }],
    ['a dropped connection', { kind: 'drop', operationName: 'OrgTeamsPage' }],
    ['the RATE_LIMIT variant while points remain', { kind: 'RATE_LIMIT', operationName: 'RepoFiles' }],
  ])('%s', async (_name, fault) => {
    const expected = await cleanSnapshot();
    const run = await crawl(org(), [fault]);
    expect(content(run.snapshot)).toEqual(content(expected));
    expect(run.stats.retries).toBeGreaterThanOrEqual(1);
    expect(run.snapshot.notes).toEqual([]);
  });

  it('a slow answer past the client timeout is retried', async () => {
    const run = await crawl(org(), [{ kind: 'slow', ms: 3000, operationName: 'OrgTeamsPage' }]);
    expect(content(run.snapshot)).toEqual(content(await cleanSnapshot()));
    expect(run.stats.retries).toBe(1);
  });
});

describe('rate limits', () => {
  it('a secondary limit waits for retry-after, then goes on', async () => {
    const run = await crawl(org(), [{ kind: 'secondary', retryAfterSeconds: 7, operationName: 'RepoFiles' }]);
    expect(content(run.snapshot)).toEqual(content(await cleanSnapshot()));
    expect(run.waits).toContain(7000);
  });

  it('RATE_LIMITED waits until the announced reset', async () => {
    const run = await crawl(org(), [{ kind: 'RATE_LIMITED', resetInSeconds: 120, operationName: 'OrgRepoPage', nth: 1 }]);
    expect(content(run.snapshot)).toEqual(content(await cleanSnapshot()));
    expect(run.waits).toHaveLength(1);
    expect(run.waits[0]).toBeGreaterThan(100_000);
    expect(run.waits[0]).toBeLessThan(125_000);
  });

  it('a budget used up mid-crawl waits for its reset (the fake counts real points, on a clock the waits move)', async () => {
    const expected = await cleanSnapshot();
    // Only Date is faked, and only a wait moves it: the crawl and the fake agree on the time, however busy the machine.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const waits: number[] = [];
      const sleep = async (ms: number) => {
        waits.push(ms);
        vi.setSystemTime(Date.now() + ms);
      };
      const run = await crawl(
        org(),
        [],
        { client: { sleep, backoffMs: 1 } },
        { rateLimit: { limit: 5000, remaining: 2, resetAt: new Date(Date.now() + 1500).toISOString() } },
      );
      expect(content(run.snapshot)).toEqual(content(expected));
      expect(waits.length).toBeGreaterThanOrEqual(1);
      expect(fake!.requests.some((r) => r.rateLimited)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a reset beyond the wait cap stops the crawl cleanly: nothing is lost, and it says so', async () => {
    const previous = await cleanSnapshot();
    const run = await crawl(org(), [{ kind: 'RATE_LIMITED', resetInSeconds: 3600, operationName: 'RepoFiles', times: Infinity }], {
      previous: { ...previous, repos: previous.repos.map((r) => ({ ...r, head: { commit: 'old' } })) },
      maxRateLimitWaitMs: 60_000,
    });
    // Every repo "changed" (old HEAD), none could be read: all keep their previous content, marked stale.
    expect(run.snapshot.repos.map((r) => r.files)).toEqual(previous.repos.map((r) => r.files));
    expect(run.snapshot.repos.every((r) => r.stale)).toBe(true);
    expect(run.snapshot.notes.join('\n')).toMatch(/stopped early.*resets at/);
    const catalog = readCatalog(run.snapshot);
    expect(catalog.diagnostics.filter((d) => d.rule === 'repo-stale')).toHaveLength(run.snapshot.repos.length);
    expect(catalog.diagnostics.filter((d) => d.rule === 'source-incomplete')).toHaveLength(1);
  });

  it('a listing cut short by the rate limit deletes nothing', async () => {
    const previous = await cleanSnapshot();
    const run = await crawl(org(), [{ kind: 'RATE_LIMITED', resetInSeconds: 3600, operationName: 'OrgRepoPage', nth: 1, times: Infinity }], {
      previous,
      maxRateLimitWaitMs: 1000,
      sizes: { pageSize: 10 },
    });
    expect(run.stats.listingComplete).toBe(false);
    expect(run.snapshot.repos.map((r) => r.name).sort()).toEqual(previous.repos.map((r) => r.name).sort());
    expect(run.snapshot.notes.join('\n')).toMatch(/listing of acme stopped early/);
  });
});

describe('queries too big for GitHub', () => {
  it('RESOURCE_LIMITS_EXCEEDED shrinks the page and batch sizes, and the crawl ends the same', async () => {
    const run = await crawl(org(), [], {}, { resourceLimit: 20 });
    expect(content(run.snapshot)).toEqual(content(await cleanSnapshot()));
    expect(run.stats.sizeChanges.some((c) => c.what === 'page' && c.to <= 20)).toBe(true);
    // File batches shrink too: fewer repos and objects per request after a refusal.
    expect(run.stats.sizeChanges.some((c) => (c.what === 'repos' || c.what === 'objects') && c.to < c.from)).toBe(true);
    expect(
      fake!.requests
        .filter((r) => r.operationName === 'RepoFiles' && !r.errorTypes?.length)
        .every((r) => Object.keys(r.variables).filter((k) => /^n\d+$/.test(k)).length <= 20),
    ).toBe(true);
    expect(fake!.requests.every((r) => !r.invalid?.length)).toBe(true);
  });

  it('a repo whose files never come back keeps its last good content, marked stale, and the rest goes on', async () => {
    const previous = await cleanSnapshot();
    const broken = 'svc-3';
    const touched = { ...previous, repos: previous.repos.map((r) => ({ ...r, head: { commit: 'old' } })) };
    const run = await crawl(
      org(),
      [{ kind: '502', operationName: 'RepoFiles', times: Infinity, match: (req) => Object.values(req.variables).includes(broken) }],
      { previous: touched },
    );
    const repo = run.snapshot.repos.find((r) => r.name === broken)!;
    expect(repo.stale?.reason).toMatch(/too big|kept failing|502/i);
    expect(repo.files).toEqual(previous.repos.find((r) => r.name === broken)!.files);
    // Its HEAD stays the old one, so the next crawl reads it again.
    expect(repo.head?.commit).toBe('old');
    const others = run.snapshot.repos.filter((r) => r.name !== broken);
    expect(others.every((r) => !r.stale)).toBe(true);
    expect(others.map((r) => r.files)).toEqual(previous.repos.filter((r) => r.name !== broken).map((r) => r.files));
  });
});

describe('a failure no one planned for', () => {
  it('a token that expires mid-crawl (401 on the file reads) stops the crawl cleanly and says so: it never hangs', async () => {
    const run = await crawl(org(), [{ kind: '401', operationName: 'RepoFiles', times: Infinity }]);
    expect(run.snapshot.notes.join('\n')).toMatch(/stopped early/);
    // Nothing could be read: every repo is there, marked stale, for the next crawl to read again.
    expect(run.snapshot.repos.length).toBeGreaterThan(0);
    expect(run.snapshot.repos.filter((r) => r.name !== 'no-catalog').every((r) => r.stale)).toBe(true);
  });
});

describe('last-updated dates', () => {
  const withoutDates = (s: Snapshot) => s.repos.map(({ fileDates: _dates, ...repo }) => repo);

  it('a date request that keeps failing leaves the crawl complete: the pages just have no dates', async () => {
    const expected = await cleanSnapshot();
    const run = await crawl(org(), [{ kind: '502', operationName: 'FileDates', times: Infinity }]);
    expect(withoutDates(run.snapshot)).toEqual(withoutDates(expected));
    expect(run.snapshot.people).toEqual(expected.people);
    expect(run.snapshot.repos.some((r) => r.stale || r.fileDates)).toBe(false);
    expect(run.snapshot.notes).toEqual([
      expect.stringMatching(/^Last-updated dates of 60 docs page\(s\) in acme could not be read \(.+\); those pages show their repo's last commit date/),
    ]);
    expect(run.stats.fileDates).toEqual({ read: 0, reused: 0, missing: 60 });
    // Smaller batches, then it stops asking: a bounded number of tries, not one per page.
    expect(fake!.requests.filter((r) => r.operationName === 'FileDates').length).toBeLessThanOrEqual(10);
  });

  it('RESOURCE_LIMITS_EXCEEDED on a date request shrinks the batch, and every date still arrives', async () => {
    const run = await crawl(org(), [{ kind: 'RESOURCE_LIMITS_EXCEEDED', operationName: 'FileDates', nth: 1 }]);
    expect(content(run.snapshot)).toEqual(content(await cleanSnapshot()));
    expect(run.snapshot.repos.filter((r) => r.fileDates)).toHaveLength(30);
    expect(run.stats.sizeChanges).toContainEqual({ what: 'dates', from: 100, to: 50 });
    expect(run.snapshot.notes).toEqual([]);
  });
});

describe('everything at once', () => {
  it('a crawl through a storm of faults ends with the same catalog as a clean one', async () => {
    const faults: Fault[] = [
      { kind: '502', operationName: 'OrgRepoPage', nth: 1 },
      { kind: 'secondary', retryAfterSeconds: 3, operationName: 'OrgRepoPage', nth: 2 },
      { kind: 'RESOURCE_LIMITS_EXCEEDED', operationName: 'RepoFiles', limit: 5, nth: 1 },
      { kind: 'drop', operationName: 'RepoFiles', nth: 3 },
      { kind: 'error-200', operationName: 'RepoFiles', nth: 5 },
      { kind: 'RATE_LIMITED', resetInSeconds: 30, operationName: 'OrgTeamsPage' },
    ];
    const run = await crawl(org(), faults, { sizes: { pageSize: 10 } });
    expect(content(run.snapshot)).toEqual(content(await cleanSnapshot()));
    expect(run.stats.retries).toBeGreaterThanOrEqual(4);
    expect(fake!.requests.every((r) => !r.invalid?.length)).toBe(true);
    expect(Math.max(...fake!.requests.map((r) => r.maxInFlight ?? 1))).toBe(1);
  });
});
