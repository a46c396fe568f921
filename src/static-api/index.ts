/**
 * Stage entry: the static catalog API, as data. In: the finished entity records and
 * diagnostics (src/portal-data). Out: what src/pages/api/ and each entity's entity.json publish
 * (Backstage's entity JSON, the relation graph, the diagnostics), in a stable order and as stable
 * text, so a nightly diff of the site shows only real changes. No Astro here: the changelog
 * stage (src/changelog) maps the catalog with the same functions before Astro runs.
 */
export {
  BackstageEntitySchema,
  backstageRef,
  canonicalJson,
  compareStrings,
  nameBasedUuid,
  toBackstageEntities,
  toBackstageEntity,
  type BackstageEntity,
} from './backstage-entity.ts';
export { catalogGraph, CatalogGraphJsonSchema, type CatalogGraphJson } from './catalog-graph.ts';
export { diagnosticsJson } from './diagnostics-json.ts';
export { jsonFileResponse, stableJsonText } from './stable-json.ts';
