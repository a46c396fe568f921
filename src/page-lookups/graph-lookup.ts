/**
 * The catalog, as the relation drawings (src/graph-view/) read it: entity
 * records turned into EntityInfo (display name, page path, relations),
 * looked up by ref. One EntityInfo per entity for the whole build.
 */
import type { EntityInfo, EntityLookup } from '../graph-view/index.ts';
import type { EntityRecord } from '../entity-record/schema.ts';
import { displayName, entitiesByRef } from './data.ts';

const infos = new Map<string, EntityInfo>();

export function entityInfo(entity: EntityRecord): EntityInfo {
  let info = infos.get(entity.ref);
  if (!info) {
    info = { ref: entity.ref, kind: entity.kind, title: displayName(entity), path: entity.path, relations: entity.relations };
    infos.set(entity.ref, info);
  }
  return info;
}

export const graphLookup: EntityLookup = (ref) => {
  const entity = entitiesByRef.get(ref.toLowerCase());
  return entity && entityInfo(entity);
};
