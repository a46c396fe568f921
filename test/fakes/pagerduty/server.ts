/**
 * A fake PagerDuty REST API on 127.0.0.1, for the pagerduty plugin's tests.
 *
 * Follows REST API v2 (`Accept: application/vnd.pagerduty+json;version=2`), as specified in
 * https://github.com/PagerDuty/api-schema/blob/main/reference/REST/openapiv3.json and documented at
 * https://developer.pagerduty.com/api-reference/ :
 * - GET /services/{id} → { service } with its escalation_policy and teams as references
 * - GET /services?team_ids[]=… → { services, limit, offset, more, total } (the Group page's services)
 * - GET /oncalls?escalation_policy_ids[]=…&earliest=true → { oncalls, limit, offset, more, total }
 * - GET /incidents?service_ids[]=…&statuses[]=triggered&statuses[]=acknowledged → { incidents, limit, offset, more, total }
 * Lists use classic pagination: `limit` (default 25, at most 100) and `offset`; `more` says whether another
 * page exists; `total` is null unless `total=true`. Auth is `Authorization: Token token=<key>`. Errors are
 * `{ error: { message, code } }`: 401 code 2006, 404 code 2100, 429 code 2020 with `ratelimit-reset` (the
 * header PagerDuty documents) and `Retry-After` (seconds, both). The `Accept` header is recorded, not enforced.
 */
import type { ServerResponse } from 'node:http';
import { retryAfter, startHttpFake, type HttpFault, type RecordedRequest } from '../http-fake.ts';

export type { RecordedRequest };

export interface PdUser {
  id: string;
  name: string;
  email: string;
}
export interface PdTeam {
  id: string;
  name: string;
}
export interface PdEscalationPolicy {
  id: string;
  name: string;
}
export interface PdService {
  id: string;
  name: string;
  description: string;
  status: 'active' | 'warning' | 'critical' | 'maintenance' | 'disabled';
  escalationPolicyId: string;
  teamIds: string[];
  createdAt: string;
}
export interface PdOncall {
  escalationPolicyId: string;
  userId: string;
  /** Absent for a user targeted directly by the escalation rule (then start and end are null). */
  schedule?: { id: string; name: string };
  level: number;
  start: string | null;
  end: string | null;
}
export interface PdIncident {
  id: string;
  number: number;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  urgency: 'high' | 'low';
  serviceId: string;
  assigneeIds: string[];
  createdAt: string;
}

export interface PdModel {
  /** The account's subdomain, for html_url links (https://<subdomain>.pagerduty.com). */
  subdomain: string;
  users: PdUser[];
  teams: PdTeam[];
  escalationPolicies: PdEscalationPolicy[];
  services: PdService[];
  oncalls: PdOncall[];
  incidents: PdIncident[];
}

export type FaultKind = '429' | 'slow' | 'malformed-json' | '500';

export type Fault = HttpFault<FaultKind>;

export interface FakePagerDuty {
  url: string;
  requests: RecordedRequest[];
  /** The live model: tests may change it between requests. */
  model: PdModel;
  addFaults(...faults: Fault[]): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
}

const API = 'https://api.pagerduty.com';
const error = (status: number, message: string, code: number): Reply => ({ status, body: { error: { message, code } } });

function reference(model: PdModel, type: string, id: string, summary: string, path: string) {
  return { id, type: `${type}_reference`, summary, self: `${API}/${path}/${id}`, html_url: `https://${model.subdomain}.pagerduty.com/${path}/${id}` };
}

function renderService(model: PdModel, service: PdService) {
  const policy = model.escalationPolicies.find((candidate) => candidate.id === service.escalationPolicyId);
  const teams = model.teams.filter((team) => service.teamIds.includes(team.id));
  return {
    id: service.id,
    type: 'service',
    summary: service.name,
    self: `${API}/services/${service.id}`,
    html_url: `https://${model.subdomain}.pagerduty.com/service-directory/${service.id}`,
    name: service.name,
    description: service.description,
    status: service.status,
    created_at: service.createdAt,
    auto_resolve_timeout: 14400,
    acknowledgement_timeout: 1800,
    alert_creation: 'create_alerts_and_incidents',
    escalation_policy: reference(model, 'escalation_policy', service.escalationPolicyId, policy?.name ?? '', 'escalation_policies'),
    teams: teams.map((team) => reference(model, 'team', team.id, team.name, 'teams')),
    integrations: [],
    incident_urgency_rule: { type: 'constant', urgency: 'high' },
  };
}

function renderOncall(model: PdModel, oncall: PdOncall) {
  const user = model.users.find((candidate) => candidate.id === oncall.userId);
  const policy = model.escalationPolicies.find((candidate) => candidate.id === oncall.escalationPolicyId);
  return {
    escalation_policy: reference(model, 'escalation_policy', oncall.escalationPolicyId, policy?.name ?? '', 'escalation_policies'),
    escalation_level: oncall.level,
    schedule: oncall.schedule ? reference(model, 'schedule', oncall.schedule.id, oncall.schedule.name, 'schedules') : null,
    user: reference(model, 'user', oncall.userId, user?.name ?? '', 'users'),
    start: oncall.start,
    end: oncall.end,
  };
}

function renderIncident(model: PdModel, incident: PdIncident) {
  const service = model.services.find((candidate) => candidate.id === incident.serviceId);
  const user = (id: string) => model.users.find((candidate) => candidate.id === id)?.name ?? '';
  return {
    id: incident.id,
    type: 'incident',
    summary: `[#${incident.number}] ${incident.title}`,
    self: `${API}/incidents/${incident.id}`,
    html_url: `https://${model.subdomain}.pagerduty.com/incidents/${incident.id}`,
    incident_number: incident.number,
    title: incident.title,
    created_at: incident.createdAt,
    status: incident.status,
    urgency: incident.urgency,
    service: service
      ? {
          ...reference(model, 'service', service.id, service.name, 'services'),
          html_url: `https://${model.subdomain}.pagerduty.com/service-directory/${service.id}`,
        }
      : null,
    assignments: incident.assigneeIds.map((id) => ({ at: incident.createdAt, assignee: reference(model, 'user', id, user(id), 'users') })),
    escalation_policy: service ? renderService(model, service).escalation_policy : null,
  };
}

/** Classic offset pagination, as every PagerDuty list answers. */
function page(query: URLSearchParams, key: string, items: unknown[]): Reply {
  const limit = Math.min(Number(query.get('limit') ?? 25) || 25, 100);
  const offset = Number(query.get('offset') ?? 0) || 0;
  const total = query.get('total') === 'true' ? items.length : null;
  return { status: 200, body: { [key]: items.slice(offset, offset + limit), limit, offset, more: offset + limit < items.length, total } };
}

function route(model: PdModel, path: string, query: URLSearchParams): Reply {
  const list = (name: string) => query.getAll(`${name}[]`);
  const serviceId = /^\/services\/([^/]+)$/.exec(path)?.[1];
  if (serviceId !== undefined) {
    const service = model.services.find((candidate) => candidate.id === serviceId);
    return service ? { status: 200, body: { service: renderService(model, service) } } : error(404, 'Not Found', 2100);
  }
  if (path === '/services') {
    const teams = list('team_ids');
    const services = model.services.filter((service) => teams.length === 0 || service.teamIds.some((id) => teams.includes(id)));
    return page(
      query,
      'services',
      services.map((service) => renderService(model, service)),
    );
  }
  if (path === '/oncalls') {
    const policies = list('escalation_policy_ids');
    const seen = new Set<string>();
    const oncalls = model.oncalls.filter((oncall) => {
      if (policies.length > 0 && !policies.includes(oncall.escalationPolicyId)) return false;
      // `earliest=true`: one entry per escalation policy and level (the current one, in this model).
      const key = `${oncall.escalationPolicyId}/${oncall.level}`;
      if (query.get('earliest') === 'true' && seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return page(
      query,
      'oncalls',
      oncalls.map((oncall) => renderOncall(model, oncall)),
    );
  }
  if (path === '/incidents') {
    const services = list('service_ids');
    const statuses = list('statuses');
    const incidents = model.incidents.filter(
      (incident) => (services.length === 0 || services.includes(incident.serviceId)) && (statuses.length === 0 || statuses.includes(incident.status)),
    );
    return page(
      query,
      'incidents',
      incidents.map((incident) => renderIncident(model, incident)),
    );
  }
  return error(404, 'Not Found', 2100);
}

const send = (res: ServerResponse, reply: Reply, headers: Record<string, string> = {}) =>
  void res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(reply.body));

export async function startFakePagerDuty(options: { model: PdModel; token?: string; faults?: Fault[] }): Promise<FakePagerDuty> {
  const token = options.token ?? 'pd-test-token';
  const { model } = options;
  const fake = await startHttpFake<FaultKind>({
    faults: options.faults,
    answer(req, url, res) {
      if (req.headers.authorization !== `Token token=${token}`) return send(res, error(401, 'Authentication failed', 2006));
      if ((req.method ?? 'GET') !== 'GET') return send(res, error(405, 'Method Not Allowed', 2001));
      send(res, route(model, url.pathname, url.searchParams));
    },
    faultAnswer: {
      // PagerDuty documents `ratelimit-reset` (seconds); `Retry-After` carries the same wait.
      '429': (fault, res) =>
        send(res, error(429, 'Rate Limit Exceeded', 2020), {
          'ratelimit-limit': '960',
          'ratelimit-remaining': '0',
          'ratelimit-reset': retryAfter(fault),
          'retry-after': retryAfter(fault),
        }),
      '500': (_fault, res) => send(res, error(500, 'Internal Server Error', 2000)),
      'malformed-json': (_fault, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"oncalls":[{"user":'),
    },
  });
  return { ...fake, model };
}
