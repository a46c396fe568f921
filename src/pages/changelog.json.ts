/**
 * `changelog.json`: the catalog's changes for the last builds that changed it. The next build
 * reads it back from the live site (or the output folder) and adds its own changes on top.
 */
import type { APIRoute } from 'astro';
import { changelog } from '../page-lookups/changelog-data.ts';
import { jsonFileResponse } from '../static-api/index.ts';

export const GET: APIRoute = () => jsonFileResponse(changelog);
