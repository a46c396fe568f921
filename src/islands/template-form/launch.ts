/**
 * The form's "next steps": where the new repo goes, GitHub's prefilled create-from-template page,
 * one `gh` line that creates the repo and starts the opt-in apply-template workflow, and the
 * values JSON that workflow takes.
 *
 * GitHub's prefill parameters. GitHub documents them for the new-repository page, not for
 * `/<owner>/<repo>/generate`: "Creating a new repository from a URL query" in
 * https://docs.github.com/en/repositories/creating-and-managing-repositories/creating-a-new-repository
 * (github/docs `content/repositories/creating-and-managing-repositories/creating-a-new-repository.md`)
 * lists `name`, `description`, `visibility` (`public`, `private`; `internal` on Enterprise),
 * `owner`, and `template_owner` + `template_name`, which select the template repository. So the
 * prefilled link is `https://github.com/new?template_owner=…&template_name=…&owner=…&name=…`,
 * the same page "Use this template" opens; `/generate` stays the plain link that works without
 * JavaScript. GitHub ignores a parameter the user may not use (e.g. an owner they cannot create
 * repos in) and keeps the rest.
 *
 * `gh workflow run` takes the workflow's file name (cli/cli `pkg/cmd/workflow/shared/shared.go`
 * `FindWorkflow`: by id or file name through `repos/{repo}/actions/workflows/{id}`, then by name),
 * so the line passes the file name, not its path.
 */
import { parseRepoUrl } from './repo-url.ts';
import { isObject, orderedProperties, type FormStep } from './steps.ts';

export type Visibility = 'private' | 'public' | 'internal';
export const VISIBILITIES: readonly Visibility[] = ['private', 'internal', 'public'];

export interface RepoRef {
  owner: string;
  name: string;
}

export interface NewRepo extends RepoRef {
  description?: string;
}

/**
 * Where the new repo goes: the first RepoUrlPicker value on github.com; else a `name` value in
 * this org. Undefined until the form says.
 */
export function newRepoTarget(steps: readonly FormStep[], values: Record<string, unknown>, org: string): NewRepo | undefined {
  // A GitHub description is one line; the gh line stays one line too.
  const description = typeof values.description === 'string' ? values.description.replace(/\s+/g, ' ').trim() || undefined : undefined;
  const withDescription = (repo: RepoRef): NewRepo => ({ ...repo, ...(description ? { description } : {}) });
  for (const step of steps) {
    for (const name of orderedProperties(step)) {
      const ui = step.uiSchema[name];
      if (!isObject(ui) || ui['ui:field'] !== 'RepoUrlPicker') continue;
      const { host, owner, repoName } = parseRepoUrl(values[name]);
      if (host === 'github.com' && owner && repoName) return withDescription({ owner, name: repoName });
    }
  }
  return typeof values.name === 'string' && values.name !== '' ? withDescription({ owner: org, name: values.name }) : undefined;
}

/** The no-JavaScript link: GitHub's create-from-template page, nothing prefilled. */
export function generateUrl(template: RepoRef): string {
  return `https://github.com/${encodeURIComponent(template.owner)}/${encodeURIComponent(template.name)}/generate`;
}

/** GitHub's new-repository page with the template selected and the documented fields prefilled. */
export function prefilledCreateUrl(template: RepoRef, target: NewRepo | undefined, visibility: Visibility): string {
  const params = new URLSearchParams({ template_owner: template.owner, template_name: template.name });
  if (target) {
    params.set('owner', target.owner);
    params.set('name', target.name);
    if (target.description) params.set('description', target.description);
  }
  params.set('visibility', visibility);
  return `https://github.com/new?${params.toString()}`;
}

/** POSIX shell quoting: plain words stay as they are; anything else in single quotes, `'` as `'\''`. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The values the workflow receives, without fields that must not appear in a workflow run's inputs. */
export function launchValues(steps: readonly FormStep[], values: Record<string, unknown>): { values: Record<string, unknown>; leftOut: string[] } {
  const sensitive = new Set(sensitiveFields(steps));
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined && !sensitive.has(key)) kept[key] = value;
  return { values: kept, leftOut: [...sensitive].filter((key) => values[key] !== undefined && values[key] !== '') };
}

/** Password fields: a workflow_dispatch input is shown in the run's page, so they are not passed. */
export function sensitiveFields(steps: readonly FormStep[]): string[] {
  const names: string[] = [];
  for (const step of steps)
    for (const name of orderedProperties(step)) {
      const ui = step.uiSchema[name];
      if (isObject(ui) && (ui['ui:widget'] === 'password' || ui['ui:field'] === 'Secret')) names.push(name);
    }
  return names;
}

export function valuesJson(values: Record<string, unknown>): string {
  return JSON.stringify(values, null, 2);
}

export function workflowFileName(workflowFile: string): string {
  return workflowFile.split('/').pop() ?? workflowFile;
}

export interface GhCommandInput {
  template: RepoRef;
  target: NewRepo;
  visibility: Visibility;
  workflowFile: string;
  /** Repo-relative path of the template.yaml: the workflow's `template` input (a repo may hold several templates). */
  templatePath: string;
  values: Record<string, unknown>;
}

/** `gh repo create <owner>/<name> --template <t-owner>/<t-repo> --private && gh workflow run <file> -R <owner>/<name> -f template=… -f values='…'`. */
export function ghCommand({ template, target, visibility, workflowFile, templatePath, values }: GhCommandInput): string {
  const repo = shellQuote(`${target.owner}/${target.name}`);
  const create = ['gh', 'repo', 'create', repo, '--template', shellQuote(`${template.owner}/${template.name}`), `--${visibility}`];
  if (target.description) create.push('--description', shellQuote(target.description));
  const run = [
    ...['gh', 'workflow', 'run', shellQuote(workflowFileName(workflowFile)), '-R', repo],
    ...['-f', `template=${shellQuote(templatePath)}`, '-f', `values=${shellQuote(JSON.stringify(values))}`],
  ];
  return `${create.join(' ')} && ${run.join(' ')}`;
}
