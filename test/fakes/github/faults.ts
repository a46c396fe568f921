/**
 * Scripted misbehaviour for the fake GitHub, and the bodies GitHub sends when
 * it misbehaves (docs/github-api.md, "What errors look like"). A fault matches requests by
 * operation name and/or a predicate, skips the first `nth - 1` of them and
 * then applies to the next `times` (default 1).
 */
import type { DocumentNode } from 'graphql';

export type FaultKind =
  /** 502 with GitHub's "Something went wrong while executing your query" body (a timeout). */
  | '502'
  /** 504 with GitHub's "We couldn't respond to your request in time" body. */
  | '504'
  /** The "Something went wrong" body with status 200. */
  | 'error-200'
  /** 200 + `type: RATE_LIMITED`, `x-ratelimit-remaining: 0`, reset in `resetInSeconds` (default 60). Only this response: the server's budget is unchanged. */
  | 'RATE_LIMITED'
  /** 200 + `type: RATE_LIMIT, code: graphql_rate_limit` while `x-ratelimit-remaining` is not 0 (seen in the wild). */
  | 'RATE_LIMIT'
  /** 403 secondary rate limit, with `retry-after: retryAfterSeconds` when given. */
  | 'secondary'
  /** 200 with partial data and `type: RESOURCE_LIMITS_EXCEEDED`: page sizes, `nodes` ids and aliased lookups above `limit` (default 0) fail. */
  | 'RESOURCE_LIMITS_EXCEEDED'
  /** Wait `ms` (default 1000) and then answer normally. */
  | 'slow'
  /** Destroy the socket without answering. */
  | 'drop'
  /** 401 Bad credentials, as for an expired installation token. */
  | '401';

/** What a fault predicate sees. `document` is null when the query does not parse. */
export interface FaultRequest {
  n: number;
  operationName: string | null;
  query: string;
  variables: Record<string, unknown>;
  document: DocumentNode | null;
}

export interface Fault {
  kind: FaultKind;
  /** Only requests for this operation (the body's `operationName`, else the document's only operation). */
  operationName?: string;
  /** Only requests for which this returns true. */
  match?: (request: FaultRequest) => boolean;
  /** The first matching request the fault applies to, 1-based (default 1). */
  nth?: number;
  /** How many matching requests, from the nth on, it applies to (default 1; `Infinity` for all). */
  times?: number;
  /** RATE_LIMITED: seconds from now to the reset it announces (default 60). */
  resetInSeconds?: number;
  /** secondary: value of the `retry-after` header; no header when absent. */
  retryAfterSeconds?: number;
  /** slow: delay before answering, in ms (default 1000). */
  ms?: number;
  /** RESOURCE_LIMITS_EXCEEDED: the size above which fields fail (default 0: every bounded field fails). */
  limit?: number;
}

export interface FaultSchedule {
  add(faults: readonly Fault[]): void;
  /** Counts the request against every fault it matches and returns the first one that applies, if any. */
  next(request: FaultRequest): Fault | undefined;
}

export function createFaultSchedule(initial: readonly Fault[] = []): FaultSchedule {
  const entries: { fault: Fault; seen: number; applied: number }[] = [];
  const schedule: FaultSchedule = {
    add(faults) {
      for (const fault of faults) entries.push({ fault, seen: 0, applied: 0 });
    },
    next(request) {
      let chosen: Fault | undefined;
      for (const entry of entries) {
        const { fault } = entry;
        if (fault.operationName !== undefined && fault.operationName !== request.operationName) continue;
        if (fault.match && !fault.match(request)) continue;
        entry.seen++;
        if (chosen || entry.seen < (fault.nth ?? 1) || entry.applied >= (fault.times ?? 1)) continue;
        entry.applied++;
        chosen = fault;
      }
      return chosen;
    },
  };
  schedule.add(initial);
  return schedule;
}

export const DOCUMENTATION_URL = 'https://docs.github.com/graphql';
export const RATE_LIMIT_DOCS_URL = 'https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api';

export const badCredentialsBody = () => ({ message: 'Bad credentials', documentation_url: DOCUMENTATION_URL, status: '401' });

export const somethingWentWrongBody = (requestId: string) => ({
  data: null,
  errors: [
    {
      message: `Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include \`${requestId}\` when reporting this issue.`,
    },
  ],
});

export const gatewayTimeoutBody = () => ({
  message: "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
});

export const RATE_LIMITED_MESSAGE = 'API rate limit exceeded for user ID 1.';
export const rateLimitedBody = () => ({ errors: [{ type: 'RATE_LIMITED', message: RATE_LIMITED_MESSAGE }] });
export const rateLimitVariantBody = () => ({ errors: [{ type: 'RATE_LIMIT', code: 'graphql_rate_limit', message: RATE_LIMITED_MESSAGE }] });

export const secondaryLimitBody = () => ({
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url: `${RATE_LIMIT_DOCS_URL}#secondary-rate-limits`,
});
