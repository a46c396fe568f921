import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveExpression, rootTree } from './git-objects.ts';
import { addRepo, changeRepoFile, computeHeadOid, createFakeOrg, loadFakeOrgFromDir, removeRepo, renameRepo, repoNodeId } from './load-org.ts';

let dir: string;

async function write(path: string, content: string | Uint8Array) {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), content);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fake-org-'));
  await write('zeta/README.md', '# Zeta\n');
  await write('zeta/docs/index.md', '# Docs\n');
  await write('zeta/docs/logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
  await write('zeta/latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])); // "café" in Latin-1: not UTF-8
  await write('zeta/.git/HEAD', 'ref: refs/heads/main\n');
  await write('alpha/catalog-info.yaml', 'kind: Component\n');
  await write('.hidden/README.md', 'not a repo\n');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadFakeOrgFromDir', () => {
  it('reads every repo folder and file, binary as bytes, skipping .git and dot-folders', async () => {
    const org = await loadFakeOrgFromDir(dir);
    expect(org.login).toBe(basename(dir));
    expect(org.repos.map((repo) => repo.name)).toEqual(['alpha', 'zeta']);
    const zeta = org.repos[1]!;
    expect(Object.keys(zeta.files).sort()).toEqual(['README.md', 'docs/index.md', 'docs/logo.png', 'latin1.txt']);
    expect(zeta.files['README.md']).toBe('# Zeta\n');
    expect(zeta.files['docs/logo.png']).toBeInstanceOf(Uint8Array);
    expect(zeta.files['latin1.txt']).toBeInstanceOf(Uint8Array);
    expect(org.teams).toEqual([]);
    expect(org.users).toEqual([]);
  });

  it('is deterministic: same ids, HEAD oids and dates on every load', async () => {
    const [first, second] = [await loadFakeOrgFromDir(dir), await loadFakeOrgFromDir(dir)];
    expect(second).toEqual(first);
    expect(first.repos[0]!.id).toBe(repoNodeId(first.login, 'alpha'));
    expect(first.repos.map((repo) => repo.createdAt)).toEqual(['2020-01-01T00:00:00Z', '2020-01-01T00:01:00Z']);
    expect(first.repos[0]!.committedDate).toBe('2024-01-01T00:00:00Z');
    expect(first.repos[0]!.headOid).toMatch(/^[0-9a-f]{40}$/);
    expect(first.repos[0]!.headOid).not.toBe(first.repos[1]!.headOid);
  });

  it('takes login, teams, users and repo metadata from .github-org.json', async () => {
    await writeFile(
      join(dir, '.github-org.json'),
      JSON.stringify({
        login: 'acme',
        teams: [{ slug: 'core', name: 'Core', members: [{ login: 'alice', role: 'MAINTAINER' }] }],
        users: [{ login: 'alice', name: 'Alice', role: 'ADMIN' }],
        repos: { zeta: { topics: ['x'], isArchived: true, createdAt: '2019-06-01T00:00:00.000Z', defaultBranch: 'trunk' } },
      }),
    );
    const org = await loadFakeOrgFromDir(dir);
    expect(org.login).toBe('acme');
    expect(org.teams[0]!.slug).toBe('core');
    expect(org.users[0]).toEqual({ login: 'alice', name: 'Alice', role: 'ADMIN' });
    const zeta = org.repos.find((repo) => repo.name === 'zeta')!;
    expect(zeta).toMatchObject({ topics: ['x'], isArchived: true, createdAt: '2019-06-01T00:00:00Z', defaultBranch: 'trunk', visibility: 'PUBLIC' });
  });

  it('names the field when the sidecar is wrong, and a repo entry without a folder', async () => {
    await writeFile(join(dir, '.github-org.json'), JSON.stringify({ login: 'acme', teams: [{ slug: 'x' }] }));
    await expect(loadFakeOrgFromDir(dir)).rejects.toThrow(/\.github-org\.json: teams\.0\.name/);
    await writeFile(join(dir, '.github-org.json'), JSON.stringify({ login: 'acme', repos: { ghost: {} } }));
    await expect(loadFakeOrgFromDir(dir)).rejects.toThrow(/repos\.ghost has no folder/);
  });
});

describe('changing the model', () => {
  const org = () =>
    createFakeOrg({
      login: 'acme',
      repos: [
        { name: 'a', files: { 'README.md': '# A\n', 'docs/index.md': 'x' } },
        { name: 'b', files: {} },
      ],
    });

  it('changeRepoFile moves HEAD, the commit date and the changed blob and trees, but not unrelated trees', () => {
    const model = org();
    const repo = model.repos[0]!;
    const before = { head: repo.headOid, date: repo.committedDate, docs: (resolveExpression(repo, 'HEAD:docs', () => null) as { oid: string }).oid };
    const readmeBefore = (resolveExpression(repo, 'HEAD:README.md', () => null) as { oid: string }).oid;
    changeRepoFile(model, 'a', 'README.md', '# A, changed\n');
    expect(repo.headOid).not.toBe(before.head);
    expect(repo.committedDate).toBe('2024-01-01T01:00:00Z');
    expect((resolveExpression(repo, 'HEAD:README.md', () => null) as { oid: string }).oid).not.toBe(readmeBefore);
    expect((resolveExpression(repo, 'HEAD:docs', () => null) as { oid: string }).oid).toBe(before.docs);
    changeRepoFile(model, 'a', 'README.md', null);
    expect(resolveExpression(repo, 'HEAD:README.md', () => null)).toBeNull();
    expect(repo.headOid).toBe(computeHeadOid({ 'docs/index.md': 'x' }));
  });

  it('uses real git object ids (empty tree, empty blob)', () => {
    const model = createFakeOrg({ login: 'acme', repos: [{ name: 'a', files: { 'empty.txt': '' } }] });
    expect((resolveExpression(model.repos[0]!, 'HEAD:empty.txt', () => null) as { oid: string }).oid).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    changeRepoFile(model, 'a', 'empty.txt', null);
    expect(rootTree(model.repos[0]!).oid).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
  });

  it('renameRepo keeps the id, removeRepo drops the repo, addRepo creates after the newest', () => {
    const model = org();
    const id = model.repos[0]!.id;
    renameRepo(model, 'a', 'a2');
    expect(model.repos[0]).toMatchObject({ id, name: 'a2' });
    expect(() => renameRepo(model, 'a2', 'b')).toThrow(/already has a repo b/);
    removeRepo(model, 'b');
    expect(model.repos.map((repo) => repo.name)).toEqual(['a2']);
    const added = addRepo(model, { name: 'c', files: { 'README.md': 'c' } });
    expect(added.createdAt).toBe('2020-01-01T00:01:00Z');
    expect(() => changeRepoFile(model, 'nope', 'x', 'y')).toThrow(/has no repo nope; it has a2, c/);
  });
});
