/**
 * PortalData: the finished, serializable result of the pipeline that the
 * Astro site reads (through the content loader in src/content.config.ts).
 * Pages never recompute catalog logic: owners, systems, relations and
 * diagnostics per entity are all resolved here, once.
 */
import { z } from 'zod';
import { ChangelogSchema } from '../changelog/schema.ts';
import { DiagnosticSchema } from '../diagnostics/diagnostic.ts';
import { EntityRecordSchema } from '../entity-record/schema.ts';
import { HealthOverviewSchema } from '../health/schema.ts';
import { emptyTemplatesData, TemplatesDataSchema } from '../scaffolder/page-schema.ts';

export const RepoRecordSchema = z.object({
  name: z.string(),
  url: z.string().optional(),
  description: z.string().optional(),
  catalogFiles: z.array(z.string()),
  entityCount: z.number().int().nonnegative(),
  head: z.object({ commit: z.string(), date: z.string().optional() }).optional(),
});
export type RepoRecord = z.infer<typeof RepoRecordSchema>;

export const PortalMetaSchema = z.object({
  title: z.string(),
  org: z.string(),
  source: z.string(),
  generatedAt: z.string(),
  /** The portal's own GitHub repo (`owner/name`) when the build runs in GitHub Actions: the PR check's workflow calls it. */
  portalRepo: z.string().optional(),
  counts: z.object({
    repos: z.number().int(),
    entities: z.number().int(),
    byKind: z.record(z.string(), z.number().int()),
    errors: z.number().int(),
    warnings: z.number().int(),
  }),
});
export type PortalMeta = z.infer<typeof PortalMetaSchema>;

export const PortalDataSchema = z.object({
  meta: PortalMetaSchema,
  entities: z.array(EntityRecordSchema),
  repos: z.array(RepoRecordSchema),
  /** All diagnostics, in stable order. */
  diagnostics: z.array(DiagnosticSchema),
  /** The org health overview (src/health): scores by team and system, orphans, stale and deprecated entities. */
  health: HealthOverviewSchema,
  /** Software templates (src/scaffolder): the gallery's cards, the template pages and the forms' launch data. */
  templates: TemplatesDataSchema.default(emptyTemplatesData),
  /** What changed since the previous deploy, for the last builds (src/changelog); absent until the build adds it. */
  changelog: ChangelogSchema.optional(),
});
export type PortalData = z.infer<typeof PortalDataSchema>;
