/**
 * The catalog as the explorer sees it, computed once at module scope: display
 * names resolved, owners and systems named (only when they exist, so the
 * table links only to pages that exist).
 */
import type { EntityRecord } from '../entity-record/schema.ts';
import { displayName, entities, lookup } from './data.ts';
import type { ExplorerEntity } from '../islands/explorer/catalog-index.ts';

function toExplorerEntity(entity: EntityRecord): ExplorerEntity {
  const title = displayName(entity);
  const owner = lookup(entity.owner);
  const system = lookup(entity.system);
  return {
    ref: entity.ref,
    path: entity.path,
    name: entity.name,
    ...(title !== entity.name ? { title } : {}),
    kind: entity.kind,
    namespace: entity.namespace,
    ...(entity.type ? { type: entity.type } : {}),
    ...(entity.lifecycle ? { lifecycle: entity.lifecycle } : {}),
    ...(entity.owner ? { owner: entity.owner } : {}),
    ...(owner ? { ownerName: displayName(owner) } : {}),
    ...(entity.system ? { system: entity.system } : {}),
    ...(system ? { systemName: displayName(system) } : {}),
    tags: entity.tags,
    ...(entity.description ? { description: entity.description } : {}),
  };
}

/** In the site's catalog order (kind, then name). */
export const explorerEntities: readonly ExplorerEntity[] = entities.map(toExplorerEntity);
