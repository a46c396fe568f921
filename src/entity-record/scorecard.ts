/**
 * An entity's scorecard, as its record carries it (`EntityRecord.scorecard`): each check's
 * result and the score and level they add up to. src/health/ computes it; the types below come
 * from these schemas and nowhere else.
 */
import { z } from 'zod';

export const CheckStatusSchema = z.enum(['pass', 'fail', 'not-applicable']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

/** What to do about a failing check, and where to do it. */
export const CheckFixSchema = z.object({
  /** One or two sentences: the change to make. */
  text: z.string(),
  /** Where to make it: GitHub's edit page of the catalog file, a new-file page, documentation. */
  url: z.string().optional(),
  /** Link text for `url`. */
  label: z.string().optional(),
});
export type CheckFix = z.infer<typeof CheckFixSchema>;

export const CheckResultSchema = z.object({
  /** Stable id, e.g. `owner-resolves`. */
  id: z.string(),
  title: z.string(),
  status: CheckStatusSchema,
  /** The result for this entity: "Owner group:default/payments-team is not in the catalog". */
  message: z.string(),
  /** Set when the check fails. */
  fix: CheckFixSchema.optional(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** Medal levels, best first. Thresholds live in src/health/levels.ts. */
export const LevelSchema = z.enum(['gold', 'silver', 'bronze', 'below-bronze']);
export type Level = z.infer<typeof LevelSchema>;

export const ScorecardSchema = z.object({
  /** passed / applicable, as a whole percentage (0–100). */
  score: z.number().int().min(0).max(100),
  level: LevelSchema,
  passed: z.number().int().nonnegative(),
  /** Checks that passed or failed (not-applicable ones do not count). */
  applicable: z.number().int().positive(),
  /** Every check of the entity's kind, failing first, then in registry order. */
  checks: z.array(CheckResultSchema),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;
