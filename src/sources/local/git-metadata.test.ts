import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../snapshot.ts';
import { readGitMetadata, webUrlOfRemote } from './git-metadata.ts';
import { readLocalSource } from './read-local.ts';

const options = { catalogPaths: ['catalog-info.yaml'], maxAliasCount: 100, maxDocumentsPerFile: 500, maxReferencedFiles: 1000, maxFileBytes: 1024 * 1024 };
const COMMITTED_AT = '2024-05-01T12:30:00Z';

let tmp: string;
let org: string;

/** git with a fixed identity and date, and no global or system config. */
function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-C', dir, ...args], {
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_COMMITTER_DATE: COMMITTED_AT, GIT_AUTHOR_DATE: COMMITTED_AT },
    encoding: 'utf8',
  }).trim();
}

async function gitRepo(name: string, remote?: string): Promise<string> {
  const dir = join(org, name);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'catalog-info.yaml'),
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: pay }\nspec: { type: service, lifecycle: production, owner: team }\n',
  );
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'first');
  if (remote) git(dir, 'remote', 'add', 'origin', remote);
  return dir;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-git-'));
  org = join(tmp, 'org');
  await mkdir(org);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('readGitMetadata', () => {
  it('reads the head commit, its date and the branch of a working tree', async () => {
    const dir = await gitRepo('plain');
    const meta = await readGitMetadata(dir);
    expect(meta.head?.commit).toBe(git(dir, 'rev-parse', 'HEAD'));
    expect(meta.head?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(new Date(meta.head?.date ?? '').toISOString()).toBe(new Date(COMMITTED_AT).toISOString());
    expect(meta.defaultBranch).toBe('main');
    expect(meta.url).toBeUndefined();
  });

  it('returns nothing for a folder that is not a git repo', async () => {
    const dir = join(tmp, 'not-git');
    await mkdir(dir);
    expect(await readGitMetadata(dir)).toEqual({});
  });

  it('leaves out the branch on a detached HEAD', async () => {
    const dir = await gitRepo('detached');
    git(dir, 'checkout', '-q', '--detach');
    const meta = await readGitMetadata(dir);
    expect(meta.defaultBranch).toBeUndefined();
    expect(meta.head?.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('a local repo with a credential in its remote', () => {
  it('gets the web URL, commit and branch in its snapshot, and the token appears nowhere', async () => {
    await gitRepo('pay', 'https://user:secret-token@github.com/acme/pay.git');
    const snapshot = await readLocalSource(org, options);
    const pay = snapshot.repos.find((r) => r.name === 'pay');
    expect(pay).toMatchObject({ url: 'https://github.com/acme/pay', defaultBranch: 'main', head: { commit: expect.stringMatching(/^[0-9a-f]{40}$/) } });
    expect(pay?.head?.date).toBeDefined();
    const serialized = JSON.stringify(snapshot);
    expect(serialized).not.toContain('secret-token');
    expect(serialized).not.toContain('user:');
    // The snapshot is what the cache stores: it must validate and survive JSON.
    expect(SnapshotSchema.parse(JSON.parse(serialized))).toEqual(snapshot);
  });

  it('turns an scp-style remote into the web URL', async () => {
    const dir = await gitRepo('pay-ssh', 'git@github.com:acme/pay.git');
    expect((await readGitMetadata(dir)).url).toBe('https://github.com/acme/pay');
  });
});

describe('webUrlOfRemote', () => {
  it.each([
    ['https://github.com/acme/pay.git', 'https://github.com/acme/pay'],
    ['https://github.com/acme/pay', 'https://github.com/acme/pay'],
    ['https://github.com/acme/pay/', 'https://github.com/acme/pay'],
    ['https://x-access-token:ghp_abc123@github.com/acme/pay.git', 'https://github.com/acme/pay'],
    ['https://ghp_abc123@github.com/acme/pay.git', 'https://github.com/acme/pay'],
    ['ssh://git@github.com/acme/pay.git', 'https://github.com/acme/pay'],
    ['ssh://git@github.com:22/acme/pay.git', 'https://github.com/acme/pay'],
    ['git@github.com:acme/pay.git', 'https://github.com/acme/pay'],
    ['github.com:acme/pay', 'https://github.com/acme/pay'],
    ['git@gitlab.example.com:group/sub/pay.git', 'https://gitlab.example.com/group/sub/pay'],
    // An https port belongs to the web server too (GitHub Enterprise); an ssh port does not.
    ['https://ghe.example.com:8443/acme/pay.git', 'https://ghe.example.com:8443/acme/pay'],
    ['ssh://git@ghe.example.com:2222/acme/pay.git', 'https://ghe.example.com/acme/pay'],
  ])('%s → %s', (remote, url) => {
    expect(webUrlOfRemote(remote)).toBe(url);
  });

  it.each(['/srv/git/pay.git', 'file:///srv/git/pay.git', '../pay', 'not a url'])('has no web URL for %s', (remote) => {
    expect(webUrlOfRemote(remote)).toBeUndefined();
  });

  it.each([
    'https://exa mple.com/org/repo',
    'git@:org/repo',
    'https://[bad/x',
    'https://exa_mple..com/org/repo',
    'git@host$:org/repo',
    'https://github.com',
    'ssh://git@-bad-.com/org/repo',
    'git@github.com:org/re po',
  ])('has no web URL for %j, whose host or path is not valid', (remote) => {
    expect(webUrlOfRemote(remote)).toBeUndefined();
  });
});

/** git with a given commit date: dates git accepts and no calendar has. */
function gitAt(dir: string, date: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-C', dir, ...args], {
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
    encoding: 'utf8',
  }).trim();
}

describe('a local repo whose git metadata is not valid', () => {
  it.each([
    ['@253402300800 +0000', '10000-01-01T00:00:00+00:00'], // the first second of year 10000
    ['@99999999999999 +0000', '3170843-11-07T09:46:39+00:00'],
  ])('a commit dated %s and a remote with an invalid host give a repo without date or URL, with problems, and no throw', async (date, printed) => {
    const bad = join(tmp, `bad-org-${date.length}`);
    const dir = join(bad, 'future');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: future }\nspec: { type: service, lifecycle: production, owner: team }\n',
    );
    gitAt(dir, date, 'init', '-q', '-b', 'main');
    gitAt(dir, date, 'add', '.');
    gitAt(dir, date, 'commit', '-q', '-m', 'from the future');
    gitAt(dir, date, 'remote', 'add', 'origin', 'https://user:tok3n@exa mple.com/org/repo');
    const snapshot = await readLocalSource(bad, options);
    const [repo] = snapshot.repos;
    expect(repo!.head).toEqual({ commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(repo!.url).toBeUndefined();
    expect(repo!.problems).toEqual([
      { rule: 'repo-date-invalid', message: expect.stringContaining(`"${printed}"`) },
      { rule: 'repo-url-invalid', message: expect.stringContaining('"https://exa mple.com/org/repo"') },
    ]);
    expect(JSON.stringify(snapshot)).not.toContain('tok3n');
    // What the cache stores validates, and the rest of the repo was read as usual.
    expect(SnapshotSchema.parse(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
    expect(repo!.catalogFiles).toEqual(['catalog-info.yaml']);
  });

  it('has no URL problem for a remote that is a folder', async () => {
    const dir = await gitRepo('local-remote', '/srv/git/pay.git');
    expect(await readGitMetadata(dir)).not.toHaveProperty('problems');
  });
});

describe('RepoSchema: what downstream code may take for granted', () => {
  const repo = { name: 'x', catalogFiles: [], files: {} };
  it.each([
    { url: 'https://exa mple.com/x' },
    { url: 'javascript:alert(1)' },
    { url: 'https://token@github.com/x' },
    { head: { commit: 'a', date: '10000-01-01T00:00:00+00:00' } },
    { head: { commit: 'a', date: '2024-13-45' } },
    { fileDates: { 'docs/a.md': '+010000-01-01T00:00:00.000Z' } },
  ])('refuses %j, which new URL() or toISOString() would throw on', (value) => {
    expect(SnapshotSchema.safeParse({ version: 1, source: 's', org: 'o', createdAt: '', repos: [{ ...repo, ...value }] }).success).toBe(false);
  });
});
