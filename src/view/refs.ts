/**
 * Entity refs and relation types, as the portal displays them. Refs are parsed
 * by the catalog's one ref module; this file only decides how they read.
 */
import { DEFAULT_NAMESPACE, splitCanonicalRef } from '../catalog-model/refs.ts';

/**
 * Short form of a canonical ref, as Backstage prints it: the `default`
 * namespace is dropped, and so is the kind when it is the one the context
 * implies (`group:default/team-a` as an owner → `team-a`).
 */
export function humanizeRef(ref: string, defaultKind?: string): string {
  const { kind, namespace, name } = splitCanonicalRef(ref);
  const showKind = kind.toLowerCase() !== defaultKind?.toLowerCase();
  const showNamespace = namespace.toLowerCase() !== DEFAULT_NAMESPACE;
  return `${showKind ? `${kind}:` : ''}${showNamespace ? `${namespace}/` : ''}${name}`;
}

/** Human labels of Backstage's relation types, in display order. */
export const RELATION_LABELS: ReadonlyMap<string, string> = new Map([
  ['ownedBy', 'Owned by'],
  ['ownerOf', 'Owner of'],
  ['partOf', 'Part of'],
  ['hasPart', 'Has part'],
  ['providesApi', 'Provides API'],
  ['apiProvidedBy', 'API provided by'],
  ['consumesApi', 'Consumes API'],
  ['apiConsumedBy', 'API consumed by'],
  ['dependsOn', 'Depends on'],
  ['dependencyOf', 'Dependency of'],
  ['parentOf', 'Parent of'],
  ['childOf', 'Child of'],
  ['memberOf', 'Member of'],
  ['hasMember', 'Has member'],
]);

const relationOrder = new Map([...RELATION_LABELS.keys()].map((type, index) => [type, index]));

export function relationLabel(type: string): string {
  return RELATION_LABELS.get(type) ?? type;
}

export interface RelationGroup<R> {
  type: string;
  label: string;
  relations: R[];
}

/** Relations grouped by type: known types in Backstage's order, then unknown ones alphabetically. */
export function groupRelations<R extends { type: string }>(relations: readonly R[]): RelationGroup<R>[] {
  const groups = new Map<string, R[]>();
  for (const relation of relations) {
    const list = groups.get(relation.type);
    if (list) list.push(relation);
    else groups.set(relation.type, [relation]);
  }
  const rank = (type: string) => relationOrder.get(type) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([type, list]) => ({ type, label: relationLabel(type), relations: list }));
}
