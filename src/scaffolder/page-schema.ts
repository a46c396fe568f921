/**
 * What the template stage hands the site (issue 12): gallery cards for /create/, one record per
 * template page (/create/templates/<namespace>/<name>/), and the launch data the form island
 * fetches. Everything a page shows is decided here, so the .astro files only read it.
 */
import { z } from 'zod';
import { DiagnosticSchema } from '../diagnostics/diagnostic.ts';
import { TemplateLaunchDataSchema, TemplateRepoSchema } from './schema.ts';

/** One card of the gallery: a Template entity, or a GitHub template repository without one. */
export const TemplateCardSchema = z.object({
  /** `template:default/spring-boot-service`, or `repo:<name>` for a template repository without a Template entity. */
  id: z.string(),
  kind: z.enum(['template', 'repo']),
  title: z.string(),
  description: z.string().optional(),
  /** `spec.type` (`service`, `website`, …); a repo card has none. */
  type: z.string().optional(),
  tags: z.array(z.string()),
  /** Owner ref and its display name, when the catalog has the owner. */
  owner: z.string().optional(),
  ownerName: z.string().optional(),
  /** The skeleton's main language (by file extensions), else the repo's GitHub language. */
  language: z.string().optional(),
  /** ISO date of the template repo's last commit. */
  updated: z.string().optional(),
  recommended: z.boolean(),
  /** Base-relative page path (`create/templates/default/x/`) for a Template; absent for a repo card. */
  path: z.string().optional(),
  /** GitHub's create-from-template page (`https://github.com/<owner>/<repo>/generate`), when the repo is a template repository. */
  generateUrl: z.string().optional(),
  /** Errors and warnings of the build-time checks, for the card's badge. */
  problems: z.object({ errors: z.number().int().nonnegative(), warnings: z.number().int().nonnegative() }),
});
export type TemplateCard = z.infer<typeof TemplateCardSchema>;

/** One form field as documentation: what the user is asked for and how the form treats it. */
export const ParameterFieldSchema = z.object({
  /** Property path inside the step (`repoUrl`, `database.engine`). */
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  /** JSON Schema `type` (a list joined with ` | `), `—` when none is given. */
  type: z.string(),
  /** The default as JSON text. */
  default: z.string().optional(),
  required: z.boolean(),
  /** Allowed values with their labels (`enumNames`). */
  enum: z.array(z.object({ value: z.string(), label: z.string().optional() })).optional(),
  pattern: z.string().optional(),
  /** Other constraints worth knowing: `maxLength 200`, `format email`. */
  constraints: z.array(z.string()),
  /** `ui:*` keys with their values as JSON text (`ui:field` → `"OwnerPicker"`). */
  ui: z.array(z.object({ key: z.string(), value: z.string() })),
  /** A `ui:field` this portal has no equivalent for: the form shows a text field instead. */
  unknownField: z.string().optional(),
});
export type ParameterField = z.infer<typeof ParameterFieldSchema>;

export const ParameterStepSchema = z.object({
  title: z.string(),
  description: z.string().optional(),
  fields: z.array(ParameterFieldSchema),
  /** The step also branches (`dependencies`, `oneOf`, `if`): fields that appear only for some answers are not listed. */
  conditional: z.boolean(),
});
export type ParameterStep = z.infer<typeof ParameterStepSchema>;

/** One line of the skeleton's file tree, in depth-first order. */
export const TreeRowSchema = z.object({
  /** Path relative to the new repo's root, as written in the skeleton (templated names unresolved). */
  path: z.string(),
  name: z.string(),
  depth: z.number().int().nonnegative(),
  dir: z.boolean(),
  size: z.number().int().nonnegative().optional(),
  binary: z.boolean().optional(),
  /** The name holds `${{ }}`: it is resolved from the values. */
  templatedName: z.boolean().optional(),
});
export type TreeRow = z.infer<typeof TreeRowSchema>;

/** An item of the "what you get" checklist (`ci`, `catalog-info`, `docs`, `dockerfile`, `codeowners`, `tests`). */
export const ChecklistItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  present: z.boolean(),
  /** The skeleton files that provide it. */
  files: z.array(z.string()),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const StepHandlingSchema = z.enum(['rendered', 'github-copy', 'crawl', 'log', 'manual']);

/** A template step and what Frontdoor does for it. */
export const StepDocSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  action: z.string(),
  handling: StepHandlingSchema,
  /** What happens instead of Backstage's action. */
  note: z.string(),
  /** For a step not run (`manual`): its input, rendered with the sample values, as YAML. */
  input: z.string().optional(),
});
export type StepDoc = z.infer<typeof StepDocSchema>;

export const TemplatePageSchema = z.object({
  ref: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** Base-relative page path, `create/templates/<namespace>/<name>/`. */
  path: z.string(),
  /** Base-relative path of the launch data the form fetches. */
  dataPath: z.string(),
  /** Base-relative path of the Template's catalog page. */
  entityPath: z.string(),
  card: TemplateCardSchema,
  lifecycle: z.string().optional(),
  repo: TemplateRepoSchema,
  templatePath: z.string(),
  /** The template file on GitHub, when the repo has a web URL. */
  templateUrl: z.string().optional(),
  parameters: z.array(ParameterStepSchema),
  /** `ui:field`s the form shows as plain text fields. */
  unknownFields: z.array(z.string()),
  skeletons: z.array(z.object({ dir: z.string(), targetPath: z.string().optional(), truncated: z.boolean(), files: z.number().int().nonnegative() })),
  tree: z.array(TreeRowSchema),
  checklist: z.array(ChecklistItemSchema),
  steps: z.array(StepDocSchema),
  /** The opt-in workflow a template repo adds so the action completes GitHub's copy. */
  workflow: z.object({
    path: z.string(),
    yaml: z.string(),
    /** Config `templates.action`, when set: the form's instructions name it. */
    action: z.string().optional(),
    actionConfigured: z.boolean(),
    /** The template repo has the workflow. */
    present: z.boolean(),
  }),
  /** Where the build-time checks' values came from: the parameters' defaults and examples, or a values file. */
  sampleValues: z.object({ source: z.string(), synthesized: z.array(z.string()) }),
  diagnostics: z.array(DiagnosticSchema),
});
export type TemplatePage = z.infer<typeof TemplatePageSchema>;

/** The template stage's output, as PortalData carries it. */
export const TemplatesDataSchema = z.object({
  /** Recommended first, then by title. */
  cards: z.array(TemplateCardSchema),
  pages: z.array(TemplatePageSchema),
  launch: z.array(TemplateLaunchDataSchema),
});
export type TemplatesData = z.infer<typeof TemplatesDataSchema>;

export const emptyTemplatesData: TemplatesData = { cards: [], pages: [], launch: [] };
