/** `api/graph.json`: the catalog's relations as `{ nodes, edges }`, each relation once, in its forward direction. */
import type { APIRoute } from 'astro';
import { entities } from '../../page-lookups/data.ts';
import { catalogGraph, jsonFileResponse } from '../../static-api/index.ts';

export const GET: APIRoute = () => jsonFileResponse(catalogGraph(entities));
