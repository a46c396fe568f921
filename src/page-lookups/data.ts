/**
 * Portal data and shared lookups, computed ONCE per build at module scope
 * (this module is evaluated once and shared by every page). Pages import
 * from here instead of querying collections themselves.
 */
import { getCollection, getEntry } from 'astro:content';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { PortalMeta, RepoRecord } from '../portal-data/schema.ts';
import type { EntityRecord, EntitySummary } from '../entity-record/schema.ts';
import type { HealthOverview } from '../health/schema.ts';
import { profileOf } from '../view/spec.ts';

const metaEntry = await getEntry('portal', 'meta');
if (!metaEntry) {
  throw new Error('Frontdoor: the portal data has no `meta` entry. Run `npm run build` to regenerate it.');
}

/** Title, org, source, generation time and counts. */
export const meta: PortalMeta = metaEntry.data;

const healthEntry = await getEntry('health', 'overview');
if (!healthEntry) {
  throw new Error('Frontdoor: the portal data has no health overview. Run `npm run build` to regenerate it.');
}

/** The org health overview (scores by team and system, orphans, stale and deprecated entities), computed at build time. */
export const health: HealthOverview = healthEntry.data;

/**
 * Display name of an entity: its title when set, else (users and groups) its
 * profile's display name, else its name.
 */
export function displayName(entity: EntityRecord): string {
  return entity.title?.trim() || profileOf(entity)?.displayName?.trim() || entity.name;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Catalog order: kind, then name, then namespace. */
export function compareEntities(a: EntitySummary, b: EntitySummary): number {
  return collator.compare(a.kind, b.kind) || collator.compare(a.name, b.name) || collator.compare(a.namespace, b.namespace);
}

/** Every entity, in catalog order. */
export const entities: readonly EntityRecord[] = (await getCollection('entities')).map((entry) => entry.data).sort(compareEntities);

/** Entity by lowercase ref `kind:namespace/name`; also the summary lookup for relation targets. */
export const entitiesByRef: ReadonlyMap<string, EntityRecord> = new Map(entities.map((e) => [e.ref, e]));

/** The entity a ref points to, when it exists. */
export function lookup(ref: string | undefined): EntityRecord | undefined {
  return ref === undefined ? undefined : entitiesByRef.get(ref.toLowerCase());
}

/** Existing targets of an entity's relations of `type`, in catalog order. */
function targetsOf(entity: EntityRecord, type: string): EntityRecord[] {
  const targets: EntityRecord[] = [];
  for (const relation of entity.relations) {
    if (relation.type !== type) continue;
    const target = entitiesByRef.get(relation.target);
    if (target) targets.push(target);
  }
  return targets.sort(compareEntities);
}

/** Owner ref → what it owns (from `ownerOf` relations), in catalog order. */
export const ownedBy: ReadonlyMap<string, readonly EntityRecord[]> = new Map(
  entities.map((e): [string, EntityRecord[]] => [e.ref, targetsOf(e, 'ownerOf')]).filter(([, owned]) => owned.length > 0),
);

/** Groups entities by kind, kinds in alphabetical order, entities keeping their order. */
export function groupByKind<E extends EntitySummary>(list: readonly E[]): { kind: string; entities: E[] }[] {
  const groups = new Map<string, E[]>();
  for (const entity of list) {
    const group = groups.get(entity.kind);
    if (group) group.push(entity);
    else groups.set(entity.kind, [entity]);
  }
  return [...groups.entries()].sort(([a], [b]) => collator.compare(a, b)).map(([kind, members]) => ({ kind, entities: members }));
}

/** All Group entities, by display name. */
export const groups: readonly EntityRecord[] = entities
  .filter((e) => e.kind.toLowerCase() === 'group')
  .sort((a, b) => collator.compare(displayName(a), displayName(b)));

/** All diagnostics in stable order (repo, file, position, severity). */
export const diagnostics: readonly Diagnostic[] = (await getCollection('diagnostics'))
  .sort((a, b) => a.id.localeCompare(b.id))
  .map((entry) => entry.data)
  .sort(compareDiagnostics);

/** All repos, by name. */
export const repos: readonly RepoRecord[] = (await getCollection('repos')).map((entry) => entry.data).sort((a, b) => collator.compare(a.name, b.name));

/** An entity's relations of `type`: existing targets (catalog order) and dangling target refs. */
export function related(entity: EntityRecord, type: string): { found: EntityRecord[]; missing: string[] } {
  const found: EntityRecord[] = [];
  const missing: string[] = [];
  for (const relation of entity.relations) {
    if (relation.type !== type) continue;
    const target = entitiesByRef.get(relation.target);
    if (target) found.push(target);
    else missing.push(relation.target);
  }
  return { found: found.sort(compareEntities), missing };
}
