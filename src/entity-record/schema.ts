/**
 * What the portal publishes about one entity: its EntityRecord, with owners, systems, relations,
 * repo facts and diagnostics resolved once. Built by src/portal-data/, scored by src/health/
 * (whose checks read it), shown by every entity page. It sits below both, so neither folder
 * imports the other's types.
 */
import { z } from 'zod';
import { ParsedApiSchema } from '../api-docs/index.ts';
import { carriedSpecSchemas, type KindName } from '../catalog-model/kinds/index.ts';
import { DiagnosticSchema } from '../diagnostics/diagnostic.ts';
import { ScorecardSchema } from './scorecard.ts';
import { PluginSectionViewSchema } from './plugin-section.ts';

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

/**
 * Where an entity's documentation is, decided once by the build
 * (src/portal-data/docs-of.ts): the scorecard's "Has documentation", the
 * entity page's Docs button and the health page all read this.
 */
export const EntityDocsSchema = z.object({
  /** Base-relative path of the page the Docs button opens. */
  path: z.string(),
  /**
   * `techdocs`: its TechDocs site; `readme`: its README, shown as a single page;
   * `api-definition`: an API with neither, whose definition parsed, so its definition page documents it.
   */
  from: z.enum(['techdocs', 'readme', 'api-definition']),
});
export type EntityDocs = z.infer<typeof EntityDocsSchema>;

const EntityRecordFields = EntitySummarySchema.extend({
  apiVersion: z.string(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  links: z.array(z.object({ url: z.string(), title: z.string().optional(), icon: z.string().optional(), type: z.string().optional() })),
  source: EntitySourceSchema,
  /** Every relation whose source is this entity, forward and inverse, sorted by type then target. */
  relations: z.array(RelationRecordSchema),
  /** Diagnostics that name this entity. */
  diagnostics: z.array(DiagnosticSchema),
  /** The repo the entity is declared in (absent for entities generated from GitHub teams and people). */
  repo: EntityRepoSchema.optional(),
  /** Absent when the entity has no documentation. */
  docs: EntityDocsSchema.optional(),
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
  /** Entity-page sections from integrations (src/plugins), in config order; absent when no plugin has data for it. */
  plugins: z.array(PluginSectionViewSchema).optional(),
});

/** The record of an entity of `kind`: the fields every entity has, and the spec as its kind's schema parsed it (placeholders resolved). */
function recordOf<K extends KindName>(kind: K) {
  return EntityRecordFields.extend({ kind: z.literal(kind), spec: carriedSpecSchemas[kind] });
}

/** One entity's page data; narrow on `kind` for its typed `spec` (and an API's parsed definition). */
export const EntityRecordSchema = z.discriminatedUnion('kind', [
  recordOf('Component'),
  recordOf('API').extend({
    /** `spec.definition` as the build read it (src/api-docs), once for the scorecard and the pages; absent when it is blank. */
    parsedDefinition: ParsedApiSchema.optional(),
  }),
  recordOf('Resource'),
  recordOf('System'),
  recordOf('Domain'),
  recordOf('Group'),
  recordOf('User'),
  recordOf('Location'),
  recordOf('Template'),
]);
export type EntityRecord = z.infer<typeof EntityRecordSchema>;
/** The record of an entity of one kind: `KindRecord<'API'>`. */
export type KindRecord<K extends KindName> = Extract<EntityRecord, { kind: K }>;
