import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../catalog/read-catalog.ts';
import { SnapshotSchema, type Repo, type Snapshot } from '../snapshot.ts';
import { readLocalSource, SourceError, type LocalSourceOptions } from './read-local.ts';

const options: LocalSourceOptions = {
  catalogPaths: ['catalog-info.yaml'],
  templateWorkflow: '.github/workflows/apply-template.yml',
  maxAliasCount: 100,
  maxDocumentsPerFile: 500,
  maxReferencedFiles: 1000,
  maxFileBytes: 1024 * 1024,
};

let tmp: string;
let org: string;

async function put(path: string, content: string | Buffer = ''): Promise<void> {
  await mkdir(dirname(join(org, path)), { recursive: true });
  await writeFile(join(org, path), content);
}

const location = (...targets: string[]) => named('more', ...targets);
const named = (name: string, ...targets: string[]) => `apiVersion: backstage.io/v1alpha1
kind: Location
metadata: { name: ${name} }
spec:
  targets: [${targets.join(', ')}]
`;

const api = `apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: orders-api }
spec:
  type: openapi
  lifecycle: production
  owner: team
  definition:
    $text: ./openapi.yaml
`;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-local-'));
  org = join(tmp, 'org');
  // orders: a Location with a relative target (with a placeholder) and a glob; plus the well-known files.
  await put('orders/catalog-info.yaml', location('./apis/orders.yaml', './resources/*.yaml'));
  await put('orders/apis/orders.yaml', api);
  await put('orders/apis/openapi.yaml', 'openapi: 3.0.0\n');
  await put('orders/resources/db.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata: { name: db }\nspec: { type: database, owner: team }\n');
  await put(
    'orders/resources/queue.yaml',
    'apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata: { name: queue }\nspec: { type: queue, owner: team }\n',
  );
  await put('orders/resources/notes.md', 'not yaml');
  await put('orders/README.md', '# Orders\n');
  await put('orders/.github/CODEOWNERS', '* @acme/orders\n');
  await put('orders/mkdocs.yml', 'site_name: Orders\n');
  await put('orders/src/main.ts', 'export {};\n');
  // docs: TechDocs in a subfolder, with a custom docs_dir; a folder outside docs_dir is not read.
  await put(
    'docs/catalog-info.yaml',
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: docs\n  annotations: { backstage.io/techdocs-ref: "dir:./site" }\nspec: { type: service, lifecycle: production, owner: team }\n',
  );
  await put(
    'docs/site/mkdocs.yml',
    'site_name: Docs\ndocs_dir: pages\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n',
  );
  await put('docs/site/pages/index.md', '# Docs\n');
  await put('docs/site/pages/guide/setup.md', '# Setup\n');
  await put('docs/site/pages/img/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]));
  await put('docs/site/other/unrelated.md', '# Not docs\n');
  // templates: a Template whose fetch:template step names a skeleton folder.
  await put(
    'templates/catalog-info.yaml',
    'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata: { name: svc }\nspec:\n  type: service\n  steps:\n    - { id: fetch, action: fetch:template, input: { url: ./skeleton } }\n    - { id: publish, action: publish:github, input: { repoUrl: "github.com?repo=x" } }\n',
  );
  await put('templates/skeleton/catalog-info.yaml', 'metadata: { name: ${{ values.name }} }\n');
  await put('templates/skeleton/src/index.ts', 'export {};\n');
  await put('templates/template.values.yaml', 'name: loyalty\n');
  await put('templates/.github/workflows/apply-template.yml', 'on: workflow_dispatch\n');
  // no-catalog: a repo without a catalog file; .hidden: a folder that is not a repo; a stray file at the top.
  await put('no-catalog/README.md', '# Nothing here\n');
  await put('.hidden/catalog-info.yaml', location('./x.yaml'));
  await put('stray.txt', 'not a repo');
  // custom: only has a catalog file at a configured path.
  await put('custom/.backstage/catalog.yaml', location('../apis.yaml'));
  await put('custom/apis.yaml', api.replace('orders-api', 'custom-api'));
  await put('custom/openapi.yaml', 'openapi: 3.0.0\n');
  // hostile: everything a repo should not be able to do.
  const outside = join(tmp, 'outside');
  await mkdir(outside);
  await writeFile(join(outside, 'secret.yaml'), 'password: hunter2\n');
  const targets = ['./leak.yaml', './leakdir/secret.yaml', './huge.yaml', './binary.yaml', './latin1.yaml', './folder.yaml', './dangling.yaml'];
  await put('hostile/catalog-info.yaml', `${named('escape', '../../outside/secret.yaml')}---\n${location(...targets)}`);
  await symlink(join(outside, 'secret.yaml'), join(org, 'hostile/leak.yaml'));
  await symlink(outside, join(org, 'hostile/leakdir'));
  await put('hostile/huge.yaml');
  await truncate(join(org, 'hostile/huge.yaml'), 50 * 1024 * 1024); // sparse
  await put('hostile/binary.yaml', Buffer.from([0x6b, 0x3a, 0x00, 0x01]));
  await put(
    'hostile/latin1.yaml',
    Buffer.from(
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team, description: "caf\xe9" }\nspec: { type: team, children: [] }\n',
      'latin1',
    ),
  );
  await mkdir(join(org, 'hostile/folder.yaml'));
  await symlink(join(org, 'hostile/nowhere.yaml'), join(org, 'hostile/dangling.yaml'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const repoOf = (snapshot: Snapshot, name: string): Repo => {
  const repo = snapshot.repos.find((r) => r.name === name);
  if (!repo) throw new Error(`no repo ${name} in ${snapshot.repos.map((r) => r.name).join(', ')}`);
  return repo;
};

describe('readLocalSource: a folder of repos', () => {
  let snapshot: Snapshot;
  beforeAll(async () => {
    snapshot = await readLocalSource(org, options);
  });

  it('reads each subfolder as a repo, sorted, skipping hidden folders and plain files', () => {
    expect(snapshot.repos.map((r) => r.name)).toEqual(['custom', 'docs', 'hostile', 'no-catalog', 'orders', 'templates']);
    expect(snapshot).toMatchObject({ version: 1, source: `local:${org}`, org: 'org' });
    expect(repoOf(snapshot, 'orders').localPath).toBe(join(org, 'orders'));
  });

  it('keeps a repo without a catalog file, with no catalog files', () => {
    expect(repoOf(snapshot, 'no-catalog')).toMatchObject({ catalogFiles: [], files: { 'README.md': { status: 'text' } } });
  });

  it('includes Location targets, placeholder files and glob matches in `files`', () => {
    const orders = repoOf(snapshot, 'orders');
    expect(orders.catalogFiles).toEqual(['catalog-info.yaml']);
    expect(Object.keys(orders.files)).toEqual(
      expect.arrayContaining(['catalog-info.yaml', 'apis/orders.yaml', 'apis/openapi.yaml', 'resources/db.yaml', 'resources/queue.yaml']),
    );
    expect(orders.globs).toEqual({ 'resources/*.yaml': ['resources/db.yaml', 'resources/queue.yaml'] });
    // Files nobody points at are not read.
    expect(orders.files['src/main.ts']).toBeUndefined();
    expect(orders.files['resources/notes.md']).toBeUndefined();
  });

  it('picks up the README and CODEOWNERS, and leaves out the ones that do not exist', () => {
    const { files } = repoOf(snapshot, 'orders');
    expect(files['README.md']).toMatchObject({ status: 'text', text: '# Orders\n' });
    expect(files['.github/CODEOWNERS']).toMatchObject({ status: 'text' });
    expect(files['CODEOWNERS']).toBeUndefined();
    // mkdocs.yml matters only to an entity whose backstage.io/techdocs-ref names its folder.
    expect(files['mkdocs.yml']).toBeUndefined();
  });

  it('reads the TechDocs folder named by backstage.io/techdocs-ref: mkdocs.yml and all of its docs_dir', () => {
    const docs = repoOf(snapshot, 'docs');
    expect(docs.files['site/mkdocs.yml']).toMatchObject({ status: 'text' });
    expect(docs.trees['site/pages']).toEqual({ paths: ['site/pages/guide/setup.md', 'site/pages/img/logo.png', 'site/pages/index.md'], truncated: false });
    expect(docs.files['site/pages/guide/setup.md']).toMatchObject({ status: 'text', text: '# Setup\n' });
    expect(docs.files['site/pages/img/logo.png']).toMatchObject({ status: 'binary' });
    expect(docs.files['site/other/unrelated.md']).toBeUndefined();
  });

  it('reads the skeleton folders a Template fetches', () => {
    const templates = repoOf(snapshot, 'templates');
    expect(templates.trees['skeleton']?.paths).toEqual(['skeleton/catalog-info.yaml', 'skeleton/src/index.ts']);
    expect(templates.files['skeleton/src/index.ts']).toMatchObject({ status: 'text' });
  });

  it("reads a Template's values file and its repo's apply-template workflow, and leaves no trace where they do not exist", () => {
    const templates = repoOf(snapshot, 'templates');
    expect(templates.files['template.values.yaml']).toMatchObject({ status: 'text', text: 'name: loyalty\n' });
    expect(templates.files['.github/workflows/apply-template.yml']).toMatchObject({ status: 'text' });
    const orders = repoOf(snapshot, 'orders');
    expect(orders.files['.github/workflows/apply-template.yml']).toBeUndefined();
  });

  it('gives the catalog stage everything it needs: entities from targets, globs and placeholders', () => {
    const catalog = readCatalog({ ...snapshot, repos: [repoOf(snapshot, 'orders')] });
    expect(catalog.diagnostics).toEqual([]);
    expect(catalog.entities.map((e) => e.ref).sort()).toEqual([
      'api:default/orders-api',
      'location:default/more',
      'resource:default/db',
      'resource:default/queue',
    ]);
    const orders = catalog.entities.find((e) => e.ref === 'api:default/orders-api');
    expect(orders?.json.spec['definition']).toBe('openapi: 3.0.0\n');
  });

  it('validates against SnapshotSchema and round-trips through JSON', () => {
    expect(SnapshotSchema.parse(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });
});

describe('readLocalSource: hostile repos', () => {
  let hostile: Repo;
  beforeAll(async () => {
    // A 50 MB file costs a stat, not a read: disk-reader.test.ts proves it is never read.
    hostile = repoOf(await readLocalSource(org, options), 'hostile');
  });

  it.each(['leak.yaml', 'leakdir/secret.yaml'])('refuses %s, a symlink that leads out of the repo', (path) => {
    expect(hostile.files[path]).toMatchObject({ status: 'outside-repo' });
  });

  it('never reads a `../../` target, nor anything outside the repo', () => {
    expect(Object.keys(hostile.files).some((p) => p.includes('..'))).toBe(false);
    expect(JSON.stringify(hostile)).not.toContain('hunter2');
  });

  it('records a 50 MB file as too-large, with its size and the limit', () => {
    expect(hostile.files['huge.yaml']).toEqual({ status: 'too-large', size: 50 * 1024 * 1024, limit: options.maxFileBytes });
  });

  it('records binary, non-UTF-8, folder and dangling-symlink targets', () => {
    expect(hostile.files['binary.yaml']).toEqual({ status: 'binary', size: 4 });
    expect(hostile.files['latin1.yaml']).toMatchObject({ status: 'text', lossy: true, text: expect.stringContaining('caf\ufffd') });
    expect(hostile.files['folder.yaml']).toMatchObject({ status: 'unreadable' });
    expect(hostile.files['dangling.yaml']).toEqual({ status: 'missing' });
  });

  it('turns each into a diagnostic in the catalog stage', () => {
    const catalog = readCatalog({ version: 1, source: 'test', org: 'org', createdAt: '', repos: [hostile], people: [], notes: [] });
    const rules = new Set(catalog.diagnostics.map((d) => d.rule));
    expect([...rules].sort()).toEqual([
      'file-binary',
      'file-not-utf8',
      'file-outside-repo',
      'file-rejected',
      'file-too-large',
      'file-unreadable',
      'location-target-not-found',
      'location-target-outside-repo',
    ]);
    expect(catalog.entities.map((e) => e.ref)).toEqual(['location:default/escape', 'location:default/more']);
  });
});

describe('readLocalSource: options and errors', () => {
  it('reads the catalog file from a configured path, resolving targets from there', async () => {
    const custom = repoOf(await readLocalSource(org, { ...options, catalogPaths: ['.backstage/catalog.yaml'] }), 'custom');
    expect(custom.catalogFiles).toEqual(['.backstage/catalog.yaml']);
    expect(custom.files['apis.yaml']).toMatchObject({ status: 'text' });
    expect(custom.files['openapi.yaml']).toMatchObject({ status: 'text' });
  });

  it('lists a catalog path configured twice once', async () => {
    const orders = repoOf(await readLocalSource(org, { ...options, catalogPaths: ['catalog-info.yaml', 'catalog-info.yaml'] }), 'orders');
    expect(orders.catalogFiles).toEqual(['catalog-info.yaml']);
  });

  it('uses the configured org name', async () => {
    expect((await readLocalSource(org, { ...options, org: 'Acme' })).org).toBe('Acme');
  });

  it("gives a folder the GitHub settings the config names for it (localRepos), and the others GitHub's defaults", async () => {
    const snapshot = await readLocalSource(org, { ...options, settings: { orders: { isTemplate: true, visibility: 'internal', topics: ['starter'] } } });
    expect(repoOf(snapshot, 'orders')).toMatchObject({ isTemplate: true, visibility: 'internal', topics: ['starter'], archived: false });
    const others = snapshot.repos.filter((repo) => repo.name !== 'orders');
    expect(others.length).toBeGreaterThan(0);
    for (const repo of others) expect(repo).toMatchObject({ isTemplate: false, visibility: 'public', topics: [] });
  });

  it('fails with a SourceError that says what --source needs when the folder does not exist', async () => {
    const missing = join(tmp, 'missing');
    await expect(readLocalSource(missing, options)).rejects.toThrow(SourceError);
    await expect(readLocalSource(missing, options)).rejects.toThrow(/local:<dir>.*subfolders are repos/);
  });

  it('fails with a SourceError when the source is a file', async () => {
    await expect(readLocalSource(join(org, 'stray.txt'), options)).rejects.toThrow(/not a folder/);
  });
});

describe('readLocalSource: one repo cannot stop, bloat or leak the read of the others', () => {
  let snapshot: Snapshot;
  const SECRET = 'url = https://x-access-token:ghs_SECRET@github.com/acme/x';
  const odd = ['a%20b.md', '100%.md', 'bell\u0007.md', 'esc\u001b[2J.md', 'new\nline.md', '::error::x.md', `${'long'.repeat(60)}.md`, 'index.html.md'];
  beforeAll(async () => {
    const root = join(tmp, 'isolation');
    const put = async (path: string, content: string) => {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    };
    const component = (name: string, extra = '') =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  annotations: { backstage.io/techdocs-ref: "dir:." }\nspec: { type: service, lifecycle: production, owner: team${extra} }\n`;
    // picomatch throws on a pattern this long: once, that stopped every repo's build.
    await put(
      'broken/catalog-info.yaml',
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: broken }\nspec: { targets: ["./${'*'.repeat(70_000)}.yaml"] }\n`,
    );
    await put('leaky/catalog-info.yaml', component('leaky', ', description: { $text: ./.git/config }'));
    await put('leaky/.git/config', SECRET);
    await put('leaky/docs/index.md', '# Leaky\n');
    await put('leaky/docs/.GIT/config', SECRET);
    await symlink('../.git/config', join(root, 'leaky/docs/config.md'));
    await put('names/catalog-info.yaml', component('names'));
    for (const name of odd) await put(`names/docs/${name}`, '# x\n');
    await put('capped/catalog-info.yaml', component('capped'));
    // Over the cap with Markdown alone: the nav target, deepest of all, is kept too.
    await put('capped/mkdocs.yml', 'site_name: Capped\nnav: [index.md, zz/deep/target.md]\n');
    await put('capped-dir/catalog-info.yaml', component('capped-dir'));
    await put('capped-dir/mkdocs.yml', 'site_name: Capped\ndocs_dir: pages\nnav: [index.md, zz/deep/target.md]\n');
    for (const repo of ['capped', 'capped-dir']) {
      const folder = repo === 'capped' ? 'docs' : 'pages';
      for (let i = 0; i < 12; i++) await put(`${repo}/${folder}/a${String(i).padStart(2, '0')}.md`, '# x\n');
      await put(`${repo}/${folder}/index.md`, '# Capped\n');
      await put(`${repo}/${folder}/zz/deep/target.md`, '# Target\n');
    }
    snapshot = await readLocalSource(root, { ...options, maxTreeFiles: 10 });
  });

  it('turns a repo whose reading throws into a repo-failed problem, and reads the rest', () => {
    expect(snapshot.repos.map((r) => r.name)).toEqual(['broken', 'capped', 'capped-dir', 'leaky', 'names']);
    expect(repoOf(snapshot, 'broken')).toMatchObject({
      catalogFiles: [],
      files: {},
      problems: [{ rule: 'repo-failed', message: expect.stringContaining('maximum allowed length') }],
    });
    expect(repoOf(snapshot, 'names').problems).toBeUndefined();
  });

  it('reads file names with %-escapes, control characters and 240 letters as they are', () => {
    const names = repoOf(snapshot, 'names');
    for (const name of odd) expect(names.files[`docs/${name}`], JSON.stringify(name)).toMatchObject({ status: 'text' });
  });

  it('never reads the git folder: not by placeholder, not by listing, not through a symlink', () => {
    const leaky = repoOf(snapshot, 'leaky');
    expect(Object.keys(leaky.files).filter((p) => /\.git/i.test(p))).toEqual([]);
    expect(leaky.files['docs/config.md']).toMatchObject({ status: 'outside-repo', gitDir: true });
    expect(JSON.stringify(snapshot)).not.toContain('SECRET');
  });

  it('keeps index.md and the nav targets of a docs folder over limits.maxDocsFiles, and counts what it left out', () => {
    // docs/ is read before mkdocs.yml is known: its missing nav target is read in the next round, and added.
    const pages = (folder: string, n: number) => Array.from({ length: n }, (_, i) => `${folder}/a0${i}.md`);
    expect(repoOf(snapshot, 'capped').trees['docs']).toEqual({
      paths: [...pages('docs', 9), 'docs/index.md', 'docs/zz/deep/target.md'],
      truncated: true,
      omitted: 3,
    });
    expect(repoOf(snapshot, 'capped').files['docs/zz/deep/target.md']).toMatchObject({ status: 'text' });
    // A docs_dir read once the config is known gets the nav as a hint: within the cap.
    expect(repoOf(snapshot, 'capped-dir').trees['pages']).toEqual({
      paths: [...pages('pages', 8), 'pages/index.md', 'pages/zz/deep/target.md'],
      truncated: true,
      omitted: 4,
    });
  });

  it('validates against SnapshotSchema', () => {
    expect(SnapshotSchema.parse(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });
});
