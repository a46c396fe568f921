/**
 * The static catalog API of the built demo: api/entities.json in Backstage's shape, one
 * entity.json beside each page, api/graph.json, api/diagnostics.json and the catalog-info.yaml
 * schema; and their stability: two builds of the same org (here, the one for `/` and the one for
 * `/fernway-portal/`, built at different times) write byte-identical files, so a nightly diff
 * shows only real changes. Reads the output folders directly.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ChangelogSchema } from '../../src/changelog/index.ts';
import { BackstageEntitySchema, backstageRef, stableJsonText, type BackstageEntity } from '../../src/static-api/index.ts';
import { projectRoot } from './build-fixture.ts';
import { builtFixture, type BuiltFixture } from './site-fixture.ts';

const API_FILES = ['api/entities.json', 'api/graph.json', 'api/diagnostics.json', 'api/catalog-info.schema.json'];

let root: BuiltFixture;
let project: BuiltFixture;
const read = (fixture: BuiltFixture, file: string) => readFile(join(fixture.site.outDir, file), 'utf8');

beforeAll(async () => {
  root = await builtFixture('/');
  project = await builtFixture('/fernway-portal/');
});

describe('the static catalog API', () => {
  test('api/entities.json: every published entity in Backstage shape, sorted by ref, relations as { type, targetRef }', async () => {
    const entities = JSON.parse(await read(root, 'api/entities.json')) as BackstageEntity[];
    expect(entities.map(backstageRef)).toEqual(root.data.entities.map((e) => e.ref).sort());
    for (const entity of entities) {
      expect(BackstageEntitySchema.safeParse(entity).success, backstageRef(entity)).toBe(true);
      expect(Object.keys(entity)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'relations']);
      for (const relation of entity.relations ?? []) expect(Object.keys(relation)).toEqual(['type', 'targetRef']);
    }
    const service = entities.find((e) => backstageRef(e) === 'component:default/booking-service');
    expect(service?.spec?.['owner']).toBe('booking-team');
    expect(service?.relations).toContainEqual({ type: 'ownedBy', targetRef: 'group:default/booking-team' });
  });

  test('each entity.json beside its page is that entity of api/entities.json, byte for byte', async () => {
    const entities = JSON.parse(await read(root, 'api/entities.json')) as BackstageEntity[];
    const byRef = new Map(entities.map((e) => [backstageRef(e), e]));
    for (const record of root.data.entities) {
      expect(await read(root, `${record.path}entity.json`), record.ref).toBe(stableJsonText(byRef.get(record.ref)));
    }
  });

  test('api/graph.json, api/diagnostics.json and the schema hold the catalog, the problems and the published schema', async () => {
    const graph = JSON.parse(await read(root, 'api/graph.json')) as { nodes: { ref: string }[]; edges: { source: string; type: string; target: string }[] };
    expect(graph.nodes.map((n) => n.ref)).toEqual(root.data.entities.map((e) => e.ref).sort());
    expect(graph.edges).toContainEqual({ source: 'component:default/booking-service', type: 'ownedBy', target: 'group:default/booking-team' });
    expect(graph.edges.some((e) => e.type === 'ownerOf')).toBe(false);
    expect(JSON.parse(await read(root, 'api/diagnostics.json'))).toHaveLength(root.data.diagnostics.length);
    expect(await read(root, 'api/catalog-info.schema.json')).toBe(await readFile(join(projectRoot, 'public/schema/catalog-info.schema.json'), 'utf8'));
  });

  test('two builds write byte-identical api/*.json and entity.json files', async () => {
    for (const file of API_FILES) expect(await read(project, file), file).toBe(await read(root, file));
    const entityFiles = (await readdir(join(root.site.outDir, 'catalog'), { recursive: true })).filter((f) => f.endsWith('entity.json'));
    expect(entityFiles).toHaveLength(root.data.entities.length);
    for (const file of entityFiles) expect(await read(project, `catalog/${file}`), file).toBe(await read(root, `catalog/${file}`));
  });
});

describe('the changelog', () => {
  test('a build with no previous deploy publishes an empty changelog, says it is the first build, and a valid empty feed', async () => {
    const changelog = ChangelogSchema.parse(JSON.parse(await read(project, 'changelog.json')));
    expect(changelog).toMatchObject({ version: 1, notes: [], entries: [] });
    expect(changelog.comparedWith).toBeUndefined();
    expect(await read(project, 'changelog/index.html')).toContain('This is the first build');
    const feed = await read(project, 'changelog/feed.xml');
    expect(feed).toContain('<link rel="alternate" type="text/html" href="/fernway-portal/changelog/"/>');
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="/fernway-portal/changelog/feed.xml"/>');
  });
});
