/**
 * First-party Prometheus / Grafana plugin: `prometheus.io/alert` and `grafana/alert-label-selector` →
 * the entity's current alert states; `grafana/dashboard-selector` → links to its dashboards;
 * `prometheus.io/rule` → a sparkline per series from a range query over the configured window; and the
 * scorecard check "No firing alerts". Written against the public plugin API only. Docs: docs/plugins/prometheus.md.
 */
import { z } from 'zod';
import { definePlugin, fail, isHttpUrl, notApplicable, pass, type HttpClient, type PluginEntity } from '../../api.ts';
import {
  ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR,
  ANNOTATION_GRAFANA_DASHBOARD_SELECTOR,
  ANNOTATION_PROMETHEUS_ALERT,
  ANNOTATION_PROMETHEUS_RULE,
  matchesDashboard,
  parseAlertAnnotation,
  parseAlertLabelSelector,
  parseDashboardSelector,
  parseRuleAnnotation,
  requiredTags,
} from './annotations.ts';
import { renderMonitoring } from './view.ts';
import { readAlertRules, readGrafanaAlerts, readRange, searchDashboards, type Endpoint, type GrafanaDashboardHit, type PromRule } from './web-api.ts';

const httpUrl = (example: string) => z.url({ protocol: /^https?$/, error: `an http(s) URL such as \`${example}\`` });
const envName = (example: string) => z.string().regex(/^[A-Z_][A-Z0-9_]*$/, { error: `an environment variable name such as \`${example}\`` });
/** A Prometheus duration: `24h`, `90m`, `1h30m`. */
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;
const duration = (example: string) => z.string().regex(DURATION, { error: `a Prometheus duration such as \`${example}\`` });

export const PrometheusSettingsSchema = z
  .strictObject({
    prometheus: z
      .strictObject({
        url: httpUrl('https://prometheus.acme.internal').meta({ description: 'The Prometheus server (or the proxy in front of it) the build calls.' }),
        publicUrl: httpUrl('https://prometheus.acme.example').meta({ description: "Prometheus' UI as readers reach it, for links; default `url`." }).optional(),
        tokenEnv: envName('PROMETHEUS_TOKEN')
          .meta({ description: 'The env var holding the token the proxy in front of Prometheus takes; none when Prometheus is open to the build.' })
          .optional(),
        basicAuthUser: z
          .string()
          .min(1)
          .meta({ description: 'Send the token as this user’s Basic auth password (Prometheus web config) instead of `Bearer`.' })
          .optional(),
      })
      .meta({ description: 'Where `prometheus.io/alert` and `prometheus.io/rule` are read.' })
      .optional(),
    grafana: z
      .strictObject({
        url: httpUrl('https://grafana.acme.internal').meta({ description: 'The Grafana server the build calls.' }),
        publicUrl: httpUrl('https://grafana.acme.example')
          .meta({ description: 'Grafana as readers reach it (its `root_url`), for dashboard links; default `url`.' })
          .optional(),
        tokenEnv: envName('GRAFANA_TOKEN').meta({ description: 'The env var holding a Viewer service account token.' }).default('GRAFANA_TOKEN'),
      })
      .meta({ description: 'Where `grafana/dashboard-selector` and `grafana/alert-label-selector` are read.' })
      .optional(),
    sparkline: z
      .strictObject({
        range: duration('24h').meta({ description: 'How far back the `prometheus.io/rule` sparkline reaches.' }).default('24h'),
        step: duration('1h').meta({ description: 'One point per step (at most 200 are drawn).' }).default('1h'),
      })
      .default({ range: '24h', step: '1h' }),
  })
  .refine((settings) => settings.prometheus || settings.grafana, { error: 'set `prometheus`, `grafana` or both' });
export type PrometheusSettings = z.infer<typeof PrometheusSettingsSchema>;

const AlertSchema = z.object({
  source: z.enum(['Prometheus', 'Grafana']),
  name: z.string(),
  state: z.enum(['firing', 'pending', 'inactive', 'silenced']),
  severity: z.string().optional(),
  summary: z.string().optional(),
  /** When it became active (RFC 3339). */
  since: z.string().optional(),
  /** Its runbook (Prometheus `runbook_url`) or rule page (Grafana): http(s) only. */
  url: z.string().optional(),
});
export type MonitoringAlert = z.infer<typeof AlertSchema>;

export const PrometheusDataSchema = z.object({
  /** Whether the entity names alerts to watch: without, the check does not apply. */
  watchesAlerts: z.boolean(),
  alerts: z.array(AlertSchema),
  /** Names in `prometheus.io/alert` that Prometheus has no alerting rule for. */
  missingRules: z.array(z.string()),
  dashboards: z.array(z.object({ title: z.string(), url: z.string(), folder: z.string().optional() })),
  /** Per series of `prometheus.io/rule`: its samples over `window` (`24h`), oldest first. */
  sparklines: z.array(z.object({ label: z.string(), points: z.array(z.number()), window: z.string() })),
  /** The Prometheus UI's alerts page and Grafana's alert list, for links. */
  alertPages: z.array(z.object({ label: z.string(), url: z.string() })),
  notices: z.array(z.string()),
});
export type PrometheusData = z.infer<typeof PrometheusDataSchema>;

const MAX_SPARKLINES = 5;
const MAX_POINTS = 200;
const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
const seconds = (text: string) =>
  [...text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)].reduce((sum, [, n, unit]) => sum + Number(n) * (UNIT_SECONDS[unit ?? ''] ?? 0), 0);
const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
const trimSlash = (url: string) => url.replace(/\/+$/, '');

export const prometheusPlugin = definePlugin<PrometheusSettings, PrometheusData>({
  name: 'prometheus',
  title: 'Prometheus / Grafana',
  annotations: [ANNOTATION_PROMETHEUS_ALERT, ANNOTATION_PROMETHEUS_RULE, ANNOTATION_GRAFANA_DASHBOARD_SELECTOR, ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR],
  settings: PrometheusSettingsSchema,
  credentials: (settings) => [settings.prometheus?.tokenEnv, settings.grafana?.tokenEnv].filter((name): name is string => name !== undefined),
  data: PrometheusDataSchema,
  async collect({ entities, settings, secrets, http, now }) {
    const prometheus = settings.prometheus ? prometheusEndpoint(settings.prometheus, secrets) : undefined;
    const grafana: Endpoint | undefined = settings.grafana && {
      base: trimSlash(settings.grafana.url),
      headers: { authorization: `Bearer ${secrets[settings.grafana.tokenEnv] ?? ''}` },
      service: 'Grafana',
    };
    // Aligned to the step, so two builds in the same step ask (and cache) the same query.
    const stepMs = seconds(settings.sparkline.step) * 1000;
    const end = Math.floor(now.getTime() / stepMs) * stepMs;
    const range = { start: rfc3339(end - seconds(settings.sparkline.range) * 1000), end: rfc3339(end), step: settings.sparkline.step };
    let everyDashboard: Promise<GrafanaDashboardHit[]> | undefined;
    const context: EntityContext = {
      http,
      prometheus,
      grafana,
      range,
      window: settings.sparkline.range,
      prometheusUi: trimSlash(settings.prometheus?.publicUrl ?? settings.prometheus?.url ?? ''),
      grafanaUi: trimSlash(settings.grafana?.publicUrl ?? settings.grafana?.url ?? ''),
      // A selector Grafana cannot search by tag is matched here, against every dashboard read once per build.
      everyDashboard: (endpoint) => (everyDashboard ??= searchDashboards(http, endpoint, undefined)),
    };
    const read = async (entity: PluginEntity): Promise<[string, { data: PrometheusData } | { error: string }]> => {
      try {
        return [entity.ref, { data: await readEntity(entity, context) }];
      } catch (error) {
        return [entity.ref, { error: (error as Error).message }];
      }
    };
    return new Map(await Promise.all(entities.map(read)));
  },
  sections: [{ id: 'monitoring', title: 'Alerts and dashboards (Prometheus / Grafana)', render: renderMonitoring }],
  checks: [
    {
      id: 'no-firing-alerts',
      title: 'No firing alerts',
      short: 'Alerts',
      why: 'A firing alert is the team’s own signal that users are affected now; the scorecard should show it where the service is discussed.',
      kinds: ['component', 'resource'],
      run(data) {
        if (!data.watchesAlerts) return notApplicable('No alerts are named for it (`prometheus.io/alert` or `grafana/alert-label-selector`).');
        const firing = data.alerts.filter((alert) => alert.state === 'firing');
        if (firing.length === 0) return pass(`None of its ${data.alerts.length} watched alerts is firing.`);
        const first = firing.find((alert) => alert.url) ?? firing[0];
        return fail(`${firing.length} alert${firing.length === 1 ? ' is' : 's are'} firing: ${firing.map((alert) => alert.name).join(', ')}.`, {
          text: 'Follow the runbook, or silence the alert if it is known and handled.',
          ...(first?.url ? { url: first.url, label: `Open ${first.name}` } : {}),
        });
      },
    },
  ],
});

interface EntityContext {
  http: HttpClient;
  prometheus: Endpoint | undefined;
  grafana: Endpoint | undefined;
  range: { start: string; end: string; step: string };
  /** The sparkline's reach as configured (`24h`). */
  window: string;
  prometheusUi: string;
  grafanaUi: string;
  everyDashboard(grafana: Endpoint): Promise<GrafanaDashboardHit[]>;
}

function prometheusEndpoint(settings: NonNullable<PrometheusSettings['prometheus']>, secrets: Readonly<Record<string, string>>): Endpoint {
  const token = settings.tokenEnv ? (secrets[settings.tokenEnv] ?? '') : undefined;
  const headers: Record<string, string> = {};
  if (token !== undefined)
    headers['authorization'] = settings.basicAuthUser ? `Basic ${Buffer.from(`${settings.basicAuthUser}:${token}`).toString('base64')}` : `Bearer ${token}`;
  return { base: trimSlash(settings.url), headers, service: 'Prometheus' };
}

/** Everything the entity's annotations ask for; an invalid annotation throws before any request. */
async function readEntity(entity: PluginEntity, context: EntityContext): Promise<PrometheusData> {
  const value = (name: string) => entity.annotations[name];
  const parse = <T>(name: string, parser: (text: string) => T | { error: string }): T | undefined => {
    const text = value(name);
    if (text === undefined) return undefined;
    const parsed = parser(text);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) throw new Error(parsed.error);
    return parsed;
  };
  const alertNames = parse(ANNOTATION_PROMETHEUS_ALERT, parseAlertAnnotation);
  const rules = parse(ANNOTATION_PROMETHEUS_RULE, parseRuleAnnotation);
  const selector = parse(ANNOTATION_GRAFANA_DASHBOARD_SELECTOR, parseDashboardSelector);
  const matchers = parse(ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR, parseAlertLabelSelector);
  const { http, prometheus, grafana } = context;
  const data: PrometheusData = {
    watchesAlerts: (alertNames !== undefined && prometheus !== undefined) || (matchers !== undefined && grafana !== undefined),
    alerts: [],
    missingRules: [],
    dashboards: [],
    sparklines: [],
    alertPages: [],
    notices: [],
  };
  const unconfigured = (annotation: string, service: string) =>
    data.notices.push(`\`${annotation}\` is set, but the portal reads no ${service} (the plugin's \`settings.${service.toLowerCase()}\` is not set).`);

  const work: Promise<void>[] = [];
  if (alertNames && !prometheus) unconfigured(ANNOTATION_PROMETHEUS_ALERT, 'Prometheus');
  if (alertNames && prometheus)
    work.push(
      readAlertRules(http, prometheus, 'all' in alertNames ? 'all' : alertNames.names).then((found) => {
        for (const rule of found) data.alerts.push(prometheusAlert(rule));
        if ('names' in alertNames) data.missingRules.push(...alertNames.names.filter((name) => !found.some((rule) => rule.name === name)));
        if (context.prometheusUi) data.alertPages.push({ label: 'Alerts in Prometheus', url: `${context.prometheusUi}/alerts` });
      }),
    );
  if (rules && !prometheus) unconfigured(ANNOTATION_PROMETHEUS_RULE, 'Prometheus');
  if (rules && prometheus) work.push(readSparklines(context, prometheus, rules, data));
  if (selector && !grafana) unconfigured(ANNOTATION_GRAFANA_DASHBOARD_SELECTOR, 'Grafana');
  if (selector && grafana) {
    const tags = requiredTags(selector);
    work.push(
      (tags ? searchDashboards(http, grafana, tags) : context.everyDashboard(grafana)).then((hits) => {
        for (const hit of hits) {
          const fields = { title: hit.title, tags: hit.tags, url: hit.url, folderTitle: hit.folderTitle ?? '' };
          const url = absolute(hit.url, context.grafanaUi);
          if (matchesDashboard(selector, fields) && url)
            data.dashboards.push({ title: hit.title, url, ...(hit.folderTitle ? { folder: hit.folderTitle } : {}) });
        }
      }),
    );
  }
  if (matchers && !grafana) unconfigured(ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR, 'Grafana');
  if (matchers && grafana)
    work.push(
      readGrafanaAlerts(http, grafana, matchers).then((alerts) => {
        for (const alert of alerts) {
          const state = alert.status.state === 'active' ? 'firing' : alert.status.state === 'suppressed' ? 'silenced' : 'pending';
          const url = absolute(alert.generatorURL ?? '', context.grafanaUi);
          data.alerts.push({
            source: 'Grafana',
            name: alert.labels['alertname'] ?? '(unnamed)',
            state,
            ...optional({
              severity: alert.labels['severity'],
              summary: alert.annotations['summary'] ?? alert.annotations['description'],
              since: alert.startsAt,
              url,
            }),
          });
        }
        data.alertPages.push({ label: 'Alert rules in Grafana', url: `${context.grafanaUi}/alerting/list` });
      }),
    );
  await Promise.all(work);
  // Both services answer in any order: sorted, the data (and its cache file) is the same build to build.
  data.alerts.sort((a, b) => a.source.localeCompare(b.source) || a.name.localeCompare(b.name));
  return data;
}

function prometheusAlert(rule: PromRule): MonitoringAlert {
  const state = rule.state === 'firing' || rule.state === 'pending' ? rule.state : 'inactive';
  const since = rule.alerts
    .map((alert) => alert.activeAt)
    .filter((at): at is string => at !== undefined)
    .sort()[0];
  const runbook = rule.annotations['runbook_url'];
  return {
    source: 'Prometheus',
    name: rule.name,
    state,
    ...optional({
      severity: rule.labels['severity'],
      summary: rule.annotations['summary'] ?? rule.annotations['description'],
      since: state === 'inactive' ? undefined : since,
      url: runbook && isHttpUrl(runbook) ? runbook : undefined,
    }),
  };
}

async function readSparklines(context: EntityContext, prometheus: Endpoint, rules: readonly { query: string; groupBy?: string }[], data: PrometheusData) {
  const answers = await Promise.all(rules.map(async (rule) => ({ rule, series: await readRange(context.http, prometheus, rule.query, context.range) })));
  for (const { rule, series } of answers) {
    if (series.length === 0) data.notices.push(`\`${rule.query}\` returned no data from ${context.range.start} to ${context.range.end}.`);
    for (const one of series) {
      const points = one.values.map(([, sample]) => Number(sample)).filter((n) => Number.isFinite(n));
      if (points.length < 2) continue;
      if (data.sparklines.length === MAX_SPARKLINES) {
        data.notices.push(`Only the first ${MAX_SPARKLINES} series of \`${ANNOTATION_PROMETHEUS_RULE}\` are drawn.`);
        return;
      }
      const name = rule.groupBy ? one.metric[rule.groupBy] : Object.values(one.metric)[0];
      const stride = Math.ceil(points.length / MAX_POINTS);
      data.sparklines.push({
        label: series.length > 1 && name ? `${rule.query} · ${name}` : rule.query,
        points: points.filter((_, index) => index % stride === 0),
        window: context.window,
      });
    }
  }
}

/** `path` (relative to Grafana, or absolute) as an absolute http(s) URL; undefined for anything else. */
function absolute(path: string, base: string): string | undefined {
  if (path === '' || base === '') return undefined;
  try {
    const url = new URL(path, `${base}/`).href;
    return isHttpUrl(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The entries whose value is defined: zod's objects and `exactOptionalPropertyTypes` want them absent. */
function optional<T extends Record<string, string | undefined>>(values: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: string };
}
