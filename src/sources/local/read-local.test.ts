import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../catalog/read-catalog.ts';
import { SnapshotSchema, type Repo, type Snapshot } from '../snapshot.ts';
import { readLocalSource, SourceError, type LocalSourceOptions } from './read-local.ts';

const options: LocalSourceOptions = { catalogPaths: ['catalog-info.yaml'], maxAliasCount: 100, maxDocumentsPerFile: 500, maxReferencedFiles: 1000, maxFileBytes: 1024 * 1024 };

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
  await put('orders/resources/queue.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata: { name: queue }\nspec: { type: queue, owner: team }\n');
  await put('orders/resources/notes.md', 'not yaml');
  await put('orders/README.md', '# Orders\n');
  await put('orders/.github/CODEOWNERS', '* @acme/orders\n');
  await put('orders/mkdocs.yml', 'site_name: Orders\n');
  await put('orders/src/main.ts', 'export {};\n');
  // docs: TechDocs in a subfolder, with a custom docs_dir; a folder outside docs_dir is not read.
  await put('docs/catalog-info.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: docs\n  annotations: { backstage.io/techdocs-ref: "dir:./site" }\nspec: { type: service, lifecycle: production, owner: team }\n');
  await put('docs/site/mkdocs.yml', 'site_name: Docs\ndocs_dir: pages\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n');
  await put('docs/site/pages/index.md', '# Docs\n');
  await put('docs/site/pages/guide/setup.md', '# Setup\n');
  await put('docs/site/pages/img/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]));
  await put('docs/site/other/unrelated.md', '# Not docs\n');
  // templates: a Template whose fetch:template step names a skeleton folder.
  await put('templates/catalog-info.yaml', 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata: { name: svc }\nspec:\n  type: service\n  steps:\n    - { id: fetch, action: fetch:template, input: { url: ./skeleton } }\n    - { id: publish, action: publish:github, input: { repoUrl: "github.com?repo=x" } }\n');
  await put('templates/skeleton/catalog-info.yaml', 'metadata: { name: ${{ values.name }} }\n');
  await put('templates/skeleton/src/index.ts', 'export {};\n');
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
  await put('hostile/latin1.yaml', Buffer.from('apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team, description: "caf\xe9" }\nspec: { type: team, children: [] }\n', 'latin1'));
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

  it('gives the catalog stage everything it needs: entities from targets, globs and placeholders', () => {
    const catalog = readCatalog({ ...snapshot, repos: [repoOf(snapshot, 'orders')] });
    expect(catalog.diagnostics).toEqual([]);
    expect(catalog.entities.map((e) => e.ref).sort()).toEqual(['api:default/orders-api', 'location:default/more', 'resource:default/db', 'resource:default/queue']);
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
    const start = performance.now();
    hostile = repoOf(await readLocalSource(org, options), 'hostile');
    // A 50 MB file costs a stat, not a read.
    expect(performance.now() - start).toBeLessThan(5000);
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

  it('fails with a SourceError that says what --source needs when the folder does not exist', async () => {
    const missing = join(tmp, 'missing');
    await expect(readLocalSource(missing, options)).rejects.toThrow(SourceError);
    await expect(readLocalSource(missing, options)).rejects.toThrow(/local:<dir>.*subfolders are repos/);
  });

  it('fails with a SourceError when the source is a file', async () => {
    await expect(readLocalSource(join(org, 'stray.txt'), options)).rejects.toThrow(/not a folder/);
  });
});
