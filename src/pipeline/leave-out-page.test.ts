import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocsData } from '../docs/schema.ts';
import type { PortalData } from '../portal-data/schema.ts';
import { leaveOutPage } from './leave-out-page.ts';

const portal = JSON.parse(readFileSync(new URL('../../test/fixtures/sample-portal-data.json', import.meta.url), 'utf8')) as PortalData;
const site = {
  id: 'default/component/checkout-web',
  entityRef: 'component:default/checkout-web',
  entityTitle: 'Checkout web',
  entityPath: 'catalog/default/component/checkout-web/',
  siteName: 'Checkout',
  path: 'docs/default/component/checkout-web/',
  kind: 'mkdocs' as const,
  nav: [],
  siteMapPath: 'docs/default/component/checkout-web/~pages/',
  repo: 'checkout',
  configPath: 'mkdocs.yml',
  pageCount: 2,
};
const page = (path: string, source: string) => ({
  id: path.replace(/\/$/, ''),
  siteId: site.id,
  title: source,
  path,
  source,
  inNav: true,
  headings: [],
  hasMermaid: false,
  html: '<p>x</p>',
});
const docs: DocsData = {
  sites: [site],
  pages: [page('docs/default/component/checkout-web/', 'docs/index.md'), page('docs/default/component/checkout-web/guide/', 'docs/guide.md')],
};
const error = new Error('boom\n::error::x');

describe('leaveOutPage', () => {
  it('leaves out the entity whose page failed, with a repo-failed diagnostic on its own catalog file', () => {
    const left = leaveOutPage('/portal/catalog/default/component/checkout-web/', '/portal/', { portal, docs }, error)!;
    expect(left.portal.entities.map((e) => e.ref)).not.toContain('component:default/checkout-web');
    expect(left.portal.entities).toHaveLength(portal.entities.length - 1);
    expect(left.diagnostic).toMatchObject({ rule: 'repo-failed', severity: 'error', repo: 'checkout', ref: 'component:default/checkout-web' });
    expect(left.diagnostic.message).toMatch(
      /rendering the page \/catalog\/default\/component\/checkout-web\/ .*Error: boom\\n::error::x\. The entity component:default\/checkout-web is left out/,
    );
    expect(left.portal.diagnostics).toContainEqual(left.diagnostic);
    expect(left.docs).toBe(docs);
  });

  it('a page below an entity (an API definition) costs that entity', () => {
    const left = leaveOutPage('/catalog/default/component/checkout-web/definition/', '/', { portal, docs }, error)!;
    expect(left.diagnostic.ref).toBe('component:default/checkout-web');
  });

  it('a docs page costs that page only; a site map only the map', () => {
    const one = leaveOutPage('/docs/default/component/checkout-web/guide/', '/', { portal, docs }, error)!;
    expect(one.docs.pages.map((p) => p.source)).toEqual(['docs/index.md']);
    expect(one.diagnostic).toMatchObject({ repo: 'checkout', path: 'docs/guide.md', ref: 'component:default/checkout-web' });
    expect(one.portal.entities).toHaveLength(portal.entities.length);
    const map = leaveOutPage('/docs/default/component/checkout-web/~pages/', '/', { portal, docs }, error)!;
    expect(map.docs.pages).toHaveLength(2);
    expect(map.docs.sites[0]!.siteMapPath).toBeUndefined();
  });

  it("a page that is no one repo's is not left out: the build fails as before", () => {
    for (const route of ['/', '/diagnostics/', '/catalog/', '/health/']) expect(leaveOutPage(route, '/', { portal, docs }, error), route).toBeUndefined();
  });
});
