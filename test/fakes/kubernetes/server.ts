/**
 * A fake Kubernetes API server (one cluster) on 127.0.0.1, for the kubernetes plugin's tests.
 *
 * Follows the Kubernetes API, group apps/v1 (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/,
 * conventions: https://kubernetes.io/docs/reference/using-api/api-concepts/):
 * - GET /apis/apps/v1/deployments?labelSelector=… and /apis/apps/v1/namespaces/{ns}/deployments?labelSelector=…
 *   → a DeploymentList (items without kind/apiVersion, as the server sends them)
 * - GET /apis/apps/v1/namespaces/{ns}/deployments/{name} → a Deployment, or 404 Status reason NotFound
 * Label selectors: `k=v`, `k==v`, `k!=v`, `k`, `!k`, `k in (a,b)`, `k notin (a,b)`, comma-separated.
 * Like the real server, a list in a namespace with no deployments is an empty list, not a 404.
 * Auth: `Authorization: Bearer <token>`; errors are `Status` objects (401 Unauthorized, 404 NotFound,
 * 429 TooManyRequests with Retry-After, as API Priority and Fairness answers).
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { retryAfter, startHttpFake, type HttpFault, type RecordedRequest } from '../http-fake.ts';

export type { RecordedRequest };

export interface K8sDeployment {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  replicas: number;
  readyReplicas: number;
  /** Defaults to readyReplicas. */
  updatedReplicas?: number;
  containers: { name: string; image: string }[];
  creationTimestamp: string;
  /** metadata.generation, matched by status.observedGeneration (default 1). */
  generation?: number;
}

export type FaultKind = '429' | 'slow' | 'malformed-json' | '500';

export type Fault = HttpFault<FaultKind>;

export interface FakeKubernetes {
  url: string;
  requests: RecordedRequest[];
  /** The live model: tests may change it between requests. */
  deployments: K8sDeployment[];
  addFaults(...faults: Fault[]): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
}

const RESOURCE_VERSION = '48213977';

function status(code: number, reason: string, message: string, details?: Record<string, string>): Reply {
  return { status: code, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code } };
}

/** One requirement of a label selector, e.g. `app in (a,b)`; undefined when it does not parse. */
function requirement(text: string): ((labels: Record<string, string>) => boolean) | undefined {
  const set = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
  if (set) {
    const [, key = '', operator, values = ''] = set;
    const allowed = values.split(',').map((value) => value.trim());
    return (labels) => (operator === 'in') === (key in labels && allowed.includes(labels[key] ?? ''));
  }
  const compare = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(text);
  if (compare) {
    const [, key = '', operator, value] = compare;
    return (labels) => (operator === '!=' ? labels[key] !== value : labels[key] === value);
  }
  const exists = /^(!?)([\w./-]+)$/.exec(text);
  if (exists) return (labels) => (exists[1] === '!') !== (exists[2] ?? '') in labels;
  return undefined;
}

/** Splits on the commas outside parentheses; undefined when any part does not parse. */
function parseSelector(selector: string): ((labels: Record<string, string>) => boolean) | undefined {
  const parts = selector
    .split(/,(?![^(]*\))/)
    .map((part) => part.trim())
    .filter(Boolean);
  const requirements = parts.map(requirement);
  if (requirements.some((candidate) => candidate === undefined)) return undefined;
  return (labels) => requirements.every((matches) => matches?.(labels));
}

/** A UUID-shaped uid that stays the same across runs, so recorded fixtures do not churn. */
function stableUid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function renderDeployment(deployment: K8sDeployment) {
  const { namespace, name, labels, replicas, readyReplicas, containers, creationTimestamp, generation = 1 } = deployment;
  const updatedReplicas = deployment.updatedReplicas ?? readyReplicas;
  const available = readyReplicas >= replicas;
  return {
    metadata: {
      name,
      namespace,
      uid: stableUid(`${namespace}/${name}`),
      resourceVersion: RESOURCE_VERSION,
      generation,
      creationTimestamp,
      labels,
      annotations: { 'deployment.kubernetes.io/revision': String(generation) },
    },
    spec: {
      replicas,
      selector: { matchLabels: { 'app.kubernetes.io/name': labels['app.kubernetes.io/name'] ?? name } },
      template: {
        metadata: { labels },
        spec: {
          containers: containers.map((container) => ({ ...container, ports: [{ containerPort: 8080, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent' })),
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    },
    status: {
      observedGeneration: generation,
      replicas,
      updatedReplicas,
      readyReplicas,
      availableReplicas: readyReplicas,
      ...(available ? {} : { unavailableReplicas: replicas - readyReplicas }),
      conditions: [
        {
          type: 'Available',
          status: available ? 'True' : 'False',
          reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
          lastUpdateTime: creationTimestamp,
          lastTransitionTime: creationTimestamp,
        },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', lastUpdateTime: creationTimestamp, lastTransitionTime: creationTimestamp },
      ],
    },
  };
}

function route(deployments: K8sDeployment[], path: string, query: URLSearchParams): Reply {
  const one = /^\/apis\/apps\/v1\/namespaces\/([^/]+)\/deployments\/([^/]+)$/.exec(path);
  if (one) {
    const found = deployments.find((deployment) => deployment.namespace === one[1] && deployment.name === one[2]);
    if (!found) return status(404, 'NotFound', `deployments.apps "${one[2]}" not found`, { name: one[2] ?? '', group: 'apps', kind: 'deployments' });
    return { status: 200, body: { kind: 'Deployment', apiVersion: 'apps/v1', ...renderDeployment(found) } };
  }
  const list = /^\/apis\/apps\/v1(?:\/namespaces\/([^/]+))?\/deployments$/.exec(path);
  if (!list) return status(404, 'NotFound', 'the server could not find the requested resource');
  const matches = parseSelector(query.get('labelSelector') ?? '');
  if (!matches) return status(400, 'BadRequest', `unable to parse requirement: ${query.get('labelSelector') ?? ''}`);
  const items = deployments.filter((deployment) => (list[1] === undefined || deployment.namespace === list[1]) && matches(deployment.labels));
  return {
    status: 200,
    body: { kind: 'DeploymentList', apiVersion: 'apps/v1', metadata: { resourceVersion: RESOURCE_VERSION }, items: items.map(renderDeployment) },
  };
}

const send = (res: ServerResponse, reply: Reply, headers: Record<string, string> = {}) =>
  void res.writeHead(reply.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(reply.body));

export async function startFakeKubernetes(options: { deployments: K8sDeployment[]; token?: string; faults?: Fault[] }): Promise<FakeKubernetes> {
  const token = options.token ?? 'k8s-test-token';
  const { deployments } = options;
  const fake = await startHttpFake<FaultKind>({
    faults: options.faults,
    answer(req, url, res) {
      if (req.headers.authorization !== `Bearer ${token}`) return send(res, status(401, 'Unauthorized', 'Unauthorized'));
      if ((req.method ?? 'GET') !== 'GET') return send(res, status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`));
      send(res, route(deployments, url.pathname, url.searchParams));
    },
    faultAnswer: {
      '429': (fault, res) => send(res, status(429, 'TooManyRequests', 'Too many requests, please try again later.'), { 'retry-after': retryAfter(fault) }),
      '500': (_fault, res) => send(res, status(500, 'InternalError', 'Internal error occurred: etcdserver: request timed out')),
      'malformed-json': (_fault, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"kind":"DeploymentList","items":[{'),
    },
  });
  return { ...fake, deployments };
}
