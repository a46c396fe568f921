/**
 * The template renderer: Backstage's `fetch:template` without a backend. In: a template's steps,
 * its skeleton files (as the build publishes them) and the form's values. Out: the files the new
 * repo gets, what happens to each step, and the problems found. The same code runs in the
 * browser's dry run, in the build's template checks and in the apply-template action, so what the
 * dry run shows is what the action commits.
 *
 * Pure: no `node:` imports; it bundles for the browser and for Node.
 */
import { createRenderer } from './nunjucks-env.ts';

export { dryRun, type DryRunContext, type DryRunTemplate } from './dry-run.ts';
export { TemplateRenderError } from './nunjucks-env.ts';
export type { DryRunResult, DryRunStep, RenderedFile, RenderProblem, StepHandling } from './types.ts';

const renderBackstage = createRenderer();

/** Render one string with Backstage's `${{ }}` syntax and filters. Throws `TemplateRenderError`. */
export function renderTemplateString(source: string, context: Record<string, unknown>): string {
  return renderBackstage(source, context);
}
