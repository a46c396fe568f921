import { describe, expect, it } from 'vitest';
import { inverseRelation } from '../catalog-model/relations.ts';
import { readCatalog } from '../catalog/read-catalog.ts';
import { inMemorySnapshot } from '../../test/support/in-memory-source.ts';
import { resolveGraph, type CatalogGraph } from './resolve-graph.ts';

/** One repo, one catalog file; the fixture itself must be valid so only the graph is under test. */
function graphOf(yaml: string): CatalogGraph {
  const catalog = readCatalog(inMemorySnapshot([{ name: 'repo', catalogFiles: ['catalog-info.yaml'], files: { 'catalog-info.yaml': yaml } }]));
  expect(catalog.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return resolveGraph(catalog.entities);
}

const relationsOf = (graph: CatalogGraph, ref: string) => (graph.relationsOf.get(ref) ?? []).map((r) => `${r.type} ${r.target}`);

/** Every kind, every relation field, every target present and of the right kind. */
const org = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: web }
spec:
  type: website
  lifecycle: production
  owner: team-a
  system: shop
  subcomponentOf: platform
  providesApis: [orders-api]
  consumesApis: [prices-api]
  dependsOn: [resource:orders-db]
  dependencyOf: [component:checkout]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: platform }
spec: { type: service, lifecycle: production, owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: checkout }
spec: { type: service, lifecycle: production, owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: orders-api }
spec: { type: openapi, lifecycle: production, owner: user:jane, system: shop, definition: "openapi: 3.0.0" }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: prices-api }
spec: { type: openapi, lifecycle: production, owner: team-a, definition: "openapi: 3.0.0" }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: orders-db }
spec: { type: database, owner: team-a, system: shop, dependsOn: [resource:network] }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: network }
spec: { type: vpc, owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: shop }
spec: { owner: team-a, domain: commerce }
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: { name: commerce }
spec: { owner: team-a, subdomainOf: business }
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: { name: business }
spec: { owner: eng }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: eng }
spec: { type: department, children: [team-b] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a }
spec: { type: team, parent: eng, children: [], members: [jane] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-b }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: jane }
spec: { memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: bob }
spec: { memberOf: [team-a] }
---
apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: { name: new-service }
spec: { type: service, owner: team-b, steps: [] }
`;

describe('resolveGraph: relations', () => {
  const graph = graphOf(org);

  it('resolves a fully consistent org without a single diagnostic', () => {
    expect(graph.diagnostics).toEqual([]);
    expect(graph.entities.map((e) => e.ref)).toEqual([...graph.byRef.keys()].sort());
  });

  it.each([
    // source, field, relation, target, inverse
    ['component:default/web', 'owner', 'ownedBy', 'group:default/team-a', 'ownerOf'],
    ['component:default/web', 'system', 'partOf', 'system:default/shop', 'hasPart'],
    ['component:default/web', 'subcomponentOf', 'partOf', 'component:default/platform', 'hasPart'],
    ['component:default/web', 'providesApis', 'providesApi', 'api:default/orders-api', 'apiProvidedBy'],
    ['component:default/web', 'consumesApis', 'consumesApi', 'api:default/prices-api', 'apiConsumedBy'],
    ['component:default/web', 'dependsOn', 'dependsOn', 'resource:default/orders-db', 'dependencyOf'],
    ['component:default/web', 'dependencyOf', 'dependencyOf', 'component:default/checkout', 'dependsOn'],
    ['api:default/orders-api', 'owner (a User)', 'ownedBy', 'user:default/jane', 'ownerOf'],
    ['api:default/orders-api', 'system', 'partOf', 'system:default/shop', 'hasPart'],
    ['resource:default/orders-db', 'owner', 'ownedBy', 'group:default/team-a', 'ownerOf'],
    ['resource:default/orders-db', 'system', 'partOf', 'system:default/shop', 'hasPart'],
    ['resource:default/orders-db', 'dependsOn', 'dependsOn', 'resource:default/network', 'dependencyOf'],
    ['system:default/shop', 'owner', 'ownedBy', 'group:default/team-a', 'ownerOf'],
    ['system:default/shop', 'domain', 'partOf', 'domain:default/commerce', 'hasPart'],
    ['domain:default/commerce', 'owner', 'ownedBy', 'group:default/team-a', 'ownerOf'],
    ['domain:default/commerce', 'subdomainOf', 'partOf', 'domain:default/business', 'hasPart'],
    ['group:default/team-a', 'parent', 'childOf', 'group:default/eng', 'parentOf'],
    ['group:default/eng', 'children', 'parentOf', 'group:default/team-b', 'childOf'],
    ['group:default/team-a', 'members', 'hasMember', 'user:default/jane', 'memberOf'],
    ['user:default/bob', 'memberOf', 'memberOf', 'group:default/team-a', 'hasMember'],
    ['template:default/new-service', 'owner', 'ownedBy', 'group:default/team-b', 'ownerOf'],
  ])('%s %s → %s %s, and the inverse %s', (source, _field, type, target, inverse) => {
    expect(relationsOf(graph, source)).toContain(`${type} ${target}`);
    expect(relationsOf(graph, target)).toContain(`${inverse} ${source}`);
    expect(inverseRelation[type]).toBe(inverse);
  });

  it('lists relations sorted by type, then target', () => {
    expect(relationsOf(graph, 'component:default/web')).toEqual([
      'consumesApi api:default/prices-api',
      'dependencyOf component:default/checkout',
      'dependsOn resource:default/orders-db',
      'ownedBy group:default/team-a',
      'partOf component:default/platform',
      'partOf system:default/shop',
      'providesApi api:default/orders-api',
    ]);
    const ownerOf = relationsOf(graph, 'group:default/team-a').filter((r) => r.startsWith('ownerOf '));
    expect(ownerOf).toEqual([...ownerOf].sort());
    expect(ownerOf.length).toBeGreaterThan(5);
  });

  it('builds each relation list once: repeated lookups give the same array', () => {
    const first = graph.relationsOf.get('group:default/team-a');
    expect(first).toBeDefined();
    expect(graph.relationsOf.get('group:default/team-a')).toBe(first);
  });
});

describe('resolveGraph: refs', () => {
  it("defaults a ref without namespace to the source entity's namespace, not `default`", () => {
    const graph = graphOf(`
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: cart, namespace: shop }
spec: { type: service, lifecycle: production, owner: payments, system: checkout, dependsOn: [resource:default/db] }
`);
    expect(relationsOf(graph, 'component:shop/cart')).toEqual(['dependsOn resource:default/db', 'ownedBy group:shop/payments', 'partOf system:shop/checkout']);
  });

  it('matches refs case-insensitively: `owner: Team-A` is group:default/team-a', () => {
    const graph = graphOf(`
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: Web }
spec: { type: service, lifecycle: production, owner: Team-A, system: System:Default/SHOP }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: shop }
spec: { owner: TEAM-a }
`);
    expect(graph.diagnostics).toEqual([]);
    expect(relationsOf(graph, 'component:default/web')).toEqual(['ownedBy group:default/team-a', 'partOf system:default/shop']);
    expect(relationsOf(graph, 'group:default/team-a')).toEqual(['ownerOf component:default/web', 'ownerOf system:default/shop']);
  });

  it('keeps one relation when both sides declare it (members + memberOf, children + parent)', () => {
    const graph = graphOf(`
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: eng }
spec: { type: department, children: [team-a] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a }
spec: { type: team, parent: eng, children: [], members: [jane] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: jane }
spec: { memberOf: [team-a] }
`);
    expect(relationsOf(graph, 'group:default/team-a')).toEqual(['childOf group:default/eng', 'hasMember user:default/jane']);
    expect(relationsOf(graph, 'user:default/jane')).toEqual(['memberOf group:default/team-a']);
    expect(relationsOf(graph, 'group:default/eng')).toEqual(['parentOf group:default/team-a']);
  });
});

describe('per-entity isolation', () => {
  const yaml = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: web }
spec: { type: website, lifecycle: production, owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: api }
spec: { type: service, lifecycle: production, owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a }
spec: { type: team, children: [] }
`;
  const entities = readCatalog(inMemorySnapshot([{ name: 'shop', catalogFiles: ['catalog-info.yaml'], files: { 'catalog-info.yaml': yaml } }])).entities;

  it.each([
    ['a relation type with no inverse', { type: 'bogus', target: 'group:default/team-a', targetKind: 'Group', field: 'owner', line: 4, column: 1 }],
    [
      'a relation from a field the kind does not have',
      { type: 'ownedBy', target: 'group:default/nobody', targetKind: 'Group', field: 'nonsense', line: 4, column: 1 },
    ],
  ])('drops an entity whose processing throws (%s), with a repo-failed error, and builds the rest', (_, relation) => {
    const broken = entities.map((e) => (e.ref === 'component:default/web' ? { ...e, relations: [...e.relations, relation] } : e));
    const graph = resolveGraph(broken);
    expect(graph.entities.map((e) => e.ref)).toEqual(['component:default/api', 'group:default/team-a']);
    expect(graph.byRef.has('component:default/web')).toBe(false);
    // None of the dropped entity's relations remain.
    expect(relationsOf(graph, 'group:default/team-a')).toEqual(['ownerOf component:default/api']);
    expect(graph.diagnostics.filter((d) => d.rule === 'repo-failed')).toMatchObject([
      {
        severity: 'error',
        repo: 'shop',
        path: 'catalog-info.yaml',
        line: 1,
        ref: 'component:default/web',
        message: expect.stringMatching(
          /^Frontdoor failed while resolving its relations \(catalog-info\.yaml\): .+\. The entity component:default\/web is left out of the portal/,
        ),
      },
    ]);
  });
});
