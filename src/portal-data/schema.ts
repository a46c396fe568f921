/**
 * PortalData: the finished, serializable result of the pipeline that the
 * Astro site reads (through the content loader in src/content.config.ts).
 * Pages never recompute catalog logic: owners, systems, relations and
 * diagnostics per entity are all resolved here, once.
 */
import { z } from 'zod';
import { DiagnosticSchema } from '../diagnostics/diagnostic.ts';
import { HealthOverviewSchema, ScorecardSchema } from '../health/schema.ts';

export const RelationRecordSchema = z.object({
  /** Relation type as Backstage names it: ownedBy, ownerOf, partOf, hasPart, … */
  type: z.string(),
  /** Lowercase target ref `kind:namespace/name`. */
  target: z.string(),
  /** False when no entity with that ref exists (a dangling reference). */
  exists: z.boolean(),
});
export type RelationRecord = z.infer<typeof RelationRecordSchema>;

export const EntitySummarySchema = z.object({
  /** Lowercase ref `kind:namespace/name`, the entity's identity. */
  ref: z.string(),
  /** Kind as written in the file (`Component`, `API`, …). */
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  /** spec.type, when the kind has one. */
  type: z.string().optional(),
  lifecycle: z.string().optional(),
  /** Lowercase refs resolved with Backstage's defaults (may be dangling: check `exists` in relations). */
  owner: z.string().optional(),
  system: z.string().optional(),
  domain: z.string().optional(),
  tags: z.array(z.string()),
  /** Base-relative page path, `catalog/<namespace>/<kind>/<name>/` (all lowercase). */
  path: z.string(),
});
export type EntitySummary = z.infer<typeof EntitySummarySchema>;

/** Facts about the repo an entity lives in, for its page and its scorecard. */
export const EntityRepoSchema = z.object({
  name: z.string(),
  url: z.string().optional(),
  defaultBranch: z.string().optional(),
  archived: z.boolean(),
  /** A GitHub template repository: "Use this template" creates a new repo from it. */
  isTemplate: z.boolean(),
  visibility: z.enum(['public', 'internal', 'private']),
  /** HEAD of the default branch: the repo's last activity. */
  lastCommit: z.object({ sha: z.string(), date: z.string().optional() }).optional(),
  /** Which CODEOWNERS file GitHub would use, if any. */
  codeowners: z.string().optional(),
  /** Set when the last crawl could not read the repo (its content is older). */
  staleSince: z.string().optional(),
});
export type EntityRepo = z.infer<typeof EntityRepoSchema>;

export const EntitySourceSchema = z.object({
  repo: z.string(),
  /** Repo-relative path of the file the entity was read from. */
  path: z.string(),
  /** 0-based index among the file's non-empty YAML documents (Backstage's numbering). */
  document: z.number().int().nonnegative(),
  line: z.number().int().nonnegative(),
  /** Web URL of the repository and of the file, when the repo has one. */
  repoUrl: z.string().optional(),
  fileUrl: z.string().optional(),
  /** GitHub's edit page for the file: a change to the entity is a pull request. */
  editUrl: z.string().optional(),
});

export const EntityRecordSchema = EntitySummarySchema.extend({
  apiVersion: z.string(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  links: z.array(z.object({ url: z.string(), title: z.string().optional(), icon: z.string().optional(), type: z.string().optional() })),
  /** The validated spec, placeholders resolved (e.g. an API's definition text). */
  spec: z.record(z.string(), z.unknown()),
  source: EntitySourceSchema,
  /** Every relation whose source is this entity, forward and inverse, sorted by type then target. */
  relations: z.array(RelationRecordSchema),
  /** Diagnostics that name this entity. */
  diagnostics: z.array(DiagnosticSchema),
  /** The repo the entity is declared in (absent for entities generated from GitHub teams and people). */
  repo: EntityRepoSchema.optional(),
  /** `backstage.io/techdocs-ref` is set: the entity has TechDocs. */
  hasDocs: z.boolean(),
  /** Base-relative path of the entity's rendered docs (TechDocs, or its README as a single page). */
  docsPath: z.string().optional(),
  /** Where the entity came from, when not from a catalog file: a GitHub team or user, or a repo without a catalog file. */
  origin: z
    .object({
      kind: z.enum(['github-team', 'github-user', 'inferred']),
      /** The team or user on GitHub. */
      url: z.string().optional(),
      /** For an inferred entity: GitHub's new-file page with a prefilled catalog-info.yaml. */
      registerUrl: z.string().optional(),
    })
    .optional(),
  /** Scorecard checks and score (src/health); absent for kinds no check applies to (Group, User, Location). */
  scorecard: ScorecardSchema.optional(),
});
export type EntityRecord = z.infer<typeof EntityRecordSchema>;

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
});
export type PortalData = z.infer<typeof PortalDataSchema>;
