/**
 * The org health overview, as PortalData carries it (`PortalData.health`); each
 * entity's scorecard is in src/entity-record/scorecard.ts. The types below come
 * from these schemas and nowhere else.
 */
import { z } from 'zod';
import { LevelSchema } from '../entity-record/scorecard.ts';

const ref = z.string();
const count = z.number().int().nonnegative();

/** Average score of a group of scored entities (a team's, a system's). */
export const ScoreGroupSchema = z.object({
  /** Lowercase ref of the owner (Group or User) or of the System. */
  ref,
  /** Scored entities in the group. */
  entities: count,
  /** Mean of their scores, rounded to a whole percentage. */
  averageScore: z.number().int().min(0).max(100),
  level: LevelSchema,
});
export type ScoreGroup = z.infer<typeof ScoreGroupSchema>;

export const HealthOverviewSchema = z.object({
  /** The threshold the "recent activity" check used (config `health.staleAfterDays`). */
  staleAfterDays: z.number().int().positive(),
  /** Entities with a scorecard, and their mean score (0 when there are none). */
  scored: count,
  averageScore: z.number().int().min(0).max(100),
  /** Scored entities per level, in LevelSchema order. */
  levels: z.array(z.object({ level: LevelSchema, entities: count })),
  /** By owner (Group or User that exists), highest average first. */
  byTeam: z.array(ScoreGroupSchema),
  /** By System (the system itself and its parts), highest average first. */
  bySystem: z.array(ScoreGroupSchema),
  /** Per check, across the org, in registry order. */
  byCheck: z.array(z.object({ id: z.string(), title: z.string(), passed: count, failed: count, notApplicable: count })),
  /** Entities whose owner is missing, not in the catalog, or not a Group or User. */
  orphans: z.array(z.object({ ref, owner: ref.optional(), reason: z.enum(['missing', 'dangling', 'wrong-kind']) })),
  /** Entities whose repo is archived, inactive beyond the threshold, or stale after a failed crawl. */
  stale: z.array(
    z.object({
      ref,
      repo: z.string(),
      archived: z.boolean(),
      /** Last commit date and its age in days, when older than the threshold. */
      inactive: z.object({ date: z.string(), days: count }).optional(),
      /** The crawl could not read the repo since then: its content is older. */
      crawlFailedSince: z.string().optional(),
    }),
  ),
  /** Deprecated entities that existing entities still depend on or consume. */
  deprecatedInUse: z.array(z.object({ ref, usedBy: z.array(ref) })),
  /** Error diagnostics on entities each owner owns, most first. */
  errorsByTeam: z.array(z.object({ ref, errors: count, entities: count })),
  /** Errors no team owns (no entity, an unknown entity, or an orphan), per repo ('' for configuration). */
  errorsWithoutTeam: z.array(z.object({ repo: z.string(), errors: count })),
});
export type HealthOverview = z.infer<typeof HealthOverviewSchema>;
