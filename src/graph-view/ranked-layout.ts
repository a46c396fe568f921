/**
 * Dagre, cached by graph shape.
 *
 * Dagre takes 2–10 ms per graph: too slow to run for each of 10,000 entity
 * pages. But what it computes splits in two. Ranks (columns, left to right)
 * and the positions across ranks depend only on the edges and on each box's
 * size across the ranks (its height, left to right). Where each rank sits
 * depends only on the widest box in it and in the ranks before it. So dagre
 * runs on the shape (edges and cross sizes, no names, no widths), its result
 * is cached under that shape, and the ranks are then spaced for the real
 * widths here, exactly as dagre spaces them (ranked-layout.test.ts checks
 * that against dagre run directly). A catalog's star-shaped neighbourhoods
 * come in a few dozen shapes.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';

export type Direction = 'LR' | 'TB';

export interface Point {
  x: number;
  y: number;
}

export interface RankedNode {
  width: number;
  height: number;
}

export interface RankedEdge {
  from: number;
  to: number;
  /** Least number of ranks between the ends (dagre's minlen). */
  minlen: number;
  labelWidth: number;
  labelHeight: number;
}

export interface RankedLayout {
  /** Node centres. */
  nodes: Point[];
  /** From the border of `from` to the border of `to`, and the centre of the label. */
  edges: { points: Point[]; label: Point }[];
}

export const SPACING = {
  LR: { nodesep: 10, ranksep: 40, edgesep: 8 },
  TB: { nodesep: 18, ranksep: 48, edgesep: 10 },
} as const;

/** Gap between an edge and its label (labels sit beside their edge: above it left to right, right of it top-down). */
const LABEL_OFFSET = 2;
/** The size along the ranks every box gets in the cached run; any constant does. */
const CANONICAL = 100;

/** What the cache keeps: ranks and cross-rank positions. */
interface ShapeLayout {
  nodes: { rank: number; cross: number }[];
  /** Cross positions of the points between the ends, the label's cross position, and which of those points is the label's. */
  edges: { cross: number[]; labelCross: number; labelAt: number }[];
}

const cache = new Map<string, ShapeLayout>();
const CACHE_LIMIT = 20_000;
export const layoutStats = { dagreRuns: 0, cacheHits: 0 };

/** Forgets cached shapes (tests and benchmarks). */
export function clearLayoutCache(): void {
  cache.clear();
  layoutStats.dagreRuns = 0;
  layoutStats.cacheHits = 0;
}

const crossSize = (direction: Direction, w: number, h: number) => (direction === 'LR' ? h : w);
const rankSize = (direction: Direction, w: number, h: number) => (direction === 'LR' ? w : h);

/** Dagre on sizes as given, no cache: the reference the cached layout must match. */
export function dagreGraph(direction: Direction, nodes: readonly RankedNode[], edges: readonly RankedEdge[]) {
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  g.setGraph({ rankdir: direction, ...SPACING[direction], marginx: 0, marginy: 0 });
  // Added last to first: dagre then keeps nodes that tie in their first-given order (top to bottom, left to right).
  for (let i = nodes.length - 1; i >= 0; i--) g.setNode(String(i), { width: nodes[i]?.width ?? 0, height: nodes[i]?.height ?? 0 });
  const labelpos = direction === 'LR' ? 'l' : 'r';
  for (let i = edges.length - 1; i >= 0; i--) {
    const e = edges[i];
    if (!e) continue;
    g.setEdge(String(e.from), String(e.to), { minlen: e.minlen, width: e.labelWidth, height: e.labelHeight, labelpos, labeloffset: LABEL_OFFSET }, String(i));
  }
  dagre.layout(g);
  return g;
}

function shapeLayout(direction: Direction, nodes: readonly RankedNode[], edges: readonly RankedEdge[]): ShapeLayout {
  const canonicalNode = (n: RankedNode): RankedNode => {
    const cross = crossSize(direction, n.width, n.height);
    return direction === 'LR' ? { width: CANONICAL, height: cross } : { width: cross, height: CANONICAL };
  };
  const canonicalEdge = (e: RankedEdge): RankedEdge => {
    const cross = crossSize(direction, e.labelWidth, e.labelHeight);
    return direction === 'LR' ? { ...e, labelWidth: CANONICAL, labelHeight: cross } : { ...e, labelWidth: cross, labelHeight: CANONICAL };
  };
  const shapeNodes = nodes.map(canonicalNode);
  const shapeEdges = edges.map(canonicalEdge);
  const key = `${direction}|${shapeNodes.map((n) => crossSize(direction, n.width, n.height)).join(',')}|${shapeEdges
    .map((e) => `${e.from}>${e.to}:${e.minlen}:${crossSize(direction, e.labelWidth, e.labelHeight)}`)
    .join(',')}`;
  const cached = cache.get(key);
  if (cached) {
    layoutStats.cacheHits++;
    return cached;
  }
  layoutStats.dagreRuns++;
  const g = dagreGraph(direction, shapeNodes, shapeEdges);
  const along = (p: Point) => (direction === 'LR' ? p.x : p.y);
  const across = (p: Point) => (direction === 'LR' ? p.y : p.x);
  const result: ShapeLayout = {
    nodes: shapeNodes.map((_, i) => {
      const n = g.node(String(i));
      return { rank: n.rank ?? 0, cross: across({ x: n.x ?? 0, y: n.y ?? 0 }) };
    }),
    edges: shapeEdges.map((e, i) => {
      const label = g.edge(String(e.from), String(e.to), String(i));
      const inner = (label.points ?? []).slice(1, -1);
      const labelPoint = { x: label.x ?? 0, y: label.y ?? 0 };
      const labelAt = inner.findIndex((p) => along(p) === along(labelPoint));
      return { cross: inner.map(across), labelCross: across(labelPoint), labelAt: Math.max(0, labelAt) };
    }),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

/** Where a line from the centre of `box` towards `point` leaves the box (dagre's intersectRect). */
function intersect(centre: Point, width: number, height: number, point: Point): Point {
  const dx = point.x - centre.x;
  const dy = point.y - centre.y;
  let w = width / 2;
  let h = height / 2;
  if (dx === 0 && dy === 0) return centre;
  if (dx === 0 || Math.abs(dy) * w > Math.abs(dx) * h) {
    if (dy < 0) h = -h;
    return { x: centre.x + (h * dx) / dy, y: centre.y + h };
  }
  if (dx < 0) w = -w;
  return { x: centre.x + w, y: centre.y + (w * dy) / dx };
}

/** Lays out boxes and edges with dagre (cached by shape); coordinates as dagre's, from about (0, 0). */
export function rankedLayout(direction: Direction, nodes: readonly RankedNode[], edges: readonly RankedEdge[]): RankedLayout {
  const shape = shapeLayout(direction, nodes, edges);
  const rankOfInner = (e: RankedEdge, k: number) => {
    const from = shape.nodes[e.from]?.rank ?? 0;
    const to = shape.nodes[e.to]?.rank ?? 0;
    return from + (k + 1) * Math.sign(to - from);
  };

  // Size of each rank along the layout: its biggest box or label (points between ranks take no room).
  const ranks = Math.max(0, ...shape.nodes.map((n) => n.rank)) + 1;
  const size = new Array<number>(ranks).fill(0);
  nodes.forEach((n, i) => {
    const r = shape.nodes[i]?.rank ?? 0;
    size[r] = Math.max(size[r] ?? 0, rankSize(direction, n.width, n.height));
  });
  edges.forEach((e, i) => {
    const r = rankOfInner(e, shape.edges[i]?.labelAt ?? 0);
    size[r] = Math.max(size[r] ?? 0, rankSize(direction, e.labelWidth, e.labelHeight));
  });
  // Dagre halves ranksep when it makes room for edge labels (it always does).
  const sep = SPACING[direction].ranksep / 2;
  const position: number[] = [];
  let start = 0;
  for (let r = 0; r < ranks; r++) {
    position.push(start + (size[r] ?? 0) / 2);
    start += (size[r] ?? 0) + sep;
  }

  const point = (rank: number, cross: number): Point => (direction === 'LR' ? { x: position[rank] ?? 0, y: cross } : { x: cross, y: position[rank] ?? 0 });
  const centres = shape.nodes.map((n) => point(n.rank, n.cross));
  return {
    nodes: centres,
    edges: edges.map((e, i) => {
      const laid = shape.edges[i] ?? { cross: [], labelCross: 0, labelAt: 0 };
      const inner = laid.cross.map((cross, k) => point(rankOfInner(e, k), cross));
      const source = centres[e.from] ?? { x: 0, y: 0 };
      const target = centres[e.to] ?? { x: 0, y: 0 };
      const from = nodes[e.from] ?? { width: 0, height: 0 };
      const to = nodes[e.to] ?? { width: 0, height: 0 };
      const points = [intersect(source, from.width, from.height, inner[0] ?? target), ...inner, intersect(target, to.width, to.height, inner.at(-1) ?? source)];
      const labelRank = rankOfInner(e, laid.labelAt);
      const label = point(labelRank, laid.labelCross);
      return { points, label };
    }),
  };
}
