/**
 * The static catalog API's data (src/static-api), computed once per build: api/entities.json and
 * every entity's entity.json serve the same Backstage-shaped objects.
 */
import { backstageRef, toBackstageEntities, type BackstageEntity } from '../static-api/index.ts';
import { entities } from './data.ts';

/** Every entity as Backstage's catalog API returns it, sorted by ref. */
export const backstageEntities: readonly BackstageEntity[] = toBackstageEntities(entities);

/** Entity by lowercase ref, for the per-entity files. */
export const backstageEntityByRef: ReadonlyMap<string, BackstageEntity> = new Map(backstageEntities.map((entity) => [backstageRef(entity), entity]));
