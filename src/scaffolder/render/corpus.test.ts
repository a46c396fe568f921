/**
 * Backstage's official sample templates (backstage/software-templates, unchanged, in the shared
 * corpus) through the dry run, with values a user could type. Each template renders with no
 * `${{` left in templated text, or its problems are listed here with the reason.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplate } from '../action/read-template.ts';
import { dryRun } from './dry-run.ts';
import type { RenderProblem } from './types.ts';

const CORPUS = join(import.meta.dirname, '../fixtures/backstage-software-templates/scaffolder-templates');
const templates = readdirSync(CORPUS).filter((name) => existsSync(join(CORPUS, name, 'template.yaml')));

/** What a user would type: the default, else the first enum value, else a value the field's picker would produce. */
function sampleValues(parameters: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const step of Array.isArray(parameters) ? parameters : [parameters]) {
    const properties = (step as { properties?: Record<string, Record<string, unknown>> } | undefined)?.properties ?? {};
    for (const [name, field] of Object.entries(properties)) {
      const picker = field['ui:field'];
      if (field['default'] !== undefined) values[name] = field['default'];
      else if (Array.isArray(field['enum'])) values[name] = field['enum'][0];
      else if (picker === 'RepoUrlPicker') values[name] = 'github.com?owner=acme&repo=payments';
      else if (picker === 'OwnerPicker') values[name] = 'group:default/team-a';
      else if (picker === 'EntityPicker') values[name] = 'component:default/payments';
      else if (field['type'] === 'boolean') values[name] = true;
      else if (field['type'] === 'number' || field['type'] === 'integer') values[name] = 1;
      else if (field['type'] === 'array') values[name] = ['one'];
      else values[name] = `example-${name.replace(/_/g, '-')}`;
    }
  }
  return values;
}

/**
 * Templates the dry run cannot show in full, and why. `problems` are the dry run's own; `manual`
 * are steps Frontdoor does not run, listed as "do this by hand" (a skeleton such a step would
 * fetch is not rendered, so those templates show no files).
 */
const EXPECTED: Record<string, { problems?: string[]; manual?: string[] }> = {
  // Cookiecutter skeletons (`{{ cookiecutter.x }}`) are fetch:cookiecutter's, which needs Python.
  'docs-template-cookiecutter': { manual: ['fetch:cookiecutter'] },
  // rails new runs in Docker; catalog:write writes a file from the input.
  'rails-demo': { manual: ['fetch:rails', 'catalog:write'] },
  // A fetch:plain of a folder in another repository (backstage/community): only the template's own repo is read.
  'pull-request': {
    problems: [
      'fetch-docs: fetch:plain: url "https://github.com/backstage/community/tree/main/backstage-community-sessions" is not a folder of the template\'s repository, so Frontdoor cannot render it',
    ],
  },
};

describe("Backstage's sample templates, dry run", () => {
  it('are all here (the fixture is in the repo, so CI runs every one)', () => {
    expect(templates.length).toBeGreaterThanOrEqual(8);
  });

  it.each(templates)('%s', async (name) => {
    const readProblems: RenderProblem[] = [];
    const template = await readTemplate(join(CORPUS, name), 'template.yaml', readProblems);
    expect(readProblems).toEqual([]);
    const result = dryRun(template!, sampleValues(template!.parameters));
    expect(result.problems.map((problem) => `${problem.step}: ${problem.message}`)).toEqual(EXPECTED[name]?.problems ?? []);
    expect(result.steps.filter((step) => step.handling === 'manual').map((step) => step.action)).toEqual(EXPECTED[name]?.manual ?? []);
    const leftovers = result.files.filter((file) => file.templated && file.text?.includes('${{')).map((file) => file.path);
    expect(leftovers).toEqual([]);
    for (const file of result.files) expect(file.path).not.toContain('${{');
    const fetchesSkeleton = template!.steps.some((step) => step.action === 'fetch:template');
    if (fetchesSkeleton) expect(result.files.length).toBeGreaterThan(0);
  });
});
