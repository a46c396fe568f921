/**
 * A fake SonarQube / SonarCloud Web API on 127.0.0.1, for the sonarqube plugin's tests.
 *
 * Follows the SonarQube Server 10.x Web API (https://next.sonarqube.com/sonarqube/web_api, also served
 * by every instance at /web_api; SonarCloud: https://docs.sonarsource.com/sonarqube-cloud/advanced-setup/web-api/):
 * - GET /api/qualitygates/project_status?projectKey=… → { projectStatus: { status, conditions, ignoredConditions, period? } }
 * - GET /api/measures/component?component=…&metricKeys=a,b → { component: { key, name, qualifier, measures: [{ metric, value, bestValue? }] } }
 * - GET /api/components/show?component=… → { component: { key, name, qualifier, analysisDate, visibility, tags }, ancestors: [] }
 * Auth as SonarQube takes a user token: `Authorization: Bearer <token>` (10.0+) or Basic with the token as
 * login and an empty password. A wrong or missing token → 401 with an empty body, like SonarQube; an unknown
 * key → 404 `{ errors: [{ msg }] }`; a missing parameter → 400 in the same shape. Measure values are strings.
 * Injected faults (the `faults` option, `addFaults`) answer the next matching requests instead.
 */
import type { ServerResponse } from 'node:http';
import { retryAfter, startHttpFake, type HttpFault, type RecordedRequest } from '../http-fake.ts';

export type { RecordedRequest };

export interface SonarCondition {
  status: 'OK' | 'ERROR';
  metricKey: string;
  comparator: 'GT' | 'LT';
  errorThreshold: string;
  actualValue: string;
}

export interface SonarProject {
  key: string;
  name: string;
  /** 'NONE' is a project without an analysis or gate. */
  qualityGate: 'OK' | 'ERROR' | 'NONE';
  conditions: SonarCondition[];
  /** metric key → value as SonarQube sends it (a string), e.g. { coverage: '81.4', bugs: '2' }. */
  measures: Record<string, string>;
  analysisDate: string;
  visibility?: 'public' | 'private';
  tags?: string[];
}

export type FaultKind = '429' | 'slow' | 'malformed-json' | '500';

export type Fault = HttpFault<FaultKind>;

export interface FakeSonarQubeOptions {
  projects: SonarProject[];
  /** The one token accepted (default 'sonar-test-token'). */
  token?: string;
  faults?: Fault[];
}

export interface FakeSonarQube {
  url: string;
  requests: RecordedRequest[];
  /** The live model: tests may change it between requests. */
  projects: SonarProject[];
  addFaults(...faults: Fault[]): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body?: unknown;
}

/** SonarQube flags a measure at its metric's best value (`bestValue`), for the metrics that have one. */
const BEST_VALUES: Record<string, number> = { coverage: 100, bugs: 0, vulnerabilities: 0, code_smells: 0, duplicated_lines_density: 0 };

const errors = (msg: string) => ({ errors: [{ msg }] });

function authorized(header: string | undefined, token: string): boolean {
  const bearer = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (bearer) return bearer[1] === token;
  const basic = /^Basic\s+(.+)$/i.exec(header ?? '');
  return basic !== null && Buffer.from(basic[1] ?? '', 'base64').toString('utf8') === `${token}:`;
}

function route(path: string, query: URLSearchParams, projects: SonarProject[]): Reply {
  const byKey = (key: string) => projects.find((project) => project.key === key);
  if (path === '/api/qualitygates/project_status') {
    const key = query.get('projectKey');
    if (!key) return { status: 400, body: errors("Either 'analysisId', 'projectId' or 'projectKey' must be provided") };
    const project = byKey(key);
    if (!project) return { status: 404, body: errors(`Project '${key}' not found`) };
    const { qualityGate: status, conditions } = project;
    return { status: 200, body: { projectStatus: { status, conditions, ignoredConditions: false, caycStatus: 'compliant' } } };
  }
  if (path === '/api/measures/component') {
    const key = query.get('component');
    const metricKeys = query.get('metricKeys');
    if (!key || !metricKeys) return { status: 400, body: errors(`The '${key ? 'metricKeys' : 'component'}' parameter is missing`) };
    const project = byKey(key);
    if (!project) return { status: 404, body: errors(`Component key '${key}' not found`) };
    const measures = metricKeys.split(',').flatMap((metric) => {
      const value = project.measures[metric];
      if (value === undefined) return [];
      const best = BEST_VALUES[metric];
      return [best === undefined ? { metric, value } : { metric, value, bestValue: Number(value) === best }];
    });
    return { status: 200, body: { component: { key, name: project.name, qualifier: 'TRK', measures } } };
  }
  if (path === '/api/components/show') {
    const key = query.get('component');
    if (!key) return { status: 400, body: errors("The 'component' parameter is missing") };
    const project = byKey(key);
    if (!project) return { status: 404, body: errors(`Component key '${key}' not found`) };
    const { name, analysisDate, visibility = 'private', tags = [] } = project;
    return { status: 200, body: { component: { key, name, qualifier: 'TRK', analysisDate, tags, visibility }, ancestors: [] } };
  }
  return { status: 404, body: errors('Unknown url : ' + path) };
}

const send = (res: ServerResponse, reply: Reply, headers: Record<string, string> = {}) => {
  const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, body ? { 'content-type': 'application/json', ...headers } : headers).end(body);
};

export async function startFakeSonarQube(options: FakeSonarQubeOptions): Promise<FakeSonarQube> {
  const token = options.token ?? 'sonar-test-token';
  const projects = options.projects;
  const fake = await startHttpFake<FaultKind>({
    faults: options.faults,
    answer(req, url, res) {
      const method = req.method ?? 'GET';
      if (!authorized(req.headers.authorization, token)) return send(res, { status: 401 });
      if (method !== 'GET') return send(res, { status: 405, body: errors(`HTTP method ${method} is not supported`) });
      send(res, route(url.pathname, url.searchParams, projects));
    },
    faultAnswer: {
      '429': (fault, res) => send(res, { status: 429, body: errors('Too many requests') }, { 'retry-after': retryAfter(fault) }),
      '500': (_fault, res) => send(res, { status: 500, body: errors('An error has occurred. Please contact your administrator') }),
      'malformed-json': (_fault, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"projectStatus":{"status":"OK",'),
    },
  });
  return { ...fake, projects };
}
