/**
 * The graph around one entity, as an entity page draws it: the entity, its
 * neighbours up to `depth` relations away (1 by default), each relation once
 * in its forward direction. Large neighbourhoods are collapsed (see
 * collapse.ts); dangling targets become "not found" nodes.
 */
import { groupRelations } from '../view/refs.ts';
import { collapseGroups, DEFAULT_LIMITS, type CollapseLimits, type NeighbourGroup } from './collapse.ts';
import {
  centreNode,
  forwardEdge,
  targetNode,
  type EntityGraph,
  type EntityInfo,
  type EntityLookup,
  type GraphEdge,
  type GraphNode,
  type Omission,
} from './graph-model.ts';

export interface NeighbourhoodOptions {
  /** How many relations away to go; 1 draws the entity and its direct neighbours. */
  depth?: number;
  /** Collapse limits, applied to each entity whose relations are drawn. */
  limits?: CollapseLimits;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Drawing order within a relation type: existing entities by kind and name, then dangling refs. */
function compareNodes(a: GraphNode, b: GraphNode): number {
  return (
    Number(a.role === 'missing') - Number(b.role === 'missing') ||
    collator.compare(a.kind, b.kind) ||
    collator.compare(a.title, b.title) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function neighbourhood(entity: EntityInfo, lookup: EntityLookup, options: NeighbourhoodOptions = {}): EntityGraph {
  const depth = Math.max(1, Math.floor(options.depth ?? 1));
  const limits = options.limits ?? DEFAULT_LIMITS;
  const nodes = new Map<string, GraphNode>([[entity.ref, centreNode(entity)]]);
  const edges = new Map<string, GraphEdge>();
  const omitted: Omission[] = [];
  const addEdge = (edge: GraphEdge) => {
    const key = `${edge.source}\n${edge.type}\n${edge.target}`;
    if (!edges.has(key)) edges.set(key, edge);
  };

  let frontier: EntityInfo[] = [entity];
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const next: EntityInfo[] = [];
    for (const source of frontier) {
      const groups: NeighbourGroup[] = [];
      for (const group of groupRelations(source.relations)) {
        const fresh = new Map<string, GraphNode>();
        for (const relation of group.relations) {
          if (relation.target === source.ref) continue;
          // Already drawn (the entity itself, seen from a neighbour): just the edge.
          if (nodes.has(relation.target)) addEdge(forwardEdge(source.ref, group.type, relation.target));
          else if (!fresh.has(relation.target)) fresh.set(relation.target, targetNode(relation.target, lookup));
        }
        if (fresh.size > 0) groups.push({ type: group.type, nodes: [...fresh.values()].sort(compareNodes) });
      }
      for (const group of collapseGroups(source.ref, groups, limits)) {
        for (const node of group.shown) {
          // A target of two relation types is one node with two edges.
          if (!nodes.has(node.id)) {
            nodes.set(node.id, node);
            const info = node.role === 'entity' ? lookup(node.id) : undefined;
            if (info) next.push(info);
          }
          addEdge(forwardEdge(source.ref, group.type, node.id));
        }
        if (group.more) {
          nodes.set(group.more.node.id, group.more.node);
          addEdge(forwardEdge(source.ref, group.type, group.more.node.id));
          omitted.push(group.more.omission);
        }
      }
    }
    frontier = next;
  }
  return { centre: entity.ref, nodes: [...nodes.values()], edges: [...edges.values()], omitted };
}
