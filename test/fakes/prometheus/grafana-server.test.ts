import { afterEach, describe, expect, it } from 'vitest';
import { GRAFANA_ROOT_URL, demoGrafanaModel, demoGrafanaRequests } from './demo-model.ts';
import { startFakeGrafana, type FakeGrafana, type Fault } from './grafana-server.ts';

const TOKEN = 'glsa_fakeGrafanaViewer_0a1b2c3d';
const headers = { authorization: `Bearer ${TOKEN}` };
let fake: FakeGrafana;

async function start(faults: Fault[] = []) {
  fake = await startFakeGrafana({ model: structuredClone(demoGrafanaModel), token: TOKEN, rootUrl: GRAFANA_ROOT_URL, faults });
  return fake;
}

const get = (path: string, init: { headers?: Record<string, string>; signal?: AbortSignal } = {}) =>
  fetch(fake.url + path, { headers: init.headers ?? headers, ...(init.signal ? { signal: init.signal } : {}) });
const json = async (path: string) => (await (await get(path)).json()) as Record<string, unknown>[];
const alerts = (...filters: string[]) =>
  json(`/api/alertmanager/grafana/api/v2/alerts?${filters.map((filter) => `filter=${encodeURIComponent(filter)}`).join('&')}`);

afterEach(() => fake.close());

describe('fake Grafana: the seeded model in the HTTP API shapes', () => {
  it('searches dashboards by tag, all tags required, with their URLs and folders', async () => {
    await start();
    const hits = await json('/api/search?type=dash-db&tag=payments-gateway');
    expect(hits.map((hit) => hit.uid)).toEqual(['payments-gateway', 'payments-psp']);
    expect(hits[0]).toMatchObject({
      type: 'dash-db',
      title: 'Payments Gateway',
      url: '/d/payments-gateway/payments-gateway',
      folderTitle: 'Payments',
      tags: expect.arrayContaining(['pci-dss']),
    });
    expect((await json('/api/search?tag=payments-gateway&tag=service')).map((hit) => hit.uid)).toEqual(['payments-gateway']);
    expect(await json('/api/search?tag=nobody')).toEqual([]);
  });

  it('answers a dashboard by uid with its meta', async () => {
    await start();
    const body = (await (await get('/api/dashboards/uid/booking-service')).json()) as { dashboard: { title: string }; meta: { url: string } };
    expect(body).toMatchObject({
      dashboard: { uid: 'booking-service', title: 'Booking Service overview' },
      meta: { url: '/d/booking-service/booking-service-overview', folderTitle: 'Booking' },
    });
  });

  it('answers alerts matching label matchers in the Alertmanager v2 shape, linking to the root URL', async () => {
    await start();
    const booking = await alerts('service="booking-service"');
    expect(booking).toEqual([
      {
        annotations: { summary: 'More than 2 % of booking requests fail' },
        endsAt: expect.any(String),
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
        receivers: [{ name: 'grafana-default-email' }],
        startsAt: '2025-06-02T06:49:30Z',
        status: { inhibitedBy: [], silencedBy: [], state: 'active' },
        updatedAt: '2025-06-02T06:49:30Z',
        generatorURL: 'https://grafana.fernway.example/alerting/grafana/b7kq2m/view',
        labels: { alertname: 'BookingHighErrorRate', service: 'booking-service', severity: 'page', grafana_folder: 'Booking' },
      },
    ]);
    expect((await alerts('severity=page')).length).toBe(2);
    expect(
      (await alerts('service=~"payments-.*|search-service"', 'severity!="page"')).map((alert) => (alert.labels as Record<string, string>).alertname),
    ).toEqual(['SearchIndexStale']);
    expect((await alerts('service!~"booking.*"')).length).toBe(2);
  });

  it('records the requests it answered', async () => {
    await start();
    await get('/api/search?tag=booking-service');
    expect(fake.requests).toMatchObject([{ method: 'GET', path: '/api/search' }]);
    expect(fake.requests[0]?.query.getAll('tag')).toEqual(['booking-service']);
  });
});

describe('fake Grafana: errors', () => {
  it('rejects a wrong or missing token with 401 Invalid API key', async () => {
    await start();
    for (const auth of [{ authorization: 'Bearer glsa_wrong' }, {}] as Record<string, string>[]) {
      const res = await get('/api/search?tag=booking-service', { headers: auth });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ message: 'Invalid API key', statusCode: 401 });
    }
  });

  it('answers an unknown dashboard with 404, and a bad matcher with 400', async () => {
    await start();
    const missing = await get('/api/dashboards/uid/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Dashboard not found' });
    expect((await get(`/api/alertmanager/grafana/api/v2/alerts?filter=${encodeURIComponent('service')}`)).status).toBe(400);
  });
});

describe('fake Grafana: injected faults', () => {
  it('answers 429 with Retry-After, then normally', async () => {
    await start([{ kind: '429', retryAfterSeconds: 9 }]);
    const limited = await get('/api/search?tag=booking-service');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '9']);
    expect((await get('/api/search?tag=booking-service')).status).toBe(200);
  });

  it('answers slowly enough for a client timeout', async () => {
    await start([{ kind: 'slow', ms: 5_000, path: '/api/alertmanager/grafana/api/v2/alerts' }]);
    await expect(get('/api/alertmanager/grafana/api/v2/alerts', { signal: AbortSignal.timeout(100) })).rejects.toThrow(/timeout|aborted/i);
  });

  it('answers malformed JSON with status 200, and 500 when asked', async () => {
    await start();
    fake.addFaults({ kind: 'malformed-json' }, { kind: '500' });
    await expect((await get('/api/search?tag=booking-service')).json()).rejects.toThrow(SyntaxError);
    expect((await get('/api/search?tag=booking-service')).status).toBe(500);
  });
});

describe('demo fixtures', () => {
  it('are the fake’s answers to the plugin’s requests for the demo org (update: vitest run <this file> -u)', async () => {
    await start();
    const responses: Record<string, { status: number; body: unknown }> = {};
    for (const path of demoGrafanaRequests) {
      const res = await get(path);
      responses[path] = { status: res.status, body: await res.json() };
    }
    const recorded = {
      api: 'Grafana HTTP API (11/12) and its Alertmanager API v2',
      rootUrl: GRAFANA_ROOT_URL,
      model: 'test/fakes/prometheus/demo-model.ts',
      responses,
    };
    await expect(JSON.stringify(recorded, null, 2) + '\n').toMatchFileSnapshot('../../../demo/integrations/grafana.json');
  });
});
