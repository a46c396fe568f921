/**
 * The nav each docs page shows. A small site's nav is shown whole on every
 * page, as MkDocs does. A large one would make output grow with pages × nav
 * (a 2,000-page site was 313 MB of HTML), so each page shows a bounded window
 * of it: the top-level entries, the chain of sections down to the page and
 * the page's siblings, each list windowed around the way down, with "… N
 * more" entries leading to the site map, the one page that lists the whole
 * nav. Per page the view holds at most about 150 entries, however large or
 * deep the nav. Pure data: the Astro components only draw it.
 */
import type { DocsNavItemShape } from './schema.ts';

/** Navs with more entries than this are collapsed, and their site gets a site map. */
export const NAV_FULL_MAX = 100;
/** Entries shown on each side of the way down, at the top level and beside the page. */
const RADIUS = 7;
/** The same, for the sections in between. */
const MID_RADIUS = 2;
/** Deeper chains show the top level and the last levels, with the ones between folded into one entry. */
const MAX_LEVELS = 8;

export type NavView =
  | { kind: 'page'; title: string; href: string; current: boolean }
  | { kind: 'link'; title: string; href: string }
  | { kind: 'section'; title: string; open: boolean; children: NavView[] }
  /** Entries left out here, listed on the site map (`href`, base-relative, with the anchor of their list). */
  | { kind: 'more'; count: number; what: 'entries' | 'pages' | 'levels'; href: string };

interface NavIndex {
  /** Base-relative page path → child indices down to its first entry. */
  chains: Map<string, number[]>;
  /** Pages under each section. */
  pagesIn: Map<DocsNavItemShape, number>;
  entries: number;
}

/** Built once per nav (a site's nav is one object for the whole build), then looked up per page. */
const indexes = new WeakMap<readonly DocsNavItemShape[], NavIndex>();

function indexOf(nav: readonly DocsNavItemShape[]): NavIndex {
  let index = indexes.get(nav);
  if (index) return index;
  const built: NavIndex = { chains: new Map(), pagesIn: new Map(), entries: 0 };
  const walk = (items: readonly DocsNavItemShape[], at: number[]): number => {
    let pages = 0;
    items.forEach((item, i) => {
      built.entries++;
      const here = [...at, i];
      if (item.kind === 'section') {
        const inside = walk(item.children ?? [], here);
        built.pagesIn.set(item, inside);
        pages += inside;
      } else if (item.kind === 'page') {
        pages++;
        if (item.href !== undefined && !built.chains.has(item.href)) built.chains.set(item.href, here);
      }
    });
    return pages;
  };
  walk(nav, []);
  indexes.set(nav, (index = built));
  return index;
}

/** How many entries (pages, links, sections) a nav holds. */
export function navEntryCount(nav: readonly DocsNavItemShape[]): number {
  return indexOf(nav).entries;
}

/** The anchor of a section's entry on the site map (`at`: child indices down to it). */
export function siteMapAnchor(at: readonly number[]): string {
  return `nav-${at.join('-')}`;
}

/** What one page shows: the whole nav for a site without a site map, else the collapsed one. */
export function navViewFor(site: { nav: readonly DocsNavItemShape[]; siteMapPath?: string | undefined }, current: string): NavView[] {
  return site.siteMapPath === undefined ? fullNav(site.nav, current) : collapseNav(site.nav, current, site.siteMapPath);
}

/** Every entry; the sections on the way to the current page are open. */
export function fullNav(nav: readonly DocsNavItemShape[], current: string): NavView[] {
  const chain = indexOf(nav).chains.get(current) ?? [];
  const view = (items: readonly DocsNavItemShape[], depth: number, onChain: boolean): NavView[] =>
    items.map((item, i) => {
      const open = onChain && chain[depth] === i;
      if (item.kind === 'section') return { kind: 'section', title: item.title, open, children: view(item.children ?? [], depth + 1, open) };
      return entryView(item, open && depth === chain.length - 1);
    });
  return view(nav, 0, true);
}

/** The window of a large nav around `current` (a base-relative page path); `siteMapPath` is where the rest is listed. */
export function collapseNav(nav: readonly DocsNavItemShape[], current: string, siteMapPath: string): NavView[] {
  const index = indexOf(nav);
  const chain = index.chains.get(current) ?? [];
  const last = chain.length - 1;
  // A chain deeper than MAX_LEVELS + 1 shows its top section and its last levels; the sections between fold into one entry.
  const skipTo = chain.length > MAX_LEVELS + 1 ? chain.length - (MAX_LEVELS - 1) : 1;
  const more = (count: number, what: 'entries' | 'pages' | 'levels', at: readonly number[]): NavView => ({
    kind: 'more',
    count,
    what,
    href: at.length ? `${siteMapPath}#${siteMapAnchor(at)}` : siteMapPath,
  });

  const list = (items: readonly DocsNavItemShape[], depth: number, at: number[]): NavView[] => {
    const focus = chain[depth] ?? 0;
    const radius = depth === 0 || depth >= last ? RADIUS : MID_RADIUS;
    const lo = Math.max(0, Math.min(focus - radius, items.length - (2 * radius + 1)));
    const hi = Math.min(items.length, lo + 2 * radius + 1);
    const out: NavView[] = [];
    if (lo > 0) out.push(more(lo, 'entries', at));
    for (let i = lo; i < hi; i++) out.push(entry(items[i]!, depth, [...at, i], chain[depth] === i && depth <= last));
    if (hi < items.length) out.push(more(items.length - hi, 'entries', at));
    return out;
  };

  const entry = (item: DocsNavItemShape, depth: number, at: number[], onChain: boolean): NavView => {
    if (item.kind !== 'section') return entryView(item, onChain && depth === last);
    if (!onChain) return { kind: 'section', title: item.title, open: false, children: [more(index.pagesIn.get(item) ?? 0, 'pages', at)] };
    if (depth !== 0 || skipTo === 1) return { kind: 'section', title: item.title, open: true, children: list(item.children ?? [], depth + 1, at) };
    // A very deep chain: from the top-level section straight to the section above the last levels.
    let node = item;
    const path = [...at];
    for (let d = 1; d < skipTo; d++) {
      node = node.children![chain[d]!]!;
      path.push(chain[d]!);
    }
    return {
      kind: 'section',
      title: item.title,
      open: true,
      children: [more(skipTo - 2, 'levels', at), { kind: 'section', title: node.title, open: true, children: list(node.children ?? [], skipTo, path) }],
    };
  };

  return list(nav, 0, []);
}

function entryView(item: DocsNavItemShape, current: boolean): NavView {
  if (item.kind === 'link') return { kind: 'link', title: item.title, href: item.href ?? '' };
  return { kind: 'page', title: item.title, href: item.href ?? '', current };
}

export interface SiteMapRow {
  depth: number;
  kind: 'page' | 'link' | 'section';
  title: string;
  href?: string | undefined;
  /** Anchor of a section, which "… more" entries link to. */
  id?: string | undefined;
}

/** The whole nav as a flat list of rows with their depth: drawn without recursion, however deep. */
export function siteMapRows(nav: readonly DocsNavItemShape[]): SiteMapRow[] {
  const rows: SiteMapRow[] = [];
  const stack: { items: readonly DocsNavItemShape[]; next: number; at: number[] }[] = [{ items: nav, next: 0, at: [] }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.items.length) {
      stack.pop();
      continue;
    }
    const i = top.next++;
    const item = top.items[i]!;
    const at = [...top.at, i];
    const depth = stack.length - 1;
    if (item.kind === 'section') {
      rows.push({ depth, kind: 'section', title: item.title, id: siteMapAnchor(at) });
      stack.push({ items: item.children ?? [], next: 0, at });
    } else {
      rows.push({ depth, kind: item.kind, title: item.title, href: item.href });
    }
  }
  return rows;
}
