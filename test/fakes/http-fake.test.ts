import { afterEach, describe, expect, it } from 'vitest';
import { retryAfter, startHttpFake, type HttpFake, type HttpFault } from './http-fake.ts';

type Kind = '429' | 'slow' | 'teapot';

let fake: HttpFake<Kind> | undefined;
afterEach(async () => fake?.close());

const start = (faults?: HttpFault<Kind>[]) =>
  startHttpFake<Kind>({
    faults,
    answer: (req, url, res) => void res.writeHead(200).end(`${req.method ?? ''} ${url.pathname}`),
    faultAnswer: {
      '429': (fault, res) => void res.writeHead(429, { 'retry-after': retryAfter(fault) }).end(),
      teapot: (_fault, res) => void res.writeHead(418).end(),
    },
  });

describe('startHttpFake', () => {
  it('records every request and answers through the service', async () => {
    fake = await start();
    const response = await fetch(`${fake.url}/a/b?x=1`, { headers: { authorization: 'Bearer t' } });
    expect(await response.text()).toBe('GET /a/b');
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/a/b', headers: { authorization: 'Bearer t' } });
    expect(fake.requests[0]?.query.get('x')).toBe('1');
  });

  it('answers a fault on its path only, as many times as asked, without changing the caller’s fault', async () => {
    const fault: HttpFault<Kind> = { kind: '429', path: '/limited', times: 2, retryAfterSeconds: 7 };
    fake = await start([fault]);
    const other = await fetch(`${fake.url}/other`);
    const statuses = [];
    for (let index = 0; index < 3; index++) statuses.push((await fetch(`${fake.url}/limited`)).status);
    expect(other.status).toBe(200);
    expect(statuses).toEqual([429, 429, 200]);
    expect(fault.times).toBe(2);
    fake.addFaults({ kind: 'teapot' });
    expect((await fetch(`${fake.url}/any`)).status).toBe(418);
  });

  it('delays a slow answer, and closes without waiting for it', async () => {
    fake = await start([{ kind: 'slow', ms: 60_000 }]);
    const pending = fetch(`${fake.url}/slow`).catch((error: unknown) => error);
    await expect.poll(() => fake?.requests.length).toBe(1);
    await fake.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
