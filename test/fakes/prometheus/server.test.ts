import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_RANGE, demoPromModel, demoPromRequests } from './demo-model.ts';
import { startFakePrometheus, type FakePrometheus, type Fault } from './server.ts';

const TOKEN = 'prom-fake-reader-7f3a';
const headers = { authorization: `Bearer ${TOKEN}` };
const BOOKING_RATE = 'sum(rate(http_server_requests_seconds_count{service="booking-service"}[5m]))';
let fake: FakePrometheus;

async function start(faults: Fault[] = []) {
  fake = await startFakePrometheus({ model: structuredClone(demoPromModel), token: TOKEN, faults });
  return fake;
}

const get = (path: string, init: { headers?: Record<string, string>; signal?: AbortSignal } = {}) =>
  fetch(fake.url + path, { headers: init.headers ?? headers, ...(init.signal ? { signal: init.signal } : {}) });
const range = (params: Record<string, string>) => get(`/api/v1/query_range?${new URLSearchParams(params).toString()}`);

afterEach(() => fake.close());

describe('fake Prometheus: the seeded model in the HTTP API v1 shapes', () => {
  it('answers the active alerts in the success envelope', async () => {
    await start();
    const body = (await (await get('/api/v1/alerts')).json()) as { status: string; data: { alerts: Record<string, unknown>[] } };
    expect(body.status).toBe('success');
    expect(body.data.alerts).toContainEqual({
      labels: { alertname: 'BookingHighErrorRate', severity: 'page', service: 'booking-service' },
      annotations: expect.objectContaining({ summary: 'More than 2 % of booking requests fail' }),
      state: 'firing',
      activeAt: '2025-06-02T06:49:30Z',
      value: '3.4e-02',
    });
  });

  it('answers alerting rules by name, grouped, with their state; recording rules are empty', async () => {
    await start();
    const body = (await (
      await get('/api/v1/rules?type=alert&rule_name[]=SettlementReconciliationLate&rule_name[]=PaymentsAuthorisationLatencyHigh')
    ).json()) as {
      data: { groups: { name: string; file: string; rules: { name: string; state: string; type: string; health: string }[] }[] };
    };
    expect(body.data.groups).toHaveLength(1);
    expect(body.data.groups[0]).toMatchObject({ name: 'payments', file: '/etc/prometheus/rules/payments.yaml', interval: 60 });
    expect(body.data.groups[0]?.rules.map(({ name, state, type, health }) => ({ name, state, type, health }))).toEqual([
      { name: 'PaymentsAuthorisationLatencyHigh', state: 'firing', type: 'alerting', health: 'ok' },
      { name: 'SettlementReconciliationLate', state: 'inactive', type: 'alerting', health: 'ok' },
    ]);
    expect(await (await get('/api/v1/rules?rule_name[]=NoSuchRule')).json()).toEqual({ status: 'success', data: { groups: [] } });
    expect(await (await get('/api/v1/rules?type=record')).json()).toEqual({ status: 'success', data: { groups: [] } });
  });

  it('answers a range query as a matrix, one point per step, values as strings', async () => {
    await start();
    const body = (await (await range({ query: BOOKING_RATE, start: '1748764800', end: '1748775600', step: '3600' })).json()) as {
      data: { resultType: string; result: { metric: Record<string, string>; values: [number, string][] }[] };
    };
    expect(body.data.resultType).toBe('matrix');
    expect(body.data.result).toEqual([
      {
        metric: { service: 'booking-service' },
        values: [
          [1748764800, '31'],
          [1748768400, '22'],
          [1748772000, '15'],
          [1748775600, '11'],
        ],
      },
    ]);
    const rfc = (await (await range({ query: BOOKING_RATE, ...DEMO_RANGE })).json()) as { data: { result: { values: unknown[] }[] } };
    expect(rfc.data.result[0]?.values).toHaveLength(25);
    const unknown = (await (await range({ query: 'up{job="nope"}', ...DEMO_RANGE })).json()) as { data: { result: unknown[] } };
    expect(unknown.data.result).toEqual([]);
  });

  it('answers a bad range query with 400 bad_data, and records the request', async () => {
    await start();
    const res = await range({ query: BOOKING_RATE, start: 'yesterday', end: '1748775600', step: '1h' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 'error', errorType: 'bad_data', error: expect.stringContaining('"start"') });
    expect((await range({ query: BOOKING_RATE, start: '0', end: '86400', step: '1s' })).status).toBe(400);
    expect(fake.requests[0]?.query.get('query')).toBe(BOOKING_RATE);
  });
});

describe('fake Prometheus: errors', () => {
  it('rejects a wrong or missing token with 401, and takes basic auth with the token as password', async () => {
    await start();
    for (const auth of [{ authorization: 'Bearer wrong' }, {}] as Record<string, string>[])
      expect((await get('/api/v1/alerts', { headers: auth })).status).toBe(401);
    const basic = { authorization: `Basic ${Buffer.from(`portal:${TOKEN}`).toString('base64')}` };
    expect((await get('/api/v1/alerts', { headers: basic })).status).toBe(200);
  });

  it('answers an unknown path with 404', async () => {
    await start();
    const res = await get('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('404 page not found\n');
  });
});

describe('fake Prometheus: injected faults', () => {
  it('answers 429 with Retry-After on the path it names, then normally', async () => {
    await start([{ kind: '429', retryAfterSeconds: 4, path: '/api/v1/query_range' }]);
    expect((await get('/api/v1/alerts')).status).toBe(200);
    const limited = await range({ query: BOOKING_RATE, ...DEMO_RANGE });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('4');
    expect((await range({ query: BOOKING_RATE, ...DEMO_RANGE })).status).toBe(200);
  });

  it('answers slowly enough for a client timeout', async () => {
    await start([{ kind: 'slow', ms: 5_000 }]);
    await expect(get('/api/v1/alerts', { signal: AbortSignal.timeout(100) })).rejects.toThrow(/timeout|aborted/i);
  });

  it('answers malformed JSON with status 200, and 503 timeout when asked', async () => {
    await start();
    fake.addFaults({ kind: 'malformed-json' }, { kind: '503' });
    await expect((await get('/api/v1/alerts')).json()).rejects.toThrow(SyntaxError);
    const timeout = await get('/api/v1/alerts');
    expect(timeout.status).toBe(503);
    expect(await timeout.json()).toMatchObject({ status: 'error', errorType: 'timeout' });
  });
});

describe('demo fixtures', () => {
  it('are the fake’s answers to the plugin’s requests for the demo org (update: vitest run <this file> -u)', async () => {
    await start();
    const responses: Record<string, { status: number; body: unknown }> = {};
    for (const path of demoPromRequests) {
      const res = await get(path);
      responses[path] = { status: res.status, body: await res.json() };
    }
    const recorded = { api: 'Prometheus HTTP API v1', model: 'test/fakes/prometheus/demo-model.ts', responses };
    await expect(JSON.stringify(recorded, null, 2) + '\n').toMatchFileSnapshot('../../../demo/integrations/prometheus.json');
  });
});
