import { graphql, GraphqlResponseError } from '@octokit/graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QUERY_SET, smallOrg, wideOrg } from './fixtures/test-orgs.ts';
import { changeRepoFile, removeRepo } from './load-org.ts';
import { startFakeGitHub, type FakeGitHub } from './server.ts';

let fake: FakeGitHub;
let gql: typeof graphql;

beforeAll(async () => {
  fake = await startFakeGitHub({ org: [wideOrg(230, 'acme'), smallOrg('tiny')] });
  gql = graphql.defaults({ url: fake.url, headers: { authorization: 'token test-token' } });
});
afterAll(() => fake.close());
beforeEach(() => fake.clearRequests());

const LIST = `query List($org: String!, $cursor: String, $order: RepositoryOrderField = CREATED_AT) {
  organization(login: $org) {
    repositories(first: 50, after: $cursor, orderBy: { field: $order, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { name createdAt }
    }
  }
}`;

interface ListPage {
  organization: {
    repositories: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { name: string; createdAt: string }[] };
  };
}

async function listAll(variables: Record<string, unknown>, between?: (page: number) => void): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | null = null;
  for (let page = 1; ; page++) {
    const result: ListPage = await gql<ListPage>(LIST, { org: 'acme', cursor, ...variables });
    names.push(...result.organization.repositories.nodes.map((node) => node.name));
    if (!result.organization.repositories.pageInfo.hasNextPage) return names;
    cursor = result.organization.repositories.pageInfo.endCursor;
    between?.(page);
  }
}

describe('repository listing', () => {
  it('pages 230 repos at 50 per page in 5 requests, in creation order, with the research OrgRepoPage document', async () => {
    const org = fake.org('acme');
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page: { organization: { repositories: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { name: string }[] } } } =
        await gql(QUERY_SET, {
          operationName: 'OrgRepoPage',
          org: 'acme',
          pageSize: 50,
          cursor,
          catalogExpr: 'HEAD:catalog-info.yaml',
          docsExpr: 'HEAD:docs',
        });
      expect(page.organization.repositories.totalCount).toBe(230);
      seen.push(...page.organization.repositories.nodes.map((node) => node.name));
      if (!page.organization.repositories.pageInfo.hasNextPage) break;
      cursor = page.organization.repositories.pageInfo.endCursor;
    }
    expect(seen).toEqual(org.repos.map((repo) => repo.name));
    expect(fake.requests.map((r) => [r.operationName, r.status, r.cost, r.invalid.length, r.maxInFlight])).toEqual(
      Array(5).fill(['OrgRepoPage', 200, 1, 0, 1]),
    );
  });

  it('orders by NAME when asked', async () => {
    const names = await listAll({ order: 'NAME' });
    expect(names).toEqual([...names].sort());
    expect(names).not.toEqual(fake.org('acme').repos.map((repo) => repo.name));
  });

  it('uses keyset cursors: deleting a repo of an earlier page does not skip one', async () => {
    const org = wideOrg(120, 'shifty');
    const local = await startFakeGitHub({ org });
    const client = graphql.defaults({ url: local.url, headers: { authorization: 'bearer test-token' } });
    const first: ListPage = await client<ListPage>(LIST, { org: 'shifty' });
    removeRepo(org, first.organization.repositories.nodes[0]!.name);
    const second: ListPage = await client<ListPage>(LIST, { org: 'shifty', cursor: first.organization.repositories.pageInfo.endCursor });
    expect(second.organization.repositories.nodes[0]!.name).toBe(org.repos[49]!.name);
    expect(second.organization.repositories.totalCount).toBe(119);
    await local.close();
  });

  it('filters archived repos server-side and rejects a bad cursor with INVALID_CURSOR_ARGUMENTS', async () => {
    const result = await gql<{ organization: { repositories: { nodes: { name: string }[] } } }>(
      '{ organization(login: "tiny") { repositories(first: 10, isArchived: false) { nodes { name } } } }',
    );
    expect(result.organization.repositories.nodes.map((node) => node.name)).toEqual(['payments', 'empty']);
    const error = await gql(LIST, { org: 'acme', cursor: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlResponseError);
    expect((error as GraphqlResponseError<unknown>).errors?.[0]).toMatchObject({ type: 'INVALID_CURSOR_ARGUMENTS', path: ['organization', 'repositories'] });
  });
});

describe('git objects', () => {
  const FILE = `query File($expr: String!) {
    repository(owner: "tiny", name: "payments") {
      object(expression: $expr) {
        __typename oid
        ... on Blob { byteSize isBinary isTruncated text }
        ... on Tree { entries { name path type mode size oid object { __typename ... on Tree { entries { name } } } } }
      }
    }
  }`;
  type FileResult = { repository: { object: null | (Record<string, unknown> & { text?: string | null; entries?: Record<string, unknown>[] }) } };
  const read = async (expr: string) => (await gql<FileResult>(FILE, { expr })).repository.object;

  it('returns a Blob with its git oid (sha1 of "blob 11\\0# Payments\\n"), size and text', async () => {
    expect(await read('HEAD:README.md')).toEqual({
      __typename: 'Blob',
      oid: 'b836625bc1cea4cbb9df1043a66e171d3363a137',
      byteSize: 11,
      isBinary: false,
      isTruncated: false,
      text: '# Payments\n',
    });
  });

  it('returns a Tree with entries, nested objects included', async () => {
    const tree = await read('HEAD:docs');
    expect(tree?.['__typename']).toBe('Tree');
    expect(tree?.entries).toEqual([
      expect.objectContaining({
        name: 'guides',
        path: 'docs/guides',
        type: 'tree',
        mode: 0o40000,
        size: 0,
        object: { __typename: 'Tree', entries: [{ name: 'deep' }, { name: 'setup.md' }] },
      }),
      expect.objectContaining({ name: 'index.md', path: 'docs/index.md', type: 'blob', mode: 0o100644, size: 7, object: { __typename: 'Blob' } }),
      expect.objectContaining({ name: 'logo.png', type: 'blob', size: 12 }),
    ]);
    expect((await read('HEAD:'))?.['__typename']).toBe('Tree');
  });

  it('returns null for a missing path and for a leading slash, like GitHub', async () => {
    expect(await read('HEAD:nope.md')).toBeNull();
    expect(await read('HEAD:/README.md')).toBeNull();
    expect(await read('HEAD:README.md/')).toBeNull();
    expect(fake.requests.every((request) => request.errorTypes.length === 0)).toBe(true);
  });

  it('resolves the branch name and the HEAD oid as revisions, and nothing else', async () => {
    const headOid = fake.org('tiny').repos[0]!.headOid;
    expect((await read('main:README.md'))?.['text']).toBe('# Payments\n');
    expect((await read(`${headOid}:README.md`))?.['text']).toBe('# Payments\n');
    expect((await read(`${headOid.slice(0, 7)}:docs`))?.['__typename']).toBe('Tree');
    expect(await read('develop:README.md')).toBeNull();
  });

  it('truncates text above 512,000 bytes and gives no text for binary blobs', async () => {
    const big = await read('HEAD:big.txt');
    expect(big).toMatchObject({ byteSize: 600_000, isTruncated: true, isBinary: false });
    expect(big?.text).toHaveLength(512_000);
    expect(await read('HEAD:docs/logo.png')).toMatchObject({ byteSize: 12, isBinary: true, isTruncated: false, text: null });
  });

  it('sees changes to the live model between requests', async () => {
    const before = await read('HEAD:README.md');
    changeRepoFile(fake.org('tiny'), 'payments', 'README.md', '# Payments v2\n');
    const after = await read('HEAD:README.md');
    expect(after?.['text']).toBe('# Payments v2\n');
    expect(after?.['oid']).not.toBe(before?.['oid']);
    changeRepoFile(fake.org('tiny'), 'payments', 'README.md', '# Payments\n');
  });
});

describe('commit history', () => {
  const HISTORY = `query History($path: String) {
    repository(owner: "acme", name: "payments") {
      defaultBranchRef { target { ... on Commit { history(first: 1, path: $path) { totalCount nodes { committedDate } } } } }
    }
  }`;
  type HistoryResult = { repository: { defaultBranchRef: { target: { history: { totalCount: number; nodes: { committedDate: string }[] } } } } };
  let own: FakeGitHub;
  let ask: (path?: string) => Promise<string[]>;
  beforeAll(async () => {
    const org = smallOrg('acme');
    org.repos[0]!.fileDates = { 'docs/index.md': '2023-06-01T00:00:00Z' };
    own = await startFakeGitHub({ org });
    const client = graphql.defaults({ url: own.url, headers: { authorization: 'token test-token' } });
    ask = async (path) =>
      (await client<HistoryResult>(HISTORY, path === undefined ? {} : { path })).repository.defaultBranchRef.target.history.nodes.map((n) => n.committedDate);
  });
  afterAll(() => own.close());

  it('gives the last commit touching a file, a folder (its newest file) or the repo', async () => {
    expect(await ask('docs/index.md')).toEqual(['2023-06-01T00:00:00Z']);
    // Files without a date of their own changed with HEAD.
    expect(await ask('docs/guides/setup.md')).toEqual(['2024-01-01T00:00:00Z']);
    expect(await ask('docs')).toEqual(['2024-01-01T00:00:00Z']);
    expect(await ask()).toEqual(['2024-01-01T00:00:00Z']);
    expect(await ask('nope.md')).toEqual([]);
  });

  it("moves only the pushed file's date on a push", async () => {
    changeRepoFile(own.org(), 'payments', 'docs/guides/setup.md', '# Setup v2\n');
    expect(await ask('docs/guides/setup.md')).toEqual(['2024-01-01T01:00:00Z']);
    expect(await ask('docs/guides/deep/more.md')).toEqual(['2024-01-01T00:00:00Z']);
    expect(await ask('docs/index.md')).toEqual(['2023-06-01T00:00:00Z']);
  });

  it('charges each history connection like GitHub: 250 aliased lookups of first: 1 cost 3 points', async () => {
    const fields = Array.from({ length: 250 }, (_, i) => `h${i}: history(first: 1, path: "docs/index.md") { nodes { committedDate } }`).join(' ');
    const query = `{ rateLimit { cost } repository(owner: "acme", name: "payments") { c: object(expression: "HEAD") { ... on Commit { ${fields} } } } }`;
    const before = own.rateLimit().remaining;
    const client = graphql.defaults({ url: own.url, headers: { authorization: 'token test-token' } });
    const result = await client<{ rateLimit: { cost: number }; repository: { c: Record<string, { nodes: unknown[] }> } }>(query);
    expect(result.rateLimit.cost).toBe(3);
    expect(Object.keys(result.repository.c)).toHaveLength(250);
    expect(own.rateLimit().remaining).toBe(before - 3);
    expect(own.requests.at(-1)).toMatchObject({ cost: 3, nodeCount: 250 });
  });
});

describe('lookups by id and name', () => {
  it('nodes(ids:) with a missing id: partial data plus NOT_FOUND with its path, as GraphqlResponseError', async () => {
    const [a, b] = fake.org('acme').repos;
    const error = await gql('query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Repository { name } } }', { ids: [a!.id, 'R_gone', b!.id] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphqlResponseError);
    const response = error as GraphqlResponseError<{ nodes: unknown[] }>;
    expect(response.data).toEqual({ nodes: [{ __typename: 'Repository', name: a!.name }, null, { __typename: 'Repository', name: b!.name }] });
    expect(response.errors).toEqual([
      { type: 'NOT_FOUND', path: ['nodes', 1], locations: [{ line: 1, column: 23 }], message: "Could not resolve to a node with the global id of 'R_gone'." },
    ]);
  });

  it('node(id:) resolves repos, teams and users through __typename', async () => {
    const repo = fake.org('tiny').repos[0]!;
    const result = await gql<{ node: { __typename: string; nameWithOwner: string } }>(
      'query($id: ID!) { node(id: $id) { __typename ... on Repository { nameWithOwner } } }',
      { id: repo.id },
    );
    expect(result.node).toEqual({ __typename: 'Repository', nameWithOwner: 'tiny/payments' });
    const team = await gql<{ organization: { team: { id: string } } }>('{ organization(login: "tiny") { team(slug: "core") { id } } }');
    const viaNode = await gql<{ node: { __typename: string; slug: string } }>('query($id: ID!) { node(id: $id) { __typename ... on Team { slug } } }', {
      id: team.organization.team.id,
    });
    expect(viaNode.node).toEqual({ __typename: 'Team', slug: 'core' });
  });

  it("repository(owner, name) and organization(login) give null plus NOT_FOUND with GitHub's messages", async () => {
    const repoError = (await gql('{ r0: repository(owner: "tiny", name: "payments") { name } r1: repository(owner: "tiny", name: "gone") { name } }').catch(
      (e: unknown) => e,
    )) as GraphqlResponseError<unknown>;
    expect(repoError.data).toEqual({ r0: { name: 'payments' }, r1: null });
    expect(repoError.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', path: ['r1'], message: "Could not resolve to a Repository with the name 'tiny/gone'." });
    const orgError = (await gql('{ organization(login: "nobody") { login } }').catch((e: unknown) => e)) as GraphqlResponseError<unknown>;
    expect(orgError.data).toEqual({ organization: null });
    expect(orgError.errors?.[0]).toMatchObject({
      type: 'NOT_FOUND',
      path: ['organization'],
      message: "Could not resolve to an Organization with the login of 'nobody'.",
    });
  });

  it('says which field is not implemented instead of returning null', async () => {
    const error = (await gql('{ repository(owner: "tiny", name: "payments") { name stargazerCount diskUsage } }').catch(
      (e: unknown) => e,
    )) as GraphqlResponseError<unknown>;
    expect(error.errors?.[0]!.message).toMatch(/Repository\.diskUsage is not implemented in the fake GitHub/);
    expect(error.data).toEqual({ repository: { name: 'payments', stargazerCount: 0, diskUsage: null } });
  });
});

describe('teams and people', () => {
  it('lists teams with parent, immediate members with role, and all members including child teams', async () => {
    const result = await gql<{ organization: { teams: { nodes: unknown[] }; team: { members: { totalCount: number } } } }>(`{
      organization(login: "tiny") {
        teams(first: 10, orderBy: { field: NAME, direction: ASC }) {
          nodes { slug combinedSlug parentTeam { slug } members(first: 10, membership: IMMEDIATE) { totalCount edges { role node { login name } } } }
        }
        team(slug: "platform") { members(first: 10) { totalCount } }
      }
    }`);
    expect(result.organization.teams.nodes).toEqual([
      {
        slug: 'core',
        combinedSlug: 'tiny/core',
        parentTeam: { slug: 'platform' },
        members: {
          totalCount: 2,
          edges: [
            { role: 'MEMBER', node: { login: 'bob', name: 'Bob' } },
            { role: 'MAINTAINER', node: { login: 'carol', name: null } },
          ],
        },
      },
      {
        slug: 'platform',
        combinedSlug: 'tiny/platform',
        parentTeam: null,
        members: { totalCount: 1, edges: [{ role: 'MAINTAINER', node: { login: 'alice', name: 'Alice' } }] },
      },
    ]);
    expect(result.organization.team.members.totalCount).toBe(3);
  });

  it('lists org members with role, public email ("" when hidden), and team members the sidecar omits', async () => {
    const result = await gql<{ organization: { membersWithRole: { totalCount: number; edges: unknown[] } } }>(
      '{ organization(login: "tiny") { membersWithRole(first: 10) { totalCount edges { role node { login email url } } } } }',
    );
    expect(result.organization.membersWithRole).toEqual({
      totalCount: 3,
      edges: [
        { role: 'ADMIN', node: { login: 'alice', email: 'alice@acme.test', url: 'https://github.com/alice' } },
        { role: 'MEMBER', node: { login: 'bob', email: '', url: 'https://github.com/bob' } },
        { role: 'MEMBER', node: { login: 'carol', email: '', url: 'https://github.com/carol' } },
      ],
    });
  });
});

describe('validation and bookkeeping', () => {
  const rejected = async (query: string, variables: Record<string, unknown> = {}) => {
    const error = (await gql(query, variables).catch((e: unknown) => e)) as GraphqlResponseError<unknown>;
    expect(error).toBeInstanceOf(GraphqlResponseError);
    expect(error.data).toBeUndefined();
    return error.errors ?? [];
  };

  it('rejects invalid queries with GitHub-style errors and records them as invalid, uncharged', async () => {
    const before = fake.rateLimit().remaining;
    expect((await rejected('{ organization(login: "acme") { nme } }'))[0]).toMatchObject({
      message: expect.stringContaining('Cannot query field "nme"'),
      locations: [{ line: 1, column: 33 }],
    });
    expect((await rejected('{ organization(login: "acme") { repositories(first: 101) { totalCount } } }'))[0]).toMatchObject({
      type: 'EXCESSIVE_PAGINATION',
      path: ['organization', 'repositories'],
    });
    expect((await rejected('{ organization(login: "acme") { repositories { totalCount } } }'))[0]).toMatchObject({ type: 'MISSING_PAGINATION_BOUNDARIES' });
    const ids = Array.from({ length: 101 }, (_, i) => `R_${i}`);
    expect((await rejected('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }))[0]).toMatchObject({ type: 'ARGUMENT_LIMIT' });
    expect(fake.requests.map((request) => request.invalid.length > 0)).toEqual([true, true, true, true]);
    expect(fake.rateLimit().remaining).toBe(before);
  });

  it('answers rateLimit from the same budget as the headers; dryRun costs nothing', async () => {
    const remaining = fake.rateLimit().remaining;
    const result = await gql<{ rateLimit: Record<string, unknown> }>('{ rateLimit { limit cost remaining used resetAt nodeCount } }');
    expect(result.rateLimit).toMatchObject({ limit: 5000, cost: 1, remaining: remaining - 1, used: 5000 - remaining + 1, nodeCount: 0 });
    await gql('{ rateLimit(dryRun: true) { cost } }');
    expect(fake.rateLimit().remaining).toBe(remaining - 1);
  });

  it('records concurrent requests and works with baseUrl too', async () => {
    const slow = await startFakeGitHub({ org: smallOrg(), latencyMs: 50 });
    const client = graphql.defaults({ baseUrl: slow.url.replace(/\/graphql$/, ''), headers: { authorization: 'token test-token' } });
    await Promise.all([1, 2, 3].map(() => client('{ rateLimit { cost } }')));
    expect(slow.requests.map((request) => request.maxInFlight)).toEqual([3, 3, 3]);
    await slow.close();
  });

  it('answers 404 off /graphql', async () => {
    const response = await fetch(fake.url.replace('/graphql', '/api/graphql'), { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect((await fetch(fake.url)).status).toBe(404);
  });
});
