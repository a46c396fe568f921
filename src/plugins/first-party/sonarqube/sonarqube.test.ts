/** The SonarQube plugin against the fake Web API (test/fakes/sonarqube/, SonarQube Server 10.x shapes). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoProjects } from '../../../../test/fakes/sonarqube/demo-model.ts';
import { startFakeSonarQube, type FakeSonarQube } from '../../../../test/fakes/sonarqube/server.ts';
import type { PluginEntity } from '../../api.ts';
import { runPlugins } from '../../run-plugins.ts';
import { PluginSectionViewSchema } from '../../../entity-record/plugin-section.ts';
import { ANNOTATION_SONARQUBE_PROJECT_KEY, parseProjectKey } from './annotations.ts';
import { sonarqubePlugin, SonarqubeSettingsSchema, type SonarqubeData } from './index.ts';
import { renderQuality } from './view.ts';

const TOKEN = 'squ_fake_token_0123456789abcdef';
const entity = (name: string, key: string): PluginEntity => ({
  ref: `component:default/${name}`,
  kind: 'Component',
  namespace: 'default',
  name,
  annotations: { [ANNOTATION_SONARQUBE_PROJECT_KEY]: key },
  repo: name,
});
const passing = entity('payments-gateway', 'fernway_payments-gateway');
const failing = entity('booking-service', 'fernway_booking-service');

let fake: FakeSonarQube;
let cacheDir: string;
let lines: string[];
beforeAll(async () => {
  fake = await startFakeSonarQube({ projects: structuredClone(demoProjects), token: TOKEN });
});
afterAll(() => fake.close());
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'sonar-'));
  lines = [];
  return () => rm(cacheDir, { recursive: true, force: true });
});

const collect = (entities: PluginEntity[], token = TOKEN, http = {}) =>
  runPlugins({
    plugins: [{ plugin: sonarqubePlugin, settings: SonarqubeSettingsSchema.parse({ baseUrl: fake.url }), required: false, label: 'plugins[0] (sonarqube)' }],
    entities,
    env: { SONAR_TOKEN: token },
    now: new Date('2025-06-03T06:00:00Z'),
    cacheDir,
    log: (line) => lines.push(line),
    http: { backoffMs: 1, ...http },
  });

describe('sonarqube.org/project-key', () => {
  it.each([
    ['fernway_payments-gateway', { projectKey: 'fernway_payments-gateway' }],
    [' org:team.svc ', { projectKey: 'org:team.svc' }],
    ['prod/fernway_api', { projectKey: 'fernway_api', instance: 'prod' }],
  ])('reads %j', (value, expected) => expect(parseProjectKey(value)).toEqual(expected));

  it.each(['', '12345', 'has space', 'a/b/c', 'x<script>'])('refuses %j and says what a key is', (value) => {
    expect(parseProjectKey(value)).toEqual({ error: expect.stringMatching(/not a SonarQube project key/) });
  });
});

describe('SonarQube collection against the fake', () => {
  it('reads the quality gate and the four measures with a Bearer token, and links to the project', async () => {
    const result = await collect([passing, failing]);
    const [view] = result.sections.get(failing.ref)!;
    expect(view).toMatchObject({
      id: 'plugin:sonarqube:quality',
      freshness: 'fresh',
      badge: { label: 'Quality gate failed', tone: 'bad' },
      facts: [
        { label: 'Coverage', value: '71.5%' },
        { label: 'Bugs', value: '3', tone: 'bad' },
        { label: 'Vulnerabilities', value: '1', tone: 'bad' },
        { label: 'Code smells', value: '96' },
      ],
      links: [{ label: 'Open fernway_booking-service in SonarQube', url: `${fake.url}/dashboard?id=fernway_booking-service` }],
    });
    expect(view!.tables[0]?.rows.map((row) => row[0])).toEqual(['new_reliability_rating', 'new_coverage']);
    expect(result.checks.results.get(failing.ref)?.[0]).toMatchObject({ id: 'plugin:sonarqube:quality-gate', status: 'fail' });
    expect(result.checks.results.get(passing.ref)?.[0]).toMatchObject({ status: 'pass' });
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(result.diagnostics).toEqual([]);
  });

  it('says the token was refused on a 401, without printing it', async () => {
    const result = await collect([passing], 'wrong-token-0000');
    expect(result.sections.get(passing.ref)?.[0]).toMatchObject({ freshness: 'unavailable', reason: expect.stringMatching(/refused the token \(HTTP 401\)/) });
    expect(JSON.stringify([lines, result.diagnostics])).not.toContain('wrong-token-0000');
  });

  it('says the project was not found on a 404', async () => {
    const result = await collect([entity('ghost', 'fernway_ghost')]);
    expect(result.sections.get('component:default/ghost')?.[0]?.reason).toMatch(/project "fernway_ghost" was not found \(HTTP 404\): check the annotation/);
  });

  it('waits for Retry-After on a 429 and then reads the project', async () => {
    fake.addFaults({ kind: '429', path: '/api/qualitygates/project_status', retryAfterSeconds: 0 });
    const result = await collect([passing]);
    expect(result.sections.get(passing.ref)?.[0]?.freshness).toBe('fresh');
    expect(lines.some((l) => /rate-limited \(HTTP 429\); retrying/.test(l))).toBe(true);
  });

  it('gives up on a service slower than the timeout, and shows the last good data', async () => {
    await collect([passing]);
    fake.addFaults({ kind: 'slow', ms: 400, times: 4 }); // both requests, each tried twice
    const result = await collect([passing], TOKEN, { timeoutMs: 50, retries: 1 });
    expect(result.sections.get(passing.ref)?.[0]).toMatchObject({
      freshness: 'stale',
      asOf: '2025-06-03T06:00:00.000Z',
      reason: expect.stringMatching(/timed out after 50 ms/),
    });
    expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', rule: 'plugin-failed' });
  });

  it('reports malformed JSON', async () => {
    fake.addFaults({ kind: 'malformed-json', path: '/api/measures/component' });
    const result = await collect([passing]);
    expect(result.sections.get(passing.ref)?.[0]?.reason).toMatch(/malformed JSON/);
  });

  it('reports an invalid annotation on the entity instead of calling the service', async () => {
    const before = fake.requests.length;
    const result = await collect([entity('odd', 'not a key')]);
    expect(result.sections.get('component:default/odd')?.[0]?.reason).toMatch(/not a SonarQube project key/);
    expect(fake.requests.length).toBe(before);
  });
});

describe('the SonarQube section view model', () => {
  const data: SonarqubeData = {
    projectKey: 'k',
    projectUrl: 'https://sonarcloud.io/dashboard?id=k',
    qualityGate: 'OK',
    failedConditions: [],
    coverage: 80,
  };

  it('shows a missing measure as a dash and no table when nothing fails', () => {
    expect(renderQuality(data)).toMatchObject({
      badge: { tone: 'good' },
      facts: [{ value: '80.0%' }, { value: '—' }, { value: '—' }, { value: '—' }],
      tables: [],
    });
  });

  it('refuses a link that is not http(s), whatever a service sent', () => {
    const view = {
      ...renderQuality({ ...data, projectUrl: 'javascript:alert(1)' }),
      id: 'plugin:sonarqube:quality',
      title: 't',
      pluginTitle: 'SonarQube',
      freshness: 'fresh',
    };
    expect(PluginSectionViewSchema.safeParse(view).success).toBe(false);
  });
});
