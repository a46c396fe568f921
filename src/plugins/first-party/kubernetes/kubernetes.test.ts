/** The Kubernetes plugin against two fake clusters (test/fakes/kubernetes/, Kubernetes API apps/v1). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoDeployments, demoRequests } from '../../../../test/fakes/kubernetes/demo-model.ts';
import { startFakeKubernetes, type FakeKubernetes, type K8sDeployment } from '../../../../test/fakes/kubernetes/server.ts';
import type { PluginEntity } from '../../api.ts';
import { runPlugins } from '../../run-plugins.ts';
import {
  ANNOTATION_KUBERNETES_CLUSTER,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_KUBERNETES_NAMESPACE,
  parseTarget,
} from './annotations.ts';
import { kubernetesPlugin, KubernetesSettingsSchema, type KubernetesData, type KubernetesSettings } from './index.ts';
import { renderWorkloads } from './view.ts';
import { deploymentsPath } from './web-api.ts';
import { pluginEntity } from '../../../../test/support/plugin-entities.ts';

const PROD_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.fake-prod-reader-0123456789';
const DR_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.fake-dr-reader-9876543210';
const DASHBOARD = 'https://dashboard.eks-prod.fernway.example/';
const entity = pluginEntity;
const byId = (name: string, extra: Record<string, string> = {}) => entity(name, { [ANNOTATION_KUBERNETES_ID]: name, ...extra });
const booking = byId('booking-service');
const payments = byId('payments-gateway');

/** The disaster-recovery cluster runs a smaller copy of two services. */
const drDeployments: K8sDeployment[] = demoDeployments
  .filter((d) => d.name === 'booking-service' || d.name === 'payments-gateway')
  .map((d) => ({ ...structuredClone(d), replicas: 2, readyReplicas: 2 }));

let prod: FakeKubernetes;
let dr: FakeKubernetes;
let cacheDir: string;
let lines: string[];
beforeAll(async () => {
  prod = await startFakeKubernetes({ deployments: structuredClone(demoDeployments), token: PROD_TOKEN });
  dr = await startFakeKubernetes({ deployments: drDeployments, token: DR_TOKEN });
});
afterAll(() => Promise.all([prod.close(), dr.close()]));
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'k8s-'));
  lines = [];
  prod.requests.length = 0;
  dr.requests.length = 0;
  return () => rm(cacheDir, { recursive: true, force: true });
});

const twoClusters = (): KubernetesSettings =>
  KubernetesSettingsSchema.parse({
    clusters: [
      { name: 'eks-prod', url: prod.url, tokenEnv: 'K8S_PROD_TOKEN', dashboardUrl: DASHBOARD },
      { name: 'eks-dr', url: `${dr.url}/`, tokenEnv: 'K8S_DR_TOKEN' },
    ],
  });
const prodOnly = (url = prod.url): KubernetesSettings => KubernetesSettingsSchema.parse({ clusters: [{ name: 'eks-prod', url, tokenEnv: 'K8S_PROD_TOKEN' }] });

const collect = (entities: PluginEntity[], options: { settings?: KubernetesSettings; env?: Record<string, string>; http?: object } = {}) =>
  runPlugins({
    plugins: [{ plugin: kubernetesPlugin, settings: options.settings ?? twoClusters(), required: false, label: 'plugins[0] (kubernetes)' }],
    entities,
    env: options.env ?? { K8S_PROD_TOKEN: PROD_TOKEN, K8S_DR_TOKEN: DR_TOKEN },
    now: new Date('2025-06-03T06:00:00Z'),
    cacheDir,
    log: (line) => lines.push(line),
    http: { backoffMs: 1, ...options.http },
  });
const sectionOf = (result: Awaited<ReturnType<typeof collect>>, who: PluginEntity) => result.sections.get(who.ref)?.[0];

describe('the Kubernetes annotations', () => {
  it.each([
    [{ [ANNOTATION_KUBERNETES_ID]: 'dice-roller' }, { selector: 'backstage.io/kubernetes-id=dice-roller' }],
    [
      { [ANNOTATION_KUBERNETES_ID]: 'dice-roller', [ANNOTATION_KUBERNETES_LABEL_SELECTOR]: 'app=my-app,component in (front-end, api)' },
      { selector: 'app=my-app,component in (front-end, api)' },
    ],
    [
      { [ANNOTATION_KUBERNETES_ID]: ' dice-roller ', [ANNOTATION_KUBERNETES_NAMESPACE]: 'dice-space', [ANNOTATION_KUBERNETES_CLUSTER]: 'eks-prod' },
      { selector: 'backstage.io/kubernetes-id=dice-roller', namespace: 'dice-space', cluster: 'eks-prod' },
    ],
  ])('reads %j (the label selector wins over the id, as in Backstage)', (annotations, expected) => expect(parseTarget(annotations)).toEqual(expected));

  it.each([
    [{ [ANNOTATION_KUBERNETES_ID]: 'has space' }, /`backstage.io\/kubernetes-id` is "has space", not a label value/],
    [{ [ANNOTATION_KUBERNETES_ID]: '-leading' }, /not a label value/],
    [{ [ANNOTATION_KUBERNETES_ID]: 'a'.repeat(64) }, /not a label value/],
    [{ [ANNOTATION_KUBERNETES_LABEL_SELECTOR]: 'app=<script>' }, /not a label selector/],
    [{ [ANNOTATION_KUBERNETES_ID]: 'x', [ANNOTATION_KUBERNETES_NAMESPACE]: 'Payments' }, /not a namespace name/],
    [{ [ANNOTATION_KUBERNETES_NAMESPACE]: 'payments' }, /needs `backstage.io\/kubernetes-id` or `backstage.io\/kubernetes-label-selector`/],
  ])('refuses %j and says what was expected', (annotations, message) => expect(parseTarget(annotations)).toEqual({ error: expect.stringMatching(message) }));
});

describe('the Kubernetes settings', () => {
  it('asks for one or more clusters with distinct names, http(s) URLs and env var names', () => {
    const issues = (settings: unknown) => KubernetesSettingsSchema.safeParse(settings).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ clusters: [] })).toEqual([expect.stringMatching(/^clusters: at least one cluster/)]);
    const cluster = { name: 'eks-prod', url: 'https://k8s.example', tokenEnv: 'K8S_TOKEN' };
    expect(issues({ clusters: [cluster, cluster] })).toEqual([expect.stringMatching(/each cluster needs its own `name`/)]);
    expect(issues({ clusters: [{ ...cluster, dashboardUrl: 'javascript:alert(1)' }] })).toEqual([
      expect.stringMatching(/^clusters.0.dashboardUrl: an http\(s\) URL/),
    ]);
    expect(issues({ clusters: [{ ...cluster, tokenEnv: 'k8s-token' }] })).toEqual([
      expect.stringMatching(/^clusters.0.tokenEnv: an environment variable name/),
    ]);
    expect(issues({ clusters: [{ ...cluster, token: 'inline-secret' }] })).toBeDefined();
  });

  it('needs every cluster token: skipped with one line while one is unset', async () => {
    const result = await collect([booking], { env: { K8S_PROD_TOKEN: PROD_TOKEN } });
    expect(result.skipped).toBe(1);
    expect(lines).toEqual(["Kubernetes: skipped: no credentials (set K8S_DR_TOKEN in the build's environment)."]);
    expect(prod.requests).toEqual([]);
  });
});

describe('Kubernetes collection against two fake clusters', () => {
  it("lists the entity's deployments in every cluster, each with its own token, and links to the dashboard", async () => {
    const result = await collect([booking, payments]);
    expect(sectionOf(result, booking)).toMatchObject({
      id: 'plugin:kubernetes:workloads',
      pluginTitle: 'Kubernetes',
      freshness: 'fresh',
      asOf: '2025-06-03T06:00:00.000Z',
      badge: { label: '1 deployment not fully ready', tone: 'bad' },
      facts: [
        { label: 'Clusters', value: 'eks-prod, eks-dr' },
        { label: 'Namespace', value: 'all namespaces' },
        { label: 'Label selector', value: 'backstage.io/kubernetes-id=booking-service' },
        { label: 'Deployments', value: '3' },
        { label: 'Replicas ready', value: '8 / 10', tone: 'bad' },
      ],
      tables: [
        {
          columns: ['Cluster', 'Namespace', 'Deployment', 'Ready / desired', 'Images'],
          rows: [
            ['eks-prod', 'booking', 'booking-service', '4 / 6 (rolling out)', 'ghcr.io/fernway/booking-service:v2.41.0'],
            ['eks-prod', 'booking', 'booking-outbox-relay', '2 / 2', 'ghcr.io/fernway/booking-service:v2.41.0'],
            ['eks-dr', 'booking', 'booking-service', '2 / 2', 'ghcr.io/fernway/booking-service:v2.41.0'],
          ],
        },
      ],
      links: [{ label: 'Open the eks-prod dashboard', url: DASHBOARD }],
      notices: [],
    });
    expect(sectionOf(result, payments)?.tables[0]?.rows[0]).toEqual([
      'eks-prod',
      'payments',
      'payments-gateway',
      '4 / 4',
      'ghcr.io/fernway/payments-gateway:v3.14.2, hashicorp/vault:1.16.2',
    ]);
    expect(result.checks.definitions).toEqual([{ id: 'plugin:kubernetes:replicas-ready', title: 'All replicas ready' }]);
    expect(result.checks.results.get(booking.ref)?.[0]).toMatchObject({
      status: 'fail',
      message: 'eks-prod/booking/booking-service has 4 of 6 ready.',
      fix: { url: DASHBOARD, label: 'Open the eks-prod dashboard' },
    });
    expect(result.checks.results.get(payments.ref)?.[0]).toMatchObject({ status: 'pass', message: 'All 2 deployments have every replica ready.' });
    expect(prod.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${PROD_TOKEN}`, `Bearer ${PROD_TOKEN}`]);
    expect(dr.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${DR_TOKEN}`, `Bearer ${DR_TOKEN}`]);
    expect(result.diagnostics).toEqual([]);
  });

  it('asks with the label selector in the namespace, only in the cluster the annotation names, once per selector', async () => {
    const search = (name: string) =>
      entity(name, {
        [ANNOTATION_KUBERNETES_LABEL_SELECTOR]: 'backstage.io/kubernetes-id in (search-service,search-indexer)',
        [ANNOTATION_KUBERNETES_NAMESPACE]: 'search',
        [ANNOTATION_KUBERNETES_CLUSTER]: 'eks-prod',
      });
    const result = await collect([search('search'), search('search-system')]);
    expect(prod.requests).toHaveLength(1);
    expect(prod.requests[0]).toMatchObject({ path: '/apis/apps/v1/namespaces/search/deployments' });
    expect(prod.requests[0]?.query.get('labelSelector')).toBe('backstage.io/kubernetes-id in (search-service,search-indexer)');
    expect(dr.requests).toEqual([]);
    expect(sectionOf(result, search('search'))).toMatchObject({
      badge: { label: 'All replicas ready', tone: 'good' },
      facts: [{ label: 'Cluster', value: 'eks-prod' }, { value: 'search' }, {}, { value: '2' }, { value: '10 / 10' }],
      tables: [
        {
          columns: ['Namespace', 'Deployment', 'Ready / desired', 'Images'],
          rows: [['search', 'search-service', '8 / 8', expect.any(String)], expect.any(Array)],
        },
      ],
    });
  });

  it('says so when no deployment matches, and does not score it', async () => {
    const ghost = byId('ghost');
    const result = await collect([ghost]);
    expect(sectionOf(result, ghost)).toMatchObject({
      freshness: 'fresh',
      badge: { label: 'No deployments found', tone: 'neutral' },
      tables: [],
      notices: [
        { tone: 'info', text: 'No deployment matches in cluster eks-prod.' },
        { tone: 'info', text: 'No deployment matches in cluster eks-dr.' },
      ],
    });
    expect(result.checks.results.get(ghost.ref)?.[0]).toMatchObject({ status: 'not-applicable' });
  });

  it('names a cluster the annotation asks for that is not configured, without calling any', async () => {
    const elsewhere = byId('booking-service', { [ANNOTATION_KUBERNETES_CLUSTER]: 'gke-staging' });
    const result = await collect([elsewhere]);
    expect(sectionOf(result, elsewhere)?.reason).toBe('cluster "gke-staging" in the annotation is not configured (settings.clusters: eks-prod, eks-dr)');
    expect([...prod.requests, ...dr.requests]).toEqual([]);
  });

  it('asks exactly the requests the demo fixtures are recorded under', () => {
    const ids = [...new Set(demoDeployments.map((d) => d.labels[ANNOTATION_KUBERNETES_ID] ?? ''))];
    expect(ids.map((id) => deploymentsPath(`${ANNOTATION_KUBERNETES_ID}=${id}`))).toEqual(demoRequests);
  });

  it('reports an invalid annotation on the entity instead of calling a cluster', async () => {
    const odd = byId('odd', { [ANNOTATION_KUBERNETES_ID]: 'not an id' });
    const result = await collect([odd]);
    expect(sectionOf(result, odd)).toMatchObject({ freshness: 'unavailable', reason: expect.stringMatching(/not a label value/) });
    expect([...prod.requests, ...dr.requests]).toEqual([]);
  });
});

describe('Kubernetes errors', () => {
  it('shows the clusters it could read when one refuses its token (401), and never prints the token', async () => {
    const result = await collect([booking], { env: { K8S_PROD_TOKEN: PROD_TOKEN, K8S_DR_TOKEN: 'wrong-dr-token-0000' } });
    const view = sectionOf(result, booking);
    expect(view).toMatchObject({
      freshness: 'fresh',
      facts: [{ value: 'eks-prod, eks-dr' }, {}, {}, { value: '2' }, { value: '6 / 8' }],
      notices: [
        {
          tone: 'warning',
          text: expect.stringMatching(/^Cluster eks-dr could not be read: cluster eks-dr refused the token \(HTTP 401\): check that K8S_DR_TOKEN/),
        },
      ],
    });
    expect(result.checks.results.get(booking.ref)?.[0]?.message).toMatch(/\(eks-dr could not be read\)\.$/);
    expect(lines).toContainEqual(expect.stringMatching(/^Kubernetes: ⚠ could not read 1 entity in cluster eks-dr: cluster eks-dr refused the token/));
    expect(JSON.stringify([lines, result])).not.toContain('wrong-dr-token-0000');
  });

  it('is unavailable, with a warning, when every cluster refuses its token', async () => {
    const result = await collect([booking], { env: { K8S_PROD_TOKEN: 'wrong-prod-token-1111', K8S_DR_TOKEN: 'wrong-dr-token-0000' } });
    expect(sectionOf(result, booking)).toMatchObject({
      freshness: 'unavailable',
      reason: expect.stringMatching(/eks-prod refused the token.*; .*eks-dr refused the token/),
    });
    expect(result.diagnostics).toMatchObject([{ severity: 'warning', rule: 'plugin-failed' }]);
    expect(JSON.stringify([lines, result])).not.toMatch(/wrong-(prod|dr)-token/);
  });

  it("says the URL is not the API server's on a 404", async () => {
    const result = await collect([booking], { settings: prodOnly(`${prod.url}/dashboard`) });
    expect(sectionOf(result, booking)?.reason).toMatch(
      /cluster eks-prod has no apps\/v1 deployments API at http:\/\/127\.0\.0\.1:\d+\/dashboard \(HTTP 404\): check that its `url`/,
    );
  });

  it('says the cluster refused the label selector on a 400', async () => {
    const odd = entity('odd', { [ANNOTATION_KUBERNETES_LABEL_SELECTOR]: 'app in web' });
    const result = await collect([odd], { settings: prodOnly() });
    expect(sectionOf(result, odd)?.reason).toBe('cluster eks-prod refused the label selector "app in web" (HTTP 400): check the annotation');
  });

  it('waits for Retry-After on a 429 and then reads the cluster', async () => {
    prod.addFaults({ kind: '429', path: '/apis/apps/v1/deployments', retryAfterSeconds: 0 });
    const result = await collect([booking], { settings: prodOnly() });
    expect(sectionOf(result, booking)).toMatchObject({ freshness: 'fresh', facts: [{}, {}, {}, { value: '2' }, {}] });
    expect(lines.some((l) => /rate-limited \(HTTP 429\); retrying/.test(l))).toBe(true);
  });

  it('gives up on a cluster slower than the timeout, and shows the last good data', async () => {
    await collect([booking], { settings: prodOnly() });
    prod.addFaults({ kind: 'slow', ms: 400, times: 2 }); // the request, tried twice
    const result = await collect([booking], { settings: prodOnly(), http: { timeoutMs: 50, retries: 1 } });
    expect(sectionOf(result, booking)).toMatchObject({
      freshness: 'stale',
      asOf: '2025-06-03T06:00:00.000Z',
      reason: expect.stringMatching(/^cluster eks-prod: GET http:\/\/127\.0\.0\.1:\d+\/apis\/apps\/v1\/deployments timed out after 50 ms$/),
      tables: [{ rows: expect.any(Array) }],
    });
    expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', rule: 'plugin-failed' });
  });

  it('reports malformed JSON', async () => {
    prod.addFaults({ kind: 'malformed-json' });
    const result = await collect([booking], { settings: prodOnly() });
    expect(sectionOf(result, booking)?.reason).toMatch(/^cluster eks-prod: GET .* answered with malformed JSON$/);
  });
});

describe('the Kubernetes section view model', () => {
  const deployment = (name: string, desired: number, ready: number, rollingOut = false) => ({
    namespace: 'web',
    name,
    desired,
    ready,
    available: ready,
    rollingOut,
    images: [`ghcr.io/acme/${name}:1`],
  });
  const data = (deployments: KubernetesData['clusters'][number]['deployments']): KubernetesData => ({
    selector: 'app=web',
    clusters: [{ name: 'prod', deployments }],
  });

  it('counts a deployment scaled to zero as ready, and marks a rollout in progress', () => {
    const view = renderWorkloads(data([deployment('web', 3, 3, true), deployment('batch', 0, 0)]));
    expect(view).toMatchObject({ badge: { label: 'All replicas ready', tone: 'good' }, links: [] });
    expect(view.tables?.[0]?.rows.map((row) => row[2])).toEqual(['3 / 3 (rolling out)', '0 / 0 (scaled to zero)']);
  });

  it('shows 50 rows and says how many there are', () => {
    const view = renderWorkloads(data(Array.from({ length: 60 }, (_, i) => deployment(`web-${i}`, 1, 1))));
    expect(view.tables?.[0]?.rows).toHaveLength(50);
    expect(view.notices).toEqual([{ tone: 'info', text: 'Showing 50 of 60 deployments.' }]);
  });

  it('clips text from a cluster to what the view model holds', () => {
    const long = { ...deployment('web', 1, 1), images: Array.from({ length: 20 }, (_, i) => `registry.example.com/team/very-long-image-name-${i}:v1.2.3`) };
    const cell = renderWorkloads(data([long])).tables?.[0]?.rows[0]?.[3] ?? '';
    expect(cell).toHaveLength(300);
    expect(cell.endsWith('…')).toBe(true);
  });
});
