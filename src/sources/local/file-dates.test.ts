import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../snapshot.ts';
import { readFileDates } from './file-dates.ts';
import { readLocalSource } from './read-local.ts';

const options = { catalogPaths: ['catalog-info.yaml'], maxAliasCount: 100, maxDocumentsPerFile: 500, maxReferencedFiles: 1000, maxFileBytes: 1024 * 1024 };

let tmp: string;

/** git with a fixed identity, a given commit date, and no global or system config. */
function git(dir: string, date: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-C', dir, ...args], {
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
    encoding: 'utf8',
  }).trim();
}

async function write(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** A repo whose commits are `[date, files]` pairs, oldest first. */
async function gitRepo(dir: string, commits: [string, Record<string, string>][]): Promise<string> {
  await mkdir(dir, { recursive: true });
  git(dir, commits[0]![0], 'init', '-q', '-b', 'main');
  for (const [date, files] of commits) {
    await write(dir, files);
    git(dir, date, 'add', '-A');
    git(dir, date, 'commit', '-q', '-m', `at ${date}`);
  }
  return dir;
}

const JAN = '2024-01-01T10:00:00Z';
const FEB = '2024-02-01T10:00:00+02:00';
const MAR = '2024-03-01T10:00:00Z';

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-dates-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('readFileDates', () => {
  it('gives each page the date of the newest commit that touched it', async () => {
    const dir = await gitRepo(join(tmp, 'pages'), [
      [JAN, { 'docs/a.md': 'a', 'docs/b.md': 'b', 'docs/sub/c.md': 'c', 'src/x.ts': '1' }],
      [FEB, { 'docs/a.md': 'a2', 'src/x.ts': '2' }],
      [MAR, { 'src/x.ts': '3' }],
    ]);
    await write(dir, { 'docs/uncommitted.md': 'new' });
    // Dates are checked where they enter, and written in UTC as toISOString() writes them.
    expect((await readFileDates(dir, ['docs/a.md', 'docs/b.md', 'docs/sub/c.md', 'docs/uncommitted.md'])).dates).toEqual({
      'docs/a.md': '2024-02-01T08:00:00.000Z',
      'docs/b.md': '2024-01-01T10:00:00.000Z',
      'docs/sub/c.md': '2024-01-01T10:00:00.000Z',
    });
  });

  it('reads names with spaces, quotes, non-ASCII letters and glob characters as they are', async () => {
    const dir = await gitRepo(join(tmp, 'names'), [[JAN, { 'docs[1]/say "hi" ü.md': 'x', 'docs1/other.md': 'y' }]]);
    expect((await readFileDates(dir, ['docs[1]/say "hi" ü.md'])).dates).toEqual({ 'docs[1]/say "hi" ü.md': '2024-01-01T10:00:00.000Z' });
  });

  it('reads names with control characters, %-escapes and newlines without a hitch', async () => {
    const names = ['docs/a%20b.md', 'docs/bell\u0007.md', 'docs/esc\u001b[31m.md', 'docs/new\nline.md', `docs/${'n'.repeat(240)}.md`];
    const dir = await gitRepo(join(tmp, 'odd-names'), [[JAN, Object.fromEntries(names.map((n) => [n, 'x']))]]);
    expect(Object.keys((await readFileDates(dir, names)).dates).sort()).toEqual([...names].sort());
  });

  it('dates pages at the repo root, where the log covers the whole repo', async () => {
    const dir = await gitRepo(join(tmp, 'root'), [
      [JAN, { 'index.md': 'a', 'gone.md': 'g' }],
      [FEB, { 'index.md': 'b' }],
    ]);
    git(dir, MAR, 'rm', '-q', 'gone.md');
    git(dir, MAR, 'commit', '-q', '-m', 'rm');
    expect((await readFileDates(dir, ['index.md'])).dates).toEqual({ 'index.md': '2024-02-01T08:00:00.000Z' });
  });

  it('leaves a page undated when its newest commit has an invalid date, and says which, without an older date', async () => {
    // Git takes any date a committer sets: this one is in year 10000.
    const dir = await gitRepo(join(tmp, 'future'), [
      [JAN, { 'docs/a.md': 'a', 'docs/b.md': 'b' }],
      ['@253402300800 +0000', { 'docs/a.md': 'a2' }],
    ]);
    expect(await readFileDates(dir, ['docs/a.md', 'docs/b.md'])).toEqual({
      dates: { 'docs/b.md': '2024-01-01T10:00:00.000Z' },
      invalid: { 'docs/a.md': '10000-01-01T00:00:00+00:00' },
    });
  });

  it('has no dates for a folder that is not a git repo, a repo without commits, or no pages', async () => {
    const plain = join(tmp, 'plain');
    await write(plain, { 'docs/a.md': 'a' });
    const none = { dates: {}, invalid: {} };
    expect(await readFileDates(plain, ['docs/a.md'])).toEqual(none);
    const empty = join(tmp, 'empty');
    await mkdir(empty);
    git(empty, JAN, 'init', '-q');
    expect(await readFileDates(empty, ['docs/a.md'])).toEqual(none);
    expect(await readFileDates(join(tmp, 'pages'), [])).toEqual(none);
  });
});

describe('the local source', () => {
  it('dates the docs pages of git repos only', async () => {
    const org = join(tmp, 'org');
    const catalog =
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: pay\n  annotations: { backstage.io/techdocs-ref: "dir:." }\nspec: { type: service, lifecycle: production, owner: team }\n';
    const site = { 'catalog-info.yaml': catalog, 'mkdocs.yml': 'site_name: Pay\n', 'docs/index.md': '# Pay', 'README.md': '# Pay' };
    await gitRepo(join(org, 'pay'), [
      [JAN, site],
      [MAR, { 'docs/guide.md': '# Guide' }],
    ]);
    await write(join(org, 'unversioned'), site);
    const snapshot = await readLocalSource(org, options);
    const [pay, unversioned] = snapshot.repos;
    expect(pay!.fileDates).toEqual({ 'docs/guide.md': '2024-03-01T10:00:00.000Z', 'docs/index.md': '2024-01-01T10:00:00.000Z' });
    expect(unversioned!.fileDates).toBeUndefined();
    expect(SnapshotSchema.parse(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });
});
