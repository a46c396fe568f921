/**
 * The PR check end to end: the bundle `scripts/build-validator.ts` builds, served with a fixture
 * published catalog from 127.0.0.1, run by the composite action's own shell steps (download with
 * curl, run with this machine's Node) in fixture repos: a valid one, a broken file, a dangling
 * owner, a rename other repos still refer to. Checks annotations, job summary and exit code.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundleValidator, VALIDATOR_SITE_PATH } from '../src/pipeline/publish-validator.ts';

const exec = promisify(execFile);
const root = join(import.meta.dirname, '..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
const actionSteps = (parse(await readFile(join(root, '.github/actions/validate-catalog/action.yml'), 'utf8')) as { runs: { steps: Step[] } }).runs.steps;
const workflowSteps = (parse(await readFile(join(root, '.github/workflows/validate-catalog.yml'), 'utf8')) as { jobs: { validate: { steps: Step[] } } }).jobs
  .validate.steps;

const owner = (group: string) => ({ type: 'ownedBy', targetRef: `group:default/${group}` });
/** The org as the portal published it: the payments repo's entities, and another repo's that depends on them. */
const PUBLISHED = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'openapi', lifecycle: 'production', owner: 'payments-team', definition: 'openapi: 3.0.0' },
    relations: [owner('payments-team')],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: { 'backstage.io/managed-by-location': 'url:https://github.com/acme/checkout/blob/main/catalog-info.yaml' },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'platform-team', dependsOn: ['component:payments-api'], consumesApis: ['payments'] },
    relations: [owner('platform-team'), { type: 'dependsOn', targetRef: 'component:default/payments-api' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'payments-team', providesApis: ['payments'] },
    relations: [owner('payments-team')],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [],
  },
];

const catalogFile = ({ name = 'payments-api', ownerName = 'payments-team', type = 'service' } = {}) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    backstage.io/techdocs-ref: dir:.
spec:
  type: ${type}
  lifecycle: production
  owner: ${ownerName}
  providesApis: [payments]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: payments
spec:
  type: openapi
  lifecycle: production
  owner: payments-team
  definition:
    $text: ./openapi.yaml
`;
/** A repo with a catalog file, a docs folder and an OpenAPI definition. */
const REPO = {
  'catalog-info.yaml': catalogFile(),
  'mkdocs.yml': 'site_name: Payments\nnav:\n  - Home: index.md\n  - Operations: operations.md\n',
  'docs/index.md': '# Payments\n\nSee [operations](operations.md).\n',
  'docs/operations.md': '# Operations\n\nRestart with care.\n',
  'openapi.yaml':
    'openapi: 3.0.0\ninfo: { title: Payments, version: "1" }\npaths:\n  /payments:\n    get:\n      responses:\n        "200": { description: ok }\n',
};

let tmp: string;
let server: Server;
let portal: string;
let publishCatalog = true;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-pr-check-'));
  const site = join(tmp, 'site');
  const { text } = await bundleValidator(root);
  await mkdir(dirname(join(site, VALIDATOR_SITE_PATH)), { recursive: true });
  await writeFile(join(site, VALIDATOR_SITE_PATH), text);
  const bundle = await readFile(join(site, VALIDATOR_SITE_PATH));
  server = createServer((req, res) => {
    if (req.url === '/portal/api/entities.json' && publishCatalog) res.setHeader('content-type', 'application/json').end(JSON.stringify(PUBLISHED));
    else if (req.url === `/portal/${VALIDATOR_SITE_PATH}`) res.end(bundle);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  portal = `http://127.0.0.1:${(server.address() as AddressInfo).port}/portal/`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(tmp, { recursive: true, force: true });
});

const git = (cwd: string, ...args: string[]) => exec('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd });

/** A repo whose `main` holds REPO, with `changes` on top in the working tree (a pull request's head). */
async function pullRequest(name: string, changes: Record<string, string> = {}): Promise<string> {
  const dir = join(tmp, name);
  const write = async (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
  };
  await mkdir(dir, { recursive: true });
  await git(dir, 'init', '--quiet', '-b', 'main');
  await write(REPO);
  await git(dir, 'add', '--all');
  await git(dir, 'commit', '--quiet', '-m', 'base');
  await write(changes);
  return dir;
}

/** The composite action's run steps, as the runner runs them: inputs through `env`, bash, RUNNER_TEMP, the step summary file. */
async function runAction(repo: string, inputs: Record<string, string>) {
  const runnerTemp = await mkdtemp(join(tmp, 'runner-'));
  const summary = join(runnerTemp, 'summary.md');
  await writeFile(summary, '');
  let stdout = '';
  let code = 0;
  for (const step of actionSteps) {
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: tmp, RUNNER_TEMP: runnerTemp, GITHUB_STEP_SUMMARY: summary, GIT_CONFIG_NOSYSTEM: '1' };
    for (const [key, value] of Object.entries(step.env ?? {}))
      env[key] = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, input: string) => inputs[input] ?? '');
    const started = performance.now();
    const result = await exec('bash', ['-e', '-c', step.run!], { cwd: repo, env }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
    if (step.name === 'Check catalog files') console.log(`PR check on ${repo.split('/').pop()}: ${(performance.now() - started).toFixed(0)} ms`);
    stdout += result.stdout;
    code = result.code;
    if (code !== 0) {
      if (result.stderr) stdout += result.stderr;
      break;
    }
  }
  return { code, stdout, summary: await readFile(summary, 'utf8') };
}

describe('the validator bundle', () => {
  it('loads nothing but Node built-ins at run time', async () => {
    const { external } = await bundleValidator(root);
    expect(external.filter((name) => !builtinModules.includes(name.replace(/^node:/, '')))).toEqual([]);
  });

  it('is run by the reusable workflow with exactly the composite action steps', () => {
    const [checkout, ...steps] = workflowSteps;
    expect(checkout!.uses).toMatch(/^actions\/checkout@[0-9a-f]{40}$/);
    expect(steps.map((s) => s.run)).toEqual(actionSteps.map((s) => s.run));
    expect(steps.map((s) => Object.keys(s.env ?? {}))).toEqual(actionSteps.map((s) => Object.keys(s.env ?? {})));
  });
});

describe('the PR check, run by the composite action on fixture repos', () => {
  it('passes a valid repo, checks its references against the org, and writes a summary', async () => {
    const repo = await pullRequest('valid');
    const result = await runAction(repo, { 'portal-url': portal, 'base-ref': 'main' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).not.toMatch(/^::(error|warning)/m);
    expect(result.stdout).toContain(`References were checked against the whole org: 5 entities published at ${portal}api/entities.json.`);
    expect(result.stdout).toContain('No catalog changes against main.');
    expect(result.summary).toContain('| Errors | Warnings | Catalog changes |');
    expect(result.summary).toContain('| 0 | 0 | 0 |');
  });

  it('fails on a broken catalog file with an annotation on its line', async () => {
    const repo = await pullRequest('broken', { 'catalog-info.yaml': catalogFile().replace('  lifecycle: production\n', '') });
    const result = await runAction(repo, { 'portal-url': portal, 'base-ref': 'main' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error file=catalog-info\.yaml,line=8,col=3,title=spec-field-required \(component%3Adefault\/payments-api\)::`spec\.lifecycle` is required but missing/m,
    );
    expect(result.summary).toMatch(/\| 1 \| 0 \| 0 \|/);
    expect(result.summary).toContain('| ❌ error | catalog-info.yaml:8:3 | spec-field-required |');
  });

  it('warns about an owner that exists nowhere in the org, with "did you mean"', async () => {
    const repo = await pullRequest('dangling-owner', { 'catalog-info.yaml': catalogFile({ ownerName: 'payment-team' }) });
    const result = await runAction(repo, { 'portal-url': portal, 'base-ref': 'main' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(
      /^::warning file=catalog-info\.yaml,line=10,col=10,title=owner-not-found \(component%3Adefault\/payments-api\)::`spec\.owner` refers to group:default\/payment-team, which is not in the catalog\..* Did you mean `group:default\/payments-team`\?$/m,
    );
    expect(result.stdout).toMatch(/owner of component:default\/payments-api changed from group:default\/payments-team to group:default\/payment-team/);
    expect(result.summary).toMatch(/\| 0 \| 1 \| 1 \|/);
  });

  it('lists a rename, and what elsewhere in the org still refers to the old name', async () => {
    const repo = await pullRequest('renamed', { 'catalog-info.yaml': catalogFile({ name: 'payments-service' }) });
    const result = await runAction(repo, { 'portal-url': portal, 'base-ref': 'main' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(
      /^::warning file=catalog-info\.yaml,line=\d+,col=\d+,title=catalog-change \(component%3Adefault\/payments-service\)::renamed component:default\/payments-api to component:default\/payments-service; still referred to elsewhere in the org by component:default\/checkout \(spec\.dependsOn, https:\/\/github\.com\/acme\/checkout\/blob\/main\/catalog-info\.yaml\)/m,
    );
    expect(result.summary).toContain('| renamed | component:default/payments-service |');
    // A warning about other repos, not an error in this one.
    expect(result.summary).toMatch(/\| 0 \| 0 \| 1 \|/);
  });

  it('says it skipped the org-wide check before the portal publishes its catalog, and why', async () => {
    publishCatalog = false;
    try {
      const repo = await pullRequest('not-deployed', { 'catalog-info.yaml': catalogFile({ ownerName: 'payment-team' }) });
      const result = await runAction(repo, { 'portal-url': portal });
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).toContain(`References to other repos were not checked: there is no published catalog at ${portal}api/entities.json yet (404)`);
      expect(result.stdout).not.toContain('owner-not-found');
      expect(result.summary).toContain('References to other repos were not checked');
    } finally {
      publishCatalog = true;
    }
  });
});
