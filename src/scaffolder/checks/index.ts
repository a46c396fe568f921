/**
 * Every build-time template check, in the order a template's diagnostics read best: where the
 * skeleton is, whether the form compiles, then what rendering with the sample values gives, then
 * the repo's setup and the steps left to people.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { catalogInfo } from './catalog-info.ts';
import type { TemplateCheck, TemplateCheckContext } from './check.ts';
import { manualSteps } from './manual-steps.ts';
import { outputSyntax } from './output-syntax.ts';
import { parametersSchema } from './parameters-schema.ts';
import { renderProblems } from './render-problems.ts';
import { repoSetup } from './repo-setup.ts';
import { skeletonPresent } from './skeleton-present.ts';
import { unrenderedExpressions } from './unrendered-expressions.ts';

export type { TemplateCheck, TemplateCheckContext } from './check.ts';

export const TEMPLATE_CHECKS: readonly TemplateCheck[] = [
  skeletonPresent,
  parametersSchema,
  renderProblems,
  unrenderedExpressions,
  outputSyntax,
  catalogInfo,
  repoSetup,
  manualSteps,
];

export function runTemplateChecks(context: TemplateCheckContext, checks: readonly TemplateCheck[] = TEMPLATE_CHECKS): Diagnostic[] {
  return checks.flatMap((check) => check.run(context));
}
