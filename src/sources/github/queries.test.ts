/**
 * Every document the crawler can send, validated against GitHub's schema and
 * GitHub's own rules (page sizes 1..100, ≤ 100 ids, ≤ 500,000 nodes) at the
 * largest sizes the crawler uses. A field GitHub drops fails here, not in a
 * nightly build.
 */
import { describe, expect, it } from 'vitest';
import { checkGitHubQuery, validateGitHubQuery } from '../../../test/fakes/github/schema.ts';
import { defaultCrawlSizes } from './crawl.ts';
import { ORG_TEAMS_PAGE, TEAM_MEMBERS_PAGE, fileDatesQuery, orgRepoPageQuery, repoFilesQuery, treeSelection } from './queries.ts';

describe("the crawler's queries are valid GitHub GraphQL", () => {
  const filterCombos = [
    {},
    { isArchived: false },
    { isFork: false, privacy: 'PUBLIC' as const },
    { isArchived: false, isFork: false, privacy: 'PRIVATE' as const },
  ];
  it.each(filterCombos.flatMap((filters) => [1, 3].map((paths) => ({ filters, paths }))))(
    'OrgRepoPage with $paths catalog path(s) and filters $filters',
    ({ filters, paths }) => {
      const variables = {
        org: 'acme',
        pageSize: defaultCrawlSizes.pageSize,
        cursor: 'Y3Vyc29y',
        ...Object.fromEntries(Array.from({ length: paths }, (_, i) => [`c${i}`, `HEAD:catalog-${i}.yaml`])),
      };
      expect(validateGitHubQuery(orgRepoPageQuery(paths, filters), variables)).toEqual([]);
      expect(checkGitHubQuery(orgRepoPageQuery(paths, filters), variables).nodeCount).toBeLessThanOrEqual(5_000);
    },
  );

  it('RepoFiles with the most repos and objects a batch holds, files and folders of every depth', () => {
    const batch = Array.from({ length: defaultCrawlSizes.batchRepos }, (_, i) => ({
      repo: `repo-${i}`,
      files: [
        { kind: 'blob' as const, expression: 'HEAD:README.md' },
        { kind: 'tree' as const, expression: 'HEAD:docs', depth: 1 + (i % 3) },
      ],
    }));
    const { query, variables } = repoFilesQuery(batch);
    expect(validateGitHubQuery(query, { owner: 'acme', ...variables })).toEqual([]);
    // No connections: the minimum cost, whatever the batch size.
    expect(checkGitHubQuery(query, { owner: 'acme', ...variables }).cost).toBe(1);
  });

  it('FileDates with the most pages a batch holds, across repos or in one: a point per 100 history lookups', () => {
    const commit = 'a'.repeat(40);
    const pages = (n: number) => Array.from({ length: n }, (_, j) => `docs/page-${j}.md`);
    const acrossRepos = Array.from({ length: defaultCrawlSizes.batchDates / 4 }, (_, i) => ({ repo: `repo-${i}`, commit, paths: pages(4) }));
    for (const batch of [acrossRepos, [{ repo: 'big', commit, paths: pages(defaultCrawlSizes.batchDates) }]]) {
      const { query, variables } = fileDatesQuery(batch);
      expect(validateGitHubQuery(query, { owner: 'acme', ...variables })).toEqual([]);
      expect(checkGitHubQuery(query, { owner: 'acme', ...variables })).toMatchObject({ cost: 1, nodeCount: defaultCrawlSizes.batchDates });
    }
    const twice = fileDatesQuery([{ repo: 'big', commit, paths: pages(2 * defaultCrawlSizes.batchDates) }]);
    expect(checkGitHubQuery(twice.query, { owner: 'acme', ...twice.variables }).cost).toBe(2);
  });

  it('folder selections nest as deep as asked', () => {
    expect(treeSelection(3).match(/entries/g)).toHaveLength(3);
    expect(treeSelection(1).match(/entries/g)).toHaveLength(1);
  });

  it('OrgTeamsPage and TeamMembersPage at their largest page sizes', () => {
    const teams = { org: 'acme', pageSize: defaultCrawlSizes.teamsPageSize, membersPageSize: defaultCrawlSizes.membersPageSize, cursor: null };
    expect(validateGitHubQuery(ORG_TEAMS_PAGE, teams)).toEqual([]);
    expect(checkGitHubQuery(ORG_TEAMS_PAGE, teams).nodeCount).toBe(defaultCrawlSizes.teamsPageSize * (1 + defaultCrawlSizes.membersPageSize));
    expect(validateGitHubQuery(TEAM_MEMBERS_PAGE, { org: 'acme', slug: 'core', pageSize: 100, cursor: 'x' })).toEqual([]);
  });

  it('would catch a mistake: an unknown field and an oversized page are reported', () => {
    expect(validateGitHubQuery(ORG_TEAMS_PAGE.replace('avatarUrl', 'avatarURL'), { org: 'acme', pageSize: 10, membersPageSize: 10 })).not.toEqual([]);
    expect(validateGitHubQuery(ORG_TEAMS_PAGE, { org: 'acme', pageSize: 101, membersPageSize: 10 }).join('\n')).toMatch(/101/);
  });
});
