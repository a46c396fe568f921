/**
 * The Fernway demo org as its Prometheus and Grafana see it: alerting rules labelled `service=<component>`
 * (what `prometheus.io/alert` and `grafana/alert-label-selector` select), request-rate series for the
 * sparklines (`prometheus.io/rule`), and dashboards tagged per component (`grafana/dashboard-selector`),
 * at the URLs the catalog already links (https://grafana.fernway.example/d/<component>/…).
 * `demo/integrations/prometheus.json` and `grafana.json` hold the fakes' answers to the requests below.
 */
import type { GrafanaModel } from './grafana-server.ts';
import type { PromAlertingRule, PromModel } from './server.ts';

export const GRAFANA_ROOT_URL = 'https://grafana.fernway.example';
const EVALUATED = '2025-06-02T07:45:00.000Z';

function rule(
  service: string,
  group: string,
  name: string,
  query: string,
  severity: string,
  summary: string,
  firing?: { since: string; value: string },
): PromAlertingRule {
  const labels = { severity, service };
  const annotations = { summary, runbook_url: `https://runbooks.fernway.example/${service}/${name}` };
  const alerts = firing ? [{ labels: { alertname: name, ...labels }, annotations, state: 'firing' as const, activeAt: firing.since, value: firing.value }] : [];
  return { group, file: `/etc/prometheus/rules/${group}.yaml`, name, query, duration: 300, labels, annotations, alerts };
}

export const demoPromModel: PromModel = {
  lastEvaluation: EVALUATED,
  rules: [
    rule(
      'booking-service',
      'booking',
      'BookingHighErrorRate',
      'sum(rate(http_server_requests_seconds_count{service="booking-service",status=~"5.."}[5m])) / sum(rate(http_server_requests_seconds_count{service="booking-service"}[5m])) > 0.02',
      'page',
      'More than 2 % of booking requests fail',
      { since: '2025-06-02T06:49:30Z', value: '3.4e-02' },
    ),
    rule(
      'booking-service',
      'booking',
      'TicketingQueueBacklog',
      'aws_sqs_approximate_number_of_messages_visible_average{queue_name="ticketing-requests.fifo"} > 5000',
      'page',
      'Ticketing queue backlog above 5,000 messages',
      { since: '2025-06-02T06:47:00Z', value: '7.412e+03' },
    ),
    rule(
      'payments-gateway',
      'payments',
      'PaymentsAuthorisationLatencyHigh',
      'histogram_quantile(0.99, sum by (le) (rate(psp_authorise_duration_seconds_bucket{service="payments-gateway"}[5m]))) > 2',
      'page',
      'Authorisation p99 latency above 2 s',
      { since: '2025-06-02T05:12:00Z', value: '2.31e+00' },
    ),
    rule(
      'payments-gateway',
      'payments',
      'SettlementReconciliationLate',
      'time() - settlement_reconciliation_last_success_timestamp_seconds > 93600',
      'ticket',
      'Nightly settlement reconciliation has not succeeded for 26 h',
    ),
    rule(
      'search-service',
      'search',
      'SearchLatencyHigh',
      'histogram_quantile(0.95, sum by (le) (rate(search_request_duration_seconds_bucket[5m]))) > 1.5',
      'page',
      'Search p95 latency above 1.5 s',
    ),
    rule(
      'pricing-engine',
      'pricing',
      'PricingCacheHitRatioLow',
      'sum(rate(pricing_cache_hits_total[10m])) / sum(rate(pricing_cache_requests_total[10m])) < 0.8',
      'ticket',
      'Fare cache hit ratio below 80 %',
    ),
  ],
  series: [
    // Requests per second over the last 24 hours, one point an hour: the entity page's sparkline.
    {
      query: 'sum(rate(http_server_requests_seconds_count{service="booking-service"}[5m]))',
      metric: { service: 'booking-service' },
      values: [31, 22, 15, 11, 9, 10, 18, 42, 77, 96, 104, 109, 112, 108, 101, 97, 99, 106, 118, 124, 113, 88, 61, 43, 35],
    },
    {
      query: 'sum(rate(http_requests_total{service="payments-gateway"}[5m]))',
      metric: { service: 'payments-gateway' },
      values: [12, 9, 6, 4, 3, 4, 7, 16, 29, 37, 41, 43, 44, 42, 39, 38, 39, 42, 47, 49, 45, 34, 24, 17, 14],
    },
  ],
};

export const DEMO_RANGE = { start: '2025-06-01T08:00:00Z', end: '2025-06-02T08:00:00Z', step: '1h' };

/** The requests the prometheus plugin makes for the demo's annotated components: recorded into the demo fixtures. */
export const demoPromRequests: string[] = [
  '/api/v1/alerts',
  `/api/v1/rules?type=alert&${['BookingHighErrorRate', 'TicketingQueueBacklog'].map((name) => `rule_name[]=${name}`).join('&')}`,
  '/api/v1/rules?type=alert&rule_name[]=PaymentsAuthorisationLatencyHigh&rule_name[]=SettlementReconciliationLate',
  ...demoPromModel.series.map(({ query }) => `/api/v1/query_range?${new URLSearchParams({ query, ...DEMO_RANGE }).toString()}`),
];

const folder = (title: string) => ({ uid: `f-${title.toLowerCase()}`, title });

export const demoGrafanaModel: GrafanaModel = {
  dashboards: [
    { uid: 'booking-service', title: 'Booking Service overview', tags: ['booking', 'booking-service', 'service'], folder: folder('Booking') },
    { uid: 'booking-ticketing', title: 'Ticketing queue', tags: ['booking', 'booking-service', 'sqs'], folder: folder('Booking') },
    { uid: 'payments-gateway', title: 'Payments Gateway', tags: ['payments', 'payments-gateway', 'service', 'pci-dss'], folder: folder('Payments') },
    { uid: 'payments-psp', title: 'PSP authorisations (Adyen, Stripe)', tags: ['payments', 'payments-gateway'], folder: folder('Payments') },
    { uid: 'search-service', title: 'Search Service', tags: ['search', 'search-service', 'service'], folder: folder('Search') },
  ],
  alerts: [
    {
      labels: { alertname: 'BookingHighErrorRate', service: 'booking-service', severity: 'page', grafana_folder: 'Booking' },
      annotations: { summary: 'More than 2 % of booking requests fail' },
      state: 'active',
      startsAt: '2025-06-02T06:49:30Z',
      generatorPath: '/alerting/grafana/b7kq2m/view',
    },
    {
      labels: { alertname: 'PaymentsAuthorisationLatencyHigh', service: 'payments-gateway', severity: 'page', grafana_folder: 'Payments' },
      annotations: { summary: 'Authorisation p99 latency above 2 s' },
      state: 'active',
      startsAt: '2025-06-02T05:12:00Z',
      generatorPath: '/alerting/grafana/p3xr9a/view',
    },
    {
      labels: { alertname: 'SearchIndexStale', service: 'search-service', severity: 'ticket', grafana_folder: 'Search' },
      annotations: { summary: 'Supplier content older than 2 h' },
      state: 'suppressed',
      startsAt: '2025-06-02T04:30:00Z',
      generatorPath: '/alerting/grafana/s1dx4e/view',
    },
  ],
};

/** The requests the plugin makes to Grafana per selector: recorded into the demo fixtures. */
export const demoGrafanaRequests: string[] = ['booking-service', 'payments-gateway', 'search-service'].flatMap((service) => [
  `/api/search?type=dash-db&tag=${service}`,
  `/api/alertmanager/grafana/api/v2/alerts?${new URLSearchParams({ filter: `service="${service}"`, active: 'true' }).toString()}`,
]);
