/**
 * `validate` as a user runs it, in this process: `runValidate(argv)` through the scripts' shared
 * error handling, in a given current directory, with stdout, stderr and the exit code captured.
 * Two tests at the end run the real `node scripts/validate.ts`, for what only a process shows.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCommand } from './run-command.ts';
import { runValidate } from './validate-command.ts';

const script = resolve(dirname(fileURLToPath(import.meta.url)), '../../scripts/validate.ts');

let tmp: string;
let repo: string;
let org: string;

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** `npm run validate -- …args` typed in `cwd`. */
function validate(cwd: string, ...args: string[]): Promise<Run> {
  return run(cwd, {}, ...args);
}

/**
 * INIT_CWD is what npm sets to where `npm run` was typed; vitest run through npx inherits the
 * project's, so it is dropped unless asked for. No colour, as in a CI log.
 */
async function run(cwd: string, env: Record<string, string>, ...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array) => (
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')),
    true
  );
  const previous = { cwd: process.cwd(), exitCode: process.exitCode };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture(out));
  vi.spyOn(process.stderr, 'write').mockImplementation(capture(err));
  vi.stubEnv('NO_COLOR', '1');
  vi.stubEnv('FORCE_COLOR', undefined);
  vi.stubEnv('INIT_CWD', env['INIT_CWD']);
  process.chdir(cwd);
  process.exitCode = undefined;
  try {
    await runCommand(() => runValidate(args));
    return { status: Number(process.exitCode ?? 0), stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(previous.cwd);
    process.exitCode = previous.exitCode;
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  }
}

/** The real script, as a process: `node scripts/validate.ts …args` in `cwd`, on the Node running vitest (22+, which strips types). */
function spawnValidate(cwd: string, ...args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  delete env['INIT_CWD'];
  const { status, stdout, stderr } = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', env });
  return { status, stdout, stderr };
}

async function put(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

const catalogInfo = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: web
spec:
  type: service
  lifecycle: production
  owner: team-a
  subComponentof: platform
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: Bad_Name!
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

// The definition sits next to api.yaml, not at the repo root: placeholders resolve relative to their file.
const apiYaml = `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: pay-api
spec:
  type: openapi
  lifecycle: production
  owner: team-a
  sytem: payments
  definition:
    $text: ./openapi.yaml
`;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-validate-'));
  repo = join(tmp, 'repo');
  await put(join(repo, 'catalog-info.yaml'), catalogInfo);
  await put(join(repo, 'docs/api.yaml'), apiYaml);
  await put(join(repo, 'docs/openapi.yaml'), 'openapi: 3.0.0\n');
  await put(join(repo, '..notes.yaml'), apiYaml.replace('pay-api', 'notes-api').replace('./openapi.yaml', './docs/openapi.yaml'));
  await put(join(tmp, 'elsewhere/catalog-info.yaml'), catalogInfo);
  org = join(tmp, 'org');
  await put(join(org, 'shop/catalog-info.yaml'), catalogInfo);
  await put(join(org, 'empty/README.md'), '# no catalog\n');
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const BAD_NAME_LINE = catalogInfo.split('\n').indexOf('  name: Bad_Name!') + 1;
const TYPO_LINE = catalogInfo.split('\n').indexOf('  subComponentof: platform') + 1;
const API_TYPO_LINE = apiYaml.split('\n').indexOf('  sytem: payments') + 1;

describe('validate --format json', () => {
  it('prints every document verdict and every diagnostic with exactly the documented keys', async () => {
    const { status, stdout } = await validate(repo, 'catalog-info.yaml', 'docs/api.yaml', '--format', 'json');
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as { entities: Record<string, unknown>[]; diagnostics: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(['entities', 'diagnostics']);
    expect(report.entities).toEqual([
      { ref: 'component:default/web', file: 'catalog-info.yaml', document: 0, valid: true },
      { ref: 'component:default/bad_name!', file: 'catalog-info.yaml', document: 1, valid: false },
      { ref: 'api:default/pay-api', file: 'docs/api.yaml', document: 0, valid: true },
    ]);
    for (const d of report.diagnostics) expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'ref', 'message']);
    const error = report.diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({
      file: 'catalog-info.yaml',
      line: BAD_NAME_LINE,
      column: '  name: '.length + 1,
      rule: 'entity-name-format',
      ref: 'component:default/bad_name!',
    });
    expect(error?.['message']).toMatch(/`metadata\.name` "Bad_Name!"/);
    expect(report.diagnostics.filter((d) => d.rule === 'field-misspelled').map((d) => [d['file'], d['line'], d['severity']])).toEqual([
      ['catalog-info.yaml', TYPO_LINE, 'warning'],
      ['docs/api.yaml', API_TYPO_LINE, 'warning'],
    ]);
    // Only these files were read, so references to the rest of the org are not checked.
    expect(report.diagnostics.map((d) => d['rule'])).not.toContain('owner-not-found');
  });

  it('checks references and prints `ref: null` for repo-level diagnostics when validating a source', async () => {
    const { status, stdout } = await validate(tmp, '--source', 'local:org', '--format', 'json');
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as { diagnostics: Record<string, unknown>[] };
    expect(report.diagnostics.find((d) => d['rule'] === 'repo-no-catalog')).toMatchObject({ file: 'org/empty', severity: 'info', ref: null, line: 0 });
    expect(report.diagnostics.find((d) => d['rule'] === 'owner-not-found')).toMatchObject({ file: 'org/shop/catalog-info.yaml', ref: 'component:default/web' });
  });
});

describe('validate --format github', () => {
  it('prints one workflow command per diagnostic, with escaped properties', async () => {
    const { status, stdout } = await validate(repo, 'catalog-info.yaml', '--format', 'github');
    expect(status).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain(
      `::error file=catalog-info.yaml,line=${BAD_NAME_LINE},col=9,title=entity-name-format (component%3Adefault/bad_name!)::\`metadata.name\` "Bad_Name!" is not valid: expected 1–63 characters of letters, digits, \`-\`, \`_\` or \`.\`, starting and ending with a letter or digit. Try \`Bad_Name\`.`,
    );
    expect(
      lines.filter((l) => l.startsWith(`::warning file=catalog-info.yaml,line=${TYPO_LINE},col=3,title=field-misspelled (component%3Adefault/web)::`)),
    ).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/1 error, 1 warning/);
  });

  it('prints info diagnostics as notices', async () => {
    const { stdout } = await validate(tmp, '--source', 'local:org', '--format', 'github');
    expect(stdout).toMatch(/^::notice file=org\/empty,title=repo-no-catalog::Repository empty has no catalog file/m);
  });
});

describe('validate --format pretty (the default)', () => {
  it('groups diagnostics under their file, with line:column, severity and rule', async () => {
    const { stdout } = await validate(repo, 'catalog-info.yaml', 'docs/api.yaml');
    const lines = stdout.split('\n');
    const catalogHeader = lines.indexOf('catalog-info.yaml');
    const apiHeader = lines.indexOf('docs/api.yaml');
    expect(catalogHeader).toBeGreaterThanOrEqual(0);
    expect(apiHeader).toBeGreaterThan(catalogHeader);
    expect(lines.slice(catalogHeader + 1, apiHeader - 1).map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
      `${TYPO_LINE}:3 warning`,
      `${BAD_NAME_LINE}:9 error`,
    ]);
    expect(lines[apiHeader + 1]).toMatch(new RegExp(`^\\s+${API_TYPO_LINE}:3\\s+warning .*\\bsytem\\b.*field-misspelled$`));
    expect(stdout).toMatch(/✖ 1 error, 2 warnings in 2 files \(2 entities from 3 documents\)/);
  });

  it('shows files of a local source relative to the current directory', async () => {
    const { stdout } = await validate(tmp, '--source', `local:${org}`);
    expect(stdout.split('\n')).toContain('org/shop/catalog-info.yaml');
  });
});

describe('validate: exit codes and files', () => {
  it('exits 0 when there are only warnings', async () => {
    const { status, stdout } = await validate(repo, 'docs/api.yaml');
    expect(status).toBe(0);
    expect(stdout).toMatch(/✔ 0 errors, 1 warning/);
  });

  it('resolves placeholders relative to the file, not the current directory', async () => {
    const { stdout } = await validate(repo, 'docs/api.yaml', '--format', 'json');
    const report = JSON.parse(stdout) as { entities: { valid: boolean }[]; diagnostics: { rule: string }[] };
    expect(report.entities).toEqual([{ ref: 'api:default/pay-api', file: 'docs/api.yaml', document: 0, valid: true }]);
    expect(report.diagnostics.map((d) => d.rule)).toEqual(['field-misspelled']);
  });

  it('resolves FILE arguments from INIT_CWD, where `npm run` was typed, not from the process folder', async () => {
    const { status, stdout } = await run(dirname(script), { INIT_CWD: repo }, 'docs/api.yaml', '--format', 'json');
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { entities: unknown[] }).entities).toEqual([{ ref: 'api:default/pay-api', file: 'docs/api.yaml', document: 0, valid: true }]);
  });

  it('reads a file named twice (as overlapping globs do) once', async () => {
    const { status, stdout } = await validate(repo, 'docs/api.yaml', './docs/api.yaml', 'docs/../docs/api.yaml', '--format', 'json');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { entities: unknown[]; diagnostics: { rule: string }[] };
    expect(report.entities).toHaveLength(1);
    expect(report.diagnostics.map((d) => d.rule)).toEqual(['field-misspelled']);
  });

  it('accepts a file whose name starts with two dots', async () => {
    const { status, stderr } = await validate(repo, '..notes.yaml');
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it.each([
    ['a relative path', '../elsewhere/catalog-info.yaml'],
    ['an absolute path', '/etc/hostname'],
  ])('refuses a file outside the current directory (%s)', async (_, file) => {
    const { status, stdout, stderr } = await validate(repo, file);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: .* is outside the current directory; run it from the repository root\.\n$/);
  });

  it('refuses a symlink that leads out of the current directory', async () => {
    await symlink(join(tmp, 'elsewhere/catalog-info.yaml'), join(repo, 'linked.yaml'));
    const { status, stdout } = await validate(repo, 'linked.yaml', '--format', 'json');
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as { entities: unknown[]; diagnostics: { rule: string; file: string }[] };
    expect(report.entities).toEqual([]);
    expect(report.diagnostics).toMatchObject([{ rule: 'file-outside-repo', file: 'linked.yaml' }]);
  });

  it('says which file does not exist', async () => {
    const { status, stderr } = await validate(repo, 'nope.yaml');
    expect(status).toBe(1);
    expect(stderr).toBe('error: nope.yaml does not exist.\n');
  });
});

describe('validate: TechDocs', () => {
  it('reports a broken docs link with its file and line, in the docs PR that broke it', async () => {
    const docsRepo = join(tmp, 'docs-repo');
    await put(
      join(docsRepo, 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: docs-demo\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec: { type: service, lifecycle: production, owner: team-a }\n',
    );
    await put(join(docsRepo, 'mkdocs.yml'), 'site_name: Demo\nnav:\n  - Home: index.md\n');
    await put(join(docsRepo, 'docs/index.md'), '# Demo\n\nSee [setup](setup.md).\n');
    const { status, stdout } = await validate(docsRepo, 'catalog-info.yaml');
    expect(status).toBe(0);
    expect(stdout).toMatch(/docs[/\\]index\.md\n\s+3:5\s+warning\s+Link target "setup\.md" not found.*docs-link-broken/);
  });
});

describe('validate: usage and configuration errors', () => {
  const oneLine = (stderr: string) => {
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^error: /);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  };

  it('refuses an unknown --format, listing the formats', async () => {
    const { status, stdout, stderr } = await validate(repo, 'catalog-info.yaml', '--format', 'xml');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    oneLine(stderr);
    expect(stderr).toContain('--format must be one of pretty, github, json, not "xml"');
  });

  it('refuses an unknown flag', async () => {
    const { status, stderr } = await validate(repo, '--fromat', 'json');
    expect(status).toBe(1);
    oneLine(stderr);
    expect(stderr).toContain('--fromat');
  });

  it('reports a bad portal.config.yaml in the current directory, naming the key', async () => {
    const dir = join(tmp, 'bad-config');
    await put(join(dir, 'portal.config.yaml'), 'titel: Acme\n');
    await put(join(dir, 'catalog-info.yaml'), apiYaml);
    const { status, stderr } = await validate(dir, 'catalog-info.yaml');
    expect(status).toBe(1);
    oneLine(stderr);
    expect(stderr).toMatch(/portal\.config\.yaml: unknown key `titel`; allowed here: `title`/);
  });

  it('reports a bad --source flag, naming the flag', async () => {
    const { status, stderr } = await validate(tmp, '--source', 'gitlab:acme');
    expect(status).toBe(1);
    oneLine(stderr);
    expect(stderr).toMatch(/`source` \(from --source\) must be `local:<folder of repos>` or `github:<organization>`/);
  });

  it('reports a source folder that does not exist', async () => {
    const { status, stderr } = await validate(tmp, '--source', 'local:missing');
    expect(status).toBe(1);
    oneLine(stderr);
    expect(stderr).toMatch(/missing.*local:<dir>/);
  });

  it('reports a --config file that does not exist', async () => {
    const { status, stderr } = await validate(tmp, '--config', 'nope.yaml');
    expect(status).toBe(1);
    oneLine(stderr);
    expect(stderr).toContain('Cannot read config file nope.yaml');
  });
});

describe('validate --source: duplicate refs across repos', () => {
  // Names no publication record in .cache/ can hold, so the verdict depends on these files alone.
  const team = (description: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: zz-validate-dup-team, description: ${description} }\nspec: { type: team, children: [] }\n`;

  it('decides them as the build does: a repo named to sort first wins nothing, and both repos hear why', async () => {
    const dupOrg = join(tmp, 'dup-org');
    await put(join(dupOrg, 'aaa-evil/catalog-info.yaml'), team('stolen'));
    await put(join(dupOrg, 'payments/catalog-info.yaml'), team('real'));
    const { status, stdout } = await validate(tmp, '--source', 'local:dup-org', '--format', 'json');
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as { diagnostics: { file: string; rule: string; message: string }[] };
    const found = report.diagnostics.filter((d) => d.rule === 'duplicate-entity');
    expect(found.map((d) => d.file).sort()).toEqual(['dup-org/aaa-evil/catalog-info.yaml', 'dup-org/payments/catalog-info.yaml']);
    for (const d of found)
      expect(d.message).toMatch(
        /group:default\/zz-validate-dup-team is declared here .* and in .*, and nothing decides which repository it belongs to, so neither copy is published/,
      );
  });

  it('hands a copy whose project-slug names the other repo to that repo, and tells the copier', async () => {
    const slugOrg = join(tmp, 'slug-org');
    const annotated = (text: string) => text.replace(/description: (\w+)/, 'description: $1, annotations: { github.com/project-slug: acme/payments }');
    await put(join(slugOrg, 'aaa-evil/catalog-info.yaml'), annotated(team('stolen')));
    await put(join(slugOrg, 'payments/catalog-info.yaml'), annotated(team('real')));
    const { stdout } = await validate(tmp, '--source', 'local:slug-org', '--format', 'json');
    const found = (JSON.parse(stdout) as { diagnostics: { file: string; rule: string; message: string }[] }).diagnostics.filter(
      (d) => d.rule === 'duplicate-entity',
    );
    expect(found).toEqual([
      expect.objectContaining({
        file: 'slug-org/aaa-evil/catalog-info.yaml',
        message: expect.stringContaining("every copy's `github.com/project-slug` names acme/payments"),
      }),
    ]);
  });
});

describe('node scripts/validate.ts (the process users run)', () => {
  it('prints the JSON report on stdout and exits 1 on an error', () => {
    const { status, stdout, stderr } = spawnValidate(repo, 'catalog-info.yaml', '--format', 'json');
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect((JSON.parse(stdout) as { entities: { ref: string }[] }).entities.map((e) => e.ref)).toEqual([
      'component:default/web',
      'component:default/bad_name!',
    ]);
  });

  it('exits 1 with one line on stderr, and no stack trace, on a usage error', () => {
    const { status, stdout, stderr } = spawnValidate(repo, '--fromat', 'json');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: .*--fromat.*\n$/);
  });
});
