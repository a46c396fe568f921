import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PluginConfigSchema } from '../config/schema.ts';
import { loadPlugins } from './load-plugins.ts';

const projectRoot = join(import.meta.dirname, '../..');
const entry = (value: unknown) => PluginConfigSchema.parse(value);
const problem = (configs: unknown[], root = projectRoot) =>
  loadPlugins(configs.map(entry), { root }).then(
    () => '',
    (error: Error) => `${error.name}: ${error.message}`,
  );

describe('loadPlugins', () => {
  it('loads a first-party plugin by name with its settings’ defaults', async () => {
    const [loaded] = await loadPlugins([entry({ name: 'sonarqube' })]);
    expect(loaded).toMatchObject({ label: 'plugins[0] (sonarqube)', required: false, settings: { baseUrl: 'https://sonarcloud.io', tokenEnv: 'SONAR_TOKEN' } });
  });

  it('names the plugin, the key, what is allowed and what was found for bad settings', async () => {
    expect(await problem([{ name: 'sonarqube', settings: { baseUrl: 'ftp://sonar', tokenEnv: 'sonar token' } }])).toBe(
      'ConfigError: portal.config.yaml: plugins[0] (sonarqube): `plugins.0.settings.baseUrl` must be a valid url, but is "ftp://sonar".\n' +
        'portal.config.yaml: plugins[0] (sonarqube): `plugins.0.settings.tokenEnv` must be an environment variable name such as `SONAR_TOKEN`, but is "sonar token".',
    );
    expect(await problem([{ name: 'sonarqube', settings: { token: 'x' } }])).toMatch(
      /plugins\[0\] \(sonarqube\): unknown key `plugins\.0\.settings\.token`; allowed here: `baseUrl`, `tokenEnv`, `instanceName`\./,
    );
  });

  it('reads the recording of a plugin in demo mode, and names the plugin when it is missing', async () => {
    const [loaded] = await loadPlugins([entry({ name: 'sonarqube', demo: 'demo/integrations/sonarqube.json' })], { root: projectRoot });
    expect(loaded?.demo?.files).toEqual(['demo/integrations/sonarqube.json']);
    expect(loaded?.demo?.responses.size).toBeGreaterThan(0);
    expect(await problem([{ name: 'sonarqube', demo: 'demo/integrations/nope.json' }])).toMatch(
      /^ConfigError: portal.config.yaml: plugins\[0\] \(sonarqube\): `demo`: demo recording "demo\/integrations\/nope.json" could not be read: ENOENT/,
    );
  });

  it('names an unknown first-party plugin and lists the known ones', async () => {
    expect(await problem([{ name: 'sonar' }])).toMatch(/plugins\[0\] \(sonar\): there is no first-party plugin "sonar"; known: `sonarqube`/);
  });

  it('rejects an entry with both or neither of `name` and `path`', () => {
    expect(PluginConfigSchema.safeParse({ name: 'sonarqube', path: './x' }).success).toBe(false);
    expect(PluginConfigSchema.safeParse({ settings: {} }).success).toBe(false);
  });

  it('loads the example local plugin from the portal repo', async () => {
    const [loaded] = await loadPlugins([entry({ path: './plugins/example', settings: {} })], { root: projectRoot });
    expect(loaded?.plugin).toMatchObject({ name: 'example-runbook', title: 'Runbooks' });
  });

  it('explains a missing module, a path outside the repo and a module that is not a plugin', async () => {
    const root = await mkdtemp(join(tmpdir(), 'local-plugins-'));
    try {
      await writeFile(join(root, 'not-a-plugin.ts'), 'export default { name: "Bad Name" };\n');
      expect(await problem([{ path: './missing' }], root)).toMatch(/plugins\[0\] \(\.\/missing\): no plugin module at "\.\/missing"/);
      expect(await problem([{ path: '../elsewhere' }], root)).toMatch(/must stay inside the portal repo/);
      expect(await problem([{ path: './not-a-plugin' }], root)).toMatch(
        /its `name` must be lowercase letters, digits and dashes\. Export `default definePlugin/,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('refuses the same plugin twice', async () => {
    expect(await problem([{ name: 'sonarqube' }, { name: 'sonarqube' }])).toMatch(/plugins\[1\] \(sonarqube\): plugin "sonarqube" is listed twice/);
  });
});
