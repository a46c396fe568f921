/**
 * A fake Prometheus HTTP API on 127.0.0.1, for the prometheus plugin's tests. Grafana, a separate
 * server with its own URL, token and error shapes, has its own fake beside it (grafana-server.ts).
 *
 * Follows the Prometheus HTTP API v1 (https://prometheus.io/docs/prometheus/latest/querying/api/),
 * every answer in its envelope `{ status: 'success' | 'error', data | errorType + error }`:
 * - GET /api/v1/alerts → { alerts: [{ labels, annotations, state, activeAt, value }] }
 * - GET /api/v1/rules?type=alert&rule_name[]=… → { groups: [{ name, file, interval, rules: [{ type: 'alerting', name, query, state, alerts, … }] }] }
 * - GET /api/v1/query_range?query&start&end&step → { resultType: 'matrix', result: [{ metric, values: [[t, "v"]] }] }
 *   (start/end as Unix seconds or RFC 3339, step as seconds or a duration such as 5m; sample values are strings)
 * Unknown rule names or queries answer empty, as Prometheus does; a bad parameter is 400 `bad_data`; an unknown
 * path is 404 text. Prometheus has no auth of its own: this fake stands for one behind basic auth (web config)
 * or a bearer-token proxy, and answers 401 "Unauthorized" text on a wrong token. 429 with Retry-After is what
 * hosted Prometheus (Amazon Managed Prometheus, Grafana Mimir) answers when throttling.
 */
import type { ServerResponse } from 'node:http';
import { retryAfter, startHttpFake, type HttpFault, type RecordedRequest } from '../http-fake.ts';

export type { RecordedRequest };

export interface PromAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'pending' | 'firing';
  activeAt: string;
  value: string;
}

export interface PromAlertingRule {
  group: string;
  file: string;
  name: string;
  query: string;
  /** `for`, in seconds. */
  duration: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Active alerts of this rule; the rule's state follows from them. */
  alerts: PromAlert[];
}

/** A range query's answer: `values` are laid on the requested steps, cycling when the range is longer. */
export interface PromSeries {
  query: string;
  metric: Record<string, string>;
  values: number[];
}

export interface PromModel {
  rules: PromAlertingRule[];
  series: PromSeries[];
  /** When the rules were last evaluated (RFC 3339). */
  lastEvaluation: string;
}

export type FaultKind = '429' | 'slow' | 'malformed-json' | '503';

export type Fault = HttpFault<FaultKind>;

export interface FakePrometheus {
  url: string;
  requests: RecordedRequest[];
  /** The live model: tests may change it between requests. */
  model: PromModel;
  addFaults(...faults: Fault[]): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
}

const success = (data: unknown): Reply => ({ status: 200, body: { status: 'success', data } });
const failure = (status: number, errorType: string, error: string): Reply => ({ status, body: { status: 'error', errorType, error } });
const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

function parseTime(text: string | null): number | undefined {
  if (text === null) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

function parseStep(text: string | null): number | undefined {
  if (text === null) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) return undefined;
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * (UNITS[unit ?? ''] ?? 0), 0);
}

function ruleState(rule: PromAlertingRule): 'inactive' | 'pending' | 'firing' {
  if (rule.alerts.some((alert) => alert.state === 'firing')) return 'firing';
  return rule.alerts.length > 0 ? 'pending' : 'inactive';
}

function rules(model: PromModel, query: URLSearchParams): Reply {
  if (query.get('type') === 'record') return success({ groups: [] });
  const names = query.getAll('rule_name[]');
  const groups = query.getAll('rule_group[]');
  const selected = model.rules.filter((rule) => (names.length === 0 || names.includes(rule.name)) && (groups.length === 0 || groups.includes(rule.group)));
  const byGroup = new Map<string, PromAlertingRule[]>();
  for (const rule of selected) byGroup.set(rule.group, [...(byGroup.get(rule.group) ?? []), rule]);
  return success({
    groups: [...byGroup].map(([name, members]) => ({
      name,
      file: members[0]?.file ?? '',
      interval: 60,
      limit: 0,
      evaluationTime: 0.004,
      lastEvaluation: model.lastEvaluation,
      rules: members.map((rule) => ({
        state: ruleState(rule),
        name: rule.name,
        query: rule.query,
        duration: rule.duration,
        keepFiringFor: 0,
        labels: rule.labels,
        annotations: rule.annotations,
        alerts: rule.alerts,
        health: 'ok',
        evaluationTime: 0.001,
        lastEvaluation: model.lastEvaluation,
        type: 'alerting',
      })),
    })),
  });
}

function queryRange(model: PromModel, query: URLSearchParams): Reply {
  const expression = query.get('query');
  const start = parseTime(query.get('start'));
  const end = parseTime(query.get('end'));
  const step = parseStep(query.get('step'));
  if (!expression) return failure(400, 'bad_data', 'invalid parameter "query": unknown position: parse error: no expression found in input');
  if (start === undefined || end === undefined)
    return failure(400, 'bad_data', `invalid parameter "${start === undefined ? 'start' : 'end'}": cannot parse to a valid timestamp`);
  if (step === undefined || step <= 0)
    return failure(400, 'bad_data', 'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer');
  if (end < start) return failure(400, 'bad_data', 'invalid parameter "end": end timestamp must not be before start time');
  if ((end - start) / step > 11000)
    return failure(400, 'bad_data', 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
  const times = Array.from({ length: Math.floor((end - start) / step) + 1 }, (_, index) => start + index * step);
  const result = model.series
    .filter((series) => series.query === expression && series.values.length > 0)
    .map((series) => ({ metric: series.metric, values: times.map((time, index) => [time, String(series.values[index % series.values.length])]) }));
  return success({ resultType: 'matrix', result });
}

function route(model: PromModel, path: string, query: URLSearchParams): Reply | undefined {
  if (path === '/api/v1/alerts') return success({ alerts: model.rules.flatMap((rule) => rule.alerts) });
  if (path === '/api/v1/rules') return rules(model, query);
  if (path === '/api/v1/query_range') return queryRange(model, query);
  return undefined;
}

function authorized(header: string | undefined, token: string): boolean {
  if (header === `Bearer ${token}`) return true;
  const basic = /^Basic\s+(.+)$/i.exec(header ?? '');
  return (
    basic !== null &&
    Buffer.from(basic[1] ?? '', 'base64')
      .toString('utf8')
      .split(':')
      .slice(1)
      .join(':') === token
  );
}

const send = (res: ServerResponse, reply: Reply, headers: Record<string, string> = {}) =>
  void res.writeHead(reply.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(reply.body));
const text = (res: ServerResponse, status: number, body: string) => void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);

export async function startFakePrometheus(options: { model: PromModel; token?: string; faults?: Fault[] }): Promise<FakePrometheus> {
  const token = options.token ?? 'prom-test-token';
  const { model } = options;
  const fake = await startHttpFake<FaultKind>({
    faults: options.faults,
    answer(req, url, res) {
      if (!authorized(req.headers.authorization, token)) return text(res, 401, 'Unauthorized\n');
      const reply = route(model, url.pathname, url.searchParams);
      return reply ? send(res, reply) : text(res, 404, '404 page not found\n');
    },
    faultAnswer: {
      '429': (fault, res) =>
        send(res, failure(429, 'too_many_requests', 'the request has been rejected because the tenant exceeded the request rate limit'), {
          'retry-after': retryAfter(fault),
        }),
      '503': (_fault, res) => send(res, failure(503, 'timeout', 'query timed out in expression evaluation')),
      'malformed-json': (_fault, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success","data":{"alerts":['),
    },
  });
  return { ...fake, model };
}
