/**
 * The deploy guard where the nightly workflow meets it: `npm run build -- --guard` exits 1 with
 * its reasons, before anything is rendered, on a crawl of a (fake) GitHub that a rate limit cut
 * short, and on a catalog much smaller than the last deploy's. Without `--guard` the same build
 * goes on and leaves the record the next night compares with.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBuild } from '../cli/build-command.ts';
import { runCommand } from '../cli/run-command.ts';
import { cacheFileOf } from '../sources/github/cache.ts';
import { richOrg } from '../../test/fakes/github/fixtures/crawl-orgs.ts';
import { startFakeGitHub, type FakeGitHub } from '../../test/fakes/github/server.ts';
import { buildCacheFiles } from './build-cache-files.ts';
import { DEPLOY_RECORD_FILE } from './deploy-guard.ts';

const LOGIN = 'frontdoor-guard-test';
const TOKEN = 'ghp_FrontdoorGuardTestToken';
const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec: { type: service, lifecycle: production, owner: team-a }\n`;

let tmp: string;
let fake: FakeGitHub | undefined;
const outDirs: string[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-deploy-guard-build-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  process.exitCode = undefined;
  await fake?.close();
  fake = undefined;
});
afterAll(async () => {
  const files = outDirs.map(buildCacheFiles).flatMap((f) => [f.dataFile, f.docsDataFile, f.publicationRecord, f.astroCache ?? '']);
  await Promise.all([tmp, cacheFileOf('.cache/github', LOGIN), ...files.filter(Boolean)].map((path) => rm(path, { recursive: true, force: true })));
});

/** `npm run build -- ARGS`, as the workflow's build step runs it: exit code and what it printed on stderr. */
async function build(args: string[]): Promise<{ exitCode: typeof process.exitCode; stderr: string }> {
  const printed: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  // Astro and the site's environment variables: a refused build must not get that far, and a test leaves them as they were.
  for (const name of ['FRONTDOOR_PORTAL_DATA', 'FRONTDOOR_BASE', 'FRONTDOOR_DOCS_DATA', 'FRONTDOOR_SITE', 'FRONTDOOR_ASTRO_CACHE', 'ASTRO_TELEMETRY_DISABLED'])
    vi.stubEnv(name, process.env[name]);
  await runCommand(() => runBuild(args));
  const exitCode = process.exitCode;
  vi.restoreAllMocks();
  return { exitCode, stderr: printed.join('') };
}

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

describe('npm run build -- --guard', () => {
  it('fails on a crawl a rate limit cut short, naming the repos it could not read, and renders nothing', async () => {
    // Every file read hits a rate limit that resets in an hour, past the 15 minutes the crawl may wait.
    fake = await startFakeGitHub({
      org: richOrg(6, LOGIN),
      token: TOKEN,
      faults: [{ kind: 'RATE_LIMITED', resetInSeconds: 3600, operationName: 'RepoFiles', times: Infinity }],
    });
    vi.stubEnv('GITHUB_TOKEN', TOKEN);
    vi.stubEnv('GITHUB_GRAPHQL_URL', fake.url);
    const outDir = join(tmp, 'crawl-site');
    outDirs.push(outDir);

    const { exitCode, stderr } = await build(['--source', `github:${LOGIN}`, '--out', outDir, '--guard', '-q']);
    expect(exitCode).toBe(1);
    expect(stderr).toContain('error: Not deploying: this build would publish a broken portal, so the live site stays as it was.');
    expect(stderr).toMatch(new RegExp(`- The crawl of github:${LOGIN} is incomplete: The crawl of ${LOGIN} stopped early: GitHub rate limit`));
    expect(stderr).toMatch(
      new RegExp(
        `- \\d+ repos of github:${LOGIN} could not be read and would be published with the content of an earlier crawl: .*svc-0, svc-1, .* \\(GitHub rate limit reached`,
      ),
    );
    expect(stderr).not.toContain(TOKEN);
    await expect(readFile(buildCacheFiles(outDir).dataFile)).rejects.toThrow(/ENOENT/);
  });

  it("fails on a catalog that lost most of the last deploy's entities, with both counts, and leaves the last site alone", async () => {
    const org = join(tmp, 'org');
    await put(join(org, 'shop/catalog-info.yaml'), component('shop'));
    await put(join(org, 'cart/catalog-info.yaml'), component('cart'));
    const outDir = join(tmp, 'drop-site');
    outDirs.push(outDir);
    // The site the workflow restored: last night's deploy published 40 entities.
    const lastDeploy = JSON.stringify({ version: 1, entities: 40, repos: 20, builtAt: '2026-01-01T03:17:00.000Z' });
    await put(join(outDir, DEPLOY_RECORD_FILE), lastDeploy);

    const { exitCode, stderr } = await build(['--source', `local:${org}`, '--out', outDir, '--guard', '-q']);
    expect(exitCode).toBe(1);
    expect(stderr).toContain('error: Not deploying: this build would publish a broken portal, so the live site stays as it was.');
    expect(stderr).toMatch(
      /- The catalog would shrink from 40 entities at the last deploy \(2026-01-01T03:17:00\.000Z\) to \d, 9\d(\.\d)?% fewer, more than deploy\.maxEntityDrop allows \(20%\)/,
    );
    expect(await readFile(join(outDir, DEPLOY_RECORD_FILE), 'utf8')).toBe(lastDeploy);
    await expect(readFile(buildCacheFiles(outDir).dataFile)).rejects.toThrow(/ENOENT/);
  });
});
