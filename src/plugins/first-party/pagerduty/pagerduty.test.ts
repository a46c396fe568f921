/** The PagerDuty plugin against the fake REST API v2 (test/fakes/pagerduty/). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoModel, demoRequests } from '../../../../test/fakes/pagerduty/demo-model.ts';
import { startFakePagerDuty, type FakePagerDuty, type PdModel } from '../../../../test/fakes/pagerduty/server.ts';
import type { PluginEntity } from '../../api.ts';
import { runPlugins } from '../../run-plugins.ts';
import { PluginSectionBodySchema, PluginSectionViewSchema } from '../../../entity-record/plugin-section.ts';
import { ANNOTATION_PAGERDUTY_INTEGRATION_KEY, ANNOTATION_PAGERDUTY_SERVICE_ID, parseServiceId } from './annotations.ts';
import { pagerdutyPlugin, PagerdutySettingsSchema, type PagerdutyServiceData } from './index.ts';
import { renderOncall } from './view.ts';
import { pluginEntity } from '../../../../test/support/plugin-entities.ts';

const TOKEN = 'u+fakePagerDutyKey0123';
const NOW = new Date('2025-06-03T06:00:00Z');
const entity = pluginEntity;
const service = (name: string, id: string) => entity(name, { [ANNOTATION_PAGERDUTY_SERVICE_ID]: id });
const booking = service('booking-service', 'PBK7M2Q');
const payments = service('payments-gateway', 'PPY3X9L');
const search = service('search-service', 'PSR2H6T');

let fake: FakePagerDuty;
let cacheDir: string;
let lines: string[];
beforeAll(async () => {
  fake = await startFakePagerDuty({ model: structuredClone(demoModel), token: TOKEN });
});
afterAll(() => fake.close());
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'pagerduty-'));
  lines = [];
  return () => rm(cacheDir, { recursive: true, force: true });
});

const collect = (entities: PluginEntity[], options: { token?: string; url?: string; http?: object } = {}) =>
  runPlugins({
    plugins: [
      {
        plugin: pagerdutyPlugin,
        settings: PagerdutySettingsSchema.parse({ baseUrl: options.url ?? fake.url }),
        required: false,
        label: 'plugins[0] (pagerduty)',
      },
    ],
    entities,
    env: { PAGERDUTY_TOKEN: options.token ?? TOKEN },
    now: NOW,
    cacheDir,
    log: (line) => lines.push(line),
    http: { backoffMs: 1, ...options.http },
  });

describe('pagerduty.com/service-id', () => {
  it.each([
    ['PBK7M2Q', 'PBK7M2Q'],
    [' PPY3X9L ', 'PPY3X9L'],
    ['Q1BK7TQ2LX0ABC', 'Q1BK7TQ2LX0ABC'],
  ])('reads %j', (value, serviceId) => expect(parseServiceId(value)).toEqual({ serviceId }));

  it.each(['', 'pbk7m2q', 'P1', 'https://fernway.pagerduty.com/service-directory/PBK7M2Q', 'PBK<script>'])('refuses %j and says what an id is', (value) => {
    expect(parseServiceId(value)).toEqual({ error: expect.stringMatching(/not a PagerDuty service id/) });
  });

  it('defaults to the US REST API and the PAGERDUTY_TOKEN env var, and refuses a non-http base URL', () => {
    expect(PagerdutySettingsSchema.parse({})).toEqual({ baseUrl: 'https://api.pagerduty.com', tokenEnv: 'PAGERDUTY_TOKEN' });
    expect(PagerdutySettingsSchema.safeParse({ baseUrl: 'file:///etc' }).success).toBe(false);
  });
});

describe('PagerDuty collection against the fake', () => {
  it('reads the service, its escalation policy, who is on call and the open incidents, with a v2 API key', async () => {
    const before = fake.requests.length;
    const result = await collect([booking, payments, search]);
    const [view] = result.sections.get(booking.ref)!;
    expect(view).toMatchObject({
      id: 'plugin:pagerduty:oncall',
      freshness: 'fresh',
      asOf: '2025-06-03T06:00:00.000Z',
      badge: { label: '1 open incident', tone: 'bad' },
      facts: [
        { label: 'Service', value: 'Booking Service' },
        { label: 'Status', value: 'critical', tone: 'bad' },
        { label: 'Escalation policy', value: 'Booking – 24/7' },
        { label: 'On call at 2025-06-03 06:00 UTC', value: 'Tom Eriksen' },
        { label: 'Open incidents', value: '1', tone: 'bad' },
      ],
      tables: [
        {
          caption: 'On call at 2025-06-03 06:00 UTC',
          rows: [
            ['1', 'Tom Eriksen', 'Booking primary', '2025-06-09 07:00 UTC'],
            ['2', 'Maria Santos', 'paged directly', '—'],
          ],
        },
        { caption: 'Open incidents', rows: [['#4181', 'Ticketing queue backlog above 5,000 messages', 'triggered', 'high', '2025-06-02 06:52 UTC']] },
      ],
      links: [
        { label: 'Open Booking Service in PagerDuty', url: 'https://fernway.pagerduty.com/service-directory/PBK7M2Q' },
        { label: 'Escalation policy: Booking – 24/7', url: 'https://fernway.pagerduty.com/escalation_policies/PEBOK3M' },
        { label: 'Incident #4181: Ticketing queue backlog above 5,000 messages', url: 'https://fernway.pagerduty.com/incidents/Q1BK7TQ2LX' },
      ],
    });
    // An acknowledged incident on a "warning" service warns; no incident is good.
    expect(result.sections.get(payments.ref)?.[0]?.badge).toEqual({ label: '1 open incident', tone: 'warning' });
    expect(result.sections.get(search.ref)?.[0]).toMatchObject({ badge: { label: 'No open incidents', tone: 'good' }, tables: [{ rows: expect.any(Array) }] });
    expect(result.checks.results.get(booking.ref)).toEqual([
      {
        id: 'plugin:pagerduty:oncall-rotation',
        title: 'On-call rotation',
        status: 'pass',
        message: 'Tom Eriksen is on call for Booking Service (Booking primary, level 1).',
      },
    ]);
    const made = fake.requests.slice(before);
    expect(made.every((r) => r.headers.authorization === `Token token=${TOKEN}` && r.headers.accept === 'application/vnd.pagerduty+json;version=2')).toBe(true);
    // The same requests the demo's recorded responses answer.
    const asked = made.map((r) => decodeURIComponent(r.path + (r.query.size > 0 ? `?${r.query.toString()}` : '')));
    expect(asked.sort()).toEqual([...new Set(demoRequests)].filter((path) => /PBK7M2Q|PEBOK3M|PPY3X9L|PEPAY9K|PSR2H6T|PESRC5T/.test(path)).sort());
    expect(result.diagnostics).toEqual([]);
  });

  it('reads who is on call once for services that share an escalation policy', async () => {
    const before = fake.requests.length;
    const result = await collect([search, service('supplier-gateway', 'PSG5K1W')]);
    expect(fake.requests.slice(before).filter((r) => r.path === '/oncalls')).toHaveLength(1);
    expect(result.sections.get('component:default/supplier-gateway')?.[0]?.facts).toContainEqual({
      label: 'On call at 2025-06-03 06:00 UTC',
      value: 'Aiko Tanaka',
    });
  });

  it('says the API key was refused on a 401, without printing it', async () => {
    const result = await collect([booking], { token: 'wrong-key-00000' });
    expect(result.sections.get(booking.ref)?.[0]).toMatchObject({
      freshness: 'unavailable',
      reason: expect.stringMatching(/refused the API key \(HTTP 401\)/),
    });
    expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', rule: 'plugin-failed' });
    expect(JSON.stringify([lines, result])).not.toContain('wrong-key-00000');
  });

  it('says the service was not found on a 404', async () => {
    const result = await collect([service('ghost', 'PGHOST1')]);
    expect(result.sections.get('component:default/ghost')?.[0]?.reason).toMatch(/service "PGHOST1" was not found \(HTTP 404\): check the annotation/);
  });

  it('waits on a 429 (Retry-After / ratelimit-reset) and then reads the on-call', async () => {
    fake.addFaults({ kind: '429', path: '/oncalls', retryAfterSeconds: 0 });
    const result = await collect([booking]);
    expect(result.sections.get(booking.ref)?.[0]?.freshness).toBe('fresh');
    expect(lines.some((l) => /\/oncalls is rate-limited \(HTTP 429\); retrying/.test(l))).toBe(true);
  });

  it('gives up on a service slower than the timeout, and shows the last good data', async () => {
    await collect([booking]);
    fake.addFaults({ kind: 'slow', path: '/services/PBK7M2Q', ms: 400, times: 2 }); // tried twice
    const result = await collect([booking], { http: { timeoutMs: 50, retries: 1 } });
    expect(result.sections.get(booking.ref)?.[0]).toMatchObject({
      freshness: 'stale',
      asOf: '2025-06-03T06:00:00.000Z',
      reason: expect.stringMatching(/timed out after 50 ms/),
      facts: expect.arrayContaining([{ label: 'On call at 2025-06-03 06:00 UTC', value: 'Tom Eriksen' }]),
    });
    expect(result.checks.results.get(booking.ref)?.[0]?.status).toBe('pass');
    expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', rule: 'plugin-failed' });
  });

  it('reports malformed JSON', async () => {
    fake.addFaults({ kind: 'malformed-json', path: '/oncalls' });
    const result = await collect([booking]);
    expect(result.sections.get(booking.ref)?.[0]).toMatchObject({
      freshness: 'unavailable',
      reason: expect.stringMatching(/\/oncalls answered with malformed JSON/),
    });
  });

  it('reports an invalid annotation on the entity instead of calling the service', async () => {
    const before = fake.requests.length;
    const result = await collect([service('odd', 'not an id')]);
    expect(result.sections.get('component:default/odd')?.[0]?.reason).toMatch(/not a PagerDuty service id/);
    expect(fake.requests.length).toBe(before);
  });

  it('with only an integration key, makes no request, never shows the key, and asks for the service id', async () => {
    const before = fake.requests.length;
    const key = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const result = await collect([entity('legacy', { [ANNOTATION_PAGERDUTY_INTEGRATION_KEY]: key })]);
    const [view] = result.sections.get('component:default/legacy')!;
    expect(view).toMatchObject({ freshness: 'fresh', notices: [{ tone: 'info', text: expect.stringMatching(/pagerduty\.com\/service-id/) }] });
    expect(JSON.stringify(result)).not.toContain(key);
    expect(result.checks.results.get('component:default/legacy')?.[0]?.status).toBe('not-applicable');
    expect(fake.requests.length).toBe(before);
  });

  it('follows `more` and `offset` past the first page of open incidents', async () => {
    const model: PdModel = structuredClone(demoModel);
    const many = Array.from({ length: 30 }, (_, i) => ({
      ...model.incidents[0]!,
      id: `QMANY${String(i).padStart(5, '0')}`,
      number: 5000 + i,
      createdAt: `2025-06-02T${String(i % 24).padStart(2, '0')}:00:00Z`,
    }));
    model.incidents.push(...many);
    const busy = await startFakePagerDuty({ model, token: TOKEN });
    try {
      const result = await collect([booking], { url: busy.url });
      const [view] = result.sections.get(booking.ref)!;
      expect(view?.badge).toEqual({ label: '31 open incidents', tone: 'bad' });
      expect(view?.tables[1]?.rows).toHaveLength(10);
      expect(view?.notices[0]?.text).toMatch(/Showing the 10 newest open incidents/);
      expect(busy.requests.filter((r) => r.path === '/incidents').map((r) => r.query.get('offset'))).toEqual([null, '25']);
    } finally {
      await busy.close();
    }
  });
});

describe('the on-call rotation check', () => {
  const data: PagerdutyServiceData = {
    source: 'service',
    readAt: NOW.toISOString(),
    service: { id: 'PX', name: 'Checkout', status: 'active', url: 'https://acme.pagerduty.com/service-directory/PX' },
    escalationPolicy: { id: 'PEX', name: 'Checkout 24/7', url: 'https://acme.pagerduty.com/escalation_policies/PEX' },
    oncall: [{ level: 1, user: 'Ann', schedule: 'Checkout primary', until: '2025-06-09T07:00:00Z' }],
    incidents: [],
    moreIncidents: false,
  };
  const run = (changed: Partial<PagerdutyServiceData>) => pagerdutyPlugin.checks![0]!.run({ ...data, ...changed }, entity('checkout', {}));

  it('fails when nobody is on call, linking to the escalation policy', () => {
    expect(run({ oncall: [] })).toMatchObject({
      status: 'fail',
      message: 'Nobody is on call for Checkout: its escalation policy Checkout 24/7 reaches no one.',
      fix: { url: 'https://acme.pagerduty.com/escalation_policies/PEX', label: 'Open Checkout 24/7 in PagerDuty' },
    });
  });

  it('fails when people are paged directly with no schedule to rotate through', () => {
    expect(run({ oncall: [{ level: 1, user: 'Ann' }] })).toMatchObject({ status: 'fail', message: expect.stringMatching(/pages Ann directly/) });
  });

  it('does not apply to a disabled service', () => {
    expect(run({ service: { ...data.service, status: 'disabled' }, oncall: [] }).status).toBe('not-applicable');
  });
});

describe('the PagerDuty section view model', () => {
  const data: PagerdutyServiceData = {
    source: 'service',
    readAt: '2025-06-03T06:00:00.000Z',
    service: { id: 'PX', name: 'Checkout', status: 'active' },
    escalationPolicy: { id: 'PEX', name: 'Checkout 24/7' },
    oncall: [],
    incidents: [],
    moreIncidents: false,
  };

  it('shows nobody on call in red, and no links when PagerDuty sent none', () => {
    const view = renderOncall(data);
    expect(view.facts).toContainEqual({ label: 'On call at 2025-06-03 06:00 UTC', value: 'nobody', tone: 'bad' });
    expect(view).toMatchObject({ tables: [], links: [], badge: { label: 'No open incidents' } });
  });

  it('stays a valid view with a very long incident title', () => {
    const incident = { number: 1, title: 'x'.repeat(2000), status: 'triggered' as const, urgency: 'low' as const, createdAt: '2025-06-02T06:00:00Z' };
    const view = renderOncall({ ...data, incidents: [incident] });
    expect(PluginSectionBodySchema.safeParse(view).success).toBe(true);
    expect(view.tables?.[0]?.rows[0]?.[1]).toHaveLength(300);
  });

  it('would refuse a link that is not http(s), so collection drops such links', () => {
    const view = {
      ...renderOncall({ ...data, service: { ...data.service, url: 'javascript:alert(1)' } }),
      id: 'plugin:pagerduty:oncall',
      title: 't',
      pluginTitle: 'PagerDuty',
      freshness: 'fresh',
    };
    expect(PluginSectionViewSchema.safeParse(view).success).toBe(false);
  });
});
