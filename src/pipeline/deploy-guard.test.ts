/**
 * The deploy guard's verdicts: a complete crawl of the same size is published; an incomplete crawl
 * or a sudden drop in entities is refused with a reason that says what happened and what to do.
 * One healthy night, one change per test. The same guard inside a real build, on a crawl of a fake
 * GitHub, is in deploy-guard-build.test.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSchema, type Snapshot } from '../sources/snapshot.ts';
import {
  DEPLOY_RECORD_FILE,
  DeployRefusedError,
  guardDeploy,
  judgeDeploy,
  readDeployRecord,
  writeDeployRecord,
  type DeployRecord,
  type JudgeInput,
} from './deploy-guard.ts';

const repo = (name: string, extra: object = {}) => ({ name, catalogFiles: [], files: {}, ...extra });
const snapshot = (repos: object[], notes: string[] = []): Snapshot =>
  SnapshotSchema.parse({ version: 1, source: 'github:acme', org: 'acme', createdAt: '2026-01-02T03:17:00Z', repos, notes });
const lastDeploy: DeployRecord = { version: 1, entities: 100, repos: 3, builtAt: '2026-01-01T03:17:00Z' };

/** Last night deployed 100 entities; tonight's crawl read every repo and found 98. */
const healthy: JudgeInput = {
  snapshot: snapshot([repo('payments'), repo('search'), repo('web')]),
  entities: 98,
  previous: lastDeploy,
  config: { maxEntityDrop: 0.2 },
};

describe('judgeDeploy', () => {
  it('publishes a complete crawl whose catalog did not shrink much', () => {
    expect(judgeDeploy(healthy)).toEqual({ refusals: [], notes: [] });
  });

  it('refuses a crawl that kept repos from an earlier crawl, naming them and why', () => {
    const stale = { stale: { reason: 'GitHub kept failing (HTTP 502) after 6 attempts', since: '2026-01-02T03:20:00Z' } };
    const verdict = judgeDeploy({ ...healthy, snapshot: snapshot([repo('payments', stale), repo('search'), repo('web')]) });
    expect(verdict.refusals).toEqual([
      '1 repo of github:acme could not be read and would be published with the content of an earlier crawl: payments (GitHub kept failing (HTTP 502) after 6 attempts). The next run reads them again.',
    ]);
  });

  it('says each reason once, with five of its repos and a count of the rest', () => {
    const since = '2026-01-02T03:20:00Z';
    const repos = [
      ...Array.from({ length: 8 }, (_, i) => repo(`svc-${i}`, { stale: { reason: 'GitHub rate limit reached', since } })),
      repo('web', { stale: { reason: 'HTTP 502', since } }),
    ];
    expect(judgeDeploy({ ...healthy, snapshot: snapshot(repos) }).refusals).toEqual([
      '9 repos of github:acme could not be read and would be published with the content of an earlier crawl: ' +
        'svc-0, svc-1, svc-2, svc-3, svc-4 and 3 more (GitHub rate limit reached); web (HTTP 502). The next run reads them again.',
    ]);
  });

  it.each([
    [
      'a listing cut short',
      'The repository listing of acme stopped early (GitHub rate limit reached; it resets at 2026-01-02T04:00:00.000Z, later than the 900 s this crawl may wait. What was read so far is kept; run the crawl again after the reset.); repos not listed this time keep their previous content.',
    ],
    ['file reads cut short', 'The crawl of acme stopped early: GitHub kept failing (HTTP 503) after 6 attempts. What was read so far is kept.'],
    ['teams that could not be read', 'Teams of acme could not be read (resource limits for this query exceeded); the previous teams are kept.'],
  ])('refuses a crawl with %s, quoting what the crawl said', (_name, note) => {
    expect(judgeDeploy({ ...healthy, snapshot: snapshot(healthy.snapshot.repos, [note]) }).refusals).toEqual([
      `The crawl of github:acme is incomplete: ${note}`,
    ]);
  });

  it('publishes despite notes that do not make the catalog incomplete', () => {
    const notes = [
      "Last-updated dates of 3 docs page(s) in acme could not be read (HTTP 502); those pages show their repo's last commit date until the next crawl reads them.",
      'GitHub gave 2 team, member or avatar URL(s) of acme that are not valid http(s) URLs; they are left out (no link, no picture).',
    ];
    expect(judgeDeploy({ ...healthy, snapshot: snapshot(healthy.snapshot.repos, notes) }).refusals).toEqual([]);
  });

  it('refuses a catalog that lost more than deploy.maxEntityDrop of its entities, with the numbers and what to do', () => {
    const [reason] = judgeDeploy({ ...healthy, entities: 60 }).refusals;
    expect(reason).toMatch(
      /^The catalog would shrink from 100 entities at the last deploy \(2026-01-01T03:17:00Z\) to 60, 40% fewer, more than deploy\.maxEntityDrop allows \(20%\)\./,
    );
    expect(reason).toContain('the token lost access');
    expect(reason).toContain('raise deploy.maxEntityDrop in portal.config.yaml or run the workflow by hand with "force"');
  });

  it('publishes a drop of exactly deploy.maxEntityDrop, a growth, and any drop under a looser limit', () => {
    expect(judgeDeploy({ ...healthy, entities: 80 }).refusals).toEqual([]);
    expect(judgeDeploy({ ...healthy, entities: 500 }).refusals).toEqual([]);
    expect(judgeDeploy({ ...healthy, entities: 1, config: { maxEntityDrop: 1 } }).refusals).toEqual([]);
    expect(judgeDeploy({ ...healthy, entities: 99, config: { maxEntityDrop: 0 } }).refusals).toHaveLength(1);
  });

  it('before the first deploy, checks the crawl and says the drop was not checked', () => {
    expect(judgeDeploy({ ...healthy, entities: 3, previous: undefined })).toEqual({
      refusals: [],
      notes: ['No deploy record from a previous deploy: the drop in entities is not checked this time (3 entities).'],
    });
  });

  it('gives every reason at once: an incomplete crawl and the drop it caused', () => {
    const verdict = judgeDeploy({
      ...healthy,
      snapshot: snapshot(healthy.snapshot.repos, ['The crawl of acme stopped early: GitHub rate limit reached.']),
      entities: 10,
    });
    expect(verdict.refusals).toHaveLength(2);
  });
});

describe('the deploy record and guardDeploy', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'frontdoor-deploy-guard-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back what a build wrote into the site', async () => {
    const out = join(dir, 'written');
    await writeDeployRecord(out, { entities: 42, repos: 7 });
    const { record, problem } = await readDeployRecord(out);
    expect(problem).toBeUndefined();
    expect(record).toMatchObject({ version: 1, entities: 42, repos: 7 });
    expect(Date.parse(record!.builtAt)).not.toBeNaN();
  });

  it('takes no record as a first deploy, and an unusable one as none, saying why', async () => {
    expect(await readDeployRecord(join(dir, 'nothing-here'))).toEqual({});
    const broken = join(dir, 'broken');
    await writeDeployRecord(broken, { entities: 1, repos: 1 });
    await writeFile(join(broken, DEPLOY_RECORD_FILE), '<!doctype html><title>404</title>');
    expect((await readDeployRecord(broken)).problem).toMatch(/deploy-record\.json: not JSON/);
    await writeFile(join(broken, DEPLOY_RECORD_FILE), '{"version":1,"entities":-3}');
    expect((await readDeployRecord(broken)).problem).toMatch(/deploy-record\.json: .*entities/);
  });

  it('throws DeployRefusedError whose message says the site stays as it was, why, and how to publish anyway', async () => {
    const out = join(dir, 'refused');
    await writeDeployRecord(out, { entities: 100, repos: 3 });
    const lines: string[] = [];
    const error = await guardDeploy({ snapshot: healthy.snapshot, entities: 10, outDir: out, config: { maxEntityDrop: 0.2 }, log: (l) => lines.push(l) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeployRefusedError);
    const message = (error as DeployRefusedError).message;
    expect(message).toMatch(
      /^Not deploying: this build would publish a broken portal, so the live site stays as it was\.\n {2}- The catalog would shrink from 100/,
    );
    expect(message).toMatch(/run the workflow by hand with "force"\.$/);
  });

  it('lets a healthy build through and says what it compared', async () => {
    const out = join(dir, 'healthy');
    await writeDeployRecord(out, { entities: 100, repos: 3 });
    const lines: string[] = [];
    await guardDeploy({ snapshot: healthy.snapshot, entities: 98, outDir: out, config: { maxEntityDrop: 0.2 }, log: (l) => lines.push(l) });
    expect(lines).toEqual(['Deploy guard: the crawl is complete and 98 entities (last deploy: 100) may be published.']);
  });
});
