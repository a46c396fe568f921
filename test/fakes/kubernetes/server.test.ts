import { afterEach, describe, expect, it } from 'vitest';
import { demoDeployments, demoRequests } from './demo-model.ts';
import { startFakeKubernetes, type FakeKubernetes, type Fault } from './server.ts';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.fake-k8s-reader';
const headers = { authorization: `Bearer ${TOKEN}` };
let fake: FakeKubernetes;

async function start(faults: Fault[] = []) {
  fake = await startFakeKubernetes({ deployments: structuredClone(demoDeployments), token: TOKEN, faults });
  return fake;
}

const get = (path: string, init: { headers?: Record<string, string>; signal?: AbortSignal } = {}) =>
  fetch(fake.url + path, { headers: init.headers ?? headers, ...(init.signal ? { signal: init.signal } : {}) });
const names = async (path: string) => ((await (await get(path)).json()) as { items: { metadata: { name: string } }[] }).items.map((item) => item.metadata.name);
const selector = (text: string) => `labelSelector=${encodeURIComponent(text)}`;

afterEach(() => fake.close());

describe('fake Kubernetes: the seeded model as apps/v1 objects', () => {
  it('lists the deployments of a kubernetes-id across namespaces, with replicas and images', async () => {
    await start();
    const res = await get(`/apis/apps/v1/deployments?${selector('backstage.io/kubernetes-id=booking-service')}`);
    const list = (await res.json()) as { kind: string; apiVersion: string; items: Record<string, unknown>[] };
    expect(list).toMatchObject({ kind: 'DeploymentList', apiVersion: 'apps/v1', metadata: { resourceVersion: expect.any(String) } });
    expect(list.items).toHaveLength(2);
    expect(list.items[0]).not.toHaveProperty('kind');
    expect(list.items[0]).toMatchObject({
      metadata: { name: 'booking-service', namespace: 'booking', labels: { 'backstage.io/kubernetes-id': 'booking-service' } },
      spec: { replicas: 6, template: { spec: { containers: [{ name: 'booking-service', image: 'ghcr.io/fernway/booking-service:v2.41.0' }] } } },
      status: {
        replicas: 6,
        readyReplicas: 4,
        availableReplicas: 4,
        unavailableReplicas: 2,
        conditions: [{ type: 'Available', status: 'False' }, { type: 'Progressing' }],
      },
    });
  });

  it('lists within a namespace, and an empty list for a namespace without deployments', async () => {
    await start();
    expect(await names(`/apis/apps/v1/namespaces/search/deployments?${selector('backstage.io/kubernetes-id in (search-service, search-indexer)')}`)).toEqual([
      'search-service',
      'search-indexer',
    ]);
    expect(await names(`/apis/apps/v1/namespaces/payments/deployments?${selector('backstage.io/kubernetes-id=search-service')}`)).toEqual([]);
    expect(await names('/apis/apps/v1/namespaces/nowhere/deployments')).toEqual([]);
  });

  it('matches every selector form: ==, !=, exists, !exists, notin, and several requirements', async () => {
    await start();
    const list = (text: string) => names(`/apis/apps/v1/deployments?${selector(text)}`);
    expect(await list('app.kubernetes.io/name==fernway-web')).toEqual(['fernway-web']);
    expect(await list('app.kubernetes.io/part-of=booking-service,app.kubernetes.io/name!=booking-service')).toEqual(['booking-outbox-relay']);
    expect((await list('backstage.io/kubernetes-id')).length).toBe(10);
    expect(await list('!backstage.io/kubernetes-id')).toEqual([]);
    expect((await list('backstage.io/kubernetes-id notin (fernway-web,booking-service)')).length).toBe(7);
  });

  it('answers one deployment by name, and records the request', async () => {
    await start();
    const res = await get('/apis/apps/v1/namespaces/payments/deployments/payments-gateway');
    expect(await res.json()).toMatchObject({ kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'payments-gateway' }, status: { readyReplicas: 4 } });
    expect(fake.requests).toMatchObject([{ method: 'GET', path: '/apis/apps/v1/namespaces/payments/deployments/payments-gateway' }]);
  });
});

describe('fake Kubernetes: errors as Status objects', () => {
  it('rejects a wrong or missing token with 401 Unauthorized', async () => {
    await start();
    for (const auth of [{ authorization: 'Bearer wrong' }, {}] as Record<string, string>[]) {
      const res = await get('/apis/apps/v1/deployments', { headers: auth });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
  });

  it('answers an unknown deployment with 404 NotFound, and a bad selector with 400', async () => {
    await start();
    const missing = await get('/apis/apps/v1/namespaces/payments/deployments/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      reason: 'NotFound',
      message: 'deployments.apps "nope" not found',
      details: { name: 'nope', kind: 'deployments' },
    });
    expect((await get(`/apis/apps/v1/deployments?${selector('a in b')}`)).status).toBe(400);
  });
});

describe('fake Kubernetes: injected faults', () => {
  it('answers 429 TooManyRequests with Retry-After, then normally', async () => {
    await start([{ kind: '429', retryAfterSeconds: 2 }]);
    const limited = await get('/apis/apps/v1/deployments');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toMatchObject({ kind: 'Status', reason: 'TooManyRequests', code: 429 });
    expect((await get('/apis/apps/v1/deployments')).status).toBe(200);
  });

  it('answers slowly enough for a client timeout', async () => {
    await start([{ kind: 'slow', ms: 5_000 }]);
    await expect(get('/apis/apps/v1/deployments', { signal: AbortSignal.timeout(100) })).rejects.toThrow(/timeout|aborted/i);
  });

  it('answers malformed JSON with status 200, and 500 when asked', async () => {
    await start();
    fake.addFaults({ kind: 'malformed-json' }, { kind: '500' });
    await expect((await get('/apis/apps/v1/deployments')).json()).rejects.toThrow(SyntaxError);
    expect((await get('/apis/apps/v1/deployments')).status).toBe(500);
  });
});

describe('demo fixtures', () => {
  it('are the fake’s answers to the plugin’s requests for the demo org (update: vitest run <this file> -u)', async () => {
    await start();
    const responses: Record<string, { status: number; body: unknown }> = {};
    for (const path of demoRequests) {
      const res = await get(path);
      responses[path] = { status: res.status, body: await res.json() };
    }
    const recorded = { api: 'Kubernetes API apps/v1', cluster: 'eks-prod', model: 'test/fakes/kubernetes/demo-model.ts', responses };
    await expect(JSON.stringify(recorded, null, 2) + '\n').toMatchFileSnapshot('../../../demo/integrations/kubernetes.json');
  });
});
