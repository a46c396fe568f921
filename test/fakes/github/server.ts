/**
 * A fake of GitHub's GraphQL endpoint on 127.0.0.1, for the crawler's tests
 * and `npm run bench`: `POST /graphql` with `{ query, variables, operationName }`
 * as @octokit/graphql sends it. Every request is authenticated, validated
 * like on github.com (schema.ts), charged its point cost, executed over the
 * live org models (resolvers.ts) and recorded; scripted faults (faults.ts)
 * make it misbehave the ways GitHub does. It logs nothing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kind, execute, getOperationAST, getVariableValues, parse, type DocumentNode } from 'graphql';
import { RESOURCE_LIMITS_MESSAGE, formatGitHubError, type GitHubFormattedError } from './connection.ts';
import {
  DOCUMENTATION_URL,
  badCredentialsBody,
  createFaultSchedule,
  gatewayTimeoutBody,
  rateLimitVariantBody,
  rateLimitedBody,
  secondaryLimitBody,
  somethingWentWrongBody,
  type Fault,
  type FaultKind,
} from './faults.ts';
import type { FakeOrg } from './org-model.ts';
import { createRateBudget, type RateLimitOptions, type RateLimitSnapshot } from './rate-limit.ts';
import { fakeFieldResolver, fakeRootValue, type FakeContext } from './resolvers.ts';
import { checkGitHubQuery, githubSchema } from './schema.ts';

export interface FakeGitHubOptions {
  org: FakeOrg | FakeOrg[];
  /** Accepted as `authorization: token <t>` or `bearer <t>`; default 'test-token'. */
  token?: string;
  /** Primary rate limit: default 5,000 points, full, resetting an hour after start (then hourly). */
  rateLimit?: RateLimitOptions;
  /** Page sizes, `nodes` id counts and aliased `repository`/`node` fields above this fail with RESOURCE_LIMITS_EXCEEDED (partial data). */
  resourceLimit?: number;
  /** Added to every response. */
  latencyMs?: number;
  faults?: Fault[];
  /** Default 0 (a free port); the CLI lets a person pick one. */
  port?: number;
}

export interface RecordedRequest {
  /** 1-based, in arrival order. */
  n: number;
  operationName: string | null;
  query: string;
  variables: Record<string, unknown>;
  /** HTTP status; 0 when the socket was dropped. */
  status: number;
  durationMs: number;
  /** Points by GitHub's formula (charged only when the query ran). */
  cost: number;
  nodeCount: number;
  /** Validation errors; empty for a valid query. */
  invalid: string[];
  fault: FaultKind | null;
  /** Answered RATE_LIMITED because the budget was spent (not by a fault). */
  rateLimited: boolean;
  /** `type` of every error in the response body (`''` for untyped ones). */
  errorTypes: string[];
  /** Most requests in flight at once, this one included, while it was. */
  maxInFlight: number;
}

export interface FakeGitHub {
  /** `http://127.0.0.1:<port>/graphql`: the crawler's GITHUB_GRAPHQL_URL. */
  url: string;
  /** Live log; `clearRequests()` empties it in place. */
  requests: RecordedRequest[];
  addFaults(...faults: Fault[]): void;
  clearRequests(): void;
  /** The live, mutable model: change it between crawls (see load-org.ts helpers). Without a login, the first org. */
  org(login?: string): FakeOrg;
  /** The primary budget now. */
  rateLimit(): RateLimitSnapshot;
  /** Idempotent. */
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `rateLimit(dryRun: true)` asks for the cost without paying it. */
function isDryRun(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation) return false;
  const coerced = getVariableValues(githubSchema(), operation.variableDefinitions ?? [], variables);
  const values = 'coerced' in coerced && coerced.coerced ? coerced.coerced : {};
  return operation.selectionSet.selections.some((selection) => {
    if (selection.kind !== Kind.FIELD || selection.name.value !== 'rateLimit') return false;
    const value = selection.arguments?.find((arg) => arg.name.value === 'dryRun')?.value;
    if (value?.kind === Kind.BOOLEAN) return value.value;
    return value?.kind === Kind.VARIABLE && values[value.name.value] === true;
  });
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const orgs = Array.isArray(options.org) ? options.org : [options.org];
  const token = options.token ?? 'test-token';
  const faults = createFaultSchedule(options.faults);
  const requests: RecordedRequest[] = [];
  const active = new Set<RecordedRequest>();
  let counter = 0;
  githubSchema(); // build it before the first request is timed
  const budget = createRateBudget(options.rateLimit);

  const authorized = (header: string | undefined) => {
    const match = /^(?:token|bearer)\s+(.+)$/i.exec(header ?? '');
    return match?.[1] === token;
  };

  async function respond(req: IncomingMessage, record: RecordedRequest, requestId: string): Promise<Reply | 'drop'> {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/graphql') {
      return { status: 404, body: { message: 'Not Found', documentation_url: DOCUMENTATION_URL } };
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCUMENTATION_URL } };
    }
    const request = isRecord(body) ? body : {};
    record.query = typeof request['query'] === 'string' ? request['query'] : '';
    record.variables = isRecord(request['variables']) ? request['variables'] : {};
    const operationName = typeof request['operationName'] === 'string' ? request['operationName'] : undefined;
    let document: DocumentNode | null = null;
    try {
      document = parse(record.query);
    } catch {
      // reported below, after faults, like any invalid query
    }
    record.operationName = operationName ?? (document ? (getOperationAST(document)?.name?.value ?? null) : null);
    if (!authorized(req.headers.authorization)) return { status: 401, body: badCredentialsBody() };

    const fault = faults.next({ n: record.n, operationName: record.operationName, query: record.query, variables: record.variables, document });
    let resourceLimit = options.resourceLimit;
    if (fault) {
      record.fault = fault.kind;
      switch (fault.kind) {
        case '502':
          return { status: 502, body: somethingWentWrongBody(requestId) };
        case '504':
          return { status: 504, body: gatewayTimeoutBody() };
        case 'error-200':
          return { status: 200, body: somethingWentWrongBody(requestId) };
        case 'RATE_LIMITED':
          return { status: 200, body: rateLimitedBody(), headers: budget.headers({ remaining: 0, resetAt: Date.now() + (fault.resetInSeconds ?? 60) * 1000 }) };
        case 'RATE_LIMIT':
          return { status: 200, body: rateLimitVariantBody() };
        case 'secondary': {
          const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
          return { status: 403, body: secondaryLimitBody(), headers };
        }
        case '401':
          return { status: 401, body: badCredentialsBody() };
        case 'drop':
          return 'drop';
        case 'slow':
          await sleep(fault.ms ?? 1000);
          break;
        case 'RESOURCE_LIMITS_EXCEEDED':
          resourceLimit = Math.min(resourceLimit ?? Infinity, fault.limit ?? 0);
          break;
      }
    }

    if (!record.query) {
      record.invalid = ['A query attribute must be specified and must be a string.'];
      return { status: 200, body: { errors: [{ message: record.invalid[0] }] } };
    }
    const check = checkGitHubQuery(document ?? record.query, record.variables, operationName);
    record.cost = check.cost;
    record.nodeCount = check.nodeCount;
    if (check.errors.length > 0 || !document) {
      record.invalid = check.errors.map((error) => error.message);
      return { status: 200, body: { errors: check.errors } };
    }

    if (!isDryRun(document, operationName, record.variables) && !budget.charge(check.cost)) {
      record.rateLimited = true;
      return { status: 200, body: rateLimitedBody(), headers: budget.headers({ remaining: 0 }) };
    }
    const rate = budget.snapshot();
    const context: FakeContext = {
      orgs,
      lookups: 0,
      resourceLimit,
      rateLimit: {
        limit: rate.limit,
        cost: check.cost,
        remaining: rate.remaining,
        used: rate.used,
        resetAt: rate.resetAt.toISOString(),
        nodeCount: check.nodeCount,
      },
    };
    const result = await execute({
      schema: githubSchema(),
      document,
      rootValue: fakeRootValue,
      contextValue: context,
      variableValues: record.variables,
      operationName,
      fieldResolver: fakeFieldResolver,
    });
    let errors: GitHubFormattedError[] = (result.errors ?? []).map(formatGitHubError);
    // One RESOURCE_LIMITS_EXCEEDED error per response, like GitHub, however many fields hit the limit.
    const firstResourceError = errors.find((error) => error.type === 'RESOURCE_LIMITS_EXCEEDED');
    errors = errors.filter((error) => error.type !== 'RESOURCE_LIMITS_EXCEEDED' || error === firstResourceError);
    if (fault?.kind === 'RESOURCE_LIMITS_EXCEEDED' && !firstResourceError) errors.push({ type: 'RESOURCE_LIMITS_EXCEEDED', message: RESOURCE_LIMITS_MESSAGE });
    return { status: 200, body: errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data ?? null } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const record: RecordedRequest = {
      n: ++counter,
      operationName: null,
      query: '',
      variables: {},
      status: 0,
      durationMs: 0,
      cost: 0,
      nodeCount: 0,
      invalid: [],
      fault: null,
      rateLimited: false,
      errorTypes: [],
      maxInFlight: 0,
    };
    requests.push(record);
    active.add(record);
    for (const other of active) other.maxInFlight = Math.max(other.maxInFlight, active.size);
    const requestId = `F4CE:${record.n.toString(16).toUpperCase().padStart(4, '0')}`;
    try {
      const reply = await respond(req, record, requestId);
      if (options.latencyMs) await sleep(options.latencyMs);
      record.durationMs = performance.now() - started;
      if (reply === 'drop') {
        req.socket.destroy();
        return;
      }
      const errors = isRecord(reply.body) && Array.isArray(reply.body['errors']) ? (reply.body['errors'] as { type?: string }[]) : [];
      record.status = reply.status;
      record.errorTypes = errors.map((error) => error.type ?? '');
      res.writeHead(reply.status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v4; format=json',
        'x-github-request-id': requestId,
        ...budget.headers(),
        ...reply.headers,
      });
      res.end(JSON.stringify(reply.body));
    } catch (error) {
      record.status = 500;
      record.durationMs = performance.now() - started;
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ message: `Fake GitHub failed: ${(error as Error).message}` }));
    } finally {
      active.delete(record);
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    addFaults: (...added) => faults.add(added),
    clearRequests: () => {
      requests.length = 0;
    },
    org(login) {
      const org = login === undefined ? orgs[0] : orgs.find((candidate) => candidate.login.toLowerCase() === login.toLowerCase());
      if (!org) throw new Error(`The fake GitHub serves no org ${login}; it serves ${orgs.map((o) => o.login).join(', ')}.`);
      return org;
    },
    rateLimit: () => budget.snapshot(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
