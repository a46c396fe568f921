import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { collapseNav, fullNav, NAV_FULL_MAX, navEntryCount, navViewFor, siteMapRows, type NavView } from './collapse-nav.ts';
import type { DocsNavItemShape } from './schema.ts';

const page = (name: string): DocsNavItemShape => ({ kind: 'page', title: name, href: `docs/x/${name}/` });
const section = (title: string, children: DocsNavItemShape[]): DocsNavItemShape => ({ kind: 'section', title, children });
const pages = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => page(`${prefix}${i}`));
const MAP = 'docs/x/~pages/';

/** Every entry of a view, nested ones too. */
function flatten(view: readonly NavView[]): NavView[] {
  return view.flatMap((v) => [v, ...(v.kind === 'section' ? flatten(v.children) : [])]);
}

describe('the nav a docs page shows', () => {
  const small = [
    page('home'),
    section('Guide', [page('setup'), section('Deep', [page('deep')])]),
    section('Other', [page('other')]),
    { kind: 'link' as const, title: 'Status', href: 'https://status.example.com' },
  ];

  test('a small site shows its whole nav, with the sections down to the current page open', () => {
    expect(navEntryCount(small)).toBe(8);
    const view = fullNav(small, 'docs/x/deep/');
    expect(view).toEqual([
      { kind: 'page', title: 'home', href: 'docs/x/home/', current: false },
      {
        kind: 'section',
        title: 'Guide',
        open: true,
        children: [
          { kind: 'page', title: 'setup', href: 'docs/x/setup/', current: false },
          { kind: 'section', title: 'Deep', open: true, children: [{ kind: 'page', title: 'deep', href: 'docs/x/deep/', current: true }] },
        ],
      },
      { kind: 'section', title: 'Other', open: false, children: [{ kind: 'page', title: 'other', href: 'docs/x/other/', current: false }] },
      { kind: 'link', title: 'Status', href: 'https://status.example.com' },
    ]);
    expect(navViewFor({ nav: small }, 'docs/x/deep/')).toEqual(view);
  });

  test("a large site shows the top level, the way down and a window of the page's siblings; the rest is on the site map", () => {
    const nav = [page('home'), section('Reference', pages('ref', 300)), section('Guides', pages('guide', 50))];
    expect(navEntryCount(nav)).toBeGreaterThan(NAV_FULL_MAX);
    const view = collapseNav(nav, 'docs/x/ref150/', MAP);
    expect(view.map((v) => v.kind)).toEqual(['page', 'section', 'section']);
    const reference = view[1] as Extract<NavView, { kind: 'section' }>;
    expect(reference.open).toBe(true);
    expect(reference.children[0]).toEqual({ kind: 'more', count: 143, what: 'entries', href: `${MAP}#nav-1` });
    expect(reference.children.filter((c) => c.kind === 'page').map((c) => (c as { title: string }).title)).toEqual(
      Array.from({ length: 15 }, (_, i) => `ref${143 + i}`),
    );
    expect(reference.children.at(-1)).toEqual({ kind: 'more', count: 142, what: 'entries', href: `${MAP}#nav-1` });
    expect(
      flatten(view)
        .filter((v) => v.kind === 'page' && v.current)
        .map((v) => (v as { href: string }).href),
    ).toEqual(['docs/x/ref150/']);
    // A section off the way down is closed and says how many pages it holds.
    expect(view[2]).toEqual({ kind: 'section', title: 'Guides', open: false, children: [{ kind: 'more', count: 50, what: 'pages', href: `${MAP}#nav-2` }] });
  });

  test('the window keeps its size at either end of a list', () => {
    const nav = pages('p', 200);
    const first = collapseNav(nav, 'docs/x/p0/', MAP);
    expect(first.filter((v) => v.kind === 'page')).toHaveLength(15);
    expect(first.at(-1)).toMatchObject({ kind: 'more', count: 185 });
    const last = collapseNav(nav, 'docs/x/p199/', MAP);
    expect(last[0]).toMatchObject({ kind: 'more', count: 185 });
    expect(last.filter((v) => v.kind === 'page')).toHaveLength(15);
  });

  test('a page outside the nav (or the site map itself) sees the start of the top level', () => {
    const view = collapseNav(pages('p', 200), 'docs/x/elsewhere/', MAP);
    expect(view.filter((v) => v.kind === 'page').map((v) => (v as { title: string }).title)[0]).toBe('p0');
    expect(flatten(view).some((v) => v.kind === 'page' && v.current)).toBe(false);
  });

  test('a very deep chain shows its top section and last levels, with the ones between folded', () => {
    let nav: DocsNavItemShape[] = [page('bottom'), ...pages('sibling', 3)];
    for (let depth = 40; depth > 0; depth--) nav = [section(`S${depth}`, nav), ...pages(`filler${depth}-`, 3)];
    const view = collapseNav([...nav, ...pages('top', 100)], 'docs/x/bottom/', MAP);
    const sections = flatten(view).filter((v): v is Extract<NavView, { kind: 'section' }> => v.kind === 'section' && v.open);
    expect(sections.map((s) => s.title)).toEqual(['S1', 'S34', 'S35', 'S36', 'S37', 'S38', 'S39', 'S40']);
    expect(flatten(view)).toContainEqual({ kind: 'more', count: 32, what: 'levels', href: `${MAP}#nav-0` });
    expect(flatten(view).find((v) => v.kind === 'page' && v.current)).toMatchObject({ title: 'bottom' });
  });

  test('property: however large or deep the nav, a page shows a bounded view that holds its own entry', () => {
    const tree: fc.Arbitrary<DocsNavItemShape[]> = fc.letrec<{ items: DocsNavItemShape[] }>((tie) => ({
      items: fc.array(
        fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          fc.nat(5000).map((n) => page(`p${n}`)),
          tie('items').map((children) => section('S', children)),
        ),
        { maxLength: 60 },
      ),
    })).items;
    fc.assert(
      fc.property(tree, fc.nat(), (nav, pick) => {
        const hrefs = flatten(fullNav(nav, '')).flatMap((v) => (v.kind === 'page' ? [v.href] : []));
        const current = hrefs.length ? hrefs[pick % hrefs.length]! : 'docs/x/none/';
        const view = flatten(collapseNav(nav, current, MAP));
        expect(view.length).toBeLessThanOrEqual(150);
        if (hrefs.length) expect(view.filter((v) => v.kind === 'page' && v.current).map((v) => (v as { href: string }).href)).toEqual([current]);
      }),
      { numRuns: 300 },
    );
  });

  test('the site map lists every entry once, flat, with the anchors "… more" links use', () => {
    const rows = siteMapRows(small);
    expect(rows.map((r) => [r.depth, r.kind, r.title, r.id])).toEqual([
      [0, 'page', 'home', undefined],
      [0, 'section', 'Guide', 'nav-1'],
      [1, 'page', 'setup', undefined],
      [1, 'section', 'Deep', 'nav-1-1'],
      [2, 'page', 'deep', undefined],
      [0, 'section', 'Other', 'nav-2'],
      [1, 'page', 'other', undefined],
      [0, 'link', 'Status', undefined],
    ]);
  });
});
