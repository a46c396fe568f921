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
import type { CheckResult, Scorecard } from '../entity-record/scorecard.ts';

/**
 * Checks whose results were computed elsewhere: the plugins' (src/plugins/run-plugins.ts), which
 * need the data a plugin read at build time. They join each entity's scorecard after the registry's
 * checks, and the overview's per-check counts.
 */
export interface ExtraChecks {
  /** In the order the overview lists them. */
  definitions: readonly { id: string; title: string }[];
  /** By entity ref. */
  results: ReadonlyMap<string, readonly CheckResult[]>;
}

export interface ScoreInput {
  entities: readonly EntityRecord[];
  diagnostics: readonly Diagnostic[];
  /** The build time. */
  now: Date;
  /** Config `health.staleAfterDays`. */
  staleAfterDays: number;
  /** The plugins' check results (src/plugins). */
  extraChecks?: ExtraChecks;
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
    ...(input.extraChecks ? { extraResults: input.extraChecks.results } : {}),
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
