/**
 * The graph a relation drawing shows, before layout: nodes (entities, dangling
 * refs, "+N more" summaries) and edges, each relation drawn once in its
 * forward direction (`A ownedBy B` is A→B "owned by", never also B→A "owner of").
 */
import { forwardRelation } from '../catalog-model/relations.ts';
import type { RelationRecord } from '../entity-record/schema.ts';
import { splitCanonicalRef } from '../catalog-model/refs.ts';
import { humanizeRef, relationLabel } from '../view/refs.ts';

/** What a drawing needs to know about an entity; the site supplies it from its lookups. */
export interface EntityInfo {
  ref: string;
  kind: string;
  /** Display name. */
  title: string;
  /** Base-relative page path; the page turns it into an href. */
  path: string;
  relations: readonly RelationRecord[];
}

/** The entity a ref points to, when it exists. */
export type EntityLookup = (ref: string) => EntityInfo | undefined;

export type NodeRole = 'centre' | 'entity' | 'missing' | 'more';

export interface GraphNode {
  /** The entity's ref, or `more:<source>:<type>` for a summary node. */
  id: string;
  role: NodeRole;
  /** Kind as the catalog spells it (`API`, `Component`); empty for a summary. */
  kind: string;
  title: string;
  /** Page path of an existing entity (not for missing and summary nodes). */
  path?: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  /** The forward relation type (`ownedBy`, never `ownerOf`). */
  type: string;
  /** Lowercase label, "owned by". */
  label: string;
  /**
   * Lay the target out before the source (above it top-down): a container
   * above its parts, while the arrow still points part → container.
   */
  flip?: boolean;
}

/** Neighbours of one relation type left out of the drawing, summed up in one node. */
export interface Omission {
  /** Relation type as seen from the entity that has the neighbours (`hasMember`). */
  type: string;
  /** The summary node standing for them. */
  nodeId: string;
  count: number;
  /** "users", "APIs", or "entities" when kinds are mixed. */
  noun: string;
}

export interface EntityGraph {
  /** The entity the drawing is about (highlighted). */
  centre: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  omitted: Omission[];
  /**
   * Set for a system diagram: the centre is drawn as a frame around its parts
   * (the nodes listed here), and `parents` (its domain) sit above it.
   */
  frame?: { parts: string[]; parents: string[] };
}

/** A relation `entity type target`, turned so it reads in its forward direction. */
export function forwardEdge(entity: string, type: string, target: string): GraphEdge {
  const forward = forwardRelation(entity, type, target);
  return { ...forward, label: edgeLabel(forward.type) };
}

/** "Provides API" → "provides API". */
export function edgeLabel(type: string): string {
  const label = relationLabel(type);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

const KIND_NAMES: ReadonlyMap<string, string> = new Map(
  ['API', 'Component', 'Domain', 'Group', 'Location', 'Resource', 'System', 'Template', 'User'].map((k) => [k.toLowerCase(), k]),
);

/** Kind as the catalog spells it, from a lowercase ref kind (`api` → `API`). */
export function kindName(kind: string): string {
  return KIND_NAMES.get(kind.toLowerCase()) ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** "components", "APIs"; "entities" for no kind. */
export function pluralKind(kind: string | undefined): string {
  if (!kind) return 'entities';
  const name = kindName(kind);
  return name === 'API' ? 'APIs' : `${name.toLowerCase()}s`;
}

/** The node for a relation target: the entity, or a "not found" node for a dangling ref. */
export function targetNode(ref: string, lookup: EntityLookup): GraphNode {
  const info = lookup(ref);
  if (info) return { id: info.ref, role: 'entity', kind: info.kind, title: info.title, path: info.path };
  const { kind } = splitCanonicalRef(ref);
  return { id: ref, role: 'missing', kind: kindName(kind), title: humanizeRef(ref, kind) };
}

/** The drawn node of the entity itself. */
export function centreNode(entity: EntityInfo): GraphNode {
  return { id: entity.ref, role: 'centre', kind: entity.kind, title: entity.title, path: entity.path };
}
