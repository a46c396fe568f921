import { afterEach, describe, expect, it } from 'vitest';
import { demoModel, demoRequests } from './demo-model.ts';
import { startFakePagerDuty, type FakePagerDuty, type Fault } from './server.ts';

const TOKEN = 'u+fakePagerDutyKey01';
const headers = { authorization: `Token token=${TOKEN}`, accept: 'application/vnd.pagerduty+json;version=2' };
let fake: FakePagerDuty;

async function start(faults: Fault[] = []) {
  fake = await startFakePagerDuty({ model: structuredClone(demoModel), token: TOKEN, faults });
  return fake;
}

const get = (path: string, init: { headers?: Record<string, string>; signal?: AbortSignal } = {}) =>
  fetch(fake.url + path, { headers: init.headers ?? headers, ...(init.signal ? { signal: init.signal } : {}) });
const json = async (path: string) => (await (await get(path)).json()) as Record<string, unknown>;

afterEach(() => fake.close());

describe('fake PagerDuty: the seeded model in the REST API v2 shapes', () => {
  it('answers a service with its escalation policy and teams as references', async () => {
    await start();
    const { service } = (await json('/services/PPY3X9L')) as { service: Record<string, unknown> };
    expect(service).toMatchObject({
      id: 'PPY3X9L',
      type: 'service',
      name: 'Payments Gateway',
      html_url: 'https://fernway.pagerduty.com/service-directory/PPY3X9L',
      escalation_policy: { id: 'PEPAY9K', type: 'escalation_policy_reference', summary: 'Payments – 24/7' },
      teams: [{ id: 'PTPAY01', type: 'team_reference', summary: 'Payments' }],
    });
  });

  it('answers who is on call for an escalation policy, per level', async () => {
    await start();
    const body = await json('/oncalls?escalation_policy_ids[]=PEPAY9K&earliest=true');
    expect(body).toMatchObject({ limit: 25, offset: 0, more: false, total: null });
    expect(body.oncalls).toMatchObject([
      {
        escalation_level: 1,
        user: { id: 'PKW9T3A', type: 'user_reference', summary: 'Kenji Watanabe' },
        schedule: { summary: 'Payments primary' },
        start: '2025-06-02T09:00:00+02:00',
      },
      { escalation_level: 2, user: { summary: 'Elena Petrova' }, schedule: null, start: null, end: null },
    ]);
  });

  it('answers only the open incidents of a service when asked for triggered and acknowledged', async () => {
    await start();
    const open = await json('/incidents?service_ids[]=PBK7M2Q&statuses[]=triggered&statuses[]=acknowledged');
    expect(open.incidents).toMatchObject([{ id: 'Q1BK7TQ2LX', incident_number: 4181, status: 'triggered', urgency: 'high', service: { id: 'PBK7M2Q' } }]);
    expect(((await json('/incidents?service_ids[]=PBK7M2Q')).incidents as unknown[]).length).toBe(2);
  });

  it('pages with limit, offset and more, and counts with total=true', async () => {
    await start();
    const first = await json('/oncalls?limit=4&total=true');
    expect(first).toMatchObject({ limit: 4, offset: 0, more: true, total: 10 });
    const last = await json('/oncalls?limit=4&offset=8');
    expect(last).toMatchObject({ offset: 8, more: false, total: null });
    expect((last.oncalls as unknown[]).length).toBe(2);
  });

  it('lists a team’s services for the Group page, and records the headers it was sent', async () => {
    await start();
    const body = await json('/services?team_ids[]=PTCX005');
    expect((body.services as { id: string }[]).map((service) => service.id)).toEqual(['PTG9C3V', 'PNT6J2M', 'PWB4F8R']);
    expect(fake.requests[0]?.headers.accept).toBe('application/vnd.pagerduty+json;version=2');
    expect(fake.requests[0]?.query.getAll('team_ids[]')).toEqual(['PTCX005']);
  });
});

describe('fake PagerDuty: errors as PagerDuty sends them', () => {
  it('rejects a wrong token, a Bearer token and no token with 401 code 2006', async () => {
    await start();
    for (const authorization of ['Token token=wrong', `Bearer ${TOKEN}`, '']) {
      const res = await get('/services/PPY3X9L', { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { message: 'Authentication failed', code: 2006 } });
    }
  });

  it('answers an unknown service with 404 code 2100', async () => {
    await start();
    const res = await get('/services/PNOPE00');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { message: 'Not Found', code: 2100 } });
  });
});

describe('fake PagerDuty: injected faults', () => {
  it('answers 429 code 2020 with ratelimit-reset and Retry-After, then normally', async () => {
    await start([{ kind: '429', retryAfterSeconds: 3, path: '/oncalls' }]);
    expect((await get('/services/PPY3X9L')).status).toBe(200);
    const limited = await get('/oncalls?escalation_policy_ids[]=PEPAY9K');
    expect(limited.status).toBe(429);
    expect([limited.headers.get('ratelimit-reset'), limited.headers.get('retry-after')]).toEqual(['3', '3']);
    expect(await limited.json()).toEqual({ error: { message: 'Rate Limit Exceeded', code: 2020 } });
    expect((await get('/oncalls?escalation_policy_ids[]=PEPAY9K')).status).toBe(200);
  });

  it('answers slowly enough for a client timeout', async () => {
    await start([{ kind: 'slow', ms: 5_000 }]);
    await expect(get('/services/PPY3X9L', { signal: AbortSignal.timeout(100) })).rejects.toThrow(/timeout|aborted/i);
  });

  it('answers malformed JSON with status 200, and 500 for twice when asked', async () => {
    await start();
    fake.addFaults({ kind: 'malformed-json' }, { kind: '500', times: 2 });
    await expect((await get('/services/PPY3X9L')).json()).rejects.toThrow(SyntaxError);
    expect((await get('/services/PPY3X9L')).status).toBe(500);
    expect((await get('/services/PPY3X9L')).status).toBe(500);
    expect((await get('/services/PPY3X9L')).status).toBe(200);
  });
});

describe('demo fixtures', () => {
  it('are the fake’s answers to the plugin’s requests for the demo org (update: vitest run <this file> -u)', async () => {
    await start();
    const responses: Record<string, { status: number; body: unknown }> = {};
    for (const path of demoRequests) {
      const res = await get(path);
      responses[path] = { status: res.status, body: await res.json() };
    }
    const recorded = { api: 'PagerDuty REST API v2', model: 'test/fakes/pagerduty/demo-model.ts', responses };
    await expect(JSON.stringify(recorded, null, 2) + '\n').toMatchFileSnapshot('../../../demo/integrations/pagerduty.json');
  });
});
