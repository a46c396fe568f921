import { describe, expect, it } from 'vitest';
import { readCatalog } from '../catalog/read-catalog.ts';
import type { Snapshot } from '../sources/snapshot.ts';
import { diffCatalog } from './catalog-changes.ts';
import { publishedTargets } from './published-catalog.ts';

/** One repo's entities, read by the catalog itself from `catalog-info.yaml`. */
function entitiesOf(yaml: string) {
  const snapshot: Snapshot = {
    version: 1,
    source: 'files',
    org: 'acme',
    createdAt: '2024-01-01T00:00:00Z',
    repos: [
      {
        name: 'payments',
        topics: [],
        visibility: 'public',
        archived: false,
        isTemplate: false,
        catalogFiles: ['catalog-info.yaml'],
        files: { 'catalog-info.yaml': { status: 'text', text: yaml, size: yaml.length } },
        globs: {},
        trees: {},
      },
    ],
    people: [],
    notes: [],
  };
  return readCatalog(snapshot, undefined, { inferMissing: false }).entities;
}

const component = (name: string, owner = 'team-a') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: ${owner}\n`;
const base = entitiesOf(`${component('payments')}---\n${component('ledger')}`);

const org = publishedTargets([
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations: { 'backstage.io/managed-by-location': 'url:https://github.com/acme/checkout/blob/main/catalog-info.yaml' } },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-b', dependsOn: ['component:payments'] },
  },
]);

describe('diffCatalog', () => {
  it('reports nothing when the catalog is unchanged', () => {
    expect(diffCatalog(base, entitiesOf(`${component('payments')}---\n${component('ledger')}`), org)).toEqual([]);
  });

  it('calls a new name in the same document a rename, and lists who elsewhere still names the old one', () => {
    const changes = diffCatalog(base, entitiesOf(`${component('payments-service')}---\n${component('ledger')}`), org);
    expect(changes).toEqual([
      {
        type: 'renamed',
        from: 'component:default/payments',
        ref: 'component:default/payments-service',
        place: { path: 'catalog-info.yaml', line: expect.any(Number), column: expect.any(Number) },
        referredBy: [{ ref: 'component:default/checkout', field: 'dependsOn', location: 'https://github.com/acme/checkout/blob/main/catalog-info.yaml' }],
      },
    ]);
  });

  it('reports added and removed entities, and owner changes at the owner line', () => {
    const changes = diffCatalog(base, entitiesOf(`${component('payments', 'team-c')}---\n${component('ledger')}---\n${component('refunds')}`), org);
    expect(changes.map((c) => c.type)).toEqual(['owner-changed', 'added']);
    expect(changes[0]).toMatchObject({
      ref: 'component:default/payments',
      from: 'group:default/team-a',
      to: 'group:default/team-c',
      place: { line: 8, column: 10 },
    });
    expect(diffCatalog(base, entitiesOf(component('payments')), org)).toEqual([
      { type: 'removed', ref: 'component:default/ledger', basePath: 'catalog-info.yaml', referredBy: [] },
    ]);
  });

  it('does not call an entity removed when its document is only broken now', () => {
    const head = entitiesOf(component('payments'));
    expect(diffCatalog(base, head, org, new Set(['component:default/ledger']))).toEqual([]);
  });
});
