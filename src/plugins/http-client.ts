/**
 * The build's one HTTP client for plugins: every request to an outside service goes through it,
 * so they all get the same limits and the same care with secrets.
 * - a timeout per request, configurable per host (a slow service costs its own plugin time, not the build's);
 * - retries with exponential backoff on network errors, timeouts and 5xx;
 * - 429 and 503 wait for `Retry-After` (seconds or an HTTP date), up to a cap, then fail;
 * - a concurrency limit shared by all plugins;
 * - progress lines (retries, and a count every `progressEvery` requests) that show the method,
 *   host and path only (never the query, userinfo or headers), with every registered secret redacted;
 *   errors thrown are redacted the same way.
 */

export interface HttpClientOptions {
  /** Per-request timeout, in ms; default 10 s. */
  timeoutMs?: number;
  /** Per-host timeouts (`sonar.example.com` → 30000) overriding `timeoutMs`. */
  hostTimeoutsMs?: Readonly<Record<string, number>>;
  /** Retries after the first attempt; default 3. */
  retries?: number;
  /** First backoff, in ms, doubled on each retry; default 500. */
  backoffMs?: number;
  /** Longest `Retry-After` honoured, in ms; longer fails the request (rate-limited). Default 60 s. */
  maxRetryAfterMs?: number;
  /** Requests in flight at once, across plugins; default 4. */
  concurrency?: number;
  /** A progress line every this many finished requests; default 50. */
  progressEvery?: number;
  log?: (line: string) => void;
  /** Where requests go; default the network. Demo mode replays recorded responses (demo-recording.ts). */
  fetch?: typeof fetch;
  /** Tests make waiting instant. */
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpRequest {
  headers?: Readonly<Record<string, string>>;
}

export type HttpErrorKind = 'timeout' | 'network' | 'status' | 'rate-limited' | 'malformed';

/** A request that failed for good (after its retries); `message` is safe to log and publish. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly kind: HttpErrorKind;
  readonly status: number | undefined;
  constructor(message: string, kind: HttpErrorKind, status?: number) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

export interface HttpClient {
  /** GET `url` and parse its JSON body; throws an HttpError. */
  getJson(url: string, request?: HttpRequest): Promise<unknown>;
  /** Never print `value`: it is replaced with `***` in every line and error this client writes. */
  addSecret(value: string): void;
  redact(text: string): string;
  readonly stats: { requests: number; retries: number; failures: number };
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const progressEvery = options.progressEvery ?? 50;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const secrets = new Set<string>();
  const stats = { requests: 0, retries: 0, failures: 0 };
  const limit = semaphore(options.concurrency ?? 4);
  const send = options.fetch ?? fetch;

  const redact = (text: string): string => {
    let out = text;
    // Longest first, so a secret that contains another is hidden whole.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
    return out;
  };
  const log = (line: string) => options.log?.(redact(line));

  async function attempt(url: URL, request: HttpRequest): Promise<{ ok: true; body: unknown } | { ok: false; error: HttpError; waitMs?: number }> {
    const shown = showUrl(url);
    const ms = options.hostTimeoutsMs?.[url.hostname] ?? timeoutMs;
    let response: Response;
    let body: string;
    try {
      response = await send(url, { headers: { accept: 'application/json', ...request.headers }, signal: AbortSignal.timeout(ms), redirect: 'error' });
      body = await response.text();
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      const error_ = timedOut
        ? new HttpError(`GET ${shown} timed out after ${ms} ms`, 'timeout')
        : new HttpError(`GET ${shown} failed: ${redact(causeText(error))}`, 'network');
      return { ok: false, error: error_ };
    }
    if (response.status === 429 || (response.status === 503 && response.headers.has('retry-after'))) {
      // `Retry-After` (RFC 9110), else the IETF RateLimit draft's `RateLimit-Reset`, in seconds, which
      // PagerDuty sends on its 429s instead (developer.pagerduty.com, "Rate Limiting").
      const waitMs =
        retryAfterMs(response.headers.get('retry-after'), Date.now()) ?? retryAfterMs(response.headers.get('ratelimit-reset'), Date.now()) ?? backoffMs;
      if (waitMs > maxRetryAfterMs)
        return {
          ok: false,
          error: new HttpError(
            `GET ${shown} is rate-limited: retry after ${Math.ceil(waitMs / 1000)} s, longer than the ${maxRetryAfterMs / 1000} s allowed`,
            'rate-limited',
            response.status,
          ),
        };
      return { ok: false, error: new HttpError(`GET ${shown} is rate-limited (HTTP ${response.status})`, 'rate-limited', response.status), waitMs };
    }
    if (!response.ok) return { ok: false, error: new HttpError(`GET ${shown} answered HTTP ${response.status}`, 'status', response.status) };
    try {
      return { ok: true, body: JSON.parse(body) as unknown };
    } catch {
      return { ok: false, error: new HttpError(`GET ${shown} answered with malformed JSON`, 'malformed', response.status) };
    }
  }

  async function getJson(href: string, request: HttpRequest = {}): Promise<unknown> {
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new HttpError(`GET ${showUrl(url)}: only http(s) URLs are fetched`, 'network');
    if (url.username || url.password) throw new HttpError(`GET ${showUrl(url)}: credentials go in a header, never in the URL`, 'network');
    return limit(async () => {
      for (let tries = 0; ; tries++) {
        stats.requests++;
        const result = await attempt(url, request);
        if (stats.requests % progressEvery === 0) log(`${stats.requests} requests (${stats.retries} retries, ${stats.failures} failed)`);
        if (result.ok) return result.body;
        const { error } = result;
        const retryable =
          tries < retries &&
          (error.kind === 'timeout' ||
            error.kind === 'network' ||
            (error.kind === 'rate-limited' && result.waitMs !== undefined) ||
            (error.kind === 'status' && RETRYABLE_STATUS.has(error.status ?? 0)));
        if (!retryable) {
          stats.failures++;
          throw new HttpError(redact(error.message), error.kind, error.status);
        }
        const waitMs = result.waitMs ?? backoffMs * 2 ** tries;
        stats.retries++;
        log(`${error.message}; retrying in ${formatWait(waitMs)} (attempt ${tries + 2} of ${retries + 1})`);
        await sleep(waitMs);
      }
    });
  }

  return {
    getJson,
    addSecret: (value) => {
      // A one-character "secret" would redact every line into noise; such a value protects nothing anyway.
      if (value.length >= 4) secrets.add(value);
    },
    redact,
    stats,
  };
}

/** Method-free display of a URL: origin and path, never userinfo or the query (which may hold a token). */
export function showUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** `Retry-After` as ms from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The reason under undici's generic "fetch failed": its cause's message (ECONNREFUSED, ENOTFOUND…). */
function causeText(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : error instanceof Error ? error.message : 'unknown error';
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}

/** At most `max` calls of the returned function run at once; the others wait in order. */
function semaphore(max: number): <T>(run: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (run) => {
    // A finishing call hands its slot straight to the next waiter, so no newcomer can slip in between.
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await run();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
