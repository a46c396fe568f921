/**
 * One entity's scorecard: run the checks of its kind, score = passed /
 * applicable as a whole percentage, level from the score.
 */
import type { EntityRecord } from '../entity-record/schema.ts';
import type { CheckContext } from './check.ts';
import { checksFor } from './checks/index.ts';
import { levelOf } from './levels.ts';
import type { CheckResult, CheckStatus, Scorecard } from '../entity-record/scorecard.ts';

const statusOrder: Record<CheckStatus, number> = { fail: 0, pass: 1, 'not-applicable': 2 };

/** The scorecard of `entity`, or undefined when no check applies to its kind (Group, User, Location). */
export function scorecardOf(entity: EntityRecord, context: CheckContext): Scorecard | undefined {
  const checks = [
    ...checksFor(entity.kind).map((check): CheckResult => ({ id: check.id, title: check.title, ...check.run(entity, context) })),
    ...(context.extraResults?.get(entity.ref) ?? []),
  ].map((result, index): [CheckResult, number] => [result, index]);
  const passed = checks.filter(([c]) => c.status === 'pass').length;
  const applicable = checks.filter(([c]) => c.status !== 'not-applicable').length;
  if (applicable === 0) return undefined;
  const score = percent(passed, applicable);
  return {
    score,
    level: levelOf(score),
    passed,
    applicable,
    checks: checks.sort(([a, i], [b, j]) => statusOrder[a.status] - statusOrder[b.status] || i - j).map(([c]) => c),
  };
}

/** Whole percentage, rounded down so that only all-pass reaches 100. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 100) / whole);
}
