import { describe, expect, test } from 'vitest';
import { Random } from '../../bench/prng.ts';
import { clearLayoutCache, dagreGraph, layoutStats, rankedLayout, type Direction, type Point, type RankedEdge, type RankedNode } from './ranked-layout.ts';

/** A random graph: mostly forward edges, a few back edges (cycles), some long ones, labels on all. */
function randomGraph(seed: number, direction: Direction): { nodes: RankedNode[]; edges: RankedEdge[] } {
  const random = new Random(seed);
  const count = random.int(2, 24);
  const crossSizes = [40, 40, 40, 52];
  const nodes = Array.from({ length: count }, () => {
    const along = random.int(60, 220);
    const cross = direction === 'LR' ? random.pick(crossSizes) : random.int(60, 220);
    return direction === 'LR' ? { width: along, height: cross } : { width: cross, height: random.pick(crossSizes) };
  });
  const edges: RankedEdge[] = [];
  for (let i = 1; i < count; i++) {
    for (let k = 0; k < random.int(1, 2); k++) {
      const other = random.int(0, i - 1);
      const back = random.chance(0.1);
      edges.push({
        from: back ? i : other,
        to: back ? other : i,
        minlen: random.chance(0.2) ? 2 : 1,
        labelWidth: random.int(30, 100),
        labelHeight: 14,
      });
    }
  }
  return { nodes, edges };
}

function expectClose(actual: Point, expected: Point, what: string) {
  expect(Math.abs(actual.x - expected.x), `${what} x: ${actual.x} vs ${expected.x}`).toBeLessThan(1e-6);
  expect(Math.abs(actual.y - expected.y), `${what} y: ${actual.y} vs ${expected.y}`).toBeLessThan(1e-6);
}

describe('rankedLayout', () => {
  for (const direction of ['LR', 'TB'] as const) {
    test(`matches dagre run directly on the real sizes (${direction}, 60 random graphs)`, () => {
      for (let seed = 1; seed <= 60; seed++) {
        const { nodes, edges } = randomGraph(seed, direction);
        const ours = rankedLayout(direction, nodes, edges);
        const g = dagreGraph(direction, nodes, edges);
        nodes.forEach((_, i) => {
          const n = g.node(String(i));
          expectClose(ours.nodes[i]!, { x: n.x!, y: n.y! }, `seed ${seed} node ${i}`);
        });
        edges.forEach((e, i) => {
          const label = g.edge(String(e.from), String(e.to), String(i));
          const points = label.points as Point[];
          expect(ours.edges[i]!.points, `seed ${seed} edge ${i} points`).toHaveLength(points.length);
          points.forEach((p, k) => expectClose(ours.edges[i]!.points[k]!, p, `seed ${seed} edge ${i} point ${k}`));
          expectClose(ours.edges[i]!.label, { x: label.x!, y: label.y! }, `seed ${seed} edge ${i} label`);
        });
      }
    });
  }

  test('runs dagre once per shape: the same edges and heights with other widths come from the cache', () => {
    clearLayoutCache();
    const edges: RankedEdge[] = [
      { from: 0, to: 1, minlen: 1, labelWidth: 60, labelHeight: 14 },
      { from: 2, to: 0, minlen: 1, labelWidth: 70, labelHeight: 14 },
    ];
    const a = rankedLayout(
      'LR',
      [
        { width: 100, height: 40 },
        { width: 150, height: 40 },
        { width: 90, height: 40 },
      ],
      edges,
    );
    const b = rankedLayout(
      'LR',
      [
        { width: 180, height: 40 },
        { width: 96, height: 40 },
        { width: 200, height: 40 },
      ],
      [{ ...edges[0]!, labelWidth: 90 }, edges[1]!],
    );
    expect(layoutStats).toEqual({ dagreRuns: 1, cacheHits: 1 });
    // Same cross positions, different spacing of the ranks.
    expect(b.nodes.map((p) => p.y)).toEqual(a.nodes.map((p) => p.y));
    expect(b.nodes[1]!.x).toBeGreaterThan(a.nodes[1]!.x);
  });

  test('is deterministic: the same input gives the same output, cached or not', () => {
    const { nodes, edges } = randomGraph(7, 'LR');
    clearLayoutCache();
    const first = rankedLayout('LR', nodes, edges);
    const cached = rankedLayout('LR', nodes, edges);
    clearLayoutCache();
    const again = rankedLayout('LR', nodes, edges);
    expect(cached).toEqual(first);
    expect(again).toEqual(first);
  });
});
