/**
 * The Prometheus / Grafana plugin against the fakes in test/fakes/prometheus/ (Prometheus HTTP API v1;
 * Grafana 11/12 HTTP API with its Alertmanager API v2), seeded with the Fernway demo model.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_RANGE,
  demoGrafanaModel,
  demoGrafanaRequests,
  demoPromModel,
  demoPromRequests,
  GRAFANA_ROOT_URL,
} from '../../../../test/fakes/prometheus/demo-model.ts';
import { startFakeGrafana, type FakeGrafana } from '../../../../test/fakes/prometheus/grafana-server.ts';
import { startFakePrometheus, type FakePrometheus } from '../../../../test/fakes/prometheus/server.ts';
import type { PluginEntity } from '../../api.ts';
import { runPlugins } from '../../run-plugins.ts';
import {
  ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR as ALERT_SELECTOR,
  ANNOTATION_GRAFANA_DASHBOARD_SELECTOR as DASHBOARDS,
  ANNOTATION_PROMETHEUS_ALERT as ALERT,
  ANNOTATION_PROMETHEUS_RULE as RULE,
  matchesDashboard,
  parseAlertAnnotation,
  parseAlertLabelSelector,
  parseDashboardSelector,
  parseRuleAnnotation,
  requiredTags,
} from './annotations.ts';
import { prometheusPlugin, PrometheusSettingsSchema, type PrometheusData } from './index.ts';
import { renderMonitoring } from './view.ts';
import { pluginEntity } from '../../../../test/support/plugin-entities.ts';

const PROM_TOKEN = 'prom-fake-reader-7f3a9c';
const GRAFANA_TOKEN = 'glsa_fake_viewer_0123456789';
const BOOKING_RATE = 'sum(rate(http_server_requests_seconds_count{service="booking-service"}[5m]))';
/** The demo's build time: the sparkline window is then exactly DEMO_RANGE. */
const NOW = new Date(DEMO_RANGE.end);

const entity = pluginEntity;
const booking = entity('booking-service', {
  [ALERT]: 'BookingHighErrorRate,TicketingQueueBacklog',
  [RULE]: BOOKING_RATE,
  [DASHBOARDS]: 'booking-service',
  [ALERT_SELECTOR]: 'service=booking-service',
});
const payments = entity('payments-gateway', { [ALERT]: 'PaymentsAuthorisationLatencyHigh, SettlementReconciliationLate' });
const search = entity('search-service', { [DASHBOARDS]: 'search-service', [ALERT_SELECTOR]: 'service="search-service"' });

let prometheus: FakePrometheus;
let grafana: FakeGrafana;
let cacheDir: string;
let lines: string[];
beforeAll(async () => {
  prometheus = await startFakePrometheus({ model: structuredClone(demoPromModel), token: PROM_TOKEN });
  grafana = await startFakeGrafana({ model: structuredClone(demoGrafanaModel), token: GRAFANA_TOKEN, rootUrl: GRAFANA_ROOT_URL });
});
afterAll(() => Promise.all([prometheus.close(), grafana.close()]));
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'prometheus-'));
  lines = [];
  prometheus.requests.length = 0;
  grafana.requests.length = 0;
  return () => rm(cacheDir, { recursive: true, force: true });
});

interface Options {
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  http?: Record<string, number>;
}
const collect = (entities: PluginEntity[], options: Options = {}) =>
  runPlugins({
    plugins: [
      {
        plugin: prometheusPlugin,
        settings: PrometheusSettingsSchema.parse({
          prometheus: { url: prometheus.url, tokenEnv: 'PROMETHEUS_TOKEN' },
          grafana: { url: grafana.url, publicUrl: GRAFANA_ROOT_URL },
          ...options.settings,
        }),
        required: false,
        label: 'plugins[0] (prometheus)',
      },
    ],
    entities,
    env: options.env ?? { PROMETHEUS_TOKEN: PROM_TOKEN, GRAFANA_TOKEN },
    now: NOW,
    cacheDir,
    log: (line) => lines.push(line),
    http: { backoffMs: 1, ...options.http },
  });

/** A request as path + decoded, sorted parameters, so `rule_name[]` and `rule_name%5B%5D` compare equal. */
const normal = (path: string, query: URLSearchParams) =>
  `${path}?${[...query]
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&')}`;
const normalHref = (href: string) => {
  const url = new URL(href, 'http://x');
  return normal(url.pathname, url.searchParams);
};

describe('the annotations', () => {
  it('reads prometheus.io/rule as Roadie does: comma-separated queries, each with an optional |label', () => {
    expect(parseRuleAnnotation('memUsage|component, node_memory_active_bytes|instance,sum by (instance) (up)')).toEqual([
      { query: 'memUsage', groupBy: 'component' },
      { query: 'node_memory_active_bytes', groupBy: 'instance' },
      { query: 'sum by (instance) (up)' },
    ]);
    expect(parseRuleAnnotation('a,,b')).toEqual({ error: expect.stringMatching(/an empty query/) });
    expect(parseRuleAnnotation('up|job|x')).toEqual({ error: expect.stringMatching(/use a recording rule/) });
  });

  it('reads prometheus.io/alert as names or `all`', () => {
    expect(parseAlertAnnotation(' all ')).toEqual({ all: true });
    expect(parseAlertAnnotation('A, B,A')).toEqual({ names: ['A', 'B'] });
    expect(parseAlertAnnotation('Excessive Memory Usage')).toEqual({ error: expect.stringMatching(/alert rule names separated by commas/) });
  });

  it('reads grafana/alert-label-selector as Alertmanager matchers', () => {
    expect(parseAlertLabelSelector('service=booking-service, severity=~"page|critical"')).toEqual([
      { name: 'service', operator: '=', value: 'booking-service' },
      { name: 'severity', operator: '=~', value: 'page|critical' },
    ]);
    expect(parseAlertLabelSelector('service')).toEqual({ error: expect.stringMatching(/label=value/) });
  });

  it('reads grafana/dashboard-selector as a bare tag or the Grafana plugin’s expressions', () => {
    const dashboard = { title: 'Ticketing queue', tags: ['booking', 'sqs'], url: '/d/x', folderTitle: 'Booking' };
    const bare = parseDashboardSelector('booking');
    const both = parseDashboardSelector("tags @> 'booking' && tags @> 'sqs'");
    const either = parseDashboardSelector("(title == 'Nope' || folderTitle == 'Booking') && title != 'Old'");
    for (const selector of [bare, both, either]) expect('error' in selector ? selector : matchesDashboard(selector, dashboard)).toBe(true);
    expect('error' in both ? both : requiredTags(both)).toEqual(['booking', 'sqs']);
    expect('error' in either ? either : requiredTags(either)).toBeUndefined();
    expect(parseDashboardSelector("tags @> 'a' &&")).toEqual({ error: expect.stringMatching(/"the end" is not a field/) });
    expect(parseDashboardSelector("name == 'x'")).toEqual({ error: expect.stringMatching(/"name" is not a field/) });
  });

  it('refuses settings that read neither service', () => {
    expect(PrometheusSettingsSchema.safeParse({}).error?.issues[0]?.message).toMatch(/set `prometheus`, `grafana` or both/);
    expect(PrometheusSettingsSchema.safeParse({ grafana: { url: 'ftp://g' } }).success).toBe(false);
  });
});

describe('collection against the fakes', () => {
  it('reads alert states, dashboards and the sparkline, with the requests the demo fixtures recorded', async () => {
    const result = await collect([booking, payments, search]);
    expect(result.diagnostics).toEqual([]);
    const [view] = result.sections.get(booking.ref)!;
    expect(view).toMatchObject({
      id: 'plugin:prometheus:monitoring',
      freshness: 'fresh',
      badge: { label: '3 firing', tone: 'bad' },
      facts: [
        { label: 'Alerts watched', value: '3' },
        { label: 'Firing', value: '3', tone: 'bad' },
        { label: 'Pending', value: '0' },
        { label: 'Dashboards', value: '2' },
      ],
    });
    expect(view!.tables[0]?.rows).toEqual([
      ['BookingHighErrorRate', 'Firing', 'page', '2025-06-02 06:49 UTC', 'More than 2 % of booking requests fail', 'Grafana'],
      ['BookingHighErrorRate', 'Firing', 'page', '2025-06-02 06:49 UTC', 'More than 2 % of booking requests fail', 'Prometheus'],
      ['TicketingQueueBacklog', 'Firing', 'page', '2025-06-02 06:47 UTC', 'Ticketing queue backlog above 5,000 messages', 'Prometheus'],
    ]);
    expect(view!.links).toContainEqual({ label: 'Booking Service overview (Booking)', url: `${GRAFANA_ROOT_URL}/d/booking-service/booking-service-overview` });
    expect(view!.links).toContainEqual({
      label: 'Runbook: TicketingQueueBacklog',
      url: 'https://runbooks.fernway.example/booking-service/TicketingQueueBacklog',
    });
    expect(view!.links).toContainEqual({ label: 'Alerts in Prometheus', url: `${prometheus.url}/alerts` });
    expect(view!.sparklines).toHaveLength(1);
    expect(view!.sparklines[0]?.label).toMatch(/ \(last 24h\)$/);
    expect(view!.sparklines[0]?.points).toEqual(demoPromModel.series[0]?.values);

    // The same requests as test/fakes/prometheus/demo-model.ts lists, so the recorded demo responses replay.
    const asked = [...prometheus.requests, ...grafana.requests].map((r) => normal(r.path, r.query));
    const recorded = [...demoPromRequests, ...demoGrafanaRequests].map(normalHref);
    expect(asked.filter((r) => !recorded.includes(r))).toEqual([]);
    expect(prometheus.requests.every((r) => r.headers.authorization === `Bearer ${PROM_TOKEN}`)).toBe(true);
    expect(grafana.requests.every((r) => r.headers.authorization === `Bearer ${GRAFANA_TOKEN}`)).toBe(true);
  });

  it('passes "No firing alerts" when nothing fires, counts a silenced alert as not firing, and fails otherwise', async () => {
    const result = await collect([booking, payments, search]);
    const check = (ref: string) => result.checks.results.get(ref)?.[0];
    expect(check(booking.ref)).toMatchObject({ id: 'plugin:prometheus:no-firing-alerts', status: 'fail', fix: { url: expect.stringMatching(/^https:/) } });
    expect(check(payments.ref)).toMatchObject({ status: 'fail', message: '1 alert is firing: PaymentsAuthorisationLatencyHigh.' });
    expect(check(search.ref)).toMatchObject({ status: 'pass' });
    expect(result.sections.get(search.ref)?.[0]).toMatchObject({
      badge: { label: 'No firing alerts', tone: 'good' },
      facts: expect.arrayContaining([{ label: 'Silenced', value: '1' }]),
    });
    expect(result.checks.definitions).toEqual([{ id: 'plugin:prometheus:no-firing-alerts', title: 'No firing alerts' }]);
  });

  it('matches an expression selector against every dashboard, read once for all entities', async () => {
    const a = entity('a', { [DASHBOARDS]: "tags @> 'sqs' || title == 'Search Service'" });
    const b = entity('b', { [DASHBOARDS]: "folderTitle == 'Payments' && title != 'Payments Gateway'" });
    const result = await collect([a, b]);
    expect(result.sections.get(a.ref)?.[0]?.links.map((l) => l.label)).toEqual(['Ticketing queue (Booking)', 'Search Service (Search)']);
    expect(result.sections.get(b.ref)?.[0]?.links.map((l) => l.label)).toEqual(['PSP authorisations (Adyen, Stripe) (Payments)']);
    expect(result.sections.get(a.ref)?.[0]?.badge).toEqual({ label: 'No alerts watched', tone: 'neutral' });
    expect(result.checks.results.get(a.ref)?.[0]?.status).toBe('not-applicable');
    expect(grafana.requests.filter((r) => r.path === '/api/search')).toHaveLength(1);
  });

  it('warns about an alert name Prometheus does not know, and draws no sparkline without prometheus.io/rule', async () => {
    const result = await collect([entity('x', { [ALERT]: 'SearchLatencyHigh,NoSuchAlert' })]);
    const view = result.sections.get('component:default/x')?.[0];
    expect(view).toMatchObject({ freshness: 'fresh', badge: { label: 'No firing alerts' }, sparklines: [] });
    expect(view?.notices).toContainEqual({ tone: 'warning', text: expect.stringContaining('no alerting rule named NoSuchAlert') });
  });

  it('says which service is not configured instead of failing', async () => {
    const result = await collect([booking], { settings: { prometheus: undefined }, env: { GRAFANA_TOKEN } });
    const view = result.sections.get(booking.ref)?.[0];
    expect(view?.freshness).toBe('fresh');
    expect(view?.notices.map((n) => n.text)).toContainEqual(expect.stringContaining('`prometheus.io/alert` is set, but the portal reads no Prometheus'));
    expect(prometheus.requests).toEqual([]);
  });

  it('is skipped with one line while the Grafana token is unset', async () => {
    const result = await collect([booking], { env: { PROMETHEUS_TOKEN: PROM_TOKEN } });
    expect(result.skipped).toBe(1);
    expect(lines).toEqual(["Prometheus / Grafana: skipped: no credentials (set GRAFANA_TOKEN in the build's environment)."]);
  });

  it.each([
    ['Prometheus', { PROMETHEUS_TOKEN: 'wrong-prom-token-1', GRAFANA_TOKEN }, 'wrong-prom-token-1'],
    ['Grafana', { PROMETHEUS_TOKEN: PROM_TOKEN, GRAFANA_TOKEN: 'glsa_wrong_token_2' }, 'glsa_wrong_token_2'],
  ])('says %s refused the credentials on a 401, without printing them', async (service, env, secret) => {
    const result = await collect([booking], { env });
    expect(result.sections.get(booking.ref)?.[0]).toMatchObject({
      freshness: 'unavailable',
      reason: expect.stringContaining(`${service} refused the credentials (HTTP 401)`),
    });
    expect(JSON.stringify([lines, result.diagnostics, [...result.sections]])).not.toContain(secret);
  });

  it('says where to look on a 404', async () => {
    const result = await collect([payments], { settings: { prometheus: { url: `${prometheus.url}/prom`, tokenEnv: 'PROMETHEUS_TOKEN' } } });
    expect(result.sections.get(payments.ref)?.[0]?.reason).toMatch(/Prometheus has no \/prom\/api\/v1\/rules \(HTTP 404\): check settings\.prometheus\.url/);
  });

  it('waits for Retry-After on a 429 from either service, then reads', async () => {
    prometheus.addFaults({ kind: '429', path: '/api/v1/query_range', retryAfterSeconds: 0 });
    grafana.addFaults({ kind: '429', path: '/api/search', retryAfterSeconds: 0 });
    const result = await collect([booking]);
    expect(result.sections.get(booking.ref)?.[0]).toMatchObject({ freshness: 'fresh', sparklines: [expect.anything()] });
    expect(lines.filter((l) => /rate-limited \(HTTP 429\); retrying/.test(l))).toHaveLength(2);
  });

  it('gives up on a service slower than the timeout, and shows the last good data', async () => {
    await collect([search]);
    grafana.addFaults({ kind: 'slow', ms: 400, path: '/api/alertmanager/grafana/api/v2/alerts', times: 2 });
    const result = await collect([search], { http: { timeoutMs: 50, retries: 1 } });
    expect(result.sections.get(search.ref)?.[0]).toMatchObject({
      freshness: 'stale',
      asOf: NOW.toISOString(),
      badge: { label: 'No firing alerts' },
      reason: expect.stringMatching(/timed out after 50 ms/),
    });
    expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', rule: 'plugin-failed' });
  });

  it.each([
    ['Prometheus', () => prometheus.addFaults({ kind: 'malformed-json', path: '/api/v1/rules' })],
    ['Grafana', () => grafana.addFaults({ kind: 'malformed-json', path: '/api/search' })],
  ])('reports malformed JSON from %s', async (_service, inject) => {
    inject();
    const result = await collect([booking]);
    expect(result.sections.get(booking.ref)?.[0]?.reason).toMatch(/malformed JSON/);
  });

  it('reports an invalid annotation on the entity instead of calling either service', async () => {
    const result = await collect([entity('odd', { [DASHBOARDS]: "tags @> 'a' &&", [ALERT]: 'A' })]);
    expect(result.sections.get('component:default/odd')?.[0]?.reason).toMatch(/grafana\/dashboard-selector/);
    expect([...prometheus.requests, ...grafana.requests]).toEqual([]);
  });

  it('drops a runbook link that is not http(s), whatever Prometheus sent', async () => {
    const rule = prometheus.model.rules.find((r) => r.name === 'PaymentsAuthorisationLatencyHigh')!;
    const saved = rule.annotations['runbook_url'] ?? '';
    rule.annotations['runbook_url'] = 'javascript:alert(1)';
    try {
      const view = (await collect([payments])).sections.get(payments.ref)?.[0];
      expect(view?.freshness).toBe('fresh');
      expect(view?.links.map((l) => l.url)).toEqual([`${prometheus.url}/alerts`]);
    } finally {
      rule.annotations['runbook_url'] = saved;
    }
  });
});

describe('the section view model', () => {
  const data: PrometheusData = {
    watchesAlerts: true,
    alerts: [{ source: 'Prometheus', name: 'Slow', state: 'pending', since: '2025-06-02T07:00:00Z' }],
    missingRules: [],
    dashboards: Array.from({ length: 14 }, (_, i) => ({ title: `D${i}`, url: `https://g.example/d/${i}` })),
    sparklines: [{ label: 'x'.repeat(120), points: [1, 2, 3], window: '7d' }],
    alertPages: [],
    notices: [],
  };

  it('shows pending as a warning, caps dashboard links, and fits a long query into the sparkline label', () => {
    const view = renderMonitoring(data);
    expect(view.badge).toEqual({ label: '1 pending', tone: 'warning' });
    expect(view.links).toHaveLength(12);
    expect(view.notices).toContainEqual({ tone: 'info', text: 'Showing 12 of 14 dashboards.' });
    expect(view.sparklines?.[0]?.label).toMatch(/^x+… \(last 7d\)$/);
    expect(view.sparklines?.[0]?.label.length).toBeLessThanOrEqual(80);
  });
});
