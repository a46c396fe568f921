/**
 * Keeping a drawing readable: when an entity has more neighbours of one
 * relation type than `perType`, or more than `total` in all, the overflow of
 * each type becomes one summary node ("+37 more components"). The full list
 * is on the page anyway, in its Relations section.
 */
import { pluralKind, type GraphNode, type Omission } from './graph-model.ts';

export interface CollapseLimits {
  /** Most nodes drawn for one relation type, the summary node included. */
  perType: number;
  /** Most neighbour nodes drawn in all, summary nodes included. */
  total: number;
}

/** Backstage's catalog graph stays legible to about this many nodes per side. */
export const DEFAULT_LIMITS: CollapseLimits = { perType: 12, total: 30 };

export interface NeighbourGroup {
  /** Relation type as seen from the entity (`hasMember`). */
  type: string;
  /** Names the group's summary node when several groups share a type (parts by kind); the type otherwise. */
  key?: string;
  /** Its targets, in the order they should be drawn. */
  nodes: GraphNode[];
}

export interface CollapsedGroup {
  type: string;
  /** The targets drawn. */
  shown: GraphNode[];
  /** The summary node for the rest, when some are left out. */
  more?: { node: GraphNode; omission: Omission };
}

/**
 * Decides how many of each group to draw. Every group keeps at least one
 * node (an entity or its summary); a group over its share shows its first
 * `slots - 1` targets and one summary node for the rest. `source` names the
 * summary nodes (`more:<source>:<type>`).
 */
export function collapseGroups(source: string, groups: readonly NeighbourGroup[], limits: CollapseLimits = DEFAULT_LIMITS): CollapsedGroup[] {
  const perType = Math.max(1, limits.perType);
  const slots = groups.map((g) => Math.min(g.nodes.length, perType));
  let used = slots.reduce((a, b) => a + b, 0);
  // Take one slot at a time from the biggest group (the later one on a tie) until the total fits.
  while (used > limits.total) {
    let biggest = -1;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i] ?? 0;
      if (s > 1 && (biggest < 0 || s >= (slots[biggest] ?? 0))) biggest = i;
    }
    if (biggest < 0) break;
    slots[biggest] = (slots[biggest] ?? 1) - 1;
    used--;
  }
  return groups.map((group, i) => {
    const limit = slots[i] ?? group.nodes.length;
    if (group.nodes.length <= limit) return { type: group.type, shown: group.nodes };
    const shown = group.nodes.slice(0, limit - 1);
    const hidden = group.nodes.slice(limit - 1);
    const kinds = new Set(hidden.map((n) => n.kind.toLowerCase()));
    const noun = kinds.size === 1 ? pluralKind(hidden[0]?.kind) : pluralKind(undefined);
    const id = `more:${source}:${group.key ?? group.type}`;
    const node: GraphNode = { id, role: 'more', kind: '', title: `+${hidden.length} more ${noun}` };
    return { type: group.type, shown, more: { node, omission: { type: group.type, nodeId: id, count: hidden.length, noun } } };
  });
}
