/**
 * Every operation of the query set the crawler started from
 * (fixtures/github-queries.graphql) runs against the fake without
 * errors: each field the crawler will ask for is modelled.
 */
import { graphql } from '@octokit/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_SET, smallOrg } from './fixtures/test-orgs.ts';
import { startFakeGitHub, type FakeGitHub } from './server.ts';

let fake: FakeGitHub;
let gql: typeof graphql;
// The crawler sends one document per operation or the whole file with operationName; this sends the whole file.
const run = <T>(operationName: string, variables: Record<string, unknown>) => gql<T>(QUERY_SET, { operationName, ...variables });
const FILES = { catalogExpr: 'HEAD:catalog-info.yaml', docsExpr: 'HEAD:docs' };

beforeAll(async () => {
  fake = await startFakeGitHub({ org: smallOrg('acme') });
  gql = graphql.defaults({ url: fake.url, headers: { authorization: 'token test-token' } });
});
afterAll(() => fake.close());

describe('research query set against the fake', () => {
  it('OrgRepoPage: RepoMeta, change markers and the optional catalog text', async () => {
    const result = await run<{ rateLimit: { nodeCount: number }; organization: { repositories: { nodes: Record<string, unknown>[] } } }>('OrgRepoPage', {
      org: 'acme',
      pageSize: 25,
      ...FILES,
      withCatalogText: true,
    });
    expect(result.rateLimit.nodeCount).toBe(525);
    const [payments, legacy, empty] = result.organization.repositories.nodes;
    const repo = fake.org().repos[0]!;
    expect(payments).toMatchObject({
      id: repo.id,
      name: 'payments',
      nameWithOwner: 'acme/payments',
      url: 'https://github.com/acme/payments',
      description: 'Takes money',
      homepageUrl: null,
      visibility: 'PUBLIC',
      isArchived: false,
      archivedAt: null,
      isFork: false,
      isTemplate: false,
      isEmpty: false,
      isDisabled: false,
      createdAt: '2020-01-01T00:00:00Z',
      primaryLanguage: { name: 'TypeScript', color: '#3178c6' },
      repositoryTopics: { totalCount: 2, nodes: [{ topic: { name: 'backend' } }, { topic: { name: 'payments' } }] },
      defaultBranchRef: { name: 'main', target: { __typename: 'Commit', oid: repo.headOid, committedDate: '2024-01-01T00:00:00Z' } },
      catalog: { __typename: 'Blob', byteSize: 43, isTruncated: false, text: 'kind: Component\nmetadata:\n  name: payments\n' },
      docsTree: { __typename: 'Tree' },
    });
    expect(typeof payments!['databaseId']).toBe('number');
    expect(legacy).toMatchObject({ visibility: 'PRIVATE', isArchived: true, archivedAt: '2024-01-01T00:00:00Z', catalog: null, docsTree: null });
    expect(empty).toMatchObject({ isEmpty: true, defaultBranchRef: null, catalog: null });
  });

  it('RepoDetailsByIds: files, CODEOWNERS in .github/, and a three-level docs tree', async () => {
    const ids = fake.org().repos.map((repo) => repo.id);
    const result = await run<{ nodes: Record<string, unknown>[] }>('RepoDetailsByIds', { ids, ...FILES, withDocs: true });
    const payments = result.nodes[0]!;
    expect(payments).toMatchObject({
      __typename: 'Repository',
      nameWithOwner: 'acme/payments',
      catalog: { __typename: 'Blob' },
      codeownersGithub: { text: '* @acme/core\n' },
      codeownersRoot: null,
      codeownersDocs: null,
      mkdocs: { text: 'site_name: Payments\n' },
      readme: { text: '# Payments\n' },
    });
    const docs = payments['docs'] as { entries: { name: string; object: { entries?: { name: string; object: { entries?: { name: string }[] } }[] } }[] };
    const guides = docs.entries.find((entry) => entry.name === 'guides')!;
    expect(guides.object.entries!.find((entry) => entry.name === 'deep')!.object.entries).toEqual([
      { name: 'more.md', path: 'docs/guides/deep/more.md', type: 'blob', size: 7, oid: expect.stringMatching(/^[0-9a-f]{40}$/) },
    ]);
    expect(result.nodes[2]).toMatchObject({ nameWithOwner: 'acme/empty', defaultBranchRef: null, docs: null });
  });

  it('RepoDetailsByName and FilesByPath by owner/name aliases', async () => {
    const byName = await run<Record<string, Record<string, unknown>>>('RepoDetailsByName', {
      owner: 'acme',
      ...FILES,
      withDocs: false,
      n0: 'payments',
      n1: 'legacy',
      n2: 'empty',
    });
    expect(byName['r0']).toMatchObject({ nameWithOwner: 'acme/payments', readme: { text: '# Payments\n' } });
    expect(byName['r0']).not.toHaveProperty('docs');
    expect(byName['r1']).toMatchObject({ readme: { text: 'old\n' } });
    const files = await run<Record<string, { object: { text: string } }>>('FilesByPath', {
      owner: 'acme',
      n0: 'payments',
      e0: 'HEAD:docs/guides/setup.md',
      n1: 'legacy',
      e1: 'main:README.md',
    });
    expect([files['f0']!.object.text, files['f1']!.object.text]).toEqual(['# Setup\n', 'old\n']);
  });

  it('OrgTeamsPage and TeamMembersPage', async () => {
    const teams = await run<{ organization: { teams: { totalCount: number; nodes: Record<string, unknown>[] } } }>('OrgTeamsPage', {
      org: 'acme',
      pageSize: 25,
      membersPageSize: 1,
    });
    expect(teams.organization.teams.totalCount).toBe(2);
    const core = teams.organization.teams.nodes[0]!;
    expect(core).toMatchObject({
      slug: 'core',
      combinedSlug: 'acme/core',
      name: 'Core',
      description: null,
      privacy: 'VISIBLE',
      url: 'https://github.com/orgs/acme/teams/core',
      parentTeam: { slug: 'platform' },
      members: { totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ role: 'MEMBER', node: { login: 'bob' } }] },
    });
    expect(core).toHaveProperty('avatarUrl');
    const cursor = (core['members'] as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    const more = await run<{ organization: { team: { members: unknown } } }>('TeamMembersPage', { org: 'acme', slug: 'core', pageSize: 100, cursor });
    expect(more.organization.team.members).toEqual({
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      edges: [{ role: 'MAINTAINER', node: { login: 'carol' } }],
    });
  });

  it('OrgMembersPage with verified-domain emails, and RateLimitProbe', async () => {
    const members = await run<{ organization: { membersWithRole: { edges: { role: string; node: Record<string, unknown> }[] } } }>('OrgMembersPage', {
      org: 'acme',
      pageSize: 100,
      withVerifiedEmails: true,
    });
    expect(members.organization.membersWithRole.edges[0]).toMatchObject({
      role: 'ADMIN',
      node: {
        login: 'alice',
        name: 'Alice',
        email: 'alice@acme.test',
        company: null,
        url: 'https://github.com/alice',
        organizationVerifiedDomainEmails: ['alice@acme.test'],
      },
    });
    const probe = await run<{ rateLimit: { limit: number; cost: number } }>('RateLimitProbe', { dryRun: true });
    expect(probe.rateLimit).toMatchObject({ limit: 5000, cost: 1 });
    expect(fake.requests.every((request) => request.errorTypes.length === 0 && request.invalid.length === 0)).toBe(true);
  });
});
