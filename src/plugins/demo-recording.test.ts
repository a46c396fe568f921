import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDemoRecording, replayFetch, requestKey } from './demo-recording.ts';
import { createHttpClient, HttpError } from './http-client.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'demo-recording-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const record = (name: string, value: unknown) => writeFile(join(root, name), JSON.stringify(value));

describe('requestKey', () => {
  it('keys a request by path and query, whatever the host and the order of the parameters', () => {
    expect(requestKey('https://sonar.acme.internal/api/measures/component?metricKeys=coverage,bugs&component=a')).toBe(
      requestKey('/api/measures/component?component=a&metricKeys=coverage,bugs'),
    );
    expect(requestKey('http://127.0.0.1:9000/api/x')).toBe('/api/x');
  });
});

describe('readDemoRecording', () => {
  it('merges the files in order; the first answer to a request wins', async () => {
    await record('a.json', { api: 'A', responses: { '/x?b=1&a=2': { status: 200, body: { from: 'a' } } } });
    await record('b.json', { responses: { '/x?a=2&b=1': { status: 200, body: { from: 'b' } }, '/y': { status: 404, body: { errors: [] } } } });
    const recording = await readDemoRecording(root, ['a.json', 'b.json']);
    expect(recording.responses.get(requestKey('/x?a=2&b=1'))?.body).toEqual({ from: 'a' });
    expect(recording.responses.get('/y')?.status).toBe(404);
  });

  it('names the file and the problem when a recording is missing, not JSON or not a recording', async () => {
    await expect(readDemoRecording(root, ['missing.json'])).rejects.toThrow(/demo recording "missing.json" could not be read: ENOENT/);
    await writeFile(join(root, 'broken.json'), '{');
    await expect(readDemoRecording(root, ['broken.json'])).rejects.toThrow(/demo recording "broken.json" could not be read/);
    await record('shape.json', { responses: { 'api/x': { status: 200 } } });
    await expect(readDemoRecording(root, ['shape.json'])).rejects.toThrow(
      /demo recording "shape.json" records "api\/x", not a request path starting with `\/`/,
    );
  });

  it('refuses a recording outside the portal repo', async () => {
    await expect(readDemoRecording(root, ['../elsewhere.json'])).rejects.toThrow(/must be a file inside the portal repo/);
  });
});

describe('the build’s HTTP client replaying a recording', () => {
  const client = async () => {
    await record('sonar.json', {
      responses: {
        '/api/ok?projectKey=a': { status: 200, body: { projectStatus: { status: 'OK' } } },
        '/api/gone?projectKey=b': { status: 404, body: { errors: [{ msg: 'not found' }] } },
      },
    });
    const lines: string[] = [];
    const http = createHttpClient({ fetch: replayFetch(await readDemoRecording(root, ['sonar.json'])), retries: 0, log: (l) => lines.push(l) });
    return { http, lines };
  };

  it('answers a recorded request with its body, from any host', async () => {
    const { http } = await client();
    await expect(http.getJson('https://sonarqube.fernway.example/api/ok?projectKey=a')).resolves.toEqual({ projectStatus: { status: 'OK' } });
  });

  it('gives a recorded error status to the plugin as the service would', async () => {
    const { http } = await client();
    const error = await http.getJson('https://sonarcloud.io/api/gone?projectKey=b').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: 'status', status: 404 });
  });

  it('fails an unrecorded request without the network, naming the recording', async () => {
    const { http } = await client();
    await expect(http.getJson('https://sonarcloud.io/api/ok?projectKey=z')).rejects.toThrow(
      /GET https:\/\/sonarcloud.io\/api\/ok failed: \/api\/ok is not in the demo recording \(sonar.json\)/,
    );
    expect(http.stats).toMatchObject({ requests: 1, retries: 0, failures: 1 });
  });
});
