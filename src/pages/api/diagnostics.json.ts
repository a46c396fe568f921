/** `api/diagnostics.json`: every problem the diagnostics page lists, in its order (repo, file, position, severity). */
import type { APIRoute } from 'astro';
import { diagnostics } from '../../page-lookups/data.ts';
import { diagnosticsJson, jsonFileResponse } from '../../static-api/index.ts';

export const GET: APIRoute = () => jsonFileResponse(diagnosticsJson(diagnostics));
