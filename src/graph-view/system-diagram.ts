/**
 * The system diagram of a System or Domain page: the entity drawn as a frame
 * around its parts (a system's components, APIs and resources; a domain's
 * systems and subdomains), the relations among those parts (provides API,
 * consumes API, depends on), and the domain it belongs to above the frame.
 * Collapsed like a neighbourhood, one group per kind of part.
 */
import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '../catalog-model/relations.ts';
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

/** Relations drawn between the parts of a system, either direction. */
const PART_RELATIONS: ReadonlySet<string> = new Set([
  RELATION_PROVIDES_API,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_API_CONSUMED_BY,
  RELATION_DEPENDS_ON,
  RELATION_DEPENDENCY_OF,
]);

/** Parts are grouped, and drawn, in this order of kinds; other kinds follow alphabetically. */
const KIND_ORDER = ['component', 'api', 'resource', 'system', 'domain'];

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Whether an entity of this kind gets a system diagram. */
export function hasSystemDiagram(kind: string): boolean {
  const k = kind.toLowerCase();
  return k === 'system' || k === 'domain';
}

export function systemDiagram(entity: EntityInfo, lookup: EntityLookup, limits: CollapseLimits = DEFAULT_LIMITS): EntityGraph {
  const partRefs = unique(entity.relations.filter((r) => r.type === RELATION_HAS_PART && r.target !== entity.ref).map((r) => r.target));
  const parentRefs = unique(entity.relations.filter((r) => r.type === RELATION_PART_OF && r.target !== entity.ref).map((r) => r.target));
  const partSet = new Set(partRefs);

  // Relations among parts, counted first: connected parts are drawn before isolated ones.
  const partEdges = new Map<string, GraphEdge>();
  const degree = new Map<string, number>();
  for (const ref of partRefs) {
    for (const relation of lookup(ref)?.relations ?? []) {
      if (!PART_RELATIONS.has(relation.type) || !partSet.has(relation.target) || relation.target === ref) continue;
      const edge = forwardEdge(ref, relation.type, relation.target);
      const key = edgeKey(edge);
      if (partEdges.has(key)) continue;
      partEdges.set(key, edge);
      degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
      degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
    }
  }

  const byKind = new Map<string, GraphNode[]>();
  for (const ref of partRefs) {
    const node = targetNode(ref, lookup);
    const kind = node.kind.toLowerCase();
    const list = byKind.get(kind);
    if (list) list.push(node);
    else byKind.set(kind, [node]);
  }
  const rank = (kind: string) => {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  const groups: NeighbourGroup[] = [...byKind.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || collator.compare(a, b))
    .map(([kind, list]) => ({
      type: RELATION_HAS_PART,
      key: `${RELATION_HAS_PART}-${kind}`,
      nodes: list.sort(
        (a, b) =>
          (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) ||
          Number(a.role === 'missing') - Number(b.role === 'missing') ||
          collator.compare(a.title, b.title) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      ),
    }));

  const nodes: GraphNode[] = [centreNode(entity)];
  const omitted: Omission[] = [];
  const drawn = new Set<string>();
  const parts: string[] = [];
  for (const group of collapseGroups(entity.ref, groups, limits)) {
    for (const node of group.shown) {
      nodes.push(node);
      parts.push(node.id);
      drawn.add(node.id);
    }
    if (group.more) {
      nodes.push(group.more.node);
      parts.push(group.more.node.id);
      omitted.push(group.more.omission);
    }
  }

  // Relations of parts left out are not drawn: routed to their "+N more" node, they crossed everything.
  const edges = new Map<string, GraphEdge>();
  for (const edge of partEdges.values()) {
    if (drawn.has(edge.source) && drawn.has(edge.target)) edges.set(edgeKey(edge), edge);
  }

  const parents: string[] = [];
  for (const ref of parentRefs) {
    const node = targetNode(ref, lookup);
    nodes.push(node);
    parents.push(node.id);
    const edge = { ...forwardEdge(entity.ref, RELATION_PART_OF, node.id), flip: true };
    edges.set(edgeKey(edge), edge);
  }

  return { centre: entity.ref, nodes, edges: [...edges.values()], omitted, frame: { parts, parents } };
}

function edgeKey(edge: GraphEdge): string {
  return `${edge.source}\n${edge.type}\n${edge.target}`;
}

function unique(refs: string[]): string[] {
  return [...new Set(refs)];
}
