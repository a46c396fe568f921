/**
 * What changed between two published catalogs (api/entities.json of the previous deploy and of
 * this build): entities added, removed, and changed field by field. Relations are not compared:
 * each relation mirrors a spec field of one of its two ends (an owner, a system, an API), so the
 * change is listed once, on the entity whose file changed, not again on everything it points to.
 */
import { backstageRef, canonicalJson, compareStrings, type BackstageEntity } from '../static-api/index.ts';
import { LISTED_PER_CHANGE, type CatalogChanges, type ChangedEntity, type ChangedEntitySummary, type FieldChange } from './schema.ts';

/** A value longer than this is reported as changed without its old and new text (an API definition, a long description). */
const MAX_SHOWN_VALUE = 200;
/** Metadata fields Frontdoor derives (uid from the ref, etag from the content): never a change of their own. */
const DERIVED_METADATA = new Set(['uid', 'etag']);
/** Metadata maps compared key by key: one annotation changing is named, not the whole map. */
const KEYED_METADATA = new Set(['labels', 'annotations']);

export function diffCatalogs(previous: readonly BackstageEntity[], current: readonly BackstageEntity[]): CatalogChanges {
  const before = new Map(previous.map((e) => [backstageRef(e), e]));
  const after = new Map(current.map((e) => [backstageRef(e), e]));
  const added: ChangedEntitySummary[] = [];
  const removed: ChangedEntitySummary[] = [];
  const changed: ChangedEntity[] = [];
  for (const [ref, entity] of after) {
    const old = before.get(ref);
    if (!old) {
      added.push(summaryOf(ref, entity));
      continue;
    }
    const changes = fieldChanges(old, entity);
    if (changes.length > 0) changed.push({ ...summaryOf(ref, entity), changes });
  }
  for (const [ref, entity] of before) if (!after.has(ref)) removed.push(summaryOf(ref, entity));
  const byRef = (a: { ref: string }, b: { ref: string }) => compareStrings(a.ref, b.ref);
  return {
    added: added.sort(byRef).slice(0, LISTED_PER_CHANGE),
    removed: removed.sort(byRef).slice(0, LISTED_PER_CHANGE),
    changed: changed.sort(byRef).slice(0, LISTED_PER_CHANGE),
    counts: { added: added.length, removed: removed.length, changed: changed.length, before: before.size, after: after.size },
  };
}

/** True when a diff found nothing: such a build adds no changelog entry. */
export function isEmptyChange(changes: CatalogChanges): boolean {
  return changes.counts.added + changes.counts.removed + changes.counts.changed === 0;
}

function summaryOf(ref: string, entity: BackstageEntity): ChangedEntitySummary {
  const title = entity.metadata.title;
  return { ref, kind: entity.kind, namespace: entity.metadata.namespace ?? 'default', name: entity.metadata.name, ...(title ? { title } : {}) };
}

function fieldChanges(old: BackstageEntity, now: BackstageEntity): FieldChange[] {
  const changes: FieldChange[] = [];
  compareField(changes, 'apiVersion', old.apiVersion, now.apiVersion);
  for (const key of unionOfKeys(old.metadata, now.metadata)) {
    if (DERIVED_METADATA.has(key)) continue;
    const [a, b] = [old.metadata[key], now.metadata[key]];
    if (KEYED_METADATA.has(key)) {
      const [mapA, mapB] = [asRecord(a), asRecord(b)];
      for (const inner of unionOfKeys(mapA, mapB)) compareField(changes, `metadata.${key}[${inner}]`, mapA[inner], mapB[inner]);
    } else compareField(changes, `metadata.${key}`, a, b);
  }
  const [specA, specB] = [old.spec ?? {}, now.spec ?? {}];
  for (const key of unionOfKeys(specA, specB)) compareField(changes, `spec.${key}`, specA[key], specB[key]);
  return changes;
}

function compareField(changes: FieldChange[], field: string, a: unknown, b: unknown): void {
  if (canonicalJson(a) === canonicalJson(b)) return;
  const from = shown(a);
  const to = shown(b);
  changes.push({ field, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
}

function shown(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const text = String(value);
  return text.length <= MAX_SHOWN_VALUE ? text : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function unionOfKeys(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareStrings);
}
