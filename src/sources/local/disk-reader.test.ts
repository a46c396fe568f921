import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { diskRepoReader } from './disk-reader.ts';

// Spy on readFile so a test can prove that a file over the limit is never read.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});

const MAX = 64 * 1024;
let tmp: string;
let repo: string;
let outside: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-disk-'));
  repo = join(tmp, 'repo');
  outside = join(tmp, 'outside');
  await mkdir(join(repo, 'docs'), { recursive: true });
  await mkdir(join(repo, '.git'), { recursive: true });
  await mkdir(join(repo, 'node_modules', 'pkg'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(outside, 'secret.yaml'), 'token: secret\n');
  await writeFile(join(repo, 'catalog-info.yaml'), 'kind: Component\n');
  await writeFile(join(repo, 'docs', 'index.md'), '# Docs\n');
  await writeFile(join(repo, '.git', 'config'), '[core]\n');
  await writeFile(join(repo, 'node_modules', 'pkg', 'index.js'), '');
  await symlink(join(repo, 'catalog-info.yaml'), join(repo, 'alias.yaml'));
  await symlink(join(outside, 'secret.yaml'), join(repo, 'leak.yaml'));
  await symlink(outside, join(repo, 'leakdir'));
  await symlink(join(repo, 'gone.yaml'), join(repo, 'dangling.yaml'));
  await symlink(join(repo, 'loop-b'), join(repo, 'loop-a'));
  await symlink(join(repo, 'loop-a'), join(repo, 'loop-b'));
  await writeFile(join(repo, 'huge.yaml'), '');
  await truncate(join(repo, 'huge.yaml'), 50 * 1024 * 1024); // sparse: no 50 MB written
  await writeFile(join(repo, 'image.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a]));
  await writeFile(join(repo, 'utf16.yaml'), Buffer.from('\ufeffname: x\n', 'utf16le'));
  await writeFile(join(repo, 'latin1.yaml'), Buffer.from('name: caf\xe9\n', 'latin1'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('diskRepoReader.read', () => {
  it('reads a UTF-8 file as text with its size', async () => {
    const reader = await diskRepoReader(repo, MAX);
    expect(await reader.read('docs/index.md')).toEqual({ status: 'text', text: '# Docs\n', size: 7 });
    expect(await reader.read('./docs/../docs/index.md')).toMatchObject({ status: 'text' });
  });

  it('follows a symlink that stays inside the repo', async () => {
    const reader = await diskRepoReader(repo, MAX);
    expect(await reader.read('alias.yaml')).toMatchObject({ status: 'text', text: 'kind: Component\n' });
  });

  it.each(['../outside/secret.yaml', '../../etc/passwd', 'docs/../../outside/secret.yaml', '..', '/etc/passwd', 'C:/x'])(
    'refuses %j, which is not inside the repo',
    async (path) => {
      const reader = await diskRepoReader(repo, MAX);
      expect(await reader.read(path)).toMatchObject({ status: 'outside-repo' });
    },
  );

  it.each(['leak.yaml', 'leakdir/secret.yaml'])('refuses %s, a symlink (to a file or a folder) leading out of the repo', async (path) => {
    const reader = await diskRepoReader(repo, MAX);
    const file = await reader.read(path);
    expect(file).toMatchObject({ status: 'outside-repo', reason: expect.stringMatching(/symlink/) });
    expect(JSON.stringify(file)).not.toContain('secret');
  });

  it('reports a file over the limit as too-large without reading it', async () => {
    const reader = await diskRepoReader(repo, MAX);
    const readFile = vi.mocked(fs.readFile);
    readFile.mockClear();
    expect(await reader.read('huge.yaml')).toEqual({ status: 'too-large', size: 50 * 1024 * 1024, limit: MAX });
    expect(readFile).not.toHaveBeenCalled();
    // The spy is live: a small file does go through readFile.
    await reader.read('catalog-info.yaml');
    expect(readFile).toHaveBeenCalledTimes(1);
  });

  it('reads a file of exactly the limit', async () => {
    await writeFile(join(repo, 'exact.yaml'), 'a'.repeat(MAX));
    const reader = await diskRepoReader(repo, MAX);
    expect(await reader.read('exact.yaml')).toMatchObject({ status: 'text', size: MAX });
  });

  it.each(['image.yaml', 'utf16.yaml'])('classifies %s (NUL bytes) as binary', async (path) => {
    const reader = await diskRepoReader(repo, MAX);
    expect(await reader.read(path)).toMatchObject({ status: 'binary' });
  });

  it('decodes invalid UTF-8 lossily and says so', async () => {
    const reader = await diskRepoReader(repo, MAX);
    expect(await reader.read('latin1.yaml')).toEqual({ status: 'text', text: 'name: caf\ufffd\n', size: 11, lossy: true });
  });

  it('reports a directory where a file is expected as unreadable, the root too', async () => {
    const reader = await diskRepoReader(repo, MAX);
    expect(await reader.read('docs')).toEqual({ status: 'unreadable', reason: 'it is a directory' });
    expect(await reader.read('')).toEqual({ status: 'unreadable', reason: 'it is a directory' });
  });

  it('reports a dangling symlink and a path under a file as missing', async () => {
    const reader = await diskRepoReader(repo, MAX);
    expect(await reader.read('dangling.yaml')).toEqual({ status: 'missing' });
    expect(await reader.read('nope.yaml')).toEqual({ status: 'missing' });
    expect(await reader.read('catalog-info.yaml/child')).toEqual({ status: 'missing' });
  });

  it('reports a symlink loop as unreadable instead of hanging', async () => {
    const reader = await diskRepoReader(repo, MAX);
    expect(await reader.read('loop-a')).toEqual({ status: 'unreadable', reason: 'symlink loop' });
  });
});

describe('diskRepoReader.readTree', () => {
  it('reads every file below a folder, sorted, `/`-separated, skipping .git and node_modules', async () => {
    const reader = await diskRepoReader(repo, MAX);
    const { files, truncated } = await reader.readTree('');
    const paths = Object.keys(files);
    expect(truncated).toBe(false);
    expect(files['docs/index.md']).toMatchObject({ status: 'text' });
    expect(paths.some((f) => f.startsWith('.git/') || f.startsWith('node_modules/'))).toBe(false);
    // A symlinked folder that leads out is never walked: nothing outside the repo appears.
    expect(paths).not.toContain('leakdir/secret.yaml');
  });

  it('reads a subfolder with repo-relative paths, and a missing folder as empty', async () => {
    const reader = await diskRepoReader(repo, MAX);
    expect(Object.keys((await reader.readTree('docs')).files)).toContain('docs/index.md');
    expect(await reader.readTree('no-such-folder')).toEqual({ files: {}, truncated: false });
    expect(await reader.readTree('../..')).toEqual({ files: {}, truncated: false });
  });

  it('stops at the file cap and says so', async () => {
    const reader = await diskRepoReader(repo, MAX, 3);
    const tree = await reader.readTree('');
    expect(Object.keys(tree.files)).toHaveLength(3);
    expect(tree.truncated).toBe(true);
  });
});

describe('diskRepoReader: the git folder is never read', () => {
  let gitRepo: string;
  const SECRET = 'url = https://x-access-token:ghs_SECRET@github.com/acme/pay';
  beforeAll(async () => {
    gitRepo = join(tmp, 'git-repo');
    for (const dir of ['.git', '.GIT', '.git.', 'git~1', 'docs/sub', 'docs/.Git']) await mkdir(join(gitRepo, dir), { recursive: true });
    for (const dir of ['.git', '.GIT', '.git.', 'git~1', 'docs/.Git']) await writeFile(join(gitRepo, dir, 'config'), SECRET);
    await writeFile(join(gitRepo, 'docs', 'index.md'), '# Docs\n');
    await writeFile(join(gitRepo, 'docs', 'sub', '.git'), 'gitdir: ../../.git/modules/sub\n'); // a submodule's pointer file
    await symlink(join(gitRepo, '.git', 'config'), join(gitRepo, 'config.yaml'));
    await symlink(join(gitRepo, '.git'), join(gitRepo, 'docs', 'gitlink'));
    await symlink('../.git/config', join(gitRepo, 'docs', 'relative.md'));
  });

  it.each([
    '.git/config',
    './.git/config',
    'a/../.git/config',
    'docs/../.git/config',
    '.GIT/config',
    '.Git/config',
    '.git./config',
    '.git /config',
    'git~1/config',
    'GIT~1/config',
    'a\\..\\.git\\config',
    '.git',
  ])('refuses %j by name, without touching the disk', async (path) => {
    const reader = await diskRepoReader(gitRepo, MAX);
    const file = await reader.read(path);
    expect(file).toMatchObject({ status: 'outside-repo', gitDir: true, reason: expect.stringMatching(/git folder/) });
    expect(JSON.stringify(file)).not.toContain('SECRET');
  });

  it.each(['config.yaml', 'docs/gitlink/config', 'docs/relative.md'])('refuses %s, a symlink inside the repo that leads into .git', async (path) => {
    const reader = await diskRepoReader(gitRepo, MAX);
    const file = await reader.read(path);
    expect(file).toMatchObject({ status: 'outside-repo', gitDir: true });
    expect(JSON.stringify(file)).not.toContain('SECRET');
  });

  it('never lists a git folder (any spelling, at any depth), a submodule pointer, or what a symlink into .git holds', async () => {
    const reader = await diskRepoReader(gitRepo, MAX);
    const tree = await reader.readTree('');
    const paths = Object.keys(tree.files).sort();
    expect(paths).toEqual(['config.yaml', 'docs/gitlink', 'docs/index.md', 'docs/relative.md']);
    expect(tree.files['docs/relative.md']).toMatchObject({ status: 'outside-repo', gitDir: true });
    expect(JSON.stringify(tree)).not.toContain('SECRET');
    expect(await reader.readTree('.GIT')).toEqual({ files: {}, truncated: false });
    expect(await reader.readTree('docs/gitlink')).toEqual({ files: {}, truncated: false });
  });
});

describe('diskRepoReader.readTree over the cap', () => {
  let big: string;
  beforeAll(async () => {
    big = join(tmp, 'big');
    await mkdir(join(big, 'docs', 'guide'), { recursive: true });
    // Names that sort before index.md: cut in name order, index.md would be the one lost.
    for (let i = 0; i < 30; i++) await writeFile(join(big, 'docs', `a${String(i).padStart(2, '0')}.png`), 'x');
    for (const name of ['index.md', 'guide/index.md', 'guide/setup.md', 'b.md', 'nav-target.png']) await writeFile(join(big, 'docs', name), '# x');
  });

  it('keeps index pages, nav targets and Markdown first, and says how many were left out', async () => {
    const reader = await diskRepoReader(big, MAX, 5);
    const tree = await reader.readTree('docs', { keepFirst: ['docs/nav-target.png'] });
    expect(Object.keys(tree.files).sort()).toEqual(['docs/b.md', 'docs/guide/index.md', 'docs/guide/setup.md', 'docs/index.md', 'docs/nav-target.png']);
    expect(tree).toMatchObject({ truncated: true, omitted: 30 });
    expect(tree.unlisted).toBeUndefined();
  });

  it('stops listing at 20 × the cap, folder by folder from the top and index pages first, and says the count is a lower bound', async () => {
    const reader = await diskRepoReader(big, MAX, 1);
    const tree = await reader.readTree('docs', { keepFirst: ['docs/nav-target.png'] });
    expect(Object.keys(tree.files)).toEqual(['docs/index.md']);
    // 20 names listed (index.md, b.md, 18 images), plus the nav target looked up by name: 20 left out, and maybe more.
    expect(tree).toMatchObject({ truncated: true, unlisted: true, omitted: 20 });
  });
});

describe('diskRepoReader: file names no one expects', () => {
  const names = [
    'a%20b.md',
    '100%.md',
    'bell\u0007.md',
    'esc\u001b[2J.md',
    'new\nline.md',
    '::error::x.md',
    `${'long'.repeat(60)}.md`,
    'index.html.md',
    'back\\slash.md',
  ];
  let odd: string;
  beforeAll(async () => {
    odd = join(tmp, 'odd');
    await mkdir(join(odd, 'docs'), { recursive: true });
    for (const name of names) await writeFile(join(odd, 'docs', name), '# x');
    // A path deeper than the OS allows to resolve in one piece must not throw either.
    let deep = join(odd, 'docs');
    for (let i = 0; i < 20; i++) {
      deep = join(deep, 'd'.repeat(250));
      await mkdir(deep).catch(() => undefined);
    }
  });

  it('reads every one as it is', async () => {
    const reader = await diskRepoReader(odd, MAX);
    const tree = await reader.readTree('docs');
    for (const name of names) expect(tree.files[`docs/${name}`], JSON.stringify(name)).toMatchObject({ status: 'text', text: '# x' });
    expect(await reader.read(`docs/${'x'.repeat(5000)}.md`)).toMatchObject({ status: expect.stringMatching(/missing|unreadable/) });
  });
});
