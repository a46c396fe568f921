/**
 * What a build-time template check is (modelled on src/health/check.ts): a stable id, what it
 * guards, and a pure `run()` from one template (its launch data, its repo, the dry run with the
 * sample values) to diagnostics placed in the template repo's files.
 */
import type { TemplatesConfig } from '../../config/schema.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../../diagnostics/make.ts';
import type { Repo } from '../../sources/snapshot.ts';
import type { DryRunResult, RenderProblem } from '../render/index.ts';
import { repoPathOf } from '../launch-data.ts';
import type { SampleValues } from '../sample-values.ts';
import type { SkeletonSource } from '../launch-data.ts';
import type { TemplateLaunchData } from '../schema.ts';
import type { TemplateRuleId } from '../../diagnostics/template-rules.ts';

export interface TemplateCheckContext {
  template: TemplateLaunchData;
  repo: Repo;
  /** Where the Template entity starts in its file: diagnostics about template.yaml point here. */
  line: number;
  column: number;
  /** Where each fetch step's skeleton comes from. */
  sources: readonly SkeletonSource[];
  sample: SampleValues;
  /** The skeleton rendered with `sample.values`. */
  dryRun: DryRunResult;
  config: Pick<TemplatesConfig, 'action' | 'workflow'>;
  /** The catalog's YAML limits, for validating the rendered catalog-info.yaml. */
  limits: { maxDocumentsPerFile: number; maxAliasCount: number };
}

export interface TemplateCheck {
  /** The rule it reports (some checks report a second one, listed in `rules`). */
  id: string;
  rules: readonly TemplateRuleId[];
  /** What it guards, one sentence. */
  title: string;
  run(context: TemplateCheckContext): Diagnostic[];
}

/** A diagnostic about this template, at a repo path and position (default: the Template entity in its file). */
export function report(
  context: TemplateCheckContext,
  rule: TemplateRuleId,
  message: string,
  at?: { path: string; line?: number; column?: number },
): Diagnostic {
  const place = at
    ? { repo: context.repo.name, path: at.path, line: at.line ?? 0, column: at.column ?? 0 }
    : { repo: context.repo.name, path: context.template.templatePath, line: context.line, column: context.column };
  return makeDiagnostic(rule, place, message, context.template.ref);
}

/** "Rendered with …": how the values were chosen, for messages. */
export function renderedWith(context: TemplateCheckContext): string {
  const { sample } = context;
  const from = sample.source === 'defaults' ? "the parameters' defaults and examples" : `the values in ${sample.source}`;
  return sample.synthesized.length > 0 ? `${from} (made up for ${sample.synthesized.map((s) => `\`${s}\``).join(', ')})` : from;
}

/** The repo path of the skeleton file a render problem names (skeleton-relative or repo-relative). */
export function problemPath(context: TemplateCheckContext, problem: RenderProblem): string | undefined {
  const file = problem.file;
  if (!file) return undefined;
  for (const [dir, skeleton] of Object.entries(context.template.skeletons)) {
    if (file.startsWith(`${dir}/`)) return file;
    if (skeleton.files.some((f) => f.path === file)) return repoPathOf(dir, file);
  }
  return file;
}
