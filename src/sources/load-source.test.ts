/**
 * What the source stage promises every later stage: the configured limits reach both readers,
 * and a snapshot that comes back from `.cache/` cannot bring back a git folder's files.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalConfigSchema } from '../config/schema.ts';
import { cacheFileOf } from './github/cache.ts';
import { richOrg } from '../../test/fakes/github/fixtures/crawl-orgs.ts';
import { startFakeGitHub, type FakeGitHub } from '../../test/fakes/github/server.ts';
import { loadSource, readOptions } from './load-source.ts';

describe('readOptions', () => {
  it('caps the files read from one folder at limits.maxDocsFiles', () => {
    expect(readOptions(PortalConfigSchema.parse({ limits: { maxDocsFiles: 7 } })).maxTreeFiles).toBe(7);
    expect(readOptions(PortalConfigSchema.parse({})).maxTreeFiles).toBe(2000);
  });
});

describe('a cached crawl', () => {
  let fake: FakeGitHub;
  let cacheDir: string;
  beforeAll(async () => {
    fake = await startFakeGitHub({ org: richOrg(2), token: 'tok' });
    cacheDir = await mkdtemp(join(tmpdir(), 'frontdoor-scrub-'));
  });
  afterAll(async () => {
    await fake.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('is scrubbed of git-folder paths before an unchanged repo reuses it', async () => {
    const config = PortalConfigSchema.parse({ source: 'github:acme' });
    const load = () =>
      loadSource(config, {}, { env: { GITHUB_TOKEN: 'tok', GITHUB_GRAPHQL_URL: fake.url }, cacheDir, crawlClient: { sleep: async () => {}, backoffMs: 1 } });
    await load();
    // A cache from an older Frontdoor, or edited by hand: svc-0's files include its .git/config.
    const file = cacheFileOf(cacheDir, 'acme');
    const cache = JSON.parse(await readFile(file, 'utf8')) as {
      snapshot: { repos: { name: string; files: Record<string, unknown>; trees: Record<string, { paths: string[] }> }[] };
    };
    const svc = cache.snapshot.repos.find((r) => r.name === 'svc-0')!;
    svc.files['.git/config'] = { status: 'text', text: 'url = https://ghs_SECRET@github.com/acme/svc-0', size: 40 };
    svc.files['docs/.GIT/config'] = { status: 'text', text: 'ghs_SECRET', size: 10 };
    svc.trees['docs']!.paths.push('docs/.GIT/config');
    svc.files['marker.md'] = { status: 'text', text: 'FROM-CACHE', size: 10 };
    await writeFile(file, JSON.stringify(cache));
    const snapshot = await load();
    const again = snapshot.repos.find((r) => r.name === 'svc-0')!;
    expect(again.files['marker.md']).toMatchObject({ text: 'FROM-CACHE' }); // reused from the cache, not read again
    expect(JSON.stringify(snapshot)).not.toContain('SECRET');
    expect(again.trees['docs']?.paths).not.toContain('docs/.GIT/config');
  });
});
