/**
 * The fake's primary rate limit: a budget of points that each executed query
 * pays its cost from, refilled hourly, reported in `x-ratelimit-*` headers on
 * every response and in `rateLimit { … }` (docs/github-api.md, "Limits").
 */
const HOUR_MS = 3_600_000;

export interface RateLimitOptions {
  /** Default 5,000 points. */
  limit?: number;
  /** Default: the whole limit. */
  remaining?: number;
  /** Default: an hour after start; then hourly. */
  resetAt?: Date | string;
}

export interface RateLimitSnapshot {
  limit: number;
  remaining: number;
  used: number;
  resetAt: Date;
}

export interface RateBudget {
  /** Pays `cost` if the budget holds it; false (nothing paid) when it does not. */
  charge(cost: number): boolean;
  snapshot(): RateLimitSnapshot;
  /** Headers for a response; a fault may announce its own remaining/reset. */
  headers(override?: { remaining: number; resetAt?: number }): Record<string, string>;
}

export function createRateBudget(options: RateLimitOptions = {}): RateBudget {
  const limit = options.limit ?? 5000;
  let remaining = options.remaining ?? limit;
  let resetAt = options.resetAt === undefined ? Date.now() + HOUR_MS : new Date(options.resetAt).getTime();
  const refresh = () => {
    if (Date.now() < resetAt) return;
    remaining = limit;
    resetAt = Date.now() + HOUR_MS;
  };
  return {
    charge(cost) {
      refresh();
      if (remaining < cost) return false;
      remaining -= cost;
      return true;
    },
    snapshot() {
      refresh();
      return { limit, remaining, used: limit - remaining, resetAt: new Date(resetAt) };
    },
    headers(override) {
      refresh();
      const shownRemaining = override?.remaining ?? remaining;
      return {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(shownRemaining),
        'x-ratelimit-used': String(limit - shownRemaining),
        'x-ratelimit-reset': String(Math.ceil((override?.resetAt ?? resetAt) / 1000)),
        'x-ratelimit-resource': 'graphql',
      };
    },
  };
}
