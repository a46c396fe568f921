/**
 * The changelog: what changed in the catalog from one deploy to the next, for the last
 * `CHANGELOG_LIMIT` builds that changed something. Published as `changelog.json` (the next build
 * reads it back and adds to it), shown on /changelog/ and followed through /changelog/feed.xml.
 */
import { z } from 'zod';

/** How many builds with changes the changelog keeps. */
export const CHANGELOG_LIMIT = 30;
/** Entities listed per kind of change in one entry; the counts stay exact past it. */
export const LISTED_PER_CHANGE = 200;

export const ChangedEntitySummarySchema = z.object({
  /** Lowercase ref `kind:namespace/name`. */
  ref: z.string(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  title: z.string().optional(),
});
export type ChangedEntitySummary = z.infer<typeof ChangedEntitySummarySchema>;

export const FieldChangeSchema = z.object({
  /** Dotted path of a top-level field: `spec.owner`, `metadata.description`, `relations`. */
  field: z.string(),
  /** The old and new value, when the field is a plain value (string, number, boolean) on that side. */
  from: z.string().optional(),
  to: z.string().optional(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const ChangedEntitySchema = ChangedEntitySummarySchema.extend({ changes: z.array(FieldChangeSchema) });
export type ChangedEntity = z.infer<typeof ChangedEntitySchema>;

export const CatalogChangesSchema = z.object({
  added: z.array(ChangedEntitySummarySchema),
  removed: z.array(ChangedEntitySummarySchema),
  changed: z.array(ChangedEntitySchema),
  /** Exact counts (the lists stop at LISTED_PER_CHANGE), and the entity count before and after. */
  counts: z.object({
    added: z.number().int().nonnegative(),
    removed: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
    before: z.number().int().nonnegative(),
    after: z.number().int().nonnegative(),
  }),
});
export type CatalogChanges = z.infer<typeof CatalogChangesSchema>;

export const ChangelogEntrySchema = CatalogChangesSchema.extend({
  /** When the build that published these changes ran (ISO 8601): the entry's identity. */
  generatedAt: z.string(),
  /** When the deploy it was compared with ran, when known. */
  since: z.string().optional(),
});
export type ChangelogEntry = z.infer<typeof ChangelogEntrySchema>;

export const ChangelogSchema = z.object({
  version: z.literal(1),
  /** When this build ran. */
  generatedAt: z.string(),
  /**
   * The previous deploy this build compared its catalog with: `site` (fetched from the live
   * site) or `previous-output` (left in the output folder by the last build, or restored there
   * from a cache). Absent when there was none: a first build, or one that could not read it.
   */
  comparedWith: z.object({ source: z.enum(['site', 'previous-output']), generatedAt: z.string().optional() }).optional(),
  /** Why the previous deploy could not be read, when it could not: shown on the page, never a failed build. */
  notes: z.array(z.string()),
  /** Newest first, at most CHANGELOG_LIMIT; only builds that changed the catalog. */
  entries: z.array(ChangelogEntrySchema),
});
export type Changelog = z.infer<typeof ChangelogSchema>;
