import { describe, expect, test } from 'vitest';
import { entityRecord } from '../../test/support/health-entities.ts';
import { catalogGraph } from './catalog-graph.ts';

const web = entityRecord({
  name: 'web',
  title: 'Web',
  relations: [
    { type: 'ownedBy', target: 'group:default/team-a', exists: true },
    { type: 'dependsOn', target: 'resource:default/gone', exists: false },
  ],
});
const team = entityRecord({
  kind: 'Group',
  name: 'team-a',
  ref: 'group:default/team-a',
  relations: [{ type: 'ownerOf', target: 'component:default/web', exists: true }],
});

describe('catalogGraph', () => {
  test('one node per entity and one edge per relation, in its forward direction, whichever end declares it', () => {
    const graph = catalogGraph([web, team]);
    expect(graph.nodes).toEqual([
      { ref: 'component:default/web', kind: 'Component', namespace: 'default', name: 'web', title: 'Web', path: 'catalog/default/component/web/' },
      { ref: 'group:default/team-a', kind: 'Group', namespace: 'default', name: 'team-a', path: 'catalog/default/group/team-a/' },
    ]);
    expect(graph.edges).toEqual([
      { source: 'component:default/web', type: 'dependsOn', target: 'resource:default/gone', dangling: true },
      { source: 'component:default/web', type: 'ownedBy', target: 'group:default/team-a' },
    ]);
  });

  test('an inverse relation alone (its forward end missing) still becomes its forward edge', () => {
    const orphanInverse = entityRecord({
      kind: 'Group',
      name: 'team-b',
      ref: 'group:default/team-b',
      relations: [{ type: 'ownerOf', target: 'component:default/old', exists: false }],
    });
    expect(catalogGraph([orphanInverse]).edges).toEqual([{ source: 'component:default/old', type: 'ownedBy', target: 'group:default/team-b', dangling: true }]);
  });

  test('the same catalog in another order gives the same graph', () => {
    expect(JSON.stringify(catalogGraph([team, web]))).toBe(JSON.stringify(catalogGraph([web, team])));
  });
});
