/**
 * `api/catalog-info.schema.json`: the JSON Schema of catalog-info.yaml beside the rest of the API,
 * generated from the same zod schemas as public/schema/catalog-info.schema.json (same bytes).
 */
import type { APIRoute } from 'astro';
import { catalogJsonSchema } from '../../catalog-model/json-schema.ts';
import { jsonFileResponse } from '../../static-api/index.ts';

export const GET: APIRoute = () => jsonFileResponse(catalogJsonSchema());
