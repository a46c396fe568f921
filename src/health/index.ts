/**
 * Stage entry: finished entities → scorecards and the org health overview.
 * Runs after the rest of PortalData is built (it reads resolved owners,
 * relations, repo facts and diagnostics), and never reads the clock: the
 * build time comes in as `now`.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { EntityRecord } from '../entity-record/schema.ts';
import type { CheckContext } from './check.ts';
import { healthOverview } from './overview.ts';
import { scorecardOf } from './scorecard.ts';
import type { HealthOverview } from './schema.ts';
import type { Scorecard } from '../entity-record/scorecard.ts';

export interface ScoreInput {
  entities: readonly EntityRecord[];
  diagnostics: readonly Diagnostic[];
  /** The build time. */
  now: Date;
  /** Config `health.staleAfterDays`. */
  staleAfterDays: number;
}

export interface ScoreResult {
  /** By entity ref; entities of kinds no check applies to (Group, User, Location) have none. */
  scorecards: ReadonlyMap<string, Scorecard>;
  overview: HealthOverview;
}

export function scoreEntities(input: ScoreInput): ScoreResult {
  const context: CheckContext = {
    now: input.now,
    staleAfterDays: input.staleAfterDays,
    byRef: new Map(input.entities.map((e) => [e.ref, e])),
  };
  const scorecards = new Map<string, Scorecard>();
  for (const entity of input.entities) {
    const scorecard = scorecardOf(entity, context);
    if (scorecard) scorecards.set(entity.ref, scorecard);
  }
  return { scorecards, overview: healthOverview({ ...input, byRef: context.byRef, scorecards }) };
}

export { CHECKS } from './checks/index.ts';
export { LEVELS, levelLabel } from './levels.ts';
