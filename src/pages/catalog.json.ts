/**
 * `/catalog.json`: the whole catalog for the explorer island, as one compact,
 * dictionary-encoded file fetched once on the catalog page, never inlined.
 */
import type { APIRoute } from 'astro';
import { encodeCatalogIndex } from '../islands/explorer/catalog-index.ts';
import { explorerEntities } from '../page-lookups/explorer-data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(encodeCatalogIndex(explorerEntities)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
