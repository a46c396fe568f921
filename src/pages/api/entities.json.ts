/**
 * `api/entities.json`: every entity as Backstage's `GET /api/catalog/entities` returns it
 * (apiVersion, kind, metadata, spec, relations), sorted by ref. The pull-request check
 * (src/pr-check) reads it to check references against the whole org.
 */
import type { APIRoute } from 'astro';
import { backstageEntities } from '../../page-lookups/static-api-data.ts';
import { jsonFileResponse } from '../../static-api/index.ts';

export const GET: APIRoute = () => jsonFileResponse(backstageEntities);
