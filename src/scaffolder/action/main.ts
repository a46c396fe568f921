/**
 * Entry of the apply-template GitHub Action (bundled to .github/actions/apply-template/dist by
 * scripts/build-action.ts). Inputs arrive as `INPUT_<NAME>` environment variables, the name upper-cased
 * with spaces as `_` (hyphens kept), which is how the runner passes them; problems are printed as
 * `::error` workflow commands so they annotate the template's files.
 */
import { applyTemplate } from './apply-template.ts';
import { errorCommand } from './workflow-commands.ts';

const input = (name: string) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();

const result = await applyTemplate({
  workspace: process.env['GITHUB_WORKSPACE'] || process.cwd(),
  values: input('values'),
  template: input('template') || undefined,
  commitMessage: input('commit-message') || undefined,
  branch: process.env['GITHUB_REF_NAME'] || undefined,
  log: (line) => console.log(line),
});
if (!result.ok) {
  for (const problem of result.problems) console.log(errorCommand(problem));
  console.log(`The template was not applied: ${result.problems.length} problem(s). Nothing was committed.`);
  process.exitCode = 1;
}
