/**
 * Entity refs and relation types, as the portal displays them.
 */

export interface ParsedRef {
  kind: string;
  namespace: string;
  name: string;
}

/** Splits a `kind:namespace/name` ref; missing parts fall back to Backstage's defaults. */
export function parseRef(ref: string): ParsedRef {
  const colon = ref.indexOf(':');
  const kind = colon >= 0 ? ref.slice(0, colon) : '';
  const rest = colon >= 0 ? ref.slice(colon + 1) : ref;
  const slash = rest.indexOf('/');
  return slash >= 0
    ? { kind, namespace: rest.slice(0, slash), name: rest.slice(slash + 1) }
    : { kind, namespace: 'default', name: rest };
}

/**
 * Short form of a ref, as Backstage prints it: the `default` namespace is
 * dropped, and so is the kind when it is the one the context implies
 * (`group:default/team-a` as an owner → `team-a`).
 */
export function humanizeRef(ref: string, defaultKind?: string): string {
  const { kind, namespace, name } = parseRef(ref);
  const showKind = kind !== '' && kind.toLowerCase() !== defaultKind?.toLowerCase();
  const showNamespace = namespace.toLowerCase() !== 'default';
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
