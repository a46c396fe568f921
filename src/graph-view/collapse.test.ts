import { describe, expect, test } from 'vitest';
import { collapseGroups, type NeighbourGroup } from './collapse.ts';
import type { GraphNode } from './graph-model.ts';

const nodes = (kind: string, count: number): GraphNode[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${kind.toLowerCase()}:default/n${i}`, role: 'entity', kind, title: `n${i}` }));

const drawn = (groups: ReturnType<typeof collapseGroups>) => groups.reduce((sum, g) => sum + g.shown.length + (g.more ? 1 : 0), 0);

describe('collapseGroups', () => {
  test('draws everything when within the limits', () => {
    const groups: NeighbourGroup[] = [
      { type: 'hasMember', nodes: nodes('User', 12) },
      { type: 'ownerOf', nodes: nodes('Component', 5) },
    ];
    const result = collapseGroups('group:default/g', groups);
    expect(result.map((g) => g.shown.length)).toEqual([12, 5]);
    expect(result.every((g) => g.more === undefined)).toBe(true);
  });

  test('a type over 12 shows 11 and one summary node for the rest', () => {
    const result = collapseGroups('group:default/g', [{ type: 'hasMember', nodes: nodes('User', 50) }]);
    expect(result[0]!.shown).toHaveLength(11);
    expect(result[0]!.more?.node).toEqual({ id: 'more:group:default/g:hasMember', role: 'more', kind: '', title: '+39 more users' });
    expect(result[0]!.more?.omission).toEqual({ type: 'hasMember', nodeId: 'more:group:default/g:hasMember', count: 39, noun: 'users' });
  });

  test('never draws more than 30 neighbours in all, taking from the biggest types first', () => {
    const groups: NeighbourGroup[] = [
      { type: 'childOf', nodes: nodes('Group', 1) },
      { type: 'hasMember', nodes: nodes('User', 40) },
      { type: 'parentOf', nodes: nodes('Group', 9) },
      { type: 'ownerOf', nodes: nodes('Component', 60) },
      { type: 'ownerOf2', nodes: nodes('API', 14) },
    ];
    const result = collapseGroups('group:default/g', groups);
    expect(drawn(result)).toBe(30);
    expect(result[0]!.shown).toHaveLength(1);
    // Every type keeps something, and the counts add up.
    for (const [i, group] of result.entries()) {
      expect(group.shown.length + (group.more?.omission.count ?? 0)).toBe(groups[i]!.nodes.length);
    }
  });

  test('mixed kinds are "entities"; a key names the summary of one of several groups of a type', () => {
    const apis = nodes('API', 10);
    const resources = nodes('Resource', 10);
    const mixed = apis.flatMap((api, i) => [api, resources[i]!]);
    const [group] = collapseGroups('system:default/s', [{ type: 'hasPart', key: 'hasPart-mixed', nodes: mixed }]);
    expect(group!.more?.node.title).toBe('+9 more entities');
    expect(group!.more?.node.id).toBe('more:system:default/s:hasPart-mixed');
  });

  test('respects other limits', () => {
    const result = collapseGroups('x', [{ type: 'hasMember', nodes: nodes('User', 10) }], { perType: 4, total: 30 });
    expect(result[0]!.shown).toHaveLength(3);
    expect(result[0]!.more?.omission.count).toBe(7);
  });
});
