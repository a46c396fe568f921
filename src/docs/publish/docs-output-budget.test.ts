import { describe, expect, it } from 'vitest';
import type { DocsData, DocsPageRecord, DocsSiteRecord } from '../schema.ts';
import type { VettedAsset } from './check-asset.ts';
import { applyOutputBudget } from './docs-output-budget.ts';

const sitePath = 'docs/default/component/big/';
const site = (extra: Partial<DocsSiteRecord> = {}): DocsSiteRecord => ({
  id: 'default/component/big',
  entityRef: 'component:default/big',
  entityTitle: 'Big',
  entityPath: 'catalog/default/component/big/',
  siteName: 'Big',
  path: sitePath,
  kind: 'mkdocs',
  nav: [
    { kind: 'page', title: 'Home', href: sitePath },
    {
      kind: 'section',
      title: 'Guides',
      children: [
        { kind: 'page', title: 'One', href: `${sitePath}one/` },
        { kind: 'page', title: 'Two', href: `${sitePath}two/` },
      ],
    },
    { kind: 'section', title: 'Later', children: [{ kind: 'page', title: 'Three', href: `${sitePath}three/` }] },
    { kind: 'link', title: 'GitHub', href: 'https://github.com/o/big' },
  ],
  repo: 'big',
  configPath: 'mkdocs.yml',
  pageCount: 4,
  ...extra,
});
const page = (slug: string, html: string, extra: Partial<DocsPageRecord> = {}): DocsPageRecord => ({
  id: `${sitePath}${slug}`.replace(/\/+$/, ''),
  siteId: 'default/component/big',
  title: slug || 'Home',
  path: `${sitePath}${slug}`,
  source: `docs/${slug || 'index'}.md`,
  inNav: true,
  headings: [],
  hasMermaid: false,
  html,
  ...extra,
});
const asset = (to: string, bytes: number): VettedAsset => ({ from: `/repo/${to}`, to, repo: 'big', repoPath: to, bytes });

describe('the output budget applied to docs data', () => {
  const data: DocsData = {
    sites: [site()],
    pages: [
      page('', 'x'.repeat(10), { next: { title: 'One', path: `${sitePath}one/` } }),
      page('one/', 'x'.repeat(10), { prev: { title: 'Home', path: sitePath }, next: { title: 'Two', path: `${sitePath}two/` } }),
      page('two/', 'x'.repeat(10), { prev: { title: 'One', path: `${sitePath}one/` }, next: { title: 'Three', path: `${sitePath}three/` } }),
      page('three/', 'x'.repeat(10), { prev: { title: 'Two', path: `${sitePath}two/` } }),
    ],
  };
  const assets = [asset(`${sitePath}img/a.png`, 15), asset(`${sitePath}img/b.png`, 15)];
  const assetsByPage = new Map([
    [`${sitePath}one`, [`${sitePath}img/a.png`]],
    [`${sitePath}three`, [`${sitePath}img/b.png`]],
  ]);

  it('changes nothing when every repo fits', () => {
    const result = applyOutputBudget({ data, assets, assetsByPage, limit: 1000 });
    expect(result.data).toBe(data);
    expect(result.assets).toEqual(assets);
    expect(result.diagnostics).toEqual([]);
  });

  it('leaves out what does not fit, with its nav entries, previous/next links and files', () => {
    // Home 10 + One 10 + a.png 15 + Two 10 = 45; Three does not fit.
    const result = applyOutputBudget({ data, assets, assetsByPage, limit: 50 });
    expect(result.data.pages.map((p) => p.path)).toEqual([sitePath, `${sitePath}one/`, `${sitePath}two/`]);
    expect(result.data.pages[2]!.next).toBeUndefined();
    expect(result.data.pages[2]!.prev).toEqual({ title: 'One', path: `${sitePath}one/` });
    expect(result.assets.map((a) => a.to)).toEqual([`${sitePath}img/a.png`]);
    expect(result.data.sites[0]!.pageCount).toBe(3);
    expect(result.data.sites[0]!.nav.map((n) => n.title)).toEqual(['Home', 'Guides', 'GitHub']);
    expect(result.diagnostics.map((d) => [d.repo, d.rule])).toEqual([['big', 'repo-output-budget']]);
    expect(result.droppedSites.size).toBe(0);
  });

  it('drops a site none of whose pages fit', () => {
    const result = applyOutputBudget({ data, assets, assetsByPage, limit: 5 });
    expect(result.data).toEqual({ sites: [], pages: [] });
    expect(result.assets).toEqual([]);
    expect([...result.droppedSites]).toEqual(['default/component/big']);
  });

  it('counts pages as the caller says they are written', () => {
    const result = applyOutputBudget({ data, assets: [], assetsByPage, limit: 250, pageBytes: (p) => p.html.length + 100 });
    expect(result.data.pages).toHaveLength(2);
  });
});
