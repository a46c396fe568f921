/**
 * One connected block of a drawing, laid out with dagre (through
 * ranked-layout.ts, which caches by shape): boxes of the given sizes, edges
 * from border to border with a spot for their label, from (0, 0). Plus the
 * moving and measuring the layouts share.
 */
import type { GraphEdge } from './graph-model.ts';
import { edgeLabelSize, NODE } from './node-text.ts';
import { rankedLayout, type Direction, type Point, type RankedEdge } from './ranked-layout.ts';

/** A box, top-left corner and size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode extends Box {
  id: string;
}

export interface PlacedEdge {
  edge: GraphEdge;
  /** From the source's border to the target's, arrowhead at the last point. */
  points: Point[];
  /** Centre of the label. */
  label: Point;
}

/** A hub's leaves (top-down) are spread over rows of at most this many. */
const MAX_FAN_TB = 5;

/** Lays out `nodes` (ids) and the `edges` among them with dagre; coordinates from about (0, 0). */
export function layoutBlock(ids: readonly string[], edges: readonly GraphEdge[], direction: Direction, sizes: ReadonlyMap<string, Box>) {
  const index = new Map(ids.map((id, i) => [id, i]));
  const boxes = ids.map((id) => ({ width: sizes.get(id)?.width ?? NODE.minWidth, height: sizes.get(id)?.height ?? NODE.height }));
  const ranked: RankedEdge[] = edges.map((edge) => {
    const label = edgeLabelSize(edge.label);
    return {
      from: index.get(edge.flip ? edge.target : edge.source) ?? 0,
      to: index.get(edge.flip ? edge.source : edge.target) ?? 0,
      minlen: 1,
      labelWidth: label.width,
      labelHeight: label.height,
    };
  });
  if (direction === 'TB') spreadFans(ranked, ids.length, MAX_FAN_TB);
  const laid = rankedLayout(direction, boxes, ranked);
  const nodes: PlacedNode[] = ids.map((id, i) => {
    const { x, y } = laid.nodes[i] ?? { x: 0, y: 0 };
    const { width, height } = boxes[i] ?? { width: 0, height: 0 };
    return { id, x: x - width / 2, y: y - height / 2, width, height };
  });
  const placed: PlacedEdge[] = edges.map((edge, i) => {
    const e = laid.edges[i] ?? { points: [], label: { x: 0, y: 0 } };
    return { edge, points: edge.flip ? [...e.points].reverse() : e.points, label: e.label };
  });
  const extent = bounds(nodes, placed);
  return {
    width: extent.maxX - extent.minX,
    height: extent.maxY - extent.minY,
    nodes: shift(nodes, -extent.minX, -extent.minY),
    edges: shiftEdges(placed, -extent.minX, -extent.minY),
  };
}

/**
 * A hub with many leaves (nodes with no other edge) would put them all in one
 * very wide row; spread them over several rows by lengthening some edges.
 */
function spreadFans(edges: RankedEdge[], nodeCount: number, maxFan: number): void {
  const degree = new Array<number>(nodeCount).fill(0);
  for (const { from, to } of edges) {
    degree[from] = (degree[from] ?? 0) + 1;
    degree[to] = (degree[to] ?? 0) + 1;
  }
  const fans = new Map<string, RankedEdge[]>();
  for (const edge of edges) {
    const { from, to } = edge;
    const key = degree[to] === 1 && degree[from] !== 1 ? `${from}>` : degree[from] === 1 && degree[to] !== 1 ? `<${to}` : undefined;
    if (key === undefined) continue;
    const fan = fans.get(key);
    if (fan) fan.push(edge);
    else fans.set(key, [edge]);
  }
  for (const fan of fans.values()) {
    if (fan.length <= maxFan) continue;
    const rows = Math.ceil(fan.length / maxFan);
    const perRow = Math.ceil(fan.length / rows);
    fan.forEach((edge, i) => {
      edge.minlen = 1 + Math.floor(i / perRow);
    });
  }
}

/** Smallest box around the nodes, edge points and labels. */
export function bounds(nodes: readonly Box[], edges: readonly PlacedEdge[]) {
  const boxes: Box[] = [...nodes];
  for (const e of edges) {
    const label = edgeLabelSize(e.edge.label);
    boxes.push({ x: e.label.x - label.width / 2, y: e.label.y - label.height / 2, ...label });
    for (const p of e.points) boxes.push({ x: p.x, y: p.y, width: 0, height: 0 });
  }
  if (boxes.length === 0) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return {
    minX: Math.min(...boxes.map((b) => b.x)),
    minY: Math.min(...boxes.map((b) => b.y)),
    maxX: Math.max(...boxes.map((b) => b.x + b.width)),
    maxY: Math.max(...boxes.map((b) => b.y + b.height)),
  };
}

export function shift<B extends Box>(boxes: readonly B[], dx: number, dy: number): B[] {
  return boxes.map((b) => ({ ...b, x: b.x + dx, y: b.y + dy }));
}

export function shiftEdges(edges: readonly PlacedEdge[], dx: number, dy: number): PlacedEdge[] {
  return edges.map((e) => ({
    edge: e.edge,
    points: e.points.map((p) => ({ x: p.x + dx, y: p.y + dy })),
    label: { x: e.label.x + dx, y: e.label.y + dy },
  }));
}
