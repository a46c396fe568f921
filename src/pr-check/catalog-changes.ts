/**
 * What a pull request does to the catalog: the repo's entities at the base revision against the
 * working tree's. An entity whose ref is gone while a new one appears in the same document of the
 * same file, with the same kind, was renamed; for a renamed or removed entity, the entities
 * elsewhere in the org whose spec still names the old ref are listed (from the published catalog),
 * since their references break when this merges.
 */
import type { LoadedEntity } from '../catalog/read-catalog.ts';

export interface Referrer {
  ref: string;
  /** The spec field that names the old ref (`owner`, `dependsOn`, …). */
  field: string;
  /** Its catalog file, when the portal published it. */
  location?: string;
}

/** Where the change shows in the working tree (a removed entity has no place there). */
export interface ChangePlace {
  path: string;
  line: number;
  column: number;
}

export type CatalogChange =
  | { type: 'added'; ref: string; place: ChangePlace }
  | { type: 'removed'; ref: string; basePath: string; referredBy: Referrer[] }
  | { type: 'renamed'; from: string; ref: string; place: ChangePlace; referredBy: Referrer[] }
  | { type: 'owner-changed'; ref: string; from: string | undefined; to: string | undefined; place: ChangePlace };

/**
 * `declared`: refs the head's documents name, valid or not: an entity whose file is broken now is
 * not removed (its diagnostics say what is wrong), so it is left out of the changes.
 */
export function diffCatalog(
  base: readonly LoadedEntity[],
  head: readonly LoadedEntity[],
  org: readonly LoadedEntity[] = [],
  declared: ReadonlySet<string> = new Set(),
): CatalogChange[] {
  const baseByRef = new Map(base.filter((e) => !e.origin).map((e) => [e.ref, e]));
  const headByRef = new Map(head.filter((e) => !e.origin).map((e) => [e.ref, e]));
  // Entities of this repo refer to each other as they do now; only the rest of the org can still name an old ref.
  const ours = new Set([...baseByRef.keys(), ...headByRef.keys()]);
  const referrersOf = (ref: string) => referrers(ref, org, ours);

  const added = [...headByRef.values()].filter((e) => !baseByRef.has(e.ref));
  const changes: CatalogChange[] = [];
  for (const old of baseByRef.values()) {
    if (headByRef.has(old.ref) || declared.has(old.ref)) continue;
    const at = added.findIndex((e) => e.source.path === old.source.path && e.source.document === old.source.document && e.kind.kind === old.kind.kind);
    if (at === -1) {
      changes.push({ type: 'removed', ref: old.ref, basePath: old.source.path, referredBy: referrersOf(old.ref) });
      continue;
    }
    const [renamed] = added.splice(at, 1);
    changes.push({ type: 'renamed', from: old.ref, ref: renamed!.ref, place: placeOf(renamed!), referredBy: referrersOf(old.ref) });
  }
  for (const entity of added) changes.push({ type: 'added', ref: entity.ref, place: placeOf(entity) });
  for (const entity of headByRef.values()) {
    const before = baseByRef.get(entity.ref);
    if (!before) continue;
    const from = ownerOf(before);
    const to = ownerOf(entity);
    if (from !== to) changes.push({ type: 'owner-changed', ref: entity.ref, from, to, place: ownerPlace(entity) });
  }
  return changes.sort((a, b) => order[a.type] - order[b.type] || a.ref.localeCompare(b.ref));
}

const order: Record<CatalogChange['type'], number> = { renamed: 0, removed: 1, 'owner-changed': 2, added: 3 };

function referrers(ref: string, org: readonly LoadedEntity[], ours: ReadonlySet<string>): Referrer[] {
  const found: Referrer[] = [];
  for (const entity of org) {
    if (ours.has(entity.ref)) continue;
    for (const relation of entity.relations) {
      if (relation.target !== ref) continue;
      found.push({ ref: entity.ref, field: relation.field, ...(entity.source.path ? { location: entity.source.path } : {}) });
    }
  }
  return found.sort((a, b) => a.ref.localeCompare(b.ref) || a.field.localeCompare(b.field));
}

function ownerOf(entity: LoadedEntity): string | undefined {
  return entity.relations.find((r) => r.field === 'owner')?.target;
}

function placeOf(entity: LoadedEntity): ChangePlace {
  return { path: entity.source.path, line: entity.source.line, column: entity.source.column };
}

function ownerPlace(entity: LoadedEntity): ChangePlace {
  const owner = entity.relations.find((r) => r.field === 'owner');
  return owner && owner.line > 0 ? { path: entity.source.path, line: owner.line, column: owner.column } : placeOf(entity);
}
