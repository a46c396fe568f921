/** `/changelog/feed.xml`: the changelog as an Atom feed, one entry per build that changed the catalog. */
import type { APIRoute } from 'astro';
import { atomFeed } from '../../changelog/index.ts';
import { changelog } from '../../page-lookups/changelog-data.ts';
import { entitiesByRef, meta } from '../../page-lookups/data.ts';
import { href, urls } from '../../view/urls.ts';

export const GET: APIRoute = ({ site }) => {
  // Absolute links when the site's URL is configured; else paths under the base, resolved against the feed's URL.
  const absolute = (path: string) => (site ? new URL(path, site).href : path);
  const xml = atomFeed(changelog, {
    title: meta.title,
    org: meta.org,
    pageUrl: absolute(urls.changelog),
    feedUrl: absolute(urls.changelogFeed),
    entityUrl: (ref) => {
      const entity = entitiesByRef.get(ref);
      return entity && absolute(href(entity.path));
    },
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
