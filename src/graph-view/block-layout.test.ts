import { describe, expect, test } from 'vitest';
import { bounds, layoutBlock, type Box } from './block-layout.ts';
import type { GraphEdge } from './graph-model.ts';

const size = (width = 120): Box => ({ x: 0, y: 0, width, height: 40 });
const edge = (source: string, target: string, flip = false): GraphEdge => ({
  source,
  target,
  type: 'providesApi',
  label: 'provides API',
  ...(flip ? { flip } : {}),
});

describe('layoutBlock', () => {
  test('starts at (0, 0) and its size is what it covers', () => {
    const sizes = new Map([
      ['a', size()],
      ['b', size(160)],
    ]);
    const block = layoutBlock(['a', 'b'], [edge('a', 'b')], 'LR', sizes);
    const extent = bounds(block.nodes, block.edges);
    expect(extent.minX).toBeCloseTo(0);
    expect(extent.minY).toBeCloseTo(0);
    expect(block.width).toBeCloseTo(extent.maxX);
    expect(block.height).toBeCloseTo(extent.maxY);
  });

  test('top-down, a hub with 12 leaves spreads them over rows of at most 5', () => {
    const ids = ['hub', ...Array.from({ length: 12 }, (_, i) => `leaf${i}`)];
    const sizes = new Map(ids.map((id) => [id, size()]));
    const block = layoutBlock(
      ids,
      ids.slice(1).map((leaf) => edge('hub', leaf)),
      'TB',
      sizes,
    );
    const rows = new Map<number, number>();
    for (const node of block.nodes.slice(1)) rows.set(Math.round(node.y), (rows.get(Math.round(node.y)) ?? 0) + 1);
    expect(rows.size).toBe(3);
    expect(Math.max(...rows.values())).toBeLessThanOrEqual(5);
  });

  test('a flipped edge puts its target above its source, the arrow still ending at the target', () => {
    const sizes = new Map([
      ['part', size()],
      ['whole', size()],
    ]);
    const block = layoutBlock(['part', 'whole'], [edge('part', 'whole', true)], 'TB', sizes);
    const [part, whole] = block.nodes;
    expect(whole!.y + whole!.height).toBeLessThan(part!.y);
    const end = block.edges[0]!.points.at(-1)!;
    expect(end.y).toBeCloseTo(whole!.y + whole!.height);
  });
});
