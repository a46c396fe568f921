/**
 * Each scripted fault, and the budget and resource limits, surface through
 * @octokit/graphql as docs/github-api.md says GitHub's do:
 * RequestError for non-2xx statuses, GraphqlResponseError (with `.data`,
 * `.headers`) for 200 responses that carry errors.
 */
import { graphql, GraphqlResponseError } from '@octokit/graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Fault } from './faults.ts';
import { smallOrg, wideOrg } from './fixtures/test-orgs.ts';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from './server.ts';

/**
 * @octokit/request's RequestError (name "HttpError"), described rather than
 * imported: its package, @octokit/request-error, is only a transitive dependency.
 */
type RequestError = Error & { status: number; response?: { data: unknown; headers: Record<string, string | undefined> } };

const QUERY = 'query Probe { rateLimit { cost remaining } }';
const LIST = 'query List($n: Int!) { rateLimit { cost } organization(login: "acme") { repositories(first: $n) { nodes { name } } } }';

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: Partial<FakeGitHubOptions> = {}, token = 'test-token') {
  fake = await startFakeGitHub({ org: wideOrg(60), ...options });
  return graphql.defaults({ url: fake.url, headers: { authorization: `token ${token}` } });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the request should fail'),
    (error: unknown) => error,
  );
}

async function faulted(fault: Fault, query = QUERY) {
  const gql = await start({ faults: [fault] });
  return { error: await failure(gql(query)), gql };
}

describe('HTTP faults surface as RequestError', () => {
  it('502 with GitHub\'s "Something went wrong" body, then recovers', async () => {
    const { error, gql } = await faulted({ kind: '502' });
    expect(error).toMatchObject({ name: 'HttpError', status: 502 });
    const requestError = error as RequestError;
    expect(requestError.status).toBe(502);
    expect(requestError.response?.data).toEqual({
      data: null,
      errors: [
        {
          message: expect.stringMatching(
            /^Something went wrong while executing your query\. This may be the result of a timeout.*Please include `F4CE:0001` when reporting this issue\.$/,
          ),
        },
      ],
    });
    await expect(gql(QUERY)).resolves.toMatchObject({ rateLimit: { cost: 1 } });
    expect(fake!.requests.map((request) => [request.status, request.fault])).toEqual([
      [502, '502'],
      [200, null],
    ]);
  });

  it('504', async () => {
    const { error } = await faulted({ kind: '504' });
    expect((error as RequestError).status).toBe(504);
  });

  it('403 secondary rate limit with retry-after', async () => {
    const { error } = await faulted({ kind: 'secondary', retryAfterSeconds: 7 });
    const requestError = error as RequestError;
    expect(requestError.status).toBe(403);
    expect(requestError.message).toContain('secondary rate limit');
    expect(requestError.response?.headers['retry-after']).toBe('7');
  });

  it('401 as a fault and for a wrong token; bearer works too', async () => {
    const { error } = await faulted({ kind: '401' });
    expect((error as RequestError).status).toBe(401);
    expect((error as RequestError).message).toContain('Bad credentials');
    await fake!.close();
    const wrong = await start({}, 'expired');
    expect(((await failure(wrong(QUERY))) as RequestError).status).toBe(401);
    const bearer = graphql.defaults({ url: fake!.url, headers: { authorization: 'bearer test-token' } });
    await expect(bearer(QUERY)).resolves.toBeDefined();
  });

  it('drop: the socket closes without an answer, and the next request works', async () => {
    const { error, gql } = await faulted({ kind: 'drop' });
    // @octokit/request reports a failed fetch as status 500.
    expect(error).toMatchObject({ name: 'HttpError', status: 500 });
    await expect(gql(QUERY)).resolves.toBeDefined();
    expect(fake!.requests[0]).toMatchObject({ status: 0, fault: 'drop' });
  });
});

describe('200 faults surface as GraphqlResponseError', () => {
  it('"Something went wrong" with status 200 and data null', async () => {
    const { error } = await faulted({ kind: 'error-200' });
    expect(error).toBeInstanceOf(GraphqlResponseError);
    expect((error as GraphqlResponseError<unknown>).data).toBeNull();
    expect((error as GraphqlResponseError<unknown>).errors?.[0]!.message).toMatch(/^Something went wrong/);
  });

  it('RATE_LIMITED with x-ratelimit-remaining 0 and the reset it announces', async () => {
    const { error } = await faulted({ kind: 'RATE_LIMITED', resetInSeconds: 30 });
    const response = error as GraphqlResponseError<unknown>;
    expect(response.errors).toEqual([{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }]);
    expect(response.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(response.headers['x-ratelimit-reset']) - Date.now() / 1000).toBeCloseTo(30, -1);
    expect(fake!.rateLimit().remaining).toBe(5000); // the fault is one response, not the budget
  });

  it('the RATE_LIMIT variant while remaining is not 0', async () => {
    const { error } = await faulted({ kind: 'RATE_LIMIT' });
    const response = error as GraphqlResponseError<unknown>;
    expect(response.errors?.[0]).toMatchObject({ type: 'RATE_LIMIT', code: 'graphql_rate_limit' });
    expect(response.headers['x-ratelimit-remaining']).not.toBe('0');
  });

  it('RESOURCE_LIMITS_EXCEEDED with partial data', async () => {
    const { error } = await faulted(
      { kind: 'RESOURCE_LIMITS_EXCEEDED' },
      '{ rateLimit { cost } organization(login: "acme") { login repositories(first: 10) { totalCount } } }',
    );
    const response = error as GraphqlResponseError<unknown>;
    expect(response.errors).toEqual([
      {
        type: 'RESOURCE_LIMITS_EXCEEDED',
        path: ['organization', 'repositories'],
        locations: [{ line: 1, column: 58 }],
        message: 'Resource limits for this query exceeded.',
      },
    ]);
    expect(response.data).toEqual({ rateLimit: { cost: 1 }, organization: null });
  });

  it('slow: answers normally after the delay', async () => {
    const gql = await start({ faults: [{ kind: 'slow', ms: 120 }] });
    await gql(QUERY);
    expect(fake!.requests[0]!.durationMs).toBeGreaterThanOrEqual(110);
  });
});

describe('fault matching', () => {
  it('by operation name, from the nth match, for `times` requests', async () => {
    const gql = await start({ faults: [{ kind: '502', operationName: 'List', nth: 2, times: 2 }] });
    const outcomes: string[] = [];
    for (const query of [QUERY, LIST, QUERY, LIST, LIST, LIST]) {
      outcomes.push(
        await gql(query, { n: 5 }).then(
          () => 'ok',
          (error: RequestError) => String(error.status),
        ),
      );
    }
    expect(outcomes).toEqual(['ok', 'ok', 'ok', '502', '502', 'ok']);
  });

  it('by a predicate over the parsed request, added while running', async () => {
    const gql = await start();
    fake!.addFaults({ kind: 'secondary', match: (request) => request.variables['n'] === 7, times: Infinity });
    await expect(gql(LIST, { n: 5 })).resolves.toBeDefined();
    await expect(gql(LIST, { n: 7 })).rejects.toMatchObject({ status: 403 });
    await expect(gql(LIST, { n: 7 })).rejects.toMatchObject({ status: 403 });
  });
});

describe('limits', () => {
  it('spends the primary budget, answers RATE_LIMITED at 0 until the reset, then refills', async () => {
    // The clock is the test's (only Date is faked): on a busy machine, real time could pass the reset between two requests.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const gql = await start({ rateLimit: { limit: 10, remaining: 1, resetAt: new Date(Date.now() + 400) } });
      const first = await gql(QUERY).catch((e: unknown) => e);
      expect(first).toEqual({ rateLimit: { cost: 1, remaining: 0 } });
      const limited = (await failure(gql(QUERY))) as GraphqlResponseError<unknown>;
      expect(limited.errors?.[0]!.type).toBe('RATE_LIMITED');
      expect(limited.headers['x-ratelimit-remaining']).toBe('0');
      vi.setSystemTime(Date.now() + 399);
      await expect(failure(gql(QUERY))).resolves.toMatchObject({ errors: [{ type: 'RATE_LIMITED' }] });
      vi.setSystemTime(Date.now() + 1);
      await expect(gql(QUERY)).resolves.toEqual({ rateLimit: { cost: 1, remaining: 9 } });
      expect(fake!.requests.map((request) => request.rateLimited)).toEqual([false, true, true, false]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends x-ratelimit-* headers on every response', async () => {
    await start({ rateLimit: { limit: 100 } });
    const response = await fetch(fake!.url, { method: 'POST', headers: { authorization: 'token test-token' }, body: JSON.stringify({ query: QUERY }) });
    expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('x-ratelimit-') && name !== 'x-ratelimit-reset'))).toEqual({
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '99',
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'graphql',
    });
  });

  it('resourceLimit: a page size above it fails with partial data; at or below it works', async () => {
    const gql = await start({ resourceLimit: 25 });
    const error = (await failure(gql(LIST, { n: 50 }))) as GraphqlResponseError<unknown>;
    expect(error.errors?.map((e) => e.type)).toEqual(['RESOURCE_LIMITS_EXCEEDED']);
    expect(error.data).toEqual({ rateLimit: { cost: 1 }, organization: null });
    await expect(gql(LIST, { n: 25 })).resolves.toMatchObject({ organization: { repositories: { nodes: expect.any(Array) } } });
  });

  it('resourceLimit: nodes(ids:) past it gives the first ids and nulls, with one error', async () => {
    const gql = await start({ resourceLimit: 25 });
    const ids = fake!
      .org()
      .repos.slice(0, 30)
      .map((repo) => repo.id);
    const error = (await failure(gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }))) as GraphqlResponseError<{ nodes: unknown[] }>;
    expect(error.errors).toHaveLength(1);
    expect(error.errors?.[0]).toMatchObject({ type: 'RESOURCE_LIMITS_EXCEEDED', path: ['nodes', 25] });
    expect(error.data.nodes.slice(24)).toEqual([{ id: ids[24] }, null, null, null, null, null]);
  });

  it('resourceLimit: aliased repository fields past it are null', async () => {
    await fake?.close();
    fake = await startFakeGitHub({ org: smallOrg(), resourceLimit: 2 });
    const gql = graphql.defaults({ url: fake.url, headers: { authorization: 'token test-token' } });
    const query =
      '{ r0: repository(owner: "acme", name: "payments") { name } r1: repository(owner: "acme", name: "legacy") { name } r2: repository(owner: "acme", name: "empty") { name } }';
    const error = (await failure(gql(query))) as GraphqlResponseError<unknown>;
    expect(error.data).toEqual({ r0: { name: 'payments' }, r1: { name: 'legacy' }, r2: null });
    expect(error.errors?.[0]).toMatchObject({ type: 'RESOURCE_LIMITS_EXCEEDED', path: ['r2'] });
  });
});
