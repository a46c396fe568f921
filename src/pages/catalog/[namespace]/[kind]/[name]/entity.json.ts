/**
 * `catalog/<namespace>/<kind>/<name>/entity.json`, beside each entity's page: the entity as
 * Backstage's `GET /api/catalog/entities/by-name/<kind>/<namespace>/<name>` returns it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { entities } from '../../../../../page-lookups/data.ts';
import { backstageEntityByRef } from '../../../../../page-lookups/static-api-data.ts';
import { jsonFileResponse } from '../../../../../static-api/index.ts';

export const getStaticPaths = (() =>
  entities.map((entity) => {
    // The page's own params ([name].astro matches the same `path`), so the file sits beside the page.
    const [, namespace = '', kind = '', name = ''] = /^catalog\/([^/]+)\/([^/]+)\/([^/]+)\/$/.exec(entity.path) ?? [];
    return { params: { namespace, kind, name }, props: { ref: entity.ref } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ ref: string }> = ({ props }) => {
  const entity = backstageEntityByRef.get(props.ref);
  if (!entity) throw new Error(`Frontdoor: entity ${props.ref} is missing from the static API data.`);
  return jsonFileResponse(entity);
};
