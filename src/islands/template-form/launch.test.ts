import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generateUrl, ghCommand, launchValues, newRepoTarget, prefilledCreateUrl, shellQuote, workflowFileName } from './launch.ts';
import { templateSteps } from './steps.ts';

const steps = templateSteps([
  { properties: { name: { type: 'string' }, description: { type: 'string' }, token: { type: 'string', 'ui:widget': 'password' } } },
  { properties: { repoUrl: { type: 'string', 'ui:field': 'RepoUrlPicker' } } },
]);
const template = { owner: 'fernway', name: 'software-templates' };

describe('newRepoTarget', () => {
  it('takes owner and name from the RepoUrlPicker, the description from `description`', () => {
    expect(newRepoTarget(steps, { repoUrl: 'github.com?owner=acme&repo=svc', description: ' Does things ' }, 'fernway')).toEqual({
      owner: 'acme',
      name: 'svc',
      description: 'Does things',
    });
  });

  it('falls back to `name` in this org, and to nothing', () => {
    expect(newRepoTarget(steps, { name: 'svc', repoUrl: 'github.com?owner=acme' }, 'fernway')).toEqual({ owner: 'fernway', name: 'svc' });
    expect(newRepoTarget(steps, {}, 'fernway')).toBeUndefined();
  });
});

describe('GitHub links', () => {
  it('prefills the documented parameters of GitHub’s new-repository page, encoded', () => {
    const url = new URL(prefilledCreateUrl(template, { owner: 'acme', name: 'svc', description: 'Tom & Jerry’s "app" 100%' }, 'private'));
    expect(url.origin + url.pathname).toBe('https://github.com/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      template_owner: 'fernway',
      template_name: 'software-templates',
      owner: 'acme',
      name: 'svc',
      description: 'Tom & Jerry’s "app" 100%',
      visibility: 'private',
    });
  });

  it('selects the template even before a name is known, with the chosen visibility', () => {
    expect(prefilledCreateUrl(template, undefined, 'internal')).toBe(
      'https://github.com/new?template_owner=fernway&template_name=software-templates&visibility=internal',
    );
  });

  it('keeps /generate as the plain link', () => {
    expect(generateUrl(template)).toBe('https://github.com/fernway/software-templates/generate');
  });
});

describe('gh line', () => {
  it('quotes only what needs quoting, and single quotes safely', () => {
    expect(shellQuote('acme/svc')).toBe('acme/svc');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
    expect(shellQuote('$(rm -rf ~)')).toBe(`'$(rm -rf ~)'`);
  });

  it('creates from the template with the visibility, then runs the workflow by file name with the values', () => {
    const line = ghCommand({
      template,
      target: { owner: 'acme', name: 'svc', description: "Bob's service" },
      visibility: 'private',
      workflowFile: '.github/workflows/apply-template.yml',
      templatePath: 'templates/svc/template.yaml',
      values: { name: 'svc' },
    });
    expect(line).toBe(
      `gh repo create acme/svc --template fernway/software-templates --private --description 'Bob'\\''s service' && ` +
        `gh workflow run apply-template.yml -R acme/svc -f template=templates/svc/template.yaml -f values='{"name":"svc"}'`,
    );
  });

  it('survives a real POSIX shell: every argument arrives exactly as meant', () => {
    const values = { name: 'svc', description: `It's "quoted", has $HOME, \`ticks\`, a \\ and\nnewline; & | > *`, n: 1 };
    const target = newRepoTarget(steps, { ...values, repoUrl: 'github.com?owner=acme&repo=svc' }, 'fernway')!;
    const line = ghCommand({ template, target, visibility: 'public', workflowFile: 'wf.yml', templatePath: 'a template.yaml', values });
    expect(line).not.toContain('\n');
    // Replace gh with a function that prints its arguments NUL-separated, one call per \x01.
    const out = execFileSync('sh', ['-c', `gh() { printf '%s\\0' "$@"; printf '\\001'; }; ${line}`], { encoding: 'utf8' });
    const [create, run] = out
      .split('\x01')
      .filter(Boolean)
      .map((call) => call.split('\0').slice(0, -1));
    // GitHub descriptions are one line: the newline became a space.
    expect(create).toEqual([
      'repo',
      'create',
      'acme/svc',
      '--template',
      'fernway/software-templates',
      '--public',
      '--description',
      values.description.replace('\n', ' '),
    ]);
    expect(run!.slice(0, 5)).toEqual(['workflow', 'run', 'wf.yml', '-R', 'acme/svc']);
    expect(run!.slice(5, 8)).toEqual(['-f', 'template=a template.yaml', '-f']);
    expect(JSON.parse(run![8]!.slice('values='.length))).toEqual(values);
  });

  it('passes the workflow by file name', () => {
    expect(workflowFileName('.github/workflows/apply-template.yml')).toBe('apply-template.yml');
  });
});

describe('launchValues', () => {
  it('leaves password fields out of the workflow input and says which', () => {
    expect(launchValues(steps, { name: 'svc', token: 'x', other: undefined })).toEqual({ values: { name: 'svc' }, leftOut: ['token'] });
  });
});
