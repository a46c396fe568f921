/**
 * The crawler against the fake GitHub (GitHub's real schema, cursor
 * pagination, rate-limit accounting): what a crawl reads, how many requests
 * it spends cold and incrementally, and that every query it sends is valid.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readCatalog } from '../../catalog/read-catalog.ts';
import { changeRepoFile, removeRepo } from '../../../test/fakes/github/load-org.ts';
import { allRepos, richOrg, testRead } from '../../../test/fakes/github/fixtures/crawl-orgs.ts';
import type { FakeOrg } from '../../../test/fakes/github/org-model.ts';
import { startFakeGitHub, type FakeGitHub } from '../../../test/fakes/github/server.ts';
import { crawlGitHub, type GitHubCrawlOptions } from './crawl.ts';

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function crawl(org: FakeOrg, extra: Partial<GitHubCrawlOptions> = {}, serverOptions: Partial<Parameters<typeof startFakeGitHub>[0]> = {}) {
  fake ??= await startFakeGitHub({ org, ...serverOptions });
  return crawlGitHub({
    org: org.login,
    endpoint: fake.url,
    token: 'test-token',
    read: testRead,
    filters: allRepos,
    teams: true,
    maxRateLimitWaitMs: 60_000,
    client: { sleep: async () => {}, backoffMs: 1 },
    ...extra,
  });
}

const invalidQueries = () => fake!.requests.filter((r) => r.invalid && r.invalid.length > 0).map((r) => ({ op: r.operationName, errors: r.invalid }));

describe('a cold crawl', () => {
  it('reads what the catalog needs: catalog files, Location targets, placeholders, README, CODEOWNERS and TechDocs', async () => {
    const { snapshot, stats } = await crawl(richOrg(3));
    expect(invalidQueries()).toEqual([]);
    expect(snapshot.repos.map((r) => r.name)).toEqual(['no-catalog', 'svc-0', 'svc-1', 'svc-2']);
    const svc = snapshot.repos.find((r) => r.name === 'svc-1')!;
    expect(svc).toMatchObject({
      url: expect.stringContaining('/acme/svc-1'),
      description: 'Service 1',
      topics: ['backend'],
      visibility: 'public',
      githubId: expect.any(String),
      head: { commit: expect.stringMatching(/^[0-9a-f]{40}$/) },
    });
    expect(Object.keys(svc.files).sort()).toEqual([
      '.github/CODEOWNERS',
      'README.md',
      'catalog-info.yaml',
      'catalog/api.yaml',
      'catalog/api/openapi.yaml',
      'docs/guides/deep/deeper/setup.md',
      'docs/index.md',
      'mkdocs.yaml',
      'mkdocs.yml',
    ]);
    // Asked for and absent (from the listing's root names, without a request): recorded as such.
    expect(svc.files['mkdocs.yaml']).toEqual({ status: 'missing' });
    expect(svc.trees['docs']).toEqual({ paths: ['docs/guides/deep/deeper/setup.md', 'docs/index.md'], truncated: false });
    // The private and the archived repo are filtered out by GitHub itself (privacy: PUBLIC, isArchived: false).
    expect(stats).toMatchObject({ reposListed: 4, reposSelected: 4, reposChanged: 4, listingComplete: true });
    expect(snapshot.people[0]?.teams.map((t) => t.slug)).toEqual(['engineering', 'payments']);
  });

  it('gives the catalog the same entities as the repos hold', async () => {
    const { snapshot } = await crawl(richOrg(3));
    const catalog = readCatalog(snapshot, undefined, { inferMissing: true });
    expect(catalog.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(catalog.entities.map((e) => e.ref).sort()).toEqual([
      'api:default/svc-0-api',
      'api:default/svc-1-api',
      'api:default/svc-2-api',
      'component:default/no-catalog',
      'component:default/svc-0',
      'component:default/svc-1',
      'component:default/svc-2',
      'group:default/engineering',
      'group:default/payments',
      'location:default/svc-0-more',
      'location:default/svc-1-more',
      'location:default/svc-2-more',
      'user:default/cto',
      'user:default/jane',
    ]);
    expect(catalog.entities.find((e) => e.ref === 'api:default/svc-1-api')?.json.spec['definition']).toContain('title: svc-1');
  });

  it('publishes public repos only by default; private and archived ones are opt-in', async () => {
    const org = richOrg(1);
    expect((await crawl(org)).snapshot.repos.map((r) => r.name)).not.toContain('secret');
    const both = await crawl(org, { filters: { ...allRepos, archived: true, visibility: ['public', 'private'] } });
    expect(both.snapshot.repos.map((r) => r.name)).toEqual(expect.arrayContaining(['secret', 'old']));
    expect(both.snapshot.repos.find((r) => r.name === 'secret')?.visibility).toBe('private');
  });

  it('filters by name patterns and topics', async () => {
    const { snapshot } = await crawl(richOrg(4), {
      filters: { ...allRepos, include: ['svc-*'], exclude: ['svc-3'], topics: { include: ['backend'], exclude: [] } },
    });
    expect(snapshot.repos.map((r) => r.name)).toEqual(['svc-1']);
  });
});

describe('request counts', () => {
  it('lists 230 repos in 3 pages and reads their files in a handful of batched requests', async () => {
    const org = richOrg(230);
    const { stats } = await crawl(org);
    const ops = fake!.requests.map((r) => r.operationName);
    expect(ops.filter((o) => o === 'OrgRepoPage')).toHaveLength(3);
    expect(ops.filter((o) => o === 'OrgTeamsPage')).toHaveLength(1);
    // Every repo here needs three rounds: README/CODEOWNERS + Location target + docs folder; the docs
    // folder's 4th level; the target's placeholder. About 26 repos fit a request with a folder, 40
    // deeper folders, 100 single files: 9 + 6 + 3 requests, where one per file would be ~1,600.
    expect(ops.filter((o) => o === 'RepoFiles').length).toBeLessThanOrEqual(18);
    expect(stats.requests).toBe(fake!.requests.length);
    expect(invalidQueries()).toEqual([]);
  });

  it('reads nothing again when no HEAD moved, and only the changed repos when some did', async () => {
    const org = richOrg(60);
    const cold = await crawl(org);
    fake!.clearRequests();
    const warm = await crawl(org, { previous: cold.snapshot });
    expect(fake!.requests.map((r) => r.operationName)).toEqual(['OrgRepoPage', 'OrgTeamsPage']);
    expect(warm.stats).toMatchObject({ reposChanged: 0, reposUnchanged: 61 });
    expect(warm.snapshot.repos).toEqual(cold.snapshot.repos);

    changeRepoFile(org, 'svc-7', 'docs/index.md', '# changed\n');
    changeRepoFile(org, 'svc-8', 'catalog/api/openapi.yaml', 'openapi: 3.1.0\n');
    fake!.clearRequests();
    const changed = await crawl(org, { previous: warm.snapshot });
    expect(changed.stats).toMatchObject({ reposChanged: 2, reposUnchanged: 59 });
    expect(fake!.requests.filter((r) => r.operationName === 'RepoFiles').length).toBeLessThanOrEqual(4);
    const svc7 = changed.snapshot.repos.find((r) => r.name === 'svc-7')!;
    expect(svc7.files['docs/index.md']).toMatchObject({ text: '# changed\n' });
    expect(changed.snapshot.repos.find((r) => r.name === 'svc-8')!.files['catalog/api/openapi.yaml']).toMatchObject({ text: 'openapi: 3.1.0\n' });
  });

  it('drops a repo that disappeared from a complete listing', async () => {
    const org = richOrg(3);
    const cold = await crawl(org);
    removeRepo(org, 'svc-1');
    const next = await crawl(org, { previous: cold.snapshot });
    expect(next.snapshot.repos.map((r) => r.name)).toEqual(['no-catalog', 'svc-0', 'svc-2']);
    expect(next.stats.reposDropped).toBe(1);
  });
});

describe('last-updated dates of docs pages', () => {
  const datesRequests = () => fake!.requests.filter((r) => r.operationName === 'FileDates');
  /** Pages asked for in FileDates requests (one `$p<i>_<j>` variable each). */
  const pagesAsked = () =>
    datesRequests().flatMap((r) =>
      Object.keys(r.variables)
        .filter((k) => /^p\d+_\d+$/.test(k))
        .map((k) => r.variables[k]),
    );
  const datedOrg = () => {
    const org = richOrg(3);
    org.repos.find((r) => r.name === 'svc-1')!.fileDates = { 'docs/index.md': '2023-05-05T00:00:00Z' };
    return org;
  };

  it("reads the dates of changed repos' docs pages in one extra request", async () => {
    const { snapshot, stats } = await crawl(datedOrg());
    expect(invalidQueries()).toEqual([]);
    expect(datesRequests()).toHaveLength(1);
    expect(datesRequests()[0]!.cost).toBe(1);
    const byName = Object.fromEntries(snapshot.repos.map((r) => [r.name, r.fileDates]));
    // Checked where they enter, and written as toISOString() writes them.
    expect(byName['svc-1']).toEqual({ 'docs/guides/deep/deeper/setup.md': '2024-01-01T00:00:00.000Z', 'docs/index.md': '2023-05-05T00:00:00.000Z' });
    expect(Object.keys(byName['svc-0']!)).toEqual(['docs/guides/deep/deeper/setup.md', 'docs/index.md']);
    // README.md, catalog files and other repos' files are not pages: no dates asked.
    expect(byName['no-catalog']).toBeUndefined();
    expect(pagesAsked()).toHaveLength(6);
    expect(stats.fileDates).toEqual({ read: 6, reused: 0, missing: 0 });
  });

  it('asks nothing when no HEAD moved, and only for edited pages after a push', async () => {
    const org = datedOrg();
    const cold = await crawl(org);
    fake!.clearRequests();
    const warm = await crawl(org, { previous: cold.snapshot });
    expect(datesRequests()).toHaveLength(0);
    expect(warm.snapshot.repos).toEqual(cold.snapshot.repos);
    expect(warm.stats.fileDates).toEqual({ read: 0, reused: 6, missing: 0 });

    changeRepoFile(org, 'svc-1', 'docs/guides/deep/deeper/setup.md', '# Setup v2\n');
    changeRepoFile(org, 'svc-2', 'catalog/api/openapi.yaml', 'openapi: 3.1.0\n');
    fake!.clearRequests();
    const pushed = await crawl(org, { previous: warm.snapshot });
    expect(pagesAsked()).toEqual(['docs/guides/deep/deeper/setup.md']);
    const svc1 = pushed.snapshot.repos.find((r) => r.name === 'svc-1')!;
    expect(svc1.fileDates).toEqual({ 'docs/guides/deep/deeper/setup.md': '2024-01-01T01:00:00.000Z', 'docs/index.md': '2023-05-05T00:00:00.000Z' });
    expect(svc1.head?.date).toBe('2024-01-01T01:00:00.000Z');
  });

  it('dates the pages of unchanged repos crawled before dates existed, without reading their files again', async () => {
    const org = datedOrg();
    const cold = await crawl(org);
    const undated = { ...cold.snapshot, repos: cold.snapshot.repos.map(({ fileDates: _, ...repo }) => repo) };
    fake!.clearRequests();
    const next = await crawl(org, { previous: undated });
    expect(fake!.requests.map((r) => r.operationName)).toEqual(['OrgRepoPage', 'FileDates', 'OrgTeamsPage']);
    expect(next.snapshot.repos).toEqual(cold.snapshot.repos);
  });
});
