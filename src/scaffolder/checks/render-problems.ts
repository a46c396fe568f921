/** Rendering the skeleton with the sample values succeeds: no nunjucks error, no path that leaves the new repo. */
import { problemPath, renderedWith, report, type TemplateCheck } from './check.ts';

export const renderProblems: TemplateCheck = {
  id: 'template-render-error',
  rules: ['template-render-error'],
  title: 'The skeleton renders with the sample values',
  run(context) {
    const valuesFile = context.sample.problem
      ? [
          report(
            context,
            'template-render-error',
            `The values file was not used: ${context.sample.problem}. It should map parameter names to values, e.g. \`name: loyalty-service\`.`,
          ),
        ]
      : [];
    // A step whose skeleton is not in this repo (or not there at all) is skeleton-present's finding: one diagnostic, not two.
    const reported = new Set(
      context.sources
        .filter((source) => source.kind === 'elsewhere' || !context.template.skeletons[source.dir]?.files.length)
        .map((source) => stepLabel(context.template.steps[source.step])),
    );
    return valuesFile.concat(
      context.dryRun.problems
        .filter((problem) => problem.step === undefined || !reported.has(problem.step))
        .map((problem) => {
          const fix = problem.fix ? ` ${problem.fix}` : '';
          const where = problem.step ? ` (step ${JSON.stringify(problem.step)})` : '';
          const path = problemPath(context, problem);
          return report(
            context,
            'template-render-error',
            `Rendering with ${renderedWith(context)}${where}: ${problem.message}.${fix}`.replace(/\.\./g, '.'),
            path ? { path, ...(problem.line ? { line: problem.line } : {}), ...(problem.column ? { column: problem.column } : {}) } : undefined,
          );
        }),
    );
  },
};

/** How the renderer names a step in its problems: its id, else its name. */
function stepLabel(step: { id?: string | undefined; name?: string | undefined } | undefined): string | undefined {
  return step?.id ?? step?.name;
}
