/**
 * What the build publishes about each software template, for its page, its form and its dry run
 * (issue 12). One JSON file per template (`create/templates/<namespace>/<name>/template.json`),
 * fetched by the form island when the launch page opens; the gallery and the page read the same
 * records at build time.
 *
 * Skeleton files are carried as text, so the dry run renders in the browser with the same renderer
 * (src/scaffolder/render) the apply-template action runs; binary files are listed with their size
 * and copied as they are.
 */
import { z } from 'zod';

export const SkeletonFileSchema = z.object({
  /** Path inside the skeleton folder, `/`-separated, never leaving it (`src/index.ts`). */
  path: z.string(),
  size: z.number().int().nonnegative(),
  /** The file's text; absent for binary files and files left out for size. */
  text: z.string().optional(),
  /** Contains NUL bytes: copied as it is, never rendered. */
  binary: z.boolean().optional(),
  /** Not published: over the size limit (the action still copies or renders it from the repo). */
  omitted: z.enum(['too-large', 'unreadable']).optional(),
});
export type SkeletonFile = z.infer<typeof SkeletonFileSchema>;

export const SkeletonSchema = z.object({
  /** Repo-relative folder (`templates/spring-boot-service/skeleton`). */
  dir: z.string(),
  files: z.array(SkeletonFileSchema),
  /** More files than the build reads from one folder (limits.maxDocsFiles). */
  truncated: z.boolean(),
});
export type Skeleton = z.infer<typeof SkeletonSchema>;

export const TemplateRepoSchema = z.object({
  /** GitHub owner (the org) and repo name. */
  owner: z.string(),
  name: z.string(),
  /** Web URL, when the source knows it. */
  url: z.string().optional(),
  defaultBranch: z.string().optional(),
  /** GitHub's "template repository" flag: only such a repo has a create-from-template page. */
  isTemplate: z.boolean(),
  visibility: z.enum(['public', 'internal', 'private']),
});
export type TemplateRepo = z.infer<typeof TemplateRepoSchema>;

/** The data the form island loads: the template's spec as written, and the skeletons its fetch steps name. */
export const TemplateLaunchDataSchema = z.object({
  /** Canonical ref, `template:default/spring-boot-service`. */
  ref: z.string(),
  namespace: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string().optional(),
  /** `spec.parameters` and `spec.steps` as the catalog file has them (validated as a Template). */
  parameters: z.unknown(),
  steps: z.array(z.looseObject({ id: z.string().optional(), name: z.string().optional(), action: z.string(), input: z.unknown().optional() })),
  /** Repo-relative path of the template file (`templates/spring-boot-service/template.yaml`). */
  templatePath: z.string(),
  repo: TemplateRepoSchema,
  /** Skeleton folder (repo-relative) → its files. */
  skeletons: z.record(z.string(), SkeletonSchema),
});
export type TemplateLaunchData = z.infer<typeof TemplateLaunchDataSchema>;
