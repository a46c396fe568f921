/**
 * A fake Grafana HTTP API on 127.0.0.1, for the prometheus/grafana plugin's tests (the plugin reads
 * `grafana/dashboard-selector` and `grafana/alert-label-selector`).
 *
 * Follows Grafana 11/12's HTTP API (https://grafana.com/docs/grafana/latest/developers/http_api/):
 * - GET /api/search?type=dash-db&tag=a&tag=b&query=… → [{ id, uid, title, uri, url, slug, type, tags, isStarred, folderUid, folderTitle, folderUrl }]
 *   (folder_dashboard_search; several `tag`s match dashboards carrying all of them)
 * - GET /api/dashboards/uid/{uid} → { dashboard: { uid, title, tags, … }, meta: { url, slug, folderUid, folderTitle } }, or 404
 * - GET /api/alertmanager/grafana/api/v2/alerts?filter=service="x"&active=true → the Grafana-managed
 *   Alertmanager's alerts, in the Alertmanager API v2 `GettableAlerts` shape
 *   (https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml): [{ labels, annotations, startsAt,
 *   endsAt, updatedAt, fingerprint, receivers, status: { state, silencedBy, inhibitedBy }, generatorURL }]
 *   (filter matchers: =, !=, =~, !~, value quoted or not; `active`, `silenced`, `inhibited` are accepted and ignored)
 * Auth: `Authorization: Bearer <service account token>`; a wrong one → 401 `{ message: 'Invalid API key', … }`.
 * Errors are `{ message }`; 429 with Retry-After is what Grafana Cloud answers when throttling.
 */
import type { ServerResponse } from 'node:http';
import { retryAfter, startHttpFake, type HttpFault, type RecordedRequest } from '../http-fake.ts';

export type { RecordedRequest };

export interface GrafanaDashboard {
  uid: string;
  title: string;
  tags: string[];
  folder: { uid: string; title: string };
}

export interface GrafanaAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'active' | 'suppressed' | 'unprocessed';
  startsAt: string;
  /** The rule's page in Grafana, relative to the Grafana URL. */
  generatorPath: string;
}

export interface GrafanaModel {
  dashboards: GrafanaDashboard[];
  alerts: GrafanaAlert[];
}

export type FaultKind = '429' | 'slow' | 'malformed-json' | '500';

export type Fault = HttpFault<FaultKind>;

export interface FakeGrafana {
  url: string;
  requests: RecordedRequest[];
  /** The live model: tests may change it between requests. */
  model: GrafanaModel;
  addFaults(...faults: Fault[]): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A stable id per uid, as Grafana's numeric dashboard ids are stable. */
const numericId = (uid: string) => [...uid].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 100_000, 7);

function searchHit(dashboard: GrafanaDashboard) {
  const url = `/d/${dashboard.uid}/${slug(dashboard.title)}`;
  return {
    id: numericId(dashboard.uid),
    uid: dashboard.uid,
    orgId: 1,
    title: dashboard.title,
    uri: `db/${slug(dashboard.title)}`,
    url,
    slug: '',
    type: 'dash-db',
    tags: dashboard.tags,
    isStarred: false,
    folderUid: dashboard.folder.uid,
    folderTitle: dashboard.folder.title,
    folderUrl: `/dashboards/f/${dashboard.folder.uid}/${slug(dashboard.folder.title)}`,
  };
}

/** One Alertmanager filter matcher, e.g. `service="booking-service"` or `severity=~"page|critical"`. */
function matcher(text: string): ((labels: Record<string, string>) => boolean) | undefined {
  const parsed = /^\s*([\w.]+)\s*(=~|!~|!=|=)\s*"?([^"]*)"?\s*$/.exec(text);
  if (!parsed) return undefined;
  const [, name = '', operator, value = ''] = parsed;
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${value})$`);
  } catch {
    return undefined;
  }
  const tests: Record<string, (actual: string) => boolean> = {
    '=': (actual) => actual === value,
    '!=': (actual) => actual !== value,
    '=~': (actual) => pattern.test(actual),
    '!~': (actual) => !pattern.test(actual),
  };
  return (labels) => tests[operator ?? '=']?.(labels[name] ?? '') ?? false;
}

function route(model: GrafanaModel, url: string, path: string, query: URLSearchParams): Reply {
  if (path === '/api/search' || path === '/api/search/') {
    const tags = query.getAll('tag');
    const text = (query.get('query') ?? '').toLowerCase();
    const type = query.get('type');
    const hits = model.dashboards.filter(
      (dashboard) => tags.every((tag) => dashboard.tags.includes(tag)) && dashboard.title.toLowerCase().includes(text) && (type === null || type === 'dash-db'),
    );
    return { status: 200, body: hits.map(searchHit) };
  }
  const uid = /^\/api\/dashboards\/uid\/([^/]+)$/.exec(path)?.[1];
  if (uid !== undefined) {
    const dashboard = model.dashboards.find((candidate) => candidate.uid === uid);
    if (!dashboard) return { status: 404, body: { message: 'Dashboard not found' } };
    const hit = searchHit(dashboard);
    return {
      status: 200,
      body: {
        dashboard: { id: hit.id, uid, title: dashboard.title, tags: dashboard.tags, schemaVersion: 39, version: 12, panels: [] },
        meta: {
          type: 'db',
          slug: slug(dashboard.title),
          url: hit.url,
          folderUid: hit.folderUid,
          folderTitle: hit.folderTitle,
          folderUrl: hit.folderUrl,
          canEdit: false,
        },
      },
    };
  }
  if (path === '/api/alertmanager/grafana/api/v2/alerts') {
    const matchers = query.getAll('filter').map(matcher);
    if (matchers.some((candidate) => candidate === undefined)) return { status: 400, body: { message: 'bad matcher format' } };
    const alerts = model.alerts.filter((alert) => matchers.every((matches) => matches?.(alert.labels)));
    return {
      status: 200,
      body: alerts.map((alert) => ({
        annotations: alert.annotations,
        endsAt: '2099-01-01T00:00:00.000Z',
        fingerprint: numericId(JSON.stringify(alert.labels)).toString(16).padStart(16, '0'),
        receivers: [{ name: 'grafana-default-email' }],
        startsAt: alert.startsAt,
        status: { inhibitedBy: [], silencedBy: [], state: alert.state },
        updatedAt: alert.startsAt,
        generatorURL: url + alert.generatorPath,
        labels: alert.labels,
      })),
    };
  }
  return { status: 404, body: { message: 'Not found' } };
}

export interface FakeGrafanaOptions {
  model: GrafanaModel;
  /** The one service account token accepted (default 'glsa_test_token'). */
  token?: string;
  /** Grafana's root_url, for the links it sends (generatorURL); default the fake's own URL. */
  rootUrl?: string;
  faults?: Fault[];
}

const send = (res: ServerResponse, reply: Reply, headers: Record<string, string> = {}) =>
  void res.writeHead(reply.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(reply.body));

export async function startFakeGrafana(options: FakeGrafanaOptions): Promise<FakeGrafana> {
  const token = options.token ?? 'glsa_test_token';
  const { model } = options;
  /** Known once the server listens. */
  let baseUrl = '';
  const fake = await startHttpFake<FaultKind>({
    faults: options.faults,
    answer(req, url, res) {
      if (req.headers.authorization !== `Bearer ${token}`)
        return send(res, { status: 401, body: { extra: null, message: 'Invalid API key', messageId: 'api-keys.invalid', statusCode: 401, traceID: '' } });
      send(res, route(model, baseUrl, url.pathname, url.searchParams));
    },
    faultAnswer: {
      '429': (fault, res) => send(res, { status: 429, body: { message: 'Too many requests' } }, { 'retry-after': retryAfter(fault) }),
      '500': (_fault, res) => send(res, { status: 500, body: { message: 'Internal Server Error' } }),
      'malformed-json': (_fault, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('[{"uid":"payments-gateway",'),
    },
  });
  baseUrl = options.rootUrl ?? fake.url;
  return { ...fake, model };
}
