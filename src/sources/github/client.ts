/**
 * The one way the crawler talks to GitHub: `@octokit/graphql`, one request at
 * a time, with GitHub's failure modes turned into decisions (what each looks
 * like, and its source: docs/github-api.md):
 * - 502/503/504, timeouts, dropped connections and "Something went wrong" →
 *   retried with backoff; the caller is told the query may be too big
 *   (`QueryTooBigError`) so it can shrink it;
 * - `RESOURCE_LIMITS_EXCEEDED` → `QueryTooBigError` at once (partial data is not trusted);
 * - `RATE_LIMITED`/`RATE_LIMIT`, or no points left → wait for the reset, up to
 *   a cap; beyond it `CrawlStoppedError`, so the crawl ends cleanly;
 * - secondary limits (403 "secondary rate limit") → wait `retry-after` (or a
 *   minute), then back off;
 * - 401 → `GitHubAuthError`; an unreachable endpoint → `GitHubUnreachableError`.
 * Partial results (`null` plus `NOT_FOUND` for a repo deleted mid-crawl) are
 * returned with their errors for the caller to handle per repo.
 * The token only ever goes into the authorization header.
 */
import { graphql, GraphqlResponseError } from '@octokit/graphql';
import { RequestError } from '@octokit/request-error';

export interface GraphQLErrorEntry {
  type?: string;
  message: string;
  path?: (string | number)[];
}

export interface QueryResult<T> {
  data: T;
  /** Errors that came with usable data (e.g. NOT_FOUND for one aliased repo). */
  errors: GraphQLErrorEntry[];
}

export class QueryTooBigError extends Error {
  override name = 'QueryTooBigError';
}
export class CrawlStoppedError extends Error {
  override name = 'CrawlStoppedError';
}
export class GitHubAuthError extends Error {
  override name = 'GitHubAuthError';
}
export class GitHubUnreachableError extends Error {
  override name = 'GitHubUnreachableError';
}
export class GitHubQueryError extends Error {
  override name = 'GitHubQueryError';
}

export interface ClientStats {
  requests: number;
  retries: number;
  /** Primary rate-limit points spent, as GitHub reports them (`rateLimit.cost`). */
  points: number;
  remaining?: number;
  limit?: number;
  resetAt?: string;
  /** Time spent waiting for rate limits, in ms. */
  waitedMs: number;
}

export interface ClientOptions {
  endpoint: string;
  token: string;
  /** Longest single wait for a rate-limit reset before the crawl stops (ms). */
  maxRateLimitWaitMs: number;
  /** Attempts for transient failures (502, timeouts, secondary limits) before giving up. */
  maxAttempts?: number;
  /** First backoff delay (ms); doubles per attempt. */
  backoffMs?: number;
  /** Client-side timeout per request (ms). GitHub itself gives up after 10 s. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  onWait?: (reason: string, ms: number) => void;
}

export interface GitHubClient {
  query<T>(document: string, variables: Record<string, unknown>): Promise<QueryResult<T>>;
  readonly stats: ClientStats;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const { maxAttempts = 6, backoffMs = 1000, timeoutMs = 30_000, sleep = realSleep, now = Date.now } = options;
  const stats: ClientStats = { requests: 0, retries: 0, points: 0, waitedMs: 0 };
  const request = graphql.defaults({ url: options.endpoint, headers: { authorization: `bearer ${options.token}` } });
  const redact = (text: string) => (options.token ? text.split(options.token).join('[REDACTED]') : text);

  const wait = async (reason: string, ms: number) => {
    options.onWait?.(reason, ms);
    stats.waitedMs += ms;
    await sleep(ms);
  };

  const waitForReset = async (resetAtMs: number | undefined, what: string) => {
    const ms = Math.max(0, (resetAtMs ?? now() + 60_000) - now()) + 1000;
    if (ms > options.maxRateLimitWaitMs) {
      throw new CrawlStoppedError(
        `${what}; it resets at ${new Date(now() + ms).toISOString()}, later than the ${Math.round(options.maxRateLimitWaitMs / 1000)} s this crawl may wait. What was read so far is kept; run the crawl again after the reset.`,
      );
    }
    await wait(what, ms);
  };

  const noteRateLimit = (rateLimit: unknown) => {
    if (!rateLimit || typeof rateLimit !== 'object') return;
    const r = rateLimit as { cost?: number; remaining?: number; limit?: number; resetAt?: string };
    if (typeof r.cost === 'number') stats.points += r.cost;
    if (typeof r.remaining === 'number') stats.remaining = r.remaining;
    if (typeof r.limit === 'number') stats.limit = r.limit;
    if (typeof r.resetAt === 'string') stats.resetAt = r.resetAt;
  };

  async function query<T>(document: string, variables: Record<string, unknown>): Promise<QueryResult<T>> {
    let transientFailures = 0;
    let rateLimitWaits = 0;
    for (;;) {
      // Spend the last points only with a wait: never run into the limit.
      if (stats.remaining === 0 && stats.resetAt) await waitForReset(Date.parse(stats.resetAt), 'GitHub rate limit used up');
      stats.requests++;
      try {
        const data = await request<Record<string, unknown>>(document, { ...variables, request: { signal: AbortSignal.timeout(timeoutMs) } });
        noteRateLimit(data['rateLimit']);
        return { data: data as T, errors: [] };
      } catch (error) {
        const outcome = classify(error);
        if (outcome.kind === 'partial') {
          noteRateLimit(outcome.data['rateLimit']);
          return { data: outcome.data as T, errors: outcome.errors };
        }
        if (outcome.kind === 'rate-limited') {
          // A limit that is still there after its reset (clock skew, a limit on another resource): give up cleanly.
          if (++rateLimitWaits > 3)
            throw new CrawlStoppedError('GitHub still reports the rate limit after waiting for its reset three times. What was read so far is kept.');
          stats.retries++;
          // After the wait the budget is unknown until the next answer says it.
          delete stats.remaining;
          await waitForReset(outcome.resetAtMs ?? (stats.resetAt ? Date.parse(stats.resetAt) : undefined), 'GitHub rate limit reached');
          continue;
        }
        if (outcome.kind === 'too-big') throw new QueryTooBigError(outcome.message);
        if (outcome.kind === 'auth')
          throw new GitHubAuthError(
            `GitHub rejected the token (${outcome.message}). Check GITHUB_TOKEN: it must be valid and allowed to read the organization.`,
          );
        if (outcome.kind === 'fatal') throw new GitHubQueryError(redact(outcome.message));
        transientFailures++;
        // An endpoint that never answered is a configuration problem: say so quickly.
        const neverReached = outcome.kind === 'unreachable' && stats.requests === transientFailures;
        if (neverReached && transientFailures >= 2) {
          throw new GitHubUnreachableError(`Cannot reach ${options.endpoint}: ${redact(outcome.message)}. Check GITHUB_GRAPHQL_URL and the network.`);
        }
        if (transientFailures >= maxAttempts) {
          if (outcome.kind === 'timeout') throw new QueryTooBigError(outcome.message);
          throw new CrawlStoppedError(`GitHub kept failing (${redact(outcome.message)}) after ${maxAttempts} attempts. What was read so far is kept.`);
        }
        stats.retries++;
        const delay = outcome.kind === 'secondary' ? (outcome.retryAfterMs ?? 60_000) * 2 ** (transientFailures - 1) : backoffMs * 2 ** (transientFailures - 1);
        await wait(outcome.kind === 'secondary' ? 'GitHub secondary rate limit' : `GitHub error (${outcome.message})`, delay);
        // A timeout or 502 on a big query is a hint to shrink it; the caller decides after the first retry.
        if (outcome.kind === 'timeout' && transientFailures >= 2) throw new QueryTooBigError(outcome.message);
      }
    }
  }

  return { query, stats };
}

type Outcome =
  | { kind: 'partial'; data: Record<string, unknown>; errors: GraphQLErrorEntry[] }
  | { kind: 'rate-limited'; resetAtMs?: number }
  | { kind: 'secondary'; retryAfterMs?: number; message: string }
  | { kind: 'too-big'; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'unreachable'; message: string }
  | { kind: 'auth'; message: string }
  | { kind: 'fatal'; message: string };

const somethingWentWrong = /something went wrong while executing your query|couldn't respond to your request in time/i;

function resetFromHeaders(headers: Record<string, unknown> | undefined): number | undefined {
  const reset = Number(headers?.['x-ratelimit-reset']);
  return Number.isFinite(reset) && reset > 0 ? reset * 1000 : undefined;
}

function classify(error: unknown): Outcome {
  if (error instanceof GraphqlResponseError) {
    const errors = (error.errors ?? []) as GraphQLErrorEntry[];
    const types = new Set(errors.map((e) => e.type));
    const headers = error.headers as Record<string, unknown>;
    if (types.has('RATE_LIMITED') || types.has('RATE_LIMIT')) {
      // Seen in the wild: RATE_LIMIT while points remain. It is a short-term limit then: back off as
      // for a secondary limit instead of sleeping until the hourly reset.
      if (Number(headers?.['x-ratelimit-remaining']) > 0) return { kind: 'secondary', message: 'rate limited while points remain' };
      const resetAtMs = resetFromHeaders(headers);
      return resetAtMs === undefined ? { kind: 'rate-limited' } : { kind: 'rate-limited', resetAtMs };
    }
    if (types.has('RESOURCE_LIMITS_EXCEEDED')) return { kind: 'too-big', message: 'GitHub: resource limits for this query exceeded' };
    if (errors.some((e) => somethingWentWrong.test(e.message))) return { kind: 'timeout', message: 'GitHub: something went wrong while executing the query' };
    if (errors.some((e) => /secondary rate limit/i.test(e.message))) return { kind: 'secondary', message: 'secondary rate limit' };
    const data = error.data as Record<string, unknown> | undefined | null;
    // Per-path errors (a repo not found, not visible) come with the rest of the data: keep it.
    if (data && errors.every((e) => e.path && e.path.length > 0)) return { kind: 'partial', data, errors };
    return { kind: 'fatal', message: `GitHub rejected the query: ${errors.map((e) => e.message).join('; ')}` };
  }
  if (error instanceof RequestError) {
    const status = error.status;
    const headers = error.response?.headers as Record<string, unknown> | undefined;
    const body = JSON.stringify(error.response?.data ?? '');
    if (!error.response) {
      const cause = (error as { cause?: { code?: string; cause?: { code?: string } } }).cause;
      const code = cause?.code ?? cause?.cause?.code;
      return { kind: 'unreachable', message: code ? `${error.message} (${code})` : error.message };
    }
    if (status === 401) return { kind: 'auth', message: '401 Bad credentials' };
    if (status === 403 || status === 429) {
      if (/secondary rate limit/i.test(body) || headers?.['retry-after'] !== undefined) {
        const retryAfter = Number(headers?.['retry-after']);
        return Number.isFinite(retryAfter)
          ? { kind: 'secondary', retryAfterMs: retryAfter * 1000, message: 'secondary rate limit' }
          : { kind: 'secondary', message: 'secondary rate limit' };
      }
      if (headers?.['x-ratelimit-remaining'] === '0') {
        const resetAtMs = resetFromHeaders(headers);
        return resetAtMs === undefined ? { kind: 'rate-limited' } : { kind: 'rate-limited', resetAtMs };
      }
      return { kind: 'auth', message: `${status} ${error.message}` };
    }
    if (status === 502 || status === 503 || status === 504 || status >= 500) return { kind: 'timeout', message: `HTTP ${status}` };
    return { kind: 'fatal', message: `HTTP ${status}: ${error.message}` };
  }
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return { kind: 'timeout', message: 'request timed out' };
  return { kind: 'fatal', message: error instanceof Error ? error.message : String(error) };
}
