/**
 * The org's published catalog (`<site>/api/entities.json`, Backstage's entity JSON shape), read
 * so a pull request in one repo can check its references against every other repo.
 *
 * In: the URL. Out: the entities as the graph's own `LoadedEntity` values (so the catalog's
 * reference check and its "did you mean" run on them unchanged), or the reason the check is
 * skipped: no URL, offline, not deployed yet (404), or not a catalog. Never throws for these:
 * a PR check that cannot reach the portal still validates the repo's own files.
 */
import { z } from 'zod';
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import { declaredRelations } from '../catalog/validate/declared-relations.ts';
import type { EntityJson } from '../catalog/validate/validate-document.ts';
import { ANNOTATION_LOCATION, ANNOTATION_SOURCE_LOCATION } from '../catalog-model/annotations.ts';
import { carriedSpecSchemas, findKind, type KindWithSpec } from '../catalog-model/kinds/index.ts';
import { DEFAULT_NAMESPACE, stringifyEntityRef } from '../catalog-model/refs.ts';

/** What this check reads of one published entity; everything else is kept as published. */
export const PublishedEntitySchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.string(),
  metadata: z.looseObject({
    name: z.string(),
    namespace: z.string().optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
  spec: z.record(z.string(), z.unknown()).optional(),
  relations: z.array(z.looseObject({ type: z.string(), targetRef: z.string() })).optional(),
});
export type PublishedEntity = z.infer<typeof PublishedEntitySchema>;

export const PublishedCatalogSchema = z.array(PublishedEntitySchema);

export type PublishedCatalog = { status: 'read'; url: string; entities: PublishedEntity[] } | { status: 'skipped'; reason: string };

const TIMEOUT_MS = 15_000;

export async function fetchPublishedCatalog(url: string | undefined, fetchImpl: typeof fetch = fetch): Promise<PublishedCatalog> {
  if (!url) return { status: 'skipped', reason: 'no --catalog-url was given (the action passes `<portal-url>/api/entities.json`)' };
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    return { status: 'skipped', reason: `the published catalog at ${url} could not be reached (${cause}); is the runner offline?` };
  }
  if (response.status === 404)
    return { status: 'skipped', reason: `there is no published catalog at ${url} yet (404): the portal has not been deployed with its catalog API` };
  if (!response.ok) return { status: 'skipped', reason: `the published catalog at ${url} answered HTTP ${response.status}` };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { status: 'skipped', reason: `${url} is not JSON` };
  }
  const parsed = PublishedCatalogSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { status: 'skipped', reason: `${url} is not a list of catalog entities (at \`${issue.path.join('.')}\`: ${issue.message})` };
  }
  return { status: 'read', url, entities: parsed.data };
}

export function publishedRef(entity: PublishedEntity): string {
  return stringifyEntityRef({ kind: entity.kind, namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE, name: entity.metadata.name });
}

/** Where a published entity was declared, for messages: its catalog file's URL, when the portal published one. */
export function publishedLocation(entity: PublishedEntity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const location = annotations[ANNOTATION_LOCATION] ?? annotations[ANNOTATION_SOURCE_LOCATION];
  return location?.replace(/^url:/, '');
}

/**
 * Published entities as the graph's entities: their kind definition, spec and the relations their
 * spec declares (read as the catalog reads them, so "who refers to this name" means what the file
 * says, not an inverse relation Backstage derived). No positions: they are in other repos. An
 * entity of a kind this validator does not know cannot be a target of a built-in relation: left out.
 */
export function publishedTargets(entities: readonly PublishedEntity[]): LoadedEntity[] {
  const targets: LoadedEntity[] = [];
  for (const entity of entities) {
    const def = findKind(entity.kind, entity.apiVersion);
    if (!def) continue;
    const spec = carriedSpecSchemas[def.kind].safeParse(entity.spec ?? {});
    if (!spec.success) continue;
    // The schema is def's own, so its output is a spec of def.kind (the pairing parseSpec makes too).
    const typed = { kind: def.kind, spec: spec.data } as KindWithSpec;
    const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
    const json: EntityJson = { apiVersion: entity.apiVersion, metadata: { ...entity.metadata, name: entity.metadata.name, namespace }, ...typed };
    targets.push({
      ref: publishedRef(entity),
      kind: def,
      json,
      relations: declaredRelations(def, spec.data, namespace, { position: () => ({ line: 0, column: 0 }), onInvalid: () => {} }),
      source: { repo: '', path: publishedLocation(entity) ?? '', document: 0, line: 0, column: 0 },
    });
  }
  return targets;
}
