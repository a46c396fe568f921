/**
 * The apply-template action: its committed bundle is what the sources build, and the bundle,
 * run the way GitHub's runner runs it (node, INPUT_* variables, GITHUB_WORKSPACE), turns a fresh
 * copy of a template repo into exactly the dry run's files, commits and pushes them.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTemplate } from '../src/scaffolder/action/read-template.ts';
import { ACTION_BUNDLE, bundleAction } from '../src/scaffolder/action/bundle.ts';
import { dryRun } from '../src/scaffolder/render/dry-run.ts';

const exec = promisify(execFile);
const root = join(import.meta.dirname, '..');
const bundle = join(root, ACTION_BUNDLE);

describe('the committed action bundle', () => {
  it('is what `node scripts/build-action.ts` builds from the sources', async () => {
    const committed = await readFile(bundle, 'utf8');
    expect(committed === (await bundleAction(root)).text, 'the action bundle is stale: run `node scripts/build-action.ts`').toBe(true);
  });

  it('loads nothing but Node built-ins at run time', async () => {
    const { external } = await bundleAction(root);
    expect(external.length).toBeGreaterThan(0);
    expect(external.filter((name) => !builtinModules.includes(name.replace(/^node:/, '')))).toEqual([]);
  });
});

const TEMPLATE = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: service
spec:
  owner: group:default/platform
  type: service
  parameters:
    - properties:
        name: { type: string }
        owner: { type: string }
        tags: { type: array }
  steps:
    - id: fetch
      action: fetch:template
      input:
        url: ./skeleton
        copyWithoutTemplating: ['.github/workflows/*']
        values:
          name: \${{ parameters.name }}
          owner: \${{ parameters.owner }}
          tags: \${{ parameters.tags }}
    - id: publish
      action: publish:github
      input: { repoUrl: 'github.com?owner=acme&repo=\${{ parameters.name }}' }
    - id: register
      action: catalog:register
      input: { repoContentsUrl: '\${{ steps.publish.output.repoContentsUrl }}', catalogInfoPath: /catalog-info.yaml }
`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe, 0x24, 0x7b, 0x7b]);

async function put(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== '.git') out.push(...(await listFiles(dir, path)));
    } else out.push(path);
  }
  return out.sort();
}

describe('the apply-template action, end to end', () => {
  let tmp: string;
  const git = (cwd: string, ...args: string[]) =>
    exec('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd }).then((r) => r.stdout.trim());

  /** A template repo as GitHub's "Use this template" copies it: pushed to a bare origin, checked out in `work`. */
  async function templateRepo(name: string, files: Record<string, string | Buffer>): Promise<{ origin: string; work: string }> {
    const origin = join(tmp, `${name}.git`);
    const work = join(tmp, name);
    await exec('git', ['init', '--quiet', '--bare', '-b', 'main', origin]);
    await exec('git', ['init', '--quiet', '-b', 'main', work]);
    await put(work, files);
    await git(work, 'add', '--all');
    await git(work, 'commit', '--quiet', '-m', 'Initial commit');
    await git(work, 'remote', 'add', 'origin', origin);
    await git(work, 'push', '--quiet', 'origin', 'main');
    return { origin, work };
  }

  function runAction(work: string, inputs: Record<string, string>) {
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: tmp, GIT_CONFIG_NOSYSTEM: '1', GITHUB_WORKSPACE: work, GITHUB_REF_NAME: 'main' };
    for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.toUpperCase()}`] = value;
    return exec(process.execPath, [bundle], { cwd: work, env }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
  }

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'apply-template-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('renders the skeleton into the repo exactly as the dry run shows it, and pushes one commit', async () => {
    const { origin, work } = await templateRepo('service', {
      'template.yaml': TEMPLATE,
      'README.md': '# The template repo itself\n',
      '.github/workflows/apply-template.yml': 'on: workflow_dispatch\n',
      'skeleton/catalog-info.yaml': 'metadata:\n  name: ${{ values.name }}\n  tags: ${{ values.tags | dump }}\nspec:\n  owner: ${{ values.owner }}\n',
      'skeleton/src/${{ values.name }}/index.js': 'export const name = "${{ values.name | upper }}";\n',
      'skeleton/.github/workflows/ci.yml': 'run: echo ${{ github.sha }}\n',
      'skeleton/assets/logo.png': PNG,
      'skeleton/run.sh': '#!/bin/sh\necho ${{ values.name }}\n',
    });
    await chmod(join(work, 'skeleton/run.sh'), 0o755);
    await git(work, 'add', '--all');
    await git(work, 'commit', '--quiet', '-m', 'Executable script');
    await git(work, 'push', '--quiet', 'origin', 'main');
    const values = { name: 'payments', owner: 'group:default/team-a', tags: ['java', 'grpc'] };
    const expected = dryRun((await readTemplate(work, 'template.yaml', []))!, values);
    const before = await git(origin, 'rev-parse', 'main');
    // Read before the run: the action replaces the skeleton with its output.
    const copied = new Map<string, Buffer>();
    for (const file of expected.files) if (!file.templated) copied.set(file.path, await readFile(join(work, file.skeleton, file.source)));

    const result = await runAction(work, { values: JSON.stringify(values), 'commit-message': 'Create payments' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('wrote catalog-info.yaml');

    const clone = join(tmp, 'clone');
    await exec('git', ['clone', '--quiet', origin, clone]);
    expect(await listFiles(clone)).toEqual(expected.files.map((file) => file.path));
    expect(expected.files.map((file) => file.path)).toEqual([
      '.github/workflows/ci.yml',
      'assets/logo.png',
      'catalog-info.yaml',
      'run.sh',
      'src/payments/index.js',
    ]);
    for (const file of expected.files) {
      const bytes = await readFile(join(clone, file.path));
      if (file.templated) expect(bytes.toString('utf8'), file.path).toBe(file.text);
      else expect(bytes.equals(copied.get(file.path)!), file.path).toBe(true);
    }
    expect(await readFile(join(clone, 'catalog-info.yaml'), 'utf8')).toBe(
      'metadata:\n  name: payments\n  tags: ["java","grpc"]\nspec:\n  owner: group:default/team-a\n',
    );
    expect(await readFile(join(clone, '.github/workflows/ci.yml'), 'utf8')).toBe('run: echo ${{ github.sha }}\n');
    expect((await readFile(join(clone, 'assets/logo.png'))).equals(PNG)).toBe(true);
    expect((await stat(join(clone, 'run.sh'))).mode & 0o111).not.toBe(0);

    expect(await git(clone, 'rev-list', '--count', `${before}..HEAD`)).toBe('1');
    expect(await git(clone, 'log', '-1', '--format=%an <%ae>|%s')).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|Create payments',
    );
  });

  it('fails with an annotation on the skeleton line, and commits nothing, when the skeleton does not render', async () => {
    const { origin, work } = await templateRepo('broken', {
      'template.yaml': TEMPLATE,
      'skeleton/ok.txt': '${{ values.name }}',
      'skeleton/broken.txt': 'line one\n{% if %}\n',
    });
    const before = await git(origin, 'rev-parse', 'main');
    const result = await runAction(work, { values: '{"name":"payments"}' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=skeleton\/broken\.txt,line=2,col=7,title=step fetch::unexpected token: %25}/m);
    expect(await git(origin, 'rev-parse', 'main')).toBe(before);
    expect(await listFiles(work)).toEqual(['skeleton/broken.txt', 'skeleton/ok.txt', 'template.yaml']);
  });

  it('refuses values that are not a JSON object', async () => {
    const { work } = await templateRepo('bad-values', { 'template.yaml': TEMPLATE, 'skeleton/a.txt': 'a' });
    const result = await runAction(work, { values: '["payments"]' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::the values input is not a JSON object');
  });
});
