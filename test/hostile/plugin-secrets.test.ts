/**
 * The secret scan of issue 14: the demo org built with every plugin pointed at its local fake
 * (test/fakes/<service>/), each fake's credential a recognisable fake secret in the build's
 * environment, then every file of the output folder and of `.cache/`, and the build log, searched
 * for each secret: raw, base64 and URL-encoded. Zero hits. The fakes also answer some requests
 * with errors (500, 429 + Retry-After, malformed JSON, an unknown project), so the retry, warning
 * and "unavailable" paths, where a secret is likeliest to slip into a message, run too.
 *
 * A plugin joins the scan with one entry in `SERVICES`: its fake, its config entry, its env.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildCacheFiles } from '../../src/pipeline/build-cache-files.ts';
import { buildInfoFile, cacheDir, projectRoot } from '../../src/pipeline/project-root.ts';
import { pluginCacheFile } from '../../src/plugins/snapshot-cache.ts';
import type { PortalData } from '../../src/portal-data/schema.ts';
import { demoDeployments } from '../fakes/kubernetes/demo-model.ts';
import { startFakeKubernetes } from '../fakes/kubernetes/server.ts';
import { demoModel as pagerDutyDemo } from '../fakes/pagerduty/demo-model.ts';
import { startFakePagerDuty } from '../fakes/pagerduty/server.ts';
import { demoProjects } from '../fakes/sonarqube/demo-model.ts';
import { startFakeSonarQube } from '../fakes/sonarqube/server.ts';
import { withBuildLock } from '../support/build-lock.ts';

const BUILD_TIMEOUT = 15 * 60_000;

interface RunningService {
  /** The plugin's name, as config and the cache name it. */
  plugin: string;
  /** Its `plugins:` entry in the build's config. */
  config: Record<string, unknown>;
  /** Env var → the fake secret it holds. */
  env: Record<string, string>;
  /** How many requests reached the fake carrying the secret (proof the secret was used). */
  authorizedRequests(): number;
  close(): Promise<void>;
}

const fakeSecret = (service: string) => `frontdoor-fake-secret-${service}-${randomUUID()}`;

const SERVICES: (() => Promise<RunningService>)[] = [
  async () => {
    const token = fakeSecret('sonarqube');
    // One demo project is missing (404: "unavailable"), and faults hit the first requests.
    const projects = demoProjects.filter((p) => p.key !== 'fernway_go-kit');
    const fake = await startFakeSonarQube({
      projects,
      token,
      faults: [
        { kind: '500', path: '/api/qualitygates/project_status' },
        { kind: '429', path: '/api/measures/component', retryAfterSeconds: 1 },
        { kind: 'malformed-json', path: '/api/measures/component' },
      ],
    });
    return {
      plugin: 'sonarqube',
      config: { name: 'sonarqube', settings: { baseUrl: fake.url, tokenEnv: 'FRONTDOOR_SCAN_SONAR_TOKEN' } },
      env: { FRONTDOOR_SCAN_SONAR_TOKEN: token },
      authorizedRequests: () => fake.requests.filter((r) => r.headers.authorization === `Bearer ${token}`).length,
      close: () => fake.close(),
    };
  },
  async () => {
    const token = fakeSecret('pagerduty');
    const fake = await startFakePagerDuty({ model: pagerDutyDemo, token, faults: [{ kind: '429', path: '/oncalls', retryAfterSeconds: 1 }] });
    return {
      plugin: 'pagerduty',
      config: { name: 'pagerduty', settings: { baseUrl: fake.url, tokenEnv: 'FRONTDOOR_SCAN_PAGERDUTY_TOKEN' } },
      env: { FRONTDOOR_SCAN_PAGERDUTY_TOKEN: token },
      authorizedRequests: () => fake.requests.filter((r) => r.headers.authorization === `Token token=${token}`).length,
      close: () => fake.close(),
    };
  },
  async () => {
    const token = fakeSecret('kubernetes');
    const fake = await startFakeKubernetes({ deployments: demoDeployments, token, faults: [{ kind: '500' }] });
    return {
      plugin: 'kubernetes',
      config: { name: 'kubernetes', settings: { clusters: [{ name: 'eks-prod', url: fake.url, tokenEnv: 'FRONTDOOR_SCAN_K8S_TOKEN' }] } },
      env: { FRONTDOOR_SCAN_K8S_TOKEN: token },
      authorizedRequests: () => fake.requests.filter((r) => r.headers.authorization === `Bearer ${token}`).length,
      close: () => fake.close(),
    };
  },
];

let temp: string;
let services: RunningService[] = [];
let outDir: string;
let build: { code: number | null; output: string };
let data: PortalData;
/** Files this test's build overwrites in the shared `.cache/`, put back afterwards. */
const restore = new Map<string, string | undefined>();

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'frontdoor-secret-scan-'));
  services = await Promise.all(SERVICES.map((start) => start()));
  outDir = join(temp, 'out');
  for (const file of [buildInfoFile, ...services.map((s) => pluginCacheFile(cacheDir, s.plugin))]) {
    restore.set(file, await readFile(file, 'utf8').catch(() => undefined));
    // No last good data from earlier builds: every section shown comes from this build's reads.
    if (file !== buildInfoFile) await rm(file, { force: true });
  }
  // The demo's own config, with each plugin live against its fake instead of its demo recording.
  const config = parse(await readFile(join(projectRoot, 'portal.config.yaml'), 'utf8')) as Record<string, unknown>;
  config['source'] = `local:${join(projectRoot, 'content')}`;
  config['plugins'] = services.map((s) => s.config);
  const configFile = join(temp, 'portal.config.yaml');
  await writeFile(configFile, stringify(config));
  const env = Object.assign({}, ...services.map((s) => s.env)) as Record<string, string>;
  build = await withBuildLock(() => run(['scripts/build.ts', '--config', configFile, '--out', outDir], env));
  if (build.code !== 0) throw new Error(`The demo build against the fakes failed (exit ${build.code}):\n${build.output.slice(-6000)}`);
  data = JSON.parse(await readFile(buildCacheFiles(outDir).dataFile, 'utf8')) as PortalData;
}, BUILD_TIMEOUT);

afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  if (!temp) return;
  const { dataFile, docsDataFile, astroCache, publicationRecord } = buildCacheFiles(outDir);
  await Promise.all([
    rm(temp, { recursive: true, force: true }),
    rm(dataFile, { force: true }),
    rm(docsDataFile, { force: true }),
    rm(publicationRecord, { force: true }),
    ...(astroCache ? [rm(astroCache, { recursive: true, force: true })] : []),
    ...[...restore].map(([file, text]) => (text === undefined ? rm(file, { force: true }) : writeFile(file, text))),
  ]);
});

describe('a demo build with every plugin against its fake', () => {
  it('used each secret: the fakes saw it, and the plugins read data with it', () => {
    for (const service of services) {
      expect(service.authorizedRequests(), service.plugin).toBeGreaterThan(0);
      const fresh = data.entities.filter((e) => e.plugins?.some((p) => p.id.startsWith(`plugin:${service.plugin}:`) && p.freshness === 'fresh'));
      expect(fresh.length, service.plugin).toBeGreaterThan(0);
    }
    // The failures took the warning path (a diagnostic, the build still green).
    expect(data.diagnostics.filter((d) => d.rule === 'plugin-failed').length).toBeGreaterThan(0);
  });

  it('leaves no secret in the output folder, .cache/ or the build log', async () => {
    const needles = services.flatMap((s) => Object.values(s.env)).flatMap(encodings);
    const hits = [...(await filesContaining(outDir, needles)).map((f) => `out/${f}`), ...(await filesContaining(cacheDir, needles)).map((f) => `.cache/${f}`)];
    if (needles.some((needle) => build.output.includes(needle))) hits.push('the build log');
    expect(hits).toEqual([]);
  });

  it('(the scan itself finds a secret planted in a gzip file, base64-encoded)', async () => {
    const planted = join(temp, 'planted');
    await mkdir(join(planted, 'deep'), { recursive: true });
    await writeFile(join(planted, 'deep', 'index.gz'), gzipSync(`x${Buffer.from('the-planted-secret').toString('base64')}x`));
    expect(await filesContaining(planted, encodings('the-planted-secret'))).toEqual(['deep/index.gz']);
  });
});

/** The forms a secret could be written in: raw, base64 (Basic auth) and URL-encoded. */
function encodings(secret: string): string[] {
  return [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];
}

/** The files under `dir` (relative paths) whose content holds any of `needles`. */
async function filesContaining(dir: string, needles: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  for await (const file of filesUnder(dir)) {
    const text = contentOf(await readFile(file));
    if (needles.some((needle) => text.includes(needle))) hits.push(relative(dir, file));
  }
  return hits;
}

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    if ((await lstat(full)).isFile()) yield full;
  }
}

/** A file's bytes as text; gzip files (Pagefind's index) are unpacked first. */
function contentOf(bytes: Buffer): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('latin1');
    } catch {
      return bytes.toString('latin1');
    }
  }
  return bytes.toString('latin1');
}
