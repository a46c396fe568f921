/**
 * What a user sees when the GitHub source cannot start: one clear line, no stack trace,
 * and never the token — not in messages, the snapshot, or the cache.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalConfigSchema } from '../../config/schema.ts';
import { loadSource, SourceError } from '../load-source.ts';
import { richOrg } from '../../../test/fakes/github/fixtures/crawl-orgs.ts';
import { startFakeGitHub, type FakeGitHub } from '../../../test/fakes/github/server.ts';

const TOKEN = 'ghp_s3cr3tT0kenValue0123456789abcdef';
const run = promisify(execFile);
let fake: FakeGitHub;
let cacheDir: string;

beforeAll(async () => {
  fake = await startFakeGitHub({ org: richOrg(3), token: TOKEN });
  cacheDir = await mkdtemp(join(tmpdir(), 'frontdoor-cache-'));
});
afterAll(async () => {
  await fake.close();
  await rm(cacheDir, { recursive: true, force: true });
});

const config = (source: string) => PortalConfigSchema.parse({ source });
const load = (source: string, env: Record<string, string>) =>
  loadSource(config(source), {}, { env, cacheDir, crawlClient: { sleep: async () => {}, backoffMs: 1 } });

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the GitHub source explains what is wrong, in one line', () => {
  it('without GITHUB_TOKEN', async () => {
    await expect(load('github:acme', { GITHUB_GRAPHQL_URL: fake.url })).rejects.toThrow(new SourceError('x').constructor);
    await expect(load('github:acme', { GITHUB_GRAPHQL_URL: fake.url })).rejects.toThrow(/GITHUB_TOKEN is not set.*--source local:content/);
  });

  it('with a token GitHub rejects', async () => {
    await expect(load('github:acme', { GITHUB_TOKEN: 'wrong-token', GITHUB_GRAPHQL_URL: fake.url })).rejects.toThrow(
      /rejected the token \(401 Bad credentials\)\. Check GITHUB_TOKEN/,
    );
  });

  it('for an organization that does not exist', async () => {
    await expect(load('github:no-such-org', { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: fake.url })).rejects.toThrow(/no organization "no-such-org"/);
  });

  it('for an endpoint nobody answers on', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/graphql`;
    await expect(load('github:acme', { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: url })).rejects.toThrow(
      /Cannot reach http:\/\/127\.0\.0\.1:\d+\/graphql.*GITHUB_GRAPHQL_URL/,
    );
  });

  it('for an endpoint that is not a URL', async () => {
    await expect(load('github:acme', { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: 'api.github.com' })).rejects.toThrow(
      /GITHUB_GRAPHQL_URL must be an http\(s\) URL/,
    );
  });

  it('from the command line: one line on stderr, exit code 1, no stack trace', async () => {
    const error = await run(process.execPath, ['scripts/crawl.ts', '--source', 'github:acme'], {
      env: { ...process.env, GITHUB_TOKEN: 'wrong-token', GITHUB_GRAPHQL_URL: fake.url },
    }).catch((e: { code: number; stderr: string; stdout: string }) => e);
    expect(error).toMatchObject({ code: 1 });
    const lines = (error as { stderr: string }).stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('error:') || l.includes(' at '));
    expect(lines).toEqual([expect.stringMatching(/^error: GitHub rejected the token/)]);
  });
});

describe('the token stays secret', () => {
  it('appears nowhere in the snapshot, the cache or the crawl output', async () => {
    const snapshot = await load('github:acme', { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: fake.url });
    expect(snapshot.repos.length).toBeGreaterThan(0);
    expect(JSON.stringify(snapshot)).not.toContain(TOKEN);
    for (const file of await readdir(cacheDir)) expect(await readFile(join(cacheDir, file), 'utf8')).not.toContain(TOKEN);
    const out = await run(process.execPath, ['scripts/crawl.ts', '--source', 'github:acme'], {
      env: { ...process.env, GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: fake.url },
    });
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
    expect(out.stderr).toMatch(/acme: \d+ listed.*requests/);
  });
});
