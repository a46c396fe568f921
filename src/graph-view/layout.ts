/**
 * Positions for a drawing, in whole px from (0, 0). Left-to-right for
 * neighbourhoods (one dagre block, see block-layout.ts). Top-down for system
 * diagrams: the centre entity is a frame around its parts, the parts in
 * groups connected by their relations, each group a dagre block, packed in
 * rows (unconnected parts in cells of one width), and the domain above the
 * frame. Same input, same output.
 */
import { bounds, layoutBlock, shift, shiftEdges, type Box, type PlacedEdge, type PlacedNode } from './block-layout.ts';
import type { EntityGraph, GraphEdge } from './graph-model.ts';
import { edgeLabelSize, frameTitle, nodeText, NODE } from './node-text.ts';
import { SPACING, type Direction } from './ranked-layout.ts';

export type { Box, PlacedEdge, PlacedNode } from './block-layout.ts';
export type { Direction, Point } from './ranked-layout.ts';

export interface GraphLayout {
  width: number;
  height: number;
  /** Every node but a framed centre. */
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** The centre drawn as a frame around its parts (system diagrams). */
  frame?: Box;
}

/** Spacing in px. */
const GAP = {
  margin: 4,
  /** Inside a frame: sides and bottom, and the top (room for the frame's title). */
  framePad: 14,
  frameTop: 34,
  /** Between the frame and the parents above it (room for the edge label). */
  parentGap: 44,
  /** Between groups of parts in a frame, side by side and row to row. */
  block: 24,
  row: 24,
} as const;

/** Tallest a centre gets with many edges (see layoutGraph). */
const CENTRE_MAX_HEIGHT = 160;
/** Groups of parts in a frame are packed in rows this wide (a column of the page at 1280 px). */
const ROW_WIDTH = 1000;

export function layoutGraph(graph: EntityGraph, direction: Direction): GraphLayout {
  const sizes = new Map<string, Box>();
  for (const node of graph.nodes) {
    const { width, height } = nodeText(node);
    sizes.set(node.id, { x: 0, y: 0, width, height });
  }
  if (!graph.frame) {
    // A centre with many edges on one side grows taller, so their arrowheads do not pile up on one spot.
    const incoming = graph.edges.filter((e) => e.target === graph.centre).length;
    const outgoing = graph.edges.filter((e) => e.source === graph.centre).length;
    const centre = sizes.get(graph.centre);
    if (centre) centre.height = Math.min(CENTRE_MAX_HEIGHT, NODE.height + Math.max(0, Math.max(incoming, outgoing) - 3) * 12);
    const block = layoutBlock(
      graph.nodes.map((n) => n.id),
      graph.edges,
      direction,
      sizes,
    );
    return finish(block.nodes, block.edges, undefined);
  }
  return layoutFramed(graph, graph.frame, direction, sizes);
}

interface Block {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/**
 * The parts of a frame, in groups connected by their relations (in the order
 * of their first part), each laid out on its own and packed in rows, the
 * unconnected parts in cells of one width. Top-down, unless a group would be
 * wider than a row: then the whole frame goes left to right.
 */
function layoutParts(parts: readonly string[], edges: readonly GraphEdge[], direction: Direction, sizes: ReadonlyMap<string, Box>) {
  const groups = connectedGroups(parts, edges);
  const cell = Math.max(0, ...groups.filter((g) => g.length === 1).map(([id]) => sizes.get(id ?? '')?.width ?? 0));
  const layOut = (dir: Direction): Block[] =>
    groups.map((ids) => {
      if (ids.length === 1) {
        const size = sizes.get(ids[0] ?? '') ?? { width: NODE.minWidth, height: NODE.height };
        return {
          width: cell,
          height: size.height,
          nodes: [{ id: ids[0] ?? '', x: (cell - size.width) / 2, y: 0, width: size.width, height: size.height }],
          edges: [],
        };
      }
      const members = new Set(ids);
      return layoutBlock(
        ids,
        edges.filter((e) => members.has(e.source)),
        dir,
        sizes,
      );
    });
  let blocks = layOut(direction);
  if (direction === 'TB' && blocks.some((b) => b.width > ROW_WIDTH)) blocks = layOut('LR');

  // Rows of blocks, each row centred.
  const rowWidth = Math.max(ROW_WIDTH, ...blocks.map((b) => b.width));
  const rows: Block[][] = [];
  let row: Block[] = [];
  let used = 0;
  for (const block of blocks) {
    if (row.length > 0 && used + GAP.block + block.width > rowWidth) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += (row.length > 0 ? GAP.block : 0) + block.width;
    row.push(block);
  }
  if (row.length > 0) rows.push(row);
  const widthOf = (r: Block[]) => r.reduce((sum, b) => sum + b.width, 0) + GAP.block * (r.length - 1);
  const width = Math.max(0, ...rows.map(widthOf));
  const nodes: PlacedNode[] = [];
  const placed: PlacedEdge[] = [];
  let y = 0;
  for (const r of rows) {
    let x = (width - widthOf(r)) / 2;
    for (const block of r) {
      nodes.push(...shift(block.nodes, x, y));
      placed.push(...shiftEdges(block.edges, x, y));
      x += block.width + GAP.block;
    }
    y += Math.max(...r.map((b) => b.height)) + GAP.row;
  }
  return { width, height: Math.max(0, y - GAP.row), nodes, edges: placed };
}

/** Groups of ids connected by edges, each in the order of `ids`, groups in the order of their first id. */
function connectedGroups(ids: readonly string[], edges: readonly GraphEdge[]): string[][] {
  const root = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let r = id;
    while (root.get(r) !== r) r = root.get(r) ?? r;
    return r;
  };
  for (const e of edges) {
    const a = find(e.source);
    const b = find(e.target);
    if (a !== b) root.set(b, a);
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const r = find(id);
    const group = groups.get(r);
    if (group) group.push(id);
    else groups.set(r, [id]);
  }
  return [...groups.values()];
}

function layoutFramed(graph: EntityGraph, frame: NonNullable<EntityGraph['frame']>, direction: Direction, sizes: ReadonlyMap<string, Box>): GraphLayout {
  const partSet = new Set(frame.parts);
  const inner = graph.edges.filter((e) => partSet.has(e.source) && partSet.has(e.target));
  const content = layoutParts(frame.parts, inner, direction, sizes);

  // The frame around the parts, wide enough for its title; the parents in a row above it.
  const centre = graph.nodes.find((n) => n.id === graph.centre);
  const titleWidth = centre ? frameTitle(centre.kind, centre.title).width : 0;
  const frameWidth = Math.max(content.width, titleWidth) + 2 * GAP.framePad;
  const gap = SPACING.TB.nodesep;
  const parentWidths = frame.parents.map((id) => sizes.get(id)?.width ?? NODE.minWidth);
  const parentsWidth = parentWidths.reduce((a, b) => a + b, 0) + Math.max(0, frame.parents.length - 1) * gap;
  const frameTop = frame.parents.length > 0 ? NODE.height + GAP.parentGap : 0;
  const box: Box = { x: 0, y: frameTop, width: frameWidth, height: content.height + GAP.frameTop + GAP.framePad };
  const left = (frameWidth - content.width) / 2;
  const nodes = shift(content.nodes, left, frameTop + GAP.frameTop);
  const edges = shiftEdges(content.edges, left, frameTop + GAP.frameTop);
  let x = (frameWidth - parentsWidth) / 2;
  frame.parents.forEach((id, i) => {
    const width = parentWidths[i] ?? NODE.minWidth;
    nodes.push({ id, x, y: 0, width, height: NODE.height });
    const edge = graph.edges.find((e) => e.source === graph.centre && e.target === id);
    if (edge) {
      // Straight up from the frame to the parent (kept over the frame).
      const lineX = Math.min(Math.max(x + width / 2, 12), frameWidth - 12);
      const label = edgeLabelSize(edge.label);
      edges.push({
        edge,
        points: [
          { x: lineX, y: frameTop },
          { x: lineX, y: NODE.height },
        ],
        label: { x: lineX + 4 + label.width / 2, y: (frameTop + NODE.height) / 2 },
      });
    }
    x += width + gap;
  });
  return finish(nodes, edges, box);
}

/** Moves everything to start at the margin, rounds to whole px and measures the drawing. */
function finish(nodes: PlacedNode[], edges: PlacedEdge[], frame: Box | undefined): GraphLayout {
  const extent = bounds([...nodes, ...(frame ? [frame] : [])], edges);
  const dx = GAP.margin - extent.minX;
  const dy = GAP.margin - extent.minY;
  const r = Math.round;
  const moveBox = <B extends Box>(b: B): B => ({ ...b, x: r(b.x + dx), y: r(b.y + dy), width: r(b.width), height: r(b.height) });
  return {
    width: Math.ceil(extent.maxX - extent.minX + 2 * GAP.margin),
    height: Math.ceil(extent.maxY - extent.minY + 2 * GAP.margin),
    nodes: nodes.map(moveBox),
    edges: edges.map((e) => ({
      edge: e.edge,
      points: e.points.map((p) => ({ x: r(p.x + dx), y: r(p.y + dy) })),
      label: { x: r(e.label.x + dx), y: r(e.label.y + dy) },
    })),
    ...(frame ? { frame: moveBox(frame) } : {}),
  };
}
