import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin, pass, type Collected, type CollectResult, type PluginEntity } from './api.ts';
import type { LoadedPlugin } from './load-plugins.ts';
import { RequiredPluginError, runPlugins } from './run-plugins.ts';

const SECRET = 'fake-secret-value-123456';
const entity = (name: string, annotations: Record<string, string> = { 'acme.test/id': name }): PluginEntity => ({
  ref: `component:default/${name}`,
  kind: 'Component',
  namespace: 'default',
  name,
  annotations,
  repo: name,
});

/** A plugin whose `collect` the test scripts: `answer` per ref, or `throws`. */
function plugin(behaviour: { answer?: (e: PluginEntity) => { data: unknown } | { error: string }; throws?: string }): LoadedPlugin {
  const definition = definePlugin<{ tokenEnv: string }, { score: number }>({
    name: 'acme',
    title: 'Acme',
    annotations: ['acme.test/id'],
    settings: z.object({ tokenEnv: z.string().default('ACME_TOKEN') }),
    credentials: (s) => [s.tokenEnv],
    data: z.object({ score: z.number() }),
    async collect({ entities, secrets, log }) {
      log(`using ${secrets['ACME_TOKEN']}`);
      if (behaviour.throws) throw new Error(behaviour.throws);
      // Unchecked on purpose: the stage must catch data that does not match the schema.
      return new Map(entities.map((e) => [e.ref, behaviour.answer!(e)] as const)) as CollectResult<{ score: number }>;
    },
    sections: [
      {
        id: 'score',
        title: 'Acme score',
        render: (d) => ({ facts: [{ label: 'Score', value: String(d.score) }], links: [{ label: 'x', url: 'https://acme.test/x' }] }),
      },
    ],
    checks: [{ id: 'good', title: 'Good score', short: 'Score', why: '.', kinds: ['component'], run: (d) => pass(`Score ${d.score}.`) }],
  });
  return { plugin: definition, settings: { tokenEnv: 'ACME_TOKEN' }, required: false, label: 'plugins[0] (acme)' };
}

let cacheDir: string;
let lines: string[];
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'plugins-'));
  lines = [];
});
afterEach(() => rm(cacheDir, { recursive: true, force: true }));

const run = (loaded: LoadedPlugin, now: string, env: Record<string, string> = { ACME_TOKEN: SECRET }, entities = [entity('a'), entity('b')]) =>
  runPlugins({ plugins: [loaded], entities, env, now: new Date(now), cacheDir, log: (l) => lines.push(l) });

describe('runPlugins', () => {
  it('turns fresh data into sections and check results for the entities with the annotation', async () => {
    const result = await run(plugin({ answer: () => ({ data: { score: 7 } }) }), '2025-05-01T06:00:00Z', undefined, [entity('a'), entity('c', {})]);
    expect([...result.sections.keys()]).toEqual(['component:default/a']);
    expect(result.sections.get('component:default/a')).toEqual([
      expect.objectContaining({ id: 'plugin:acme:score', freshness: 'fresh', asOf: '2025-05-01T06:00:00.000Z', facts: [{ label: 'Score', value: '7' }] }),
    ]);
    expect(result.checks.results.get('component:default/a')).toEqual([{ id: 'plugin:acme:good', title: 'Good score', status: 'pass', message: 'Score 7.' }]);
    expect(result.checks.definitions).toEqual([{ id: 'plugin:acme:good', title: 'Good score' }]);
    expect(result.diagnostics).toEqual([]);
  });

  it('after a failure shows the last good data with its time, and warns without failing', async () => {
    await run(plugin({ answer: () => ({ data: { score: 7 } }) }), '2025-05-01T06:00:00Z');
    const result = await run(plugin({ throws: `connect ECONNREFUSED (token ${SECRET})` }), '2025-05-02T06:00:00Z');
    const [view] = result.sections.get('component:default/a')!;
    expect(view).toMatchObject({ freshness: 'stale', asOf: '2025-05-01T06:00:00.000Z', facts: [{ value: '7' }] });
    expect(view!.reason).toMatch(/ECONNREFUSED/);
    expect(result.checks.results.get('component:default/a')?.[0]?.status).toBe('pass');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'plugin-failed',
        message: expect.stringMatching(/Acme \(plugins\[0\] \(acme\)\) could not read 2 of 2 entities/),
      }),
    ]);
    expect(result.failed).toBe(1);
  });

  it('shows "unavailable" with the reason when there is no cached data, and the check does not apply', async () => {
    const result = await run(
      plugin({ answer: (e) => (e.name === 'a' ? { error: 'project not found (HTTP 404)' } : { data: { score: 1 } }) }),
      '2025-05-01T06:00:00Z',
    );
    expect(result.sections.get('component:default/a')).toEqual([
      expect.objectContaining({ freshness: 'unavailable', reason: 'project not found (HTTP 404)', facts: [] }),
    ]);
    expect(result.sections.get('component:default/b')?.[0]?.freshness).toBe('fresh');
    expect(result.checks.results.get('component:default/a')?.[0]).toMatchObject({
      status: 'not-applicable',
      message: 'Acme data unavailable: project not found (HTTP 404).',
    });
  });

  it('treats data that does not match the plugin’s schema as a failure', async () => {
    const result = await run(plugin({ answer: () => ({ data: { score: 'high' } }) }), '2025-05-01T06:00:00Z');
    expect(result.sections.get('component:default/a')?.[0]).toMatchObject({
      freshness: 'unavailable',
      reason: expect.stringMatching(/did not match the plugin's schema/),
    });
  });

  it('fails the build when the plugin is required', async () => {
    await expect(run({ ...plugin({ throws: 'boom' }), required: true }, '2025-05-01T06:00:00Z')).rejects.toBeInstanceOf(RequiredPluginError);
  });

  it('skips a plugin without credentials with one info line, and collects nothing', async () => {
    const result = await run(plugin({ throws: 'must not run' }), '2025-05-01T06:00:00Z', {});
    expect(lines).toEqual(["Acme: skipped: no credentials (set ACME_TOKEN in the build's environment)."]);
    expect(result).toMatchObject({ skipped: 1, ran: 0, diagnostics: [] });
    expect(result.sections.size).toBe(0);
  });

  it('never writes a credential to the log, the diagnostics, the sections or the cache', async () => {
    await run(plugin({ answer: () => ({ data: { score: 3 } }) }), '2025-05-01T06:00:00Z');
    const result = await run(plugin({ throws: `bad token ${SECRET}` }), '2025-05-02T06:00:00Z');
    const cache = await Promise.all((await readdir(join(cacheDir, 'plugins'))).map((f) => readFile(join(cacheDir, 'plugins', f), 'utf8')));
    const everything = JSON.stringify([lines, result.diagnostics, [...result.sections], cache]);
    expect(everything).toContain('***');
    expect(everything).not.toContain(SECRET);
  });
});

describe('runPlugins in demo mode', () => {
  /** A plugin that reads `/api/score?id=<name>` through the build's HTTP client, as a real one does. */
  const httpPlugin = definePlugin<{ tokenEnv: string }, { score: number }>({
    name: 'acme',
    title: 'Acme',
    annotations: ['acme.test/id'],
    settings: z.object({ tokenEnv: z.string() }),
    credentials: (s) => [s.tokenEnv],
    data: z.object({ score: z.number() }),
    async collect({ entities, http, secrets }) {
      if (!secrets['ACME_TOKEN']) throw new Error('no token');
      const read = async (e: PluginEntity): Promise<[string, Collected<{ score: number }>]> => {
        try {
          return [e.ref, { data: (await http.getJson(`https://acme.test/api/score?id=${e.name}`)) as { score: number } }];
        } catch (error) {
          return [e.ref, { error: (error as Error).message }];
        }
      };
      return new Map(await Promise.all(entities.map(read)));
    },
    sections: [{ id: 'score', title: 'Acme score', render: (d) => ({ facts: [{ label: 'Score', value: String(d.score) }] }) }],
    checks: [{ id: 'good', title: 'Good score', short: 'Score', why: '.', kinds: ['component'], run: (d) => pass(`Score ${d.score}.`) }],
  });
  const demo = (responses: Record<string, { status: number; body: unknown }>): LoadedPlugin => ({
    plugin: httpPlugin,
    settings: { tokenEnv: 'ACME_TOKEN' },
    required: false,
    label: 'plugins[0] (acme)',
    demo: { files: ['demo/integrations/acme.json'], responses: new Map(Object.entries(responses)) },
  });

  it('replays the recording with no credentials set: sections and checks say demo data', async () => {
    const result = await run(demo({ '/api/score?id=a': { status: 200, body: { score: 9 } } }), '2025-05-01T06:00:00Z', {}, [entity('a')]);
    expect(result).toMatchObject({ ran: 1, skipped: 0, failed: 0, diagnostics: [] });
    expect(result.sections.get('component:default/a')).toEqual([expect.objectContaining({ freshness: 'demo', facts: [{ label: 'Score', value: '9' }] })]);
    expect(result.checks.results.get('component:default/a')?.[0]).toMatchObject({ status: 'pass', message: 'Score 9. (Demo data.)' });
    expect(lines[0]).toBe('Acme: demo mode: replaying the recorded responses of demo/integrations/acme.json (no network, no credentials read).');
  });

  it('reads no credential even when one is set, and leaves the cache alone', async () => {
    await run(plugin({ answer: () => ({ data: { score: 3 } }) }), '2025-05-01T06:00:00Z', undefined, [entity('a')]);
    const before = await readFile(join(cacheDir, 'plugins', 'acme.json'), 'utf8');
    lines = [];
    const result = await run(demo({ '/api/score?id=a': { status: 200, body: { score: 9 } } }), '2025-05-02T06:00:00Z', { ACME_TOKEN: SECRET }, [entity('a')]);
    expect(result.sections.get('component:default/a')?.[0]).toMatchObject({ freshness: 'demo', facts: [{ value: '9' }] });
    expect(await readFile(join(cacheDir, 'plugins', 'acme.json'), 'utf8')).toBe(before);
    expect(JSON.stringify([lines, [...result.sections]])).not.toContain(SECRET);
  });

  it('shows an entity the recording lacks as unavailable, with a warning, never its last good data', async () => {
    await run(plugin({ answer: () => ({ data: { score: 3 } }) }), '2025-05-01T06:00:00Z');
    const result = await run(demo({ '/api/score?id=a': { status: 200, body: { score: 9 } } }), '2025-05-02T06:00:00Z', {});
    expect(result.sections.get('component:default/b')).toEqual([
      expect.objectContaining({ freshness: 'unavailable', reason: expect.stringMatching(/not in the demo recording \(demo\/integrations\/acme.json\)/) }),
    ]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'plugin-failed', severity: 'warning' })]);
  });
});
