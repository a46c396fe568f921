import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, HttpError, retryAfterMs } from './http-client.ts';

/** A tiny server on 127.0.0.1 whose answers the tests script per path: each call takes the next answer. */
const script = new Map<string, ((req: IncomingMessage, res: ServerResponse) => void)[]>();
const seen: { path: string; authorization?: string }[] = [];
let base = '';
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  seen.push({ path, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
  const next = script.get(path)?.shift();
  if (next) next(req, res);
  else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const json =
  (status: number, body: string, headers: Record<string, string> = {}) =>
  (_req: IncomingMessage, res: ServerResponse) =>
    void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);

/** A client that records its log and its waits instead of sleeping. */
function client(options: Parameters<typeof createHttpClient>[0] = {}) {
  const lines: string[] = [];
  const waits: number[] = [];
  const http = createHttpClient({ log: (line) => lines.push(line), sleep: async (ms) => void waits.push(ms), ...options });
  return { http, lines, waits };
}

describe('the plugins’ HTTP client', () => {
  it('returns the parsed JSON of a 200', async () => {
    script.set('/a', [json(200, '{"n":1}')]);
    expect(await client().http.getJson(`${base}/a`)).toEqual({ n: 1 });
  });

  it('retries a 500 with exponential backoff, then succeeds', async () => {
    script.set('/flaky', [json(500, '{}'), json(502, '{}'), json(200, '{"n":2}')]);
    const { http, waits, lines } = client({ backoffMs: 100 });
    expect(await http.getJson(`${base}/flaky`)).toEqual({ n: 2 });
    expect(waits).toEqual([100, 200]);
    expect(lines[0]).toMatch(/answered HTTP 500; retrying in 100 ms \(attempt 2 of 4\)/);
    expect(http.stats).toMatchObject({ requests: 3, retries: 2, failures: 0 });
  });

  it('gives up after its retries with the last error', async () => {
    script.set('/down', [json(503, '{}'), json(503, '{}'), json(503, '{}')]);
    const { http } = client({ retries: 2 });
    await expect(http.getJson(`${base}/down`)).rejects.toMatchObject({ kind: 'status', status: 503 });
  });

  it('waits for Retry-After on a 429, in seconds or as a date', async () => {
    script.set('/limited', [json(429, '{}', { 'retry-after': '7' }), json(200, '"done"')]);
    const { http, waits } = client();
    expect(await http.getJson(`${base}/limited`)).toBe('done');
    expect(waits).toEqual([7000]);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000);
  });

  it("waits for RateLimit-Reset on a 429 without Retry-After (PagerDuty's)", async () => {
    script.set('/reset', [json(429, '{}', { 'ratelimit-reset': '4' }), json(200, '"done"')]);
    const { http, waits } = client();
    expect(await http.getJson(`${base}/reset`)).toBe('done');
    expect(waits).toEqual([4000]);
  });

  it('fails a 429 whose Retry-After is longer than allowed, without waiting', async () => {
    script.set('/long', [json(429, '{}', { 'retry-after': '3600' })]);
    const { http, waits } = client({ maxRetryAfterMs: 60_000 });
    await expect(http.getJson(`${base}/long`)).rejects.toThrow(/rate-limited: retry after 3600 s, longer than the 60 s allowed/);
    expect(waits).toEqual([]);
  });

  it('does not retry a 401 or 404', async () => {
    script.set('/nope', [json(404, '{}')]);
    const { http, waits } = client();
    await expect(http.getJson(`${base}/nope`)).rejects.toMatchObject({ kind: 'status', status: 404 });
    expect(waits).toEqual([]);
  });

  it('times out a slow answer (per host), and retries it', async () => {
    const slow = (_req: IncomingMessage, res: ServerResponse) => void setTimeout(() => res.writeHead(200).end('{}'), 500);
    script.set('/slow', [slow, slow]);
    const { http, lines } = client({ timeoutMs: 10_000, hostTimeoutsMs: { '127.0.0.1': 50 }, retries: 1 });
    const error = await http.getJson(`${base}/slow`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/timed out after 50 ms/) });
    expect(lines).toHaveLength(1);
  });

  it('reports malformed JSON', async () => {
    script.set('/bad', [json(200, '{"a":')]);
    await expect(client().http.getJson(`${base}/bad`)).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('never logs or throws a credential: headers, query and userinfo stay out, registered secrets are redacted', async () => {
    const secret = 'tok_SECRET_1234567890';
    script.set('/auth', [json(500, '{}'), json(401, '{}')]);
    const { http, lines } = client();
    http.addSecret(secret);
    const error = (await http.getJson(`${base}/auth?token=${secret}`, { headers: { authorization: `Bearer ${secret}` } }).catch((e: unknown) => e)) as Error;
    const inUrl = (await http.getJson(`http://user:${secret}@127.0.0.1/`).catch((e: unknown) => e)) as Error;
    expect(inUrl.message).toMatch(/credentials go in a header/);
    expect(seen.at(-1)?.authorization).toBe(`Bearer ${secret}`);
    const everything = [...lines, error.message, inUrl.message, http.redact(`a ${secret} b`)].join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).toContain('/auth');
    expect(http.redact(`a ${secret} b`)).toBe('a *** b');
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const held = (_req: IncomingMessage, res: ServerResponse) => {
      most = Math.max(most, ++inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end('1');
      }, 20);
    };
    script.set(
      '/held',
      Array.from({ length: 8 }, () => held),
    );
    const { http } = client({ concurrency: 2 });
    await Promise.all(Array.from({ length: 8 }, () => http.getJson(`${base}/held`)));
    expect(most).toBe(2);
  });

  it('refuses a URL that is not http(s)', async () => {
    await expect(client().http.getJson('file:///etc/passwd')).rejects.toThrow(/only http\(s\) URLs/);
  });
});
