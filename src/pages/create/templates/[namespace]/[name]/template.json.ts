/**
 * `create/templates/<namespace>/<name>/template.json`: a template's launch data (TemplateLaunchData:
 * its spec as written and its skeletons' text), fetched by the form island when the page opens,
 * never inlined in the page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { templateLaunchByRef, templatePages } from '../../../../../page-lookups/templates-data.ts';

export const getStaticPaths = (() =>
  templatePages.flatMap((page) => {
    const launch = templateLaunchByRef.get(page.ref);
    return launch ? [{ params: { namespace: page.namespace.toLowerCase(), name: page.name.toLowerCase() }, props: { launch } }] : [];
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props['launch']), { headers: { 'content-type': 'application/json; charset=utf-8' } });
