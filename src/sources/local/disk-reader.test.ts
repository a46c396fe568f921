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

  it.each(['../outside/secret.yaml', '../../etc/passwd', 'docs/../../outside/secret.yaml', '..', ''])('refuses %j, which is not inside the repo', async (path) => {
    const reader = await diskRepoReader(repo, MAX);
    expect(await reader.read(path)).toMatchObject({ status: 'outside-repo' });
  });

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
    const start = performance.now();
    expect(await reader.read('huge.yaml')).toEqual({ status: 'too-large', size: 50 * 1024 * 1024, limit: MAX });
    expect(performance.now() - start).toBeLessThan(1000);
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

  it('reports a directory where a file is expected as unreadable', async () => {
    const reader = await diskRepoReader(repo, MAX);
    expect(await reader.read('docs')).toEqual({ status: 'unreadable', reason: 'it is a directory' });
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
