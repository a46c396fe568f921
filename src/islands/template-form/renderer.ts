/**
 * The form's one link to the shared renderer (src/scaffolder/render, the same code the
 * apply-template action runs). Loaded on first use, after the form is on screen: nunjucks is
 * the island's largest dependency and the form works without it.
 */
import type { DryRunResult, DryRunTemplate } from '../../scaffolder/render/index.ts';

export type { DryRunResult, DryRunStep, DryRunTemplate, RenderedFile, RenderProblem } from '../../scaffolder/render/index.ts';
export type DryRun = (template: DryRunTemplate, parameters: Record<string, unknown>) => DryRunResult;

let loading: Promise<DryRun> | undefined;

export function loadDryRun(): Promise<DryRun> {
  loading ??= import('../../scaffolder/render/index.ts').then((module) => module.dryRun);
  return loading;
}
