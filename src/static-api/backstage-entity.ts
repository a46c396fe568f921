/**
 * An entity as Backstage's catalog API returns it (`GET /api/catalog/entities`):
 * `apiVersion`, `kind`, `metadata`, `spec`, `relations: [{ type, targetRef }]`. The static
 * API publishes every entity in this shape (api/entities.json, and one entity.json beside each
 * page), so Backstage tooling and the pull-request check (src/pr-check) read the portal as they
 * would read a Backstage instance. Keys come in one fixed order and maps are sorted, so two
 * builds of the same catalog write the same bytes.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_NAMESPACE } from '../catalog-model/refs.ts';
import type { EntityRecord } from '../entity-record/schema.ts';

export const BackstageRelationSchema = z.object({
  /** Relation type as Backstage names it: `ownedBy`, `ownerOf`, `partOf`, … */
  type: z.string(),
  /** Lowercase ref of the target, `kind:namespace/name` (it may not exist: a dangling reference). */
  targetRef: z.string(),
});

export const BackstageEntitySchema = z.object({
  apiVersion: z.string(),
  kind: z.string(),
  metadata: z.looseObject({
    name: z.string(),
    namespace: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
    tags: z.array(z.string()).optional(),
    links: z.array(z.looseObject({ url: z.string(), title: z.string().optional(), icon: z.string().optional(), type: z.string().optional() })).optional(),
    /** Stable for the life of the ref: a name-based UUID of it (Backstage's is random per instance). */
    uid: z.string().optional(),
    /** Changes exactly when the entity's published content changes. */
    etag: z.string().optional(),
  }),
  spec: z.record(z.string(), z.unknown()).optional(),
  relations: z.array(BackstageRelationSchema).optional(),
});
export type BackstageEntity = z.infer<typeof BackstageEntitySchema>;

/** The lowercase ref `kind:namespace/name` of an entity in Backstage's shape. */
export function backstageRef(entity: Pick<BackstageEntity, 'kind' | 'metadata'>): string {
  return `${entity.kind}:${entity.metadata.namespace ?? DEFAULT_NAMESPACE}/${entity.metadata.name}`.toLowerCase();
}

/** An entity record as Backstage's catalog API would return the entity. */
export function toBackstageEntity(record: EntityRecord): BackstageEntity {
  const { title, description } = record;
  const metadata: BackstageEntity['metadata'] = {
    name: record.name,
    namespace: record.namespace,
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...nonEmptyMap('labels', record.labels),
    ...nonEmptyMap('annotations', record.annotations),
    ...(record.tags.length > 0 ? { tags: [...record.tags] } : {}),
    ...(record.links.length > 0 ? { links: record.links.map((l) => ({ url: l.url, ...pick(l, ['title', 'icon', 'type']) })) } : {}),
  };
  const relations = record.relations.map((r) => ({ type: r.type, targetRef: r.target })).sort(compareRelations);
  const content = { apiVersion: record.apiVersion, kind: record.kind, metadata, spec: record.spec as Record<string, unknown>, relations };
  const etag = createHash('sha1').update(canonicalJson(content)).digest('hex');
  return { ...content, metadata: { ...metadata, uid: nameBasedUuid(record.ref), etag } };
}

/** Every record in Backstage's shape, sorted by ref: the content of api/entities.json. */
export function toBackstageEntities(records: readonly EntityRecord[]): BackstageEntity[] {
  return [...records].sort((a, b) => compareStrings(a.ref, b.ref)).map(toBackstageEntity);
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRelations(a: { type: string; targetRef: string }, b: { type: string; targetRef: string }): number {
  return compareStrings(a.type, b.type) || compareStrings(a.targetRef, b.targetRef);
}

function nonEmptyMap<K extends string>(key: K, map: Record<string, string>): Partial<Record<K, Record<string, string>>> {
  const entries = Object.entries(map).sort(([a], [b]) => compareStrings(a, b));
  return entries.length > 0 ? ({ [key]: Object.fromEntries(entries) } as Record<K, Record<string, string>>) : {};
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** JSON with every object's keys sorted: equal values give equal text whatever order their keys were built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareStrings(a, b)))
      : v,
  );
}

/** Namespace of Frontdoor's entity uids (a random UUID, fixed once). */
const UID_NAMESPACE = Buffer.from('6f1f0c8e4d2a4b7e9a35c1d27b0e8f44', 'hex');

/** RFC 9562 version 5 (SHA-1, name-based) UUID of `name`: the same ref always gets the same uid. */
export function nameBasedUuid(name: string): string {
  const bytes = createHash('sha1').update(UID_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
