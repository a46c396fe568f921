import { describe, expect, it } from 'vitest';
import { readCatalog } from '../catalog/read-catalog.ts';
import { ownershipEvidence } from '../graph/ownership-evidence.ts';
import { resolveGraph } from '../graph/resolve-graph.ts';
import { inMemorySnapshot } from '../../test/support/in-memory-source.ts';
import { buildPortalData, portalRepoOf } from './build-portal-data.ts';
import { PortalDataSchema } from './schema.ts';
import { EntityRecordSchema, type EntityRecord } from '../entity-record/schema.ts';

const shop = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: web
  title: Web shop
  description: The storefront.
  tags: [frontend]
  links:
    - url: https://shop.example.com
      title: Live site
spec:
  type: website
  lifecycle: production
  owner: team-a
  system: shop
  providesApis: [orders-api]
  consumesApis: [prices-api]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: cart }
spec: { type: service, lifecycle: production, owner: team-a, subcomponentOf: web }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: orders-api }
spec: { type: openapi, lifecycle: production, owner: team-a, system: shop, definition: "openapi: 3.0.0" }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: shop }
spec: { owner: team-a, domain: commerce }
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: { name: commerce }
spec: { owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a }
spec: { type: team, children: [] }
`;

const legacy = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: old-batch }
spec: { type: service, lifecycle: deprecated, owner: team-gone, system: retired }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a }
spec: { type: team, children: [] }
`;

const snapshot = inMemorySnapshot(
  [
    { name: 'shop', url: 'https://github.com/acme/shop', catalogFiles: ['catalog-info.yaml'], files: { 'catalog-info.yaml': shop } },
    { name: 'legacy', catalogFiles: ['catalog-info.yaml'], files: { 'catalog-info.yaml': legacy } },
    { name: 'docs-only', catalogFiles: [], files: {} },
  ],
  'acme',
);
const catalog = readCatalog(snapshot);
// team-a is declared in shop and in legacy; the previous build published it from legacy.
const graph = resolveGraph(catalog.entities, { ownership: ownershipEvidence(snapshot, catalog, new Map([['group:default/team-a', 'legacy']])) });
const data = buildPortalData({ title: 'Acme Portal', org: 'Acme', snapshot, catalog, graph, generatedAt: new Date('2024-05-01T00:00:00Z') });
const entity = (ref: string): EntityRecord => {
  const found = data.entities.find((e) => e.ref === ref);
  if (!found) throw new Error(`${ref} is not in the portal data`);
  return found;
};

describe('buildPortalData', () => {
  it('validates against PortalDataSchema and survives JSON', () => {
    expect(PortalDataSchema.parse(JSON.parse(JSON.stringify(data)))).toEqual(data);
  });

  it('resolves owner, system and domain of a component', () => {
    expect(entity('component:default/web')).toMatchObject({ owner: 'group:default/team-a', system: 'system:default/shop', domain: 'domain:default/commerce' });
  });

  it("takes an API's domain through its system, and a system's domain directly", () => {
    expect(entity('api:default/orders-api')).toMatchObject({ system: 'system:default/shop', domain: 'domain:default/commerce' });
    expect(entity('system:default/shop')).toMatchObject({ domain: 'domain:default/commerce' });
    expect(entity('system:default/shop').system).toBeUndefined();
  });

  it('gives a subcomponent no system of its own (its parent is a Component, not a System)', () => {
    const cart = entity('component:default/cart');
    expect(cart.system).toBeUndefined();
    expect(cart.domain).toBeUndefined();
    expect(cart.relations).toContainEqual({ type: 'partOf', target: 'component:default/web', exists: true });
  });

  it('keeps dangling owner and system refs, marked `exists: false` in relations', () => {
    const old = entity('component:default/old-batch');
    expect(old).toMatchObject({ owner: 'group:default/team-gone', system: 'system:default/retired' });
    expect(old.domain).toBeUndefined();
    expect(old.relations).toEqual([
      { type: 'ownedBy', target: 'group:default/team-gone', exists: false },
      { type: 'partOf', target: 'system:default/retired', exists: false },
    ]);
    expect(entity('component:default/web').relations).toContainEqual({ type: 'consumesApi', target: 'api:default/prices-api', exists: false });
  });

  it('lists every relation of an entity, inverses included, sorted by type then target', () => {
    expect(entity('system:default/shop').relations.map((r) => `${r.type} ${r.target}`)).toEqual([
      'hasPart api:default/orders-api',
      'hasPart component:default/web',
      'ownedBy group:default/team-a',
      'partOf domain:default/commerce',
    ]);
  });

  it('attaches each diagnostic to the entity it names, and only to it', () => {
    const old = entity('component:default/old-batch');
    expect(old.diagnostics.map((d) => d.rule).sort()).toEqual(['owner-not-found', 'ref-not-found']);
    expect(old.diagnostics.every((d) => d.ref === 'component:default/old-batch')).toBe(true);
    expect(entity('component:default/cart').diagnostics).toEqual([]);
    // team-a is declared in shop and in legacy: legacy keeps it (the previous build published it from there), shop's copy is reported on the entity.
    expect(entity('group:default/team-a').source.repo).toBe('legacy');
    expect(entity('group:default/team-a').diagnostics).toMatchObject([{ rule: 'duplicate-entity', repo: 'shop' }]);
  });

  it('copies the fields pages show, and links to the file on GitHub when the repo has a URL', () => {
    const web = entity('component:default/web');
    expect(web).toMatchObject({
      kind: 'Component',
      namespace: 'default',
      name: 'web',
      title: 'Web shop',
      description: 'The storefront.',
      type: 'website',
      lifecycle: 'production',
      tags: ['frontend'],
      links: [{ url: 'https://shop.example.com', title: 'Live site' }],
      path: 'catalog/default/component/web/',
      source: { repo: 'shop', path: 'catalog-info.yaml', document: 0, line: 1, repoUrl: 'https://github.com/acme/shop' },
    });
    expect(web.source.fileUrl).toBe('https://github.com/acme/shop/blob/main/catalog-info.yaml#L1');
    expect(entity('component:default/old-batch').source.fileUrl).toBeUndefined();
  });

  it('counts repos, entities per kind, errors and warnings, and records the source', () => {
    expect(data.meta).toEqual({
      title: 'Acme Portal',
      org: 'Acme',
      source: 'memory',
      generatedAt: '2024-05-01T00:00:00.000Z',
      counts: { repos: 3, entities: 7, byKind: { API: 1, Component: 3, Domain: 1, Group: 1, System: 1 }, errors: 1, warnings: 3 },
    });
    expect(data.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['duplicate-entity']);
  });

  it('lists every repo with its entity count, including repos without a catalog file', () => {
    expect(data.repos).toEqual([
      { name: 'shop', url: 'https://github.com/acme/shop', catalogFiles: ['catalog-info.yaml'], entityCount: 5 },
      { name: 'legacy', catalogFiles: ['catalog-info.yaml'], entityCount: 2 },
      { name: 'docs-only', catalogFiles: [], entityCount: 0 },
    ]);
  });

  it('sorts entities by ref and diagnostics in a stable order', () => {
    expect(data.entities.map((e) => e.ref)).toEqual([...data.entities.map((e) => e.ref)].sort());
    const keys = data.diagnostics.map((d) => `${d.repo}/${d.path}:${String(d.line).padStart(4, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('buildPortalData: scorecards and health', () => {
  it('attaches a scorecard to owned kinds and none to Groups', () => {
    expect(entity('component:default/web').scorecard).toMatchObject({ level: expect.any(String), score: expect.any(Number) });
    // A Domain is checked for an owner and a description only; failing checks come first.
    expect(entity('domain:default/commerce').scorecard?.checks.map((c) => `${c.status} ${c.id}`)).toEqual(['fail description-present', 'pass owner-resolves']);
    expect(entity('group:default/team-a').scorecard).toBeUndefined();
    expect(entity('component:default/old-batch').scorecard?.checks[0]).toMatchObject({
      id: 'owner-resolves',
      status: 'fail',
      message: 'Owner group:default/team-gone is not in the catalog.',
    });
  });

  it('computes the org overview from the finished entities', () => {
    expect(data.health.orphans).toEqual([{ ref: 'component:default/old-batch', owner: 'group:default/team-gone', reason: 'dangling' }]);
    expect(data.health.byTeam.map((t) => t.ref)).toEqual(['group:default/team-a']);
    expect(data.health.staleAfterDays).toBe(180);
  });

  it('uses the build time and health.staleAfterDays for the activity check', () => {
    const dated = {
      ...snapshot,
      repos: snapshot.repos.map((r) => (r.name === 'shop' ? { ...r, head: { commit: 'c0ffee', date: '2024-03-01T00:00:00Z' } } : r)),
    };
    const build = (staleAfterDays: number) =>
      buildPortalData({
        title: 'Acme Portal',
        org: 'Acme',
        snapshot: dated,
        catalog,
        graph,
        generatedAt: new Date('2024-05-01T00:00:00Z'),
        health: { staleAfterDays },
      });
    const activity = (d: ReturnType<typeof build>) =>
      d.entities.find((e) => e.ref === 'component:default/web')?.scorecard?.checks.find((c) => c.id === 'recent-activity');
    expect(activity(build(180))).toMatchObject({ status: 'pass', message: 'Last commit 61 days ago (2024-03-01).' });
    expect(activity(build(30))).toMatchObject({ status: 'fail' });
    expect(build(30).health.stale.map((s) => s.ref)).toContain('component:default/web');
  });
});

describe('buildPortalData: per-entity isolation', () => {
  const one = (name: string, extra = '') =>
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec: { type: service, lifecycle: production, owner: team-a${extra} }\n`;
  // Snapshots from a source are checked where they are made (src/sources/checked-values.ts); these values
  // get past that on purpose, to show the last gate holds.
  const hostile = inMemorySnapshot(
    [
      {
        name: 'fine',
        url: 'https://github.com/acme/fine',
        catalogFiles: ['catalog-info.yaml'],
        files: {
          'catalog-info.yaml': `${one('fine', ', dependsOn: [component:far-future, component:bad-host]')}---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-a }\nspec: { type: team, children: [] }\n`,
        },
      },
      { name: 'far-future', url: 'https://github.com/acme/far-future', catalogFiles: ['catalog-info.yaml'], files: { 'catalog-info.yaml': one('far-future') } },
      { name: 'bad-host', url: 'https://github.com/acme/bad-host', catalogFiles: ['catalog-info.yaml'], files: { 'catalog-info.yaml': one('bad-host') } },
    ],
    'acme',
  );
  hostile.repos[1]!.head = { commit: 'c0ffee', date: '+010000-01-01T00:00:00.000Z' };
  hostile.repos[2]!.url = 'https://exa mple.com/acme/bad-host';
  const hostileCatalog = readCatalog(hostile);
  const built = buildPortalData({
    title: 'Acme',
    org: 'Acme',
    snapshot: hostile,
    catalog: hostileCatalog,
    graph: resolveGraph(hostileCatalog.entities),
    generatedAt: new Date('2024-05-01T00:00:00Z'),
  });
  const failed = built.diagnostics.filter((d) => d.rule === 'repo-failed');

  it('leaves out an entity whose page would throw on a date or a URL, and still validates as PortalData', () => {
    expect(built.entities.map((e) => e.ref)).toEqual(['component:default/fine', 'group:default/team-a']);
    expect(() => PortalDataSchema.parse(JSON.parse(JSON.stringify(built)))).not.toThrow();
  });

  it("says why in a repo-failed error on the entity's repo, file and ref", () => {
    expect(failed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          repo: 'far-future',
          path: 'catalog-info.yaml',
          line: 1,
          ref: 'component:default/far-future',
          severity: 'error',
          message: expect.stringMatching(
            /^Frontdoor failed while building its page data \(catalog-info\.yaml\): NotRenderableError: `repo\.lastCommit\.date` is "\+010000-01-01T00:00:00\.000Z", not a date between years 0000 and 9999\. The entity component:default\/far-future is left out/,
          ),
        }),
        expect.objectContaining({
          repo: 'bad-host',
          ref: 'component:default/bad-host',
          message: expect.stringContaining('`repo.url` is "https://exa mple.com/acme/bad-host", not a URL'),
        }),
      ]),
    );
    expect(built.meta.counts.errors).toBe(built.diagnostics.filter((d) => d.severity === 'error').length);
  });

  it('leaves the repo out of the repositories list when its own record cannot be rendered', () => {
    expect(built.repos.map((r) => r.name)).toEqual(['fine']);
    expect(
      failed
        .filter((d) => !d.ref)
        .map((d) => d.repo)
        .sort(),
    ).toEqual(['bad-host', 'far-future']);
  });

  it('marks relations to a left-out entity as leading nowhere, so no page links to a missing page', () => {
    const fine = built.entities.find((e) => e.ref === 'component:default/fine')!;
    expect(fine.relations.filter((r) => r.type === 'dependsOn')).toEqual([
      { type: 'dependsOn', target: 'component:default/bad-host', exists: false },
      { type: 'dependsOn', target: 'component:default/far-future', exists: false },
    ]);
  });
});

describe('buildPortalData: one rule for "has documentation"', () => {
  const api = (name: string, definition: string) =>
    `---\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: { name: ${name} }\nspec: { type: openapi, lifecycle: production, owner: team-a, definition: ${JSON.stringify(definition)} }\n`;
  const component = (name: string, annotations = '') =>
    `---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name}${annotations} }\nspec: { type: service, lifecycle: production, owner: team-a }\n`;
  const techdocs = ", annotations: { backstage.io/techdocs-ref: 'dir:.' }";
  const file = [
    component('documented', techdocs),
    component('unbuilt', techdocs),
    component('readme-only'),
    component('undocumented'),
    api('orders-api', 'openapi: 3.0.0\ninfo: { title: Orders, version: 1.0.0 }\npaths: {}\n'),
    api('broken-api', 'swagger: [nope'),
    api('five-api', '5').replace('definition: "5"', 'definition: 5'),
    '---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-a }\nspec: { type: team, children: [] }\n',
  ].join('');
  const docsSnapshot = inMemorySnapshot(
    [{ name: 'docs', url: 'https://github.com/acme/docs', catalogFiles: ['catalog-info.yaml'], files: { 'catalog-info.yaml': file } }],
    'acme',
  );
  const docsCatalog = readCatalog(docsSnapshot);
  // What the docs stage rendered: TechDocs for one, a README for another; `unbuilt`'s techdocs-ref led nowhere.
  const pathByRef = new Map([
    ['component:default/documented', 'docs/default/component/documented/'],
    ['component:default/readme-only', 'docs/default/component/readme-only/'],
  ]);
  const built = buildPortalData({
    title: 'Acme',
    org: 'Acme',
    snapshot: docsSnapshot,
    catalog: docsCatalog,
    graph: resolveGraph(docsCatalog.entities),
    generatedAt: new Date('2024-05-01T00:00:00Z'),
    docs: { diagnostics: [], pathByRef },
  });
  const record = (name: string) => built.entities.find((e) => e.name === name)!;
  const docsCheck = (name: string) => record(name).scorecard?.checks.find((c) => c.id === 'docs-present')?.status;

  it('gives an entity docs (its Docs button) exactly when the build rendered them, or an API definition parsed', () => {
    expect(
      Object.fromEntries(['documented', 'unbuilt', 'readme-only', 'undocumented', 'orders-api', 'broken-api'].map((name) => [name, record(name).docs])),
    ).toEqual({
      documented: { path: 'docs/default/component/documented/', from: 'techdocs' },
      unbuilt: undefined,
      'readme-only': { path: 'docs/default/component/readme-only/', from: 'readme' },
      undocumented: undefined,
      'orders-api': { path: 'catalog/default/api/orders-api/definition/', from: 'api-definition' },
      'broken-api': undefined,
    });
  });

  it('passes "Has documentation" for the same entities, and the health overview counts the same', () => {
    for (const name of ['documented', 'unbuilt', 'readme-only', 'undocumented', 'orders-api', 'broken-api']) {
      expect([name, docsCheck(name)]).toEqual([name, record(name).docs ? 'pass' : 'fail']);
    }
    expect(built.health.byCheck.find((c) => c.id === 'docs-present')).toMatchObject({ passed: 3, failed: 3 });
  });

  it("reads an API's definition once, for its check and its pages: a parse that fails says why", () => {
    const broken = record('broken-api');
    expect(broken.kind === 'API' && broken.parsedDefinition).toMatchObject({ ok: false, format: 'openapi' });
    expect(broken.scorecard?.checks.find((c) => c.id === 'api-definition-valid')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^The openapi definition is not valid/),
    });
    const orders = record('orders-api');
    expect(orders.kind === 'API' && orders.parsedDefinition).toMatchObject({ ok: true, format: 'openapi' });
  });

  it('publishes no API whose definition is not text: the catalog rejects it, and the page data schema refuses it', () => {
    expect(built.entities.some((e) => e.name === 'five-api')).toBe(false);
    expect(docsCatalog.diagnostics).toContainEqual(
      expect.objectContaining({
        ref: 'api:default/five-api',
        rule: 'spec-field-invalid',
        message: expect.stringContaining('`spec.definition` must be a string, but it is the number 5'),
      }),
    );
    const orders = record('orders-api');
    expect(EntityRecordSchema.safeParse({ ...orders, spec: { ...orders.spec, definition: 5 } }).success).toBe(false);
  });
});

describe('buildPortalData: inferred Components', () => {
  it('publishes a Component inferred from a repo without a catalog file even when CODEOWNERS names no owner', () => {
    const bare = inMemorySnapshot([{ name: 'bare', url: 'https://github.com/acme/bare', catalogFiles: [], files: {} }], 'acme');
    const bareCatalog = readCatalog(bare, undefined, { inferMissing: true });
    const built = buildPortalData({
      title: 'Acme',
      org: 'Acme',
      snapshot: bare,
      catalog: bareCatalog,
      graph: resolveGraph(bareCatalog.entities),
      generatedAt: new Date('2024-05-01T00:00:00Z'),
    });
    expect(built.entities).toEqual([expect.objectContaining({ ref: 'component:default/bare', spec: { type: 'unknown', lifecycle: 'unknown' } })]);
    expect(built.diagnostics.map((d) => d.rule)).toEqual(['repo-no-catalog']);
  });
});

describe('portalRepoOf', () => {
  it("takes the portal's repo from GitHub Actions' GITHUB_REPOSITORY, and nothing from a local build or a malformed value", () => {
    expect(portalRepoOf({ GITHUB_REPOSITORY: 'fernway/fernway-portal' })).toBe('fernway/fernway-portal');
    expect(portalRepoOf({})).toBeUndefined();
    expect(portalRepoOf({ GITHUB_REPOSITORY: 'not a repo' })).toBeUndefined();
    expect(portalRepoOf({ GITHUB_REPOSITORY: 'a/b/c' })).toBeUndefined();
  });
});
