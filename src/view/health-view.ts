/**
 * Words for the health page's lists (src/pages/health/index.astro): why an
 * entity is an orphan, why it is stale.
 */
import type { HealthOverview } from '../health/schema.ts';

type Orphan = HealthOverview['orphans'][number];
type Stale = HealthOverview['stale'][number];

export function orphanReason(reason: Orphan['reason']): string {
  switch (reason) {
    case 'missing':
      return 'No owner set';
    case 'dangling':
      return 'Owner is not in the catalog';
    case 'wrong-kind':
      return 'Owner is not a Group or User';
  }
}

/** Why an entity is listed as stale, most serious first. */
export function staleReasons(entry: Stale): string[] {
  const reasons: string[] = [];
  if (entry.archived) reasons.push('Repository archived');
  if (entry.inactive) reasons.push(`No commit for ${entry.inactive.days} days (last ${entry.inactive.date.slice(0, 10)})`);
  if (entry.crawlFailedSince) reasons.push(`Crawl failing since ${entry.crawlFailedSince.slice(0, 10)}: content may be out of date`);
  return reasons;
}

/** Share of applicable results that passed, as a whole percentage (0 when none applied). */
export function passRate(check: { passed: number; failed: number }): number {
  const applicable = check.passed + check.failed;
  return applicable === 0 ? 0 : Math.floor((check.passed * 100) / applicable);
}

const KIND_LABELS: Readonly<Record<string, string>> = { api: 'API' };

/** A lowercase kind as the catalog writes it: `api` → API, `component` → Component. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
}
