/**
 * What the renderer returns: the files a template would create and what Frontdoor does with each
 * step. Shared by the dry run in the browser, the build-time checks and the apply-template action.
 */

/** Something that stops a file or a step from rendering as the template meant. */
export interface RenderProblem {
  /** Repo-relative path of the skeleton file (or of template.yaml for a step input). */
  file?: string;
  /** 1-based, as nunjucks reports it. */
  line?: number;
  column?: number;
  /** The step's `id` (or `name`). */
  step?: string;
  message: string;
  fix?: string;
}

export interface RenderedFile {
  /** Output path, relative to the new repo root, after targetPath and name templating; never leaves it. */
  path: string;
  /** Skeleton-relative path it came from. */
  source: string;
  /** Repo-relative skeleton dir. */
  skeleton: string;
  /** Bytes: of the rendered text, or of the file as it is. */
  size: number;
  /** Rendered (or copied) text; absent for binary files and files left out of the published data. */
  text?: string;
  /** Copied byte for byte by the action. */
  binary?: boolean;
  /** Went through nunjucks (false for copyWithoutTemplating/copyWithoutRender, fetch:plain and binary files). */
  templated: boolean;
}

/**
 * - rendered: fetch:template / fetch:plain, done by the dry run and the action;
 * - github-copy: publish:*, GitHub's create-from-template makes the repo;
 * - crawl: catalog:register, the nightly crawl registers catalog-info.yaml;
 * - log: debug:log;
 * - manual: anything else, not run.
 */
export type StepHandling = 'rendered' | 'github-copy' | 'crawl' | 'log' | 'manual';

export interface DryRunStep {
  id?: string;
  name?: string;
  action: string;
  handling: StepHandling;
  /** What Frontdoor does for this step, in a sentence. */
  note: string;
  /** The step's input, templated with the values (secrets are empty). */
  input: unknown;
  /** Its `if` rendered falsy: Backstage skips it, and so does the action. */
  skipped?: boolean;
  /** The `each` item this entry renders (one entry per item), as Backstage's `each: { key, value }`. */
  each?: { key: string; value: unknown };
}

export interface DryRunResult {
  files: RenderedFile[];
  steps: DryRunStep[];
  problems: RenderProblem[];
}
