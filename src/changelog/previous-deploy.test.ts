import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readPreviousDeploy } from './previous-deploy.ts';
import type { Changelog } from './schema.ts';
import { component } from '../../test/support/backstage-entities.ts';

const SITE = 'https://acme.github.io/portal/';
const CHANGELOG: Changelog = { version: 1, generatedAt: '2025-01-01T00:00:00.000Z', notes: [], entries: [] };

/** A fetch that serves `files` (path under SITE → JSON value or status) and records what was asked. */
function fakeFetch(files: Record<string, unknown>) {
  const asked: string[] = [];
  const fetchImpl = (async (input: string | URL | Request) => {
    const url = input instanceof Request ? input.url : String(input);
    asked.push(url);
    const value = files[url.slice(SITE.length)];
    if (value === undefined) return new Response('not found', { status: 404 });
    if (typeof value === 'number') return new Response('oops', { status: value });
    return new Response(typeof value === 'string' ? value : JSON.stringify(value), { status: 200 });
  }) as typeof fetch;
  return { fetchImpl, asked };
}

let outDir: string;
beforeEach(async () => (outDir = await mkdtemp(join(tmpdir(), 'frontdoor-changelog-'))));
afterEach(() => rm(outDir, { recursive: true, force: true }));

async function writeOutput(entities: unknown, changelog?: unknown): Promise<void> {
  await mkdir(join(outDir, 'api'), { recursive: true });
  await writeFile(join(outDir, 'api', 'entities.json'), JSON.stringify(entities));
  if (changelog) await writeFile(join(outDir, 'changelog.json'), JSON.stringify(changelog));
}

describe('readPreviousDeploy', () => {
  test('reads entities.json and changelog.json from the live site under its base', async () => {
    const { fetchImpl, asked } = fakeFetch({ 'api/entities.json': [component('a')], 'changelog.json': CHANGELOG });
    const reading = await readPreviousDeploy({ siteUrl: 'https://acme.github.io/portal', outDir, fetch: fetchImpl });
    expect(asked).toEqual([`${SITE}changelog.json`, `${SITE}api/entities.json`]);
    expect(reading).toEqual({ previous: { source: 'site', entities: [component('a')], changelog: CHANGELOG }, notes: [] });
  });

  test('nothing deployed yet (404) and no earlier output: a first build, without a note', async () => {
    const { fetchImpl } = fakeFetch({});
    expect(await readPreviousDeploy({ siteUrl: SITE, outDir, fetch: fetchImpl })).toEqual({ notes: [] });
  });

  test('the site failing falls back to the output folder, and says why', async () => {
    await writeOutput([component('b')], CHANGELOG);
    const { fetchImpl } = fakeFetch({ 'api/entities.json': 503, 'changelog.json': 503 });
    const reading = await readPreviousDeploy({ siteUrl: SITE, outDir, fetch: fetchImpl });
    expect(reading.previous).toEqual({ source: 'previous-output', entities: [component('b')], changelog: CHANGELOG });
    expect(reading.notes).toEqual([`${SITE}changelog.json: HTTP 503`, `${SITE}api/entities.json: HTTP 503`]);
  });

  test('offline: a network error or a timeout is a note, never a throw', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND acme.github.io') });
    }) as typeof fetch;
    const reading = await readPreviousDeploy({ siteUrl: SITE, outDir, fetch: refused });
    expect(reading.previous).toBeUndefined();
    expect(reading.notes[0]).toBe(`${SITE}changelog.json: fetch failed: getaddrinfo ENOTFOUND acme.github.io`);

    // Never answers: only the timeout's abort ends it, with the signal's TimeoutError as fetch rejects.
    const hanging = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)))) as typeof fetch;
    const slow = await readPreviousDeploy({ siteUrl: SITE, outDir, fetch: hanging, timeoutMs: 20 });
    expect(slow.notes).toEqual([`${SITE}changelog.json: no answer within 0.02 s`, `${SITE}api/entities.json: no answer within 0.02 s`]);
  });

  test('a file that is not JSON, or not a catalog, is a note; its changelog history is still kept', async () => {
    const { fetchImpl } = fakeFetch({ 'api/entities.json': '<html>', 'changelog.json': CHANGELOG });
    const reading = await readPreviousDeploy({ siteUrl: SITE, outDir, fetch: fetchImpl });
    expect(reading.previous).toBeUndefined();
    expect(reading.history).toEqual(CHANGELOG);
    expect(reading.notes[0]).toMatch(/api\/entities\.json: not JSON/);

    await writeOutput([{ kind: 'Component' }]);
    const local = await readPreviousDeploy({ outDir });
    expect(local.notes[0]).toMatch(/entities\.json: not the expected shape/);
  });

  test('without a site URL, nothing is fetched: the output folder only', async () => {
    await writeOutput([component('c')]);
    const reading = await readPreviousDeploy({ outDir, fetch: () => Promise.reject(new Error('must not fetch')) });
    expect(reading).toEqual({ previous: { source: 'previous-output', entities: [component('c')] }, notes: [] });
  });
});
