/**
 * A template run without a backend: every step's input templated the way Backstage's workflow
 * runner templates it (context `parameters`, `steps`, `user`, `secrets` (empty), `environment`,
 * `context.task.id`; `if` and `each` honoured), and the fetch steps applied to the skeletons the
 * build published. Other steps are listed with what Frontdoor does for them.
 */
import type { TemplateLaunchData } from '../schema.ts';
import { applyFetchStep } from './fetch-step.ts';
import { parseRepoUrl } from './filters.ts';
import { createRenderer } from './nunjucks-env.ts';
import { resolveSkeletonDir } from './output-path.ts';
import { FETCH_ACTIONS, stepHandling } from './step-handling.ts';
import { isTruthy, renderStepInput, type StepInputError } from './step-input.ts';
import type { DryRunResult, DryRunStep, RenderedFile, RenderProblem } from './types.ts';

export type DryRunTemplate = Pick<TemplateLaunchData, 'steps' | 'skeletons' | 'templatePath'>;
export interface DryRunContext {
  user?: { ref?: string; entity?: unknown };
}

type Step = DryRunTemplate['steps'][number] & { if?: unknown; each?: unknown };

const json = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The outputs later steps read (`steps.publish.output.remoteUrl`), as far as they can be known. */
function stepOutput(action: string, input: Record<string, unknown>): Record<string, unknown> {
  if (action !== 'publish:github' || typeof input['repoUrl'] !== 'string') return {};
  try {
    const { host, owner, repo } = parseRepoUrl(input['repoUrl']);
    const remoteUrl = `https://${host}/${owner}/${repo}`;
    const branch = typeof input['defaultBranch'] === 'string' ? input['defaultBranch'] : 'main';
    return { remoteUrl, repoContentsUrl: `${remoteUrl}/blob/${branch}` };
  } catch {
    return {};
  }
}

export function dryRun(template: DryRunTemplate, parameters: Record<string, unknown>, context: DryRunContext = {}): DryRunResult {
  const problems: RenderProblem[] = [];
  const steps: DryRunStep[] = [];
  const output = new Map<string, RenderedFile>();
  const stepOutputs: Record<string, { output: Record<string, unknown> }> = {};
  const workflow: Record<string, unknown> = {
    parameters: json(parameters) ?? {},
    steps: stepOutputs,
    user: json(context.user) ?? {},
    secrets: {},
    environment: { parameters: {}, secrets: {} },
    context: { task: { id: 'dry-run' } },
  };
  const render = createRenderer();

  for (const step of template.steps as Step[]) {
    const label = step.id ?? step.name;
    const where = { file: template.templatePath, ...(label ? { step: label } : {}) };
    const errors: StepInputError[] = [];
    const { handling, note } = stepHandling(step.action);
    const entry = { ...(step.id ? { id: step.id } : {}), ...(step.name ? { name: step.name } : {}), action: step.action, handling, note };

    const condition = step.if;
    const each = step.each === undefined ? undefined : renderStepInput(step.each, workflow, render, errors);
    if (condition === false || (typeof condition === 'string' && step.each === undefined && !isTruthy(renderStepInput(condition, workflow, render, errors)))) {
      steps.push({ ...entry, input: json(step.input), skipped: true });
    } else {
      if (step.each !== undefined && !each)
        problems.push({ ...where, message: `each: ${JSON.stringify(step.each)} cannot be resolved to a value`, fix: 'Point each at a list or an object.' });
      const iterations =
        each && typeof each === 'object' ? Object.entries(each as Record<string, unknown>).map(([key, value]) => ({ each: { key, value } })) : [{}];
      let lastInput: Record<string, unknown> = {};
      for (const iteration of iterations) {
        const scope = { ...workflow, ...iteration };
        const runs = !('each' in iteration) || !condition || isTruthy(renderStepInput(condition, scope, render, errors));
        const input = renderStepInput(step.input ?? {}, scope, render, errors);
        steps.push({ ...entry, input, ...(runs ? {} : { skipped: true }), ...iteration });
        if (!runs) continue;
        lastInput = asRecord(input);
        if (FETCH_ACTIONS.has(step.action)) fetch(template, step.action as 'fetch:template' | 'fetch:plain', lastInput, output, problems, label);
      }
      if (step.id) stepOutputs[step.id] = { output: stepOutput(step.action, lastInput) };
    }
    for (const { value, error } of errors)
      problems.push({
        ...where,
        message: `step input ${JSON.stringify(value)} does not render: ${error instanceof Error ? error.message : String(error)}`,
        fix: 'Fix the ${{ }} expression in template.yaml.',
      });
  }
  const files = [...output.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, steps, problems };
}

function fetch(
  template: DryRunTemplate,
  action: 'fetch:template' | 'fetch:plain',
  input: Record<string, unknown>,
  output: Map<string, RenderedFile>,
  problems: RenderProblem[],
  step: string | undefined,
): void {
  const where = { file: template.templatePath, ...(step ? { step } : {}) };
  const url = input['url'];
  if (typeof url !== 'string' || !url.startsWith('.')) {
    problems.push({
      ...where,
      message: `${action}: url ${JSON.stringify(url)} is not a folder of the template's repository, so Frontdoor cannot render it`,
      fix: 'Keep the skeleton beside template.yaml and point url at it (./skeleton).',
    });
    return;
  }
  const dir = resolveSkeletonDir(template.templatePath, url);
  const skeleton = dir === undefined ? undefined : template.skeletons[dir];
  if (!skeleton) {
    problems.push({
      ...where,
      message: `${action}: the skeleton folder ${JSON.stringify(url)} was not found`,
      fix: 'Check the url: it is relative to template.yaml.',
    });
    return;
  }
  if (skeleton.truncated)
    problems.push({ ...where, message: `${action}: ${skeleton.dir} has more files than the build reads; the dry run shows only part of it` });
  applyFetchStep({ action, input, skeleton, output, problems, step });
}
