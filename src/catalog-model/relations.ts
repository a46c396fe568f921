/**
 * Relation types, as Backstage names them (`packages/catalog-model/src/kinds/relations.ts`).
 * Naming rule: at most two words, read as "source <type> target", and every
 * type has an inverse, so a relation declared on one entity is visible from both.
 */

export const RELATION_OWNED_BY = 'ownedBy';
export const RELATION_OWNER_OF = 'ownerOf';
export const RELATION_PROVIDES_API = 'providesApi';
export const RELATION_API_PROVIDED_BY = 'apiProvidedBy';
export const RELATION_CONSUMES_API = 'consumesApi';
export const RELATION_API_CONSUMED_BY = 'apiConsumedBy';
export const RELATION_DEPENDS_ON = 'dependsOn';
export const RELATION_DEPENDENCY_OF = 'dependencyOf';
export const RELATION_PART_OF = 'partOf';
export const RELATION_HAS_PART = 'hasPart';
export const RELATION_CHILD_OF = 'childOf';
export const RELATION_PARENT_OF = 'parentOf';
export const RELATION_MEMBER_OF = 'memberOf';
export const RELATION_HAS_MEMBER = 'hasMember';

/** Each type and its inverse. */
export const inverseRelation: Readonly<Record<string, string>> = {
  [RELATION_OWNED_BY]: RELATION_OWNER_OF,
  [RELATION_OWNER_OF]: RELATION_OWNED_BY,
  [RELATION_PROVIDES_API]: RELATION_API_PROVIDED_BY,
  [RELATION_API_PROVIDED_BY]: RELATION_PROVIDES_API,
  [RELATION_CONSUMES_API]: RELATION_API_CONSUMED_BY,
  [RELATION_API_CONSUMED_BY]: RELATION_CONSUMES_API,
  [RELATION_DEPENDS_ON]: RELATION_DEPENDENCY_OF,
  [RELATION_DEPENDENCY_OF]: RELATION_DEPENDS_ON,
  [RELATION_PART_OF]: RELATION_HAS_PART,
  [RELATION_HAS_PART]: RELATION_PART_OF,
  [RELATION_CHILD_OF]: RELATION_PARENT_OF,
  [RELATION_PARENT_OF]: RELATION_CHILD_OF,
  [RELATION_MEMBER_OF]: RELATION_HAS_MEMBER,
  [RELATION_HAS_MEMBER]: RELATION_MEMBER_OF,
};

/**
 * The type of each pair a relation reads in as the catalog file declares it ("component ownedBy
 * group", never "group ownerOf component"): drawings and api/graph.json keep each relation once,
 * in this direction.
 */
export const FORWARD_RELATIONS: ReadonlySet<string> = new Set([
  RELATION_OWNED_BY,
  RELATION_PROVIDES_API,
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
  RELATION_PART_OF,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
]);

/** A relation `source type target`, turned to read in its forward direction; a type without a known pair stays as it is. */
export function forwardRelation(source: string, type: string, target: string): { source: string; type: string; target: string } {
  const inverse = inverseRelation[type];
  if (FORWARD_RELATIONS.has(type) || inverse === undefined || !FORWARD_RELATIONS.has(inverse)) return { source, type, target };
  return { source: target, type: inverse, target: source };
}

/**
 * A spec field that declares a relation: which relation it emits and which
 * kind a ref without one defaults to (none for dependsOn/dependencyOf, where
 * Backstage requires the kind to be written).
 */
export interface RelationField {
  field: string;
  relation: string;
  defaultKind?: string;
  /** Kinds the target should have (Backstage's model layer; only warned about here). */
  targetKinds: readonly string[];
}

export const ownerField: RelationField = { field: 'owner', relation: RELATION_OWNED_BY, defaultKind: 'Group', targetKinds: ['Group', 'User'] };
export const systemField: RelationField = { field: 'system', relation: RELATION_PART_OF, defaultKind: 'System', targetKinds: ['System'] };
export const dependsOnField: RelationField = { field: 'dependsOn', relation: RELATION_DEPENDS_ON, targetKinds: ['Component', 'Resource'] };
export const dependencyOfField: RelationField = { field: 'dependencyOf', relation: RELATION_DEPENDENCY_OF, targetKinds: ['Component', 'Resource'] };
