/**
 * Every GitHub Actions file Frontdoor ships or tells people to copy is one GitHub accepts: the repo's
 * workflows and actions, the demo org's workflows, the workflows in the README, and the opt-in
 * workflow the template pages generate. Checked with GitHub's own parser (github-actions-schema.ts),
 * which is first shown to reject what GitHub rejects.
 */
import { describe, expect, it } from 'vitest';
import { TemplatesConfigSchema } from '../../src/config/schema.ts';
import { optInWorkflow } from '../../src/scaffolder/opt-in-workflow.ts';
import { actionsFileErrors, contentWorkflows, ownActionsFiles, readmeWorkflows, type ActionsFile } from './github-actions-schema.ts';

const names = (list: ActionsFile[]) => list.map((file) => [file.name, file] as const);

describe('the validator', () => {
  it('rejects what GitHub rejects, with the line and column', async () => {
    const broken = [
      'on:',
      '  pushh:',
      'permissions:',
      '  contents: reed',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        run: echo both',
      '      - run: echo ${{ github.sha( }}',
      '',
    ].join('\n');
    expect(await actionsFileErrors({ name: 'broken.yml', kind: 'workflow', text: broken })).toEqual([
      "broken.yml (Line: 2, Col: 3): Unexpected value 'pushh'",
      "broken.yml (Line: 4, Col: 13): Unexpected value 'reed'",
      "broken.yml (Line: 10, Col: 9): Unexpected value 'run'",
      "broken.yml (Line: 11, Col: 14): Unexpected symbol: '('",
    ]);
  });

  it('rejects a job that needs one that does not exist', async () => {
    const job = '    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n';
    const text = `on: push\njobs:\n  build:\n${job}  deploy:\n    needs: biuld\n${job}`;
    expect((await actionsFileErrors({ name: 'needs.yml', kind: 'workflow', text })).join('\n')).toMatch(/needs\.yml .*biuld/);
  });

  it('rejects a composite action step without a shell', async () => {
    const text = 'name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n';
    expect(await actionsFileErrors({ name: 'action.yml', kind: 'action', text })).toEqual([
      'action.yml (Line: 6, Col: 7): Required property is missing: shell',
    ]);
  });
});

describe("the portal repo's workflows and actions", () => {
  const own = ownActionsFiles();
  it('includes the nightly deploy, CI and the apply-template action', () => {
    expect(own.map((f) => f.name)).toEqual(
      expect.arrayContaining(['.github/workflows/pages.yml', '.github/workflows/ci.yml', '.github/actions/apply-template/action.yml']),
    );
  });
  it.each(names(own))('%s', async (_name, file) => {
    expect(await actionsFileErrors(file)).toEqual([]);
  });
});

describe("the demo org's workflows", () => {
  const demo = contentWorkflows();
  it('are found (template skeletons included)', () => {
    expect(demo.map((f) => f.name)).toContain('content/software-templates/.github/workflows/apply-template.yml');
  });
  it.each(names(demo))('%s', async (_name, file) => {
    expect(await actionsFileErrors(file)).toEqual([]);
  });
});

describe('the workflows the README shows', () => {
  const shown = readmeWorkflows();
  it('are found', () => {
    expect(shown.length).toBeGreaterThan(0);
  });
  it.each(names(shown))('%s', async (_name, file) => {
    expect(await actionsFileErrors(file)).toEqual([]);
  });
});

describe('the opt-in workflow the template pages show', () => {
  it.each([
    ['with templates.action set', TemplatesConfigSchema.parse({ action: 'acme/portal/.github/actions/apply-template@v1' })],
    ['with the placeholder', TemplatesConfigSchema.parse({})],
  ])('%s', async (_name, config) => {
    const workflow = optInWorkflow(config);
    expect(await actionsFileErrors({ name: workflow.path, kind: 'workflow', text: workflow.yaml })).toEqual([]);
  });
});
