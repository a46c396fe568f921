import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.ts';

let tmp: string;
let n = 0;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-config-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Write a config file and return its path. */
async function configFile(yaml: string): Promise<string> {
  const path = join(tmp, `portal-${n++}.config.yaml`);
  await writeFile(path, yaml);
  return path;
}

/** The ConfigError message loading `yaml` gives (fails the test when it loads). */
async function problem(yaml: string, overrides = {}): Promise<string> {
  const error = await loadConfig(await configFile(yaml), overrides).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

const defaults = {
  title: 'Developer Portal',
  source: 'local:content',
  base: '/',
  catalog: { paths: ['catalog-info.yaml'], inferMissing: true },
  limits: {
    maxFileBytes: 1_048_576,
    maxDocumentsPerFile: 500,
    maxAliasCount: 100,
    maxLocationDepth: 8,
    maxReferencedFiles: 1000,
    maxDocsFiles: 2000,
    maxRepoOutputBytes: 52_428_800,
    maxPageRenderMs: 10_000,
  },
  // A public GitHub Pages site publishes public repos only, unless the config says otherwise.
  github: {
    include: ['*'],
    exclude: [],
    topics: { include: [], exclude: [] },
    archived: false,
    forks: true,
    visibility: ['public'],
    teams: true,
    maxRateLimitWait: 900,
  },
  health: { staleAfterDays: 180 },
  templates: { recommended: [], workflow: '.github/workflows/apply-template.yml' },
  deploy: { maxEntityDrop: 0.2 },
  localRepos: {},
  plugins: [],
};

describe('loadConfig: values', () => {
  it('uses the defaults when there is no portal.config.yaml in the current directory', async () => {
    const cwd = process.cwd();
    process.chdir(tmp);
    try {
      expect(await loadConfig(undefined)).toEqual({ config: defaults });
    } finally {
      process.chdir(cwd);
    }
  });

  it('uses the defaults for an empty file, and says which file was read', async () => {
    const file = await configFile('# nothing set\n');
    expect(await loadConfig(file)).toEqual({ config: defaults, file });
  });

  it('accepts several sources, and GitHub filters', async () => {
    const { config } = await loadConfig(
      await configFile('source: [github:acme, github:acme-labs]\ngithub:\n  exclude: [sandbox-*]\n  visibility: [public, internal]\n'),
    );
    expect(config.source).toEqual(['github:acme', 'github:acme-labs']);
    expect(config.github).toMatchObject({ exclude: ['sandbox-*'], visibility: ['public', 'internal'], archived: false });
  });

  it('names the allowed values of a GitHub filter', async () => {
    await expect(loadConfig(await configFile('github:\n  visibility: [secret]\n'))).rejects.toThrow(/github\.visibility\.0.*public.*internal.*private/);
  });

  it('reads values from the file and keeps defaults for the rest', async () => {
    const { config } = await loadConfig(await configFile('title: Acme Portal\norg: Acme\nsource: github:acme\nlimits:\n  maxFileBytes: 2048\n'));
    expect(config).toMatchObject({ title: 'Acme Portal', org: 'Acme', source: 'github:acme', limits: { maxFileBytes: 2048, maxDocumentsPerFile: 500 } });
  });

  it('reads health.staleAfterDays, and rejects a zero, a fraction or an unknown health key', async () => {
    expect((await loadConfig(await configFile('health:\n  staleAfterDays: 365\n'))).config.health).toEqual({ staleAfterDays: 365 });
    expect(await problem('health:\n  staleAfterDays: 0\n')).toMatch(/`health\.staleAfterDays` is too small \(0\); it must be greater than 0/);
    expect(await problem('health:\n  staleAfterDays: 1.5\n')).toMatch(/`health\.staleAfterDays` must be a whole number, but is 1\.5/);
    expect(await problem('health:\n  staleDays: 30\n')).toMatch(/`health\.staleDays`.*allowed here: `staleAfterDays`/);
  });

  it('reads templates and localRepos, and names a wrong action ref, workflow path or repo setting', async () => {
    const { config } = await loadConfig(
      await configFile(
        'templates:\n  recommended: [template:default/go-service]\n  action: acme/portal/.github/actions/apply-template@v1\nlocalRepos:\n  starter:\n    isTemplate: true\n',
      ),
    );
    expect(config.templates).toEqual({
      recommended: ['template:default/go-service'],
      action: 'acme/portal/.github/actions/apply-template@v1',
      workflow: '.github/workflows/apply-template.yml',
    });
    expect(config.localRepos).toEqual({ starter: { isTemplate: true } });
    expect(await problem('templates:\n  action: acme/portal@v1\n')).toMatch(/`templates\.action`.*apply-template@<ref>/);
    expect(await problem('templates:\n  workflow: ci.yml\n')).toMatch(/`templates\.workflow`.*\.github\/workflows\/apply-template\.yml/);
    expect(await problem('localRepos:\n  starter:\n    template: true\n')).toMatch(/`localRepos\.starter\.template`/);
  });

  it('lets --source and --base override the file', async () => {
    const file = await configFile('source: local:content\nbase: /docs/\n');
    const { config } = await loadConfig(file, { source: 'local:/srv/repos', base: '/portal/' });
    expect(config.source).toBe('local:/srv/repos');
    expect(config.base).toBe('/portal/');
  });

  it('ignores overrides that were not given', async () => {
    const { config } = await loadConfig(await configFile('base: /docs/\n'), { source: undefined, base: undefined });
    expect(config.base).toBe('/docs/');
  });

  it.each([
    ['repo', '/repo/'],
    ['/repo', '/repo/'],
    ['repo/', '/repo/'],
    ['//repo//', '/repo/'],
    ['a/b', '/a/b/'],
    ['/', '/'],
    ['', '/'],
  ])('normalizes base %j to %j', async (base, expected) => {
    expect((await loadConfig(await configFile('{}\n'), { base })).config.base).toBe(expected);
  });
});

describe('loadConfig: errors name the key and what is allowed', () => {
  it('lists the allowed keys for an unknown top-level key', async () => {
    const message = await problem('titel: Acme\n');
    expect(message).toContain('`titel`');
    for (const key of ['title', 'org', 'source', 'base', 'site', 'catalog', 'limits']) expect(message).toContain(`\`${key}\``);
  });

  it('lists the allowed keys for an unknown nested key, with its full path', async () => {
    const message = await problem('limits:\n  maxFiles: 3\n');
    expect(message).toMatch(/`limits\.maxFiles`.*allowed here: .*`maxFileBytes`.*`maxReferencedFiles`/);
  });

  it('names the file the problem is in', async () => {
    const file = await configFile('titel: Acme\n');
    await expect(loadConfig(file)).rejects.toThrow(file);
  });

  it('explains a bad source and shows what was found', async () => {
    const message = await problem('source: gitlab:acme\n');
    expect(message).toMatch(/`source`.*`local:<folder of repos>`.*`github:<organization>`.*"gitlab:acme"/);
  });

  it('says when a bad value came from a flag', async () => {
    const message = await problem('{}\n', { source: 'acme' });
    expect(message).toMatch(/`source` \(from --source\)/);
  });

  it('explains a bad base', async () => {
    const message = await problem('base: "/my portal/"\n');
    expect(message).toMatch(/`base`.*URL path such as `\/`.*"\/my portal\/"/);
  });

  it.each(['../shared/catalog.yaml', 'docs/../../x.yaml', '/etc/catalog.yaml'])('refuses catalog path %j outside the repo', async (path) => {
    const message = await problem(`catalog:\n  paths: [${JSON.stringify(path)}]\n`);
    expect(message).toMatch(/`catalog\.paths\.0`.*inside the repo.*`\.\.`/);
    expect(message).toContain(JSON.stringify(path));
  });

  it('accepts a catalog path with dots that do not climb', async () => {
    const { config } = await loadConfig(await configFile('catalog:\n  paths: [.backstage/catalog..yaml]\n'));
    expect(config.catalog.paths).toEqual(['.backstage/catalog..yaml']);
  });

  it('refuses an empty list of catalog paths', async () => {
    expect(await problem('catalog:\n  paths: []\n')).toMatch(/`catalog\.paths`.*non-empty list/);
  });

  it('names every wrong type, with the expected and the found value', async () => {
    const lines = (await problem('title: 3\ncatalog:\n  paths: catalog-info.yaml\nlimits:\n  maxFileBytes: big\n')).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('`title`'))).toMatch(/must be a string, but is 3/);
    expect(lines.find((l) => l.includes('`catalog.paths`'))).toMatch(/must be a list, but is "catalog-info.yaml"/);
    expect(lines.find((l) => l.includes('`limits.maxFileBytes`'))).toMatch(/must be a number, but is "big"/);
  });

  it('asks for a whole number when a limit has a fraction', async () => {
    expect(await problem('limits:\n  maxDocumentsPerFile: 1.5\n')).toMatch(/`limits\.maxDocumentsPerFile` must be a whole number, but is 1\.5/);
  });

  it.each(['0', '-1'])('refuses a limit of %s and says it must be more than 0', async (value) => {
    const message = await problem(`limits:\n  maxFileBytes: ${value}\n`);
    expect(message).toMatch(/`limits\.maxFileBytes`/);
    expect(message).toMatch(/greater than 0/);
  });

  it('refuses a site that is not a URL', async () => {
    expect(await problem('site: acme.github.io\n')).toMatch(/`site`.*url.*"acme\.github\.io"/);
  });

  it('refuses a file that is not a mapping, listing the settings', async () => {
    expect(await problem('- title\n- base\n')).toMatch(/must be a mapping of settings \(title, source, base/);
  });

  it('reports a YAML syntax error on one line', async () => {
    const message = await problem('title: [unclosed\n');
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/portal-\d+\.config\.yaml: /);
  });

  it('refuses an explicit config file that does not exist', async () => {
    await expect(loadConfig(join(tmp, 'nope.yaml'))).rejects.toThrow(/Cannot read config file .*nope\.yaml/);
  });
});
