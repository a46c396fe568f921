/**
 * The Prometheus and Grafana calls the plugin makes, and the parts of their answers it reads.
 *
 * Prometheus HTTP API v1 (https://prometheus.io/docs/prometheus/latest/querying/api/), every answer
 * in `{ status: 'success', data }`:
 * - GET /api/v1/rules?type=alert[&rule_name[]=…] → alerting rules with their state and active alerts
 *   (`rule_name[]` is honoured from Prometheus 2.44, prometheus#12270; older servers answer every rule, so names are
 *   filtered here too);
 * - GET /api/v1/query_range?query&start&end&step → a matrix of `[unix seconds, "value"]` samples.
 * Prometheus has no auth of its own: the token goes to the proxy in front of it (Bearer, or Basic).
 *
 * Grafana HTTP API, Grafana 10–12 (https://grafana.com/docs/grafana/latest/developers/http_api/):
 * - GET /api/search?type=dash-db[&tag=…] → dashboards with `url` relative to Grafana;
 * - GET /api/alertmanager/grafana/api/v2/alerts?filter=<matcher>&active=true → Grafana-managed alerts
 *   in Alertmanager API v2's `GettableAlerts` shape.
 * Authentication is a service account token, `Authorization: Bearer <token>`.
 */
import { z } from 'zod';
import { HttpError, type HttpClient } from '../../api.ts';
import { showMatcher, type LabelMatcher } from './annotations.ts';

const envelope = <T extends z.ZodType>(data: T) => z.object({ status: z.literal('success'), data });

const Labels = z.record(z.string(), z.string()).default({});

export const RulesResponseSchema = envelope(
  z.object({
    groups: z.array(
      z.object({
        name: z.string(),
        rules: z.array(
          z.looseObject({
            type: z.string(),
            name: z.string(),
            state: z.string().optional(),
            labels: Labels,
            annotations: Labels,
            alerts: z.array(z.object({ state: z.string(), activeAt: z.string().optional(), labels: Labels })).default([]),
          }),
        ),
      }),
    ),
  }),
);
export type PromRule = z.infer<typeof RulesResponseSchema>['data']['groups'][number]['rules'][number];

export const QueryRangeResponseSchema = envelope(
  z.object({
    resultType: z.literal('matrix'),
    result: z.array(z.object({ metric: Labels, values: z.array(z.tuple([z.number(), z.string()])) })),
  }),
);
export type PromSeries = z.infer<typeof QueryRangeResponseSchema>['data']['result'][number];

export const DashboardSearchResponseSchema = z.array(
  z.looseObject({ uid: z.string(), title: z.string(), url: z.string(), tags: z.array(z.string()).default([]), folderTitle: z.string().optional() }),
);
export type GrafanaDashboardHit = z.infer<typeof DashboardSearchResponseSchema>[number];

export const GrafanaAlertsResponseSchema = z.array(
  z.looseObject({
    labels: Labels,
    annotations: Labels,
    startsAt: z.string(),
    generatorURL: z.string().optional(),
    status: z.object({ state: z.enum(['active', 'suppressed', 'unprocessed']) }),
  }),
);
export type GrafanaAlert = z.infer<typeof GrafanaAlertsResponseSchema>[number];

export interface Endpoint {
  /** The API root, without a trailing slash. */
  base: string;
  headers: Record<string, string>;
  service: 'Prometheus' | 'Grafana';
}

/** Alerting rules, all or by name. */
export async function readAlertRules(http: HttpClient, prometheus: Endpoint, names: readonly string[] | 'all'): Promise<PromRule[]> {
  // Built by hand: URLSearchParams would write `rule_name%5B%5D`, which Prometheus also reads, but the
  // recorded demo responses are keyed by the literal form.
  const filter = names === 'all' ? '' : names.map((name) => `&rule_name[]=${encodeURIComponent(name)}`).join('');
  const body = await get(http, prometheus, `/api/v1/rules?type=alert${filter}`, RulesResponseSchema, 'the alerting rules');
  const rules = body.data.groups.flatMap((group) => group.rules).filter((rule) => rule.type === 'alerting');
  return names === 'all' ? rules : rules.filter((rule) => names.includes(rule.name));
}

export async function readRange(
  http: HttpClient,
  prometheus: Endpoint,
  query: string,
  range: { start: string; end: string; step: string },
): Promise<PromSeries[]> {
  const params = new URLSearchParams({ query, ...range }).toString();
  const body = await get(http, prometheus, `/api/v1/query_range?${params}`, QueryRangeResponseSchema, `the query ${JSON.stringify(query)}`);
  return body.data.result;
}

export async function searchDashboards(http: HttpClient, grafana: Endpoint, tags: readonly string[] | undefined): Promise<GrafanaDashboardHit[]> {
  const filter = tags ? tags.map((tag) => `&tag=${encodeURIComponent(tag)}`).join('') : '&limit=5000';
  return get(http, grafana, `/api/search?type=dash-db${filter}`, DashboardSearchResponseSchema, 'the dashboards');
}

export async function readGrafanaAlerts(http: HttpClient, grafana: Endpoint, matchers: readonly LabelMatcher[]): Promise<GrafanaAlert[]> {
  const params = new URLSearchParams([...matchers.map((m): [string, string] => ['filter', showMatcher(m)]), ['active', 'true']]).toString();
  return get(http, grafana, `/api/alertmanager/grafana/api/v2/alerts?${params}`, GrafanaAlertsResponseSchema, 'the alerts');
}

/** GET and check one answer; throws an Error whose message says what to do. */
async function get<T>(http: HttpClient, endpoint: Endpoint, path: string, schema: z.ZodType<T>, what: string): Promise<T> {
  const { service } = endpoint;
  let body: unknown;
  try {
    body = await http.getJson(endpoint.base + path, { headers: endpoint.headers });
  } catch (error) {
    if (error instanceof HttpError && error.kind === 'status') {
      const setting = `settings.${service.toLowerCase()}`;
      if (error.status === 401) throw new Error(`${service} refused the credentials (HTTP 401): check the token env var named in ${setting}`, { cause: error });
      if (error.status === 403)
        throw new Error(`${service} does not let the token read ${what} (HTTP 403): see the scopes in docs/plugins/prometheus.md`, { cause: error });
      if (error.status === 404)
        throw new Error(`${service} has no ${new URL(endpoint.base + path).pathname} (HTTP 404): check ${setting}.url`, { cause: error });
      if (error.status === 400 || error.status === 422)
        throw new Error(`${service} refused ${what} (HTTP ${error.status}): check the annotation`, { cause: error });
    }
    throw error;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `unexpected answer from ${service} ${new URL(endpoint.base + path).pathname}: ${issue?.path.join('.') || 'body'} ${issue?.message ?? ''}`.trim(),
    );
  }
  return parsed.data;
}
