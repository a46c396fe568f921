import { afterEach, describe, expect, it } from 'vitest';
import { demoProjects, demoRequests } from './demo-model.ts';
import { startFakeSonarQube, type FakeSonarQube, type Fault } from './server.ts';

const TOKEN = 'squ_fake_0123456789';
const bearer = { authorization: `Bearer ${TOKEN}` };
let fake: FakeSonarQube;

async function start(faults: Fault[] = []) {
  fake = await startFakeSonarQube({ projects: structuredClone(demoProjects), token: TOKEN, faults });
  return fake;
}

const get = (path: string, headers: Record<string, string> = bearer, signal?: AbortSignal) =>
  fetch(fake.url + path, { headers, ...(signal ? { signal } : {}) });

afterEach(() => fake.close());

describe('fake SonarQube: the seeded model in the Web API shapes', () => {
  it('answers the quality gate with its conditions', async () => {
    await start();
    const res = await get('/api/qualitygates/project_status?projectKey=fernway_booking-service');
    expect(res.status).toBe(200);
    const { projectStatus } = (await res.json()) as { projectStatus: { status: string; conditions: { metricKey: string; status: string }[] } };
    expect(projectStatus.status).toBe('ERROR');
    expect(projectStatus.conditions).toContainEqual({
      status: 'ERROR',
      metricKey: 'new_coverage',
      comparator: 'LT',
      errorThreshold: '80',
      actualValue: '64.3',
    });
  });

  it('answers the requested measures only, as strings, with bestValue', async () => {
    await start();
    const res = await get('/api/measures/component?component=fernway_payments-gateway&metricKeys=coverage,bugs,vulnerabilities,code_smells');
    expect(await res.json()).toEqual({
      component: {
        key: 'fernway_payments-gateway',
        name: 'Payments Gateway',
        qualifier: 'TRK',
        measures: [
          { metric: 'coverage', value: '86.2', bestValue: false },
          { metric: 'bugs', value: '0', bestValue: true },
          { metric: 'vulnerabilities', value: '0', bestValue: true },
          { metric: 'code_smells', value: '14', bestValue: false },
        ],
      },
    });
  });

  it('answers the component with its last analysis date', async () => {
    await start();
    const res = await get('/api/components/show?component=fernway_go-kit');
    expect(await res.json()).toMatchObject({
      component: { key: 'fernway_go-kit', name: 'go-kit', qualifier: 'TRK', analysisDate: '2025-06-02T07:41:13+0000' },
      ancestors: [],
    });
  });

  it('accepts the token as Basic login with an empty password, and records each request', async () => {
    await start();
    const basic = { authorization: `Basic ${Buffer.from(`${TOKEN}:`).toString('base64')}` };
    expect((await get('/api/components/show?component=fernway_go-kit', basic)).status).toBe(200);
    expect(fake.requests).toMatchObject([{ method: 'GET', path: '/api/components/show' }]);
    expect(fake.requests[0]?.query.get('component')).toBe('fernway_go-kit');
  });

  it('serves changes a test makes to the live model', async () => {
    await start();
    const project = fake.projects.find((candidate) => candidate.key === 'fernway_go-kit');
    if (project) project.qualityGate = 'ERROR';
    const body = (await (await get('/api/qualitygates/project_status?projectKey=fernway_go-kit')).json()) as { projectStatus: { status: string } };
    expect(body.projectStatus.status).toBe('ERROR');
  });
});

describe('fake SonarQube: errors as SonarQube sends them', () => {
  it('rejects a wrong or missing token with 401 and an empty body', async () => {
    await start();
    for (const headers of [{ authorization: 'Bearer squ_wrong' }, {}] as Record<string, string>[]) {
      const res = await get('/api/qualitygates/project_status?projectKey=fernway_go-kit', headers);
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('');
    }
  });

  it('answers an unknown key with 404 and a missing parameter with 400, in the errors shape', async () => {
    await start();
    const unknown = await get('/api/measures/component?component=fernway_nope&metricKeys=coverage');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ errors: [{ msg: "Component key 'fernway_nope' not found" }] });
    expect((await get('/api/qualitygates/project_status?projectKey=fernway_nope')).status).toBe(404);
    expect((await get('/api/components/show?component=fernway_nope')).status).toBe(404);
    expect((await get('/api/qualitygates/project_status')).status).toBe(400);
  });
});

describe('fake SonarQube: injected faults', () => {
  it('answers 429 with Retry-After, then normally', async () => {
    await start([{ kind: '429', retryAfterSeconds: 7 }]);
    const limited = await get('/api/components/show?component=fernway_go-kit');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await get('/api/components/show?component=fernway_go-kit')).status).toBe(200);
  });

  it('answers slowly enough for a client timeout, only on the path it names', async () => {
    await start([{ kind: 'slow', ms: 5_000, path: '/api/measures/component' }]);
    expect((await get('/api/components/show?component=fernway_go-kit')).status).toBe(200);
    const slow = get('/api/measures/component?component=fernway_go-kit&metricKeys=coverage', bearer, AbortSignal.timeout(100));
    await expect(slow).rejects.toThrow(/timeout|aborted/i);
  });

  it('answers malformed JSON with status 200, and 500 when asked', async () => {
    await start();
    fake.addFaults({ kind: 'malformed-json' }, { kind: '500' });
    const malformed = await get('/api/qualitygates/project_status?projectKey=fernway_go-kit');
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow(SyntaxError);
    expect((await get('/api/qualitygates/project_status?projectKey=fernway_go-kit')).status).toBe(500);
  });
});

describe('demo fixtures', () => {
  it('are the fake’s answers to the plugin’s requests for the demo org (update: vitest -u)', async () => {
    await start();
    const responses: Record<string, { status: number; body: unknown }> = {};
    for (const path of demoRequests) {
      const res = await get(path);
      responses[path] = { status: res.status, body: await res.json() };
    }
    const recorded = { api: 'SonarQube Web API (10.x)', model: 'test/fakes/sonarqube/demo-model.ts', responses };
    await expect(JSON.stringify(recorded, null, 2) + '\n').toMatchFileSnapshot('../../../demo/integrations/sonarqube.json');
  });
});
