/**
 * The nav tree, as MkDocs 1.6 builds it (`get_navigation`): from the `nav`
 * setting (strings, `{title: path}`, nested sections, links; validated like
 * MkDocs' Nav option but never fatal here: a bad entry is reported and
 * skipped), or, without one, from the files (`nest_paths`: each page under
 * sections named by `dirname_to_title` of its folders). Titles of pages are
 * filled in later; this only records the title the nav gives a page.
 */
import type { DocFile } from './files.ts';
import { nameToTitle } from './page-title.ts';
import { purePosix, urlsplit } from './paths.ts';
import type { Problems } from './problems.ts';
import { describe, stringOf, type Located } from '../../sources/mkdocs/yaml-tree.ts';

export type NavDraft = { kind: 'page'; src: string } | { kind: 'section'; title: string; children: NavDraft[] } | { kind: 'link'; title: string; href: string };

export interface NavResult {
  items: NavDraft[];
  /** The title the page's first nav entry gives it (null: the entry has none). */
  navTitles: Map<string, string | null>;
  /** Pages listed somewhere inside a section: never MkDocs' homepage. */
  inSection: Set<string>;
}

/** Nav sections deeper than this are cut off (a guard for generated or hostile configs). */
const MAX_NAV_DEPTH = 64;

/** `aliases`: files left out because another is published at their path → that file (a nav entry for one shows the other). */
export function buildNav(nav: Located | undefined, files: readonly DocFile[], problems: Problems, aliases: ReadonlyMap<string, string> = new Map()): NavResult {
  const bySrc = new Map(files.map((f) => [f.src, f]));
  for (const [src, to] of aliases) if (!bySrc.has(src) && bySrc.has(to)) bySrc.set(src, bySrc.get(to)!);
  const result: NavResult = { items: [], navTitles: new Map(), inSection: new Set() };

  const leaf = (title: string | null, path: string, at: Located['at'], depth: number): NavDraft => {
    const file = bySrc.get(purePosix(path));
    if (file?.isPage) {
      if (!result.navTitles.has(file.src)) result.navTitles.set(file.src, title);
      if (depth > 0) result.inSection.add(file.src);
      return { kind: 'page', src: file.src };
    }
    const { scheme, netloc } = urlsplit(path);
    if (file) problems.add('docs-nav-target-missing', at, `The nav entry '${path}' names a file that is not a Markdown page; it is shown as a plain link.`);
    else if (scheme || netloc) {
      /* an external link */
    } else if (path.startsWith('/'))
      problems.add(
        'docs-nav-absolute-link',
        at,
        `An absolute path to '${path}' is included in the 'nav' configuration, which presumably points to an external resource; it is kept as a link.`,
      );
    else
      problems.add(
        'docs-nav-target-missing',
        at,
        `A reference to '${path}' is included in the 'nav' configuration, which is not found in the documentation files. Fix the path (relative to docs_dir) or remove the entry.`,
      );
    return { kind: 'link', title: title ?? path, href: path };
  };

  const items = (list: Located, depth: number): NavDraft[] => {
    if (depth > MAX_NAV_DEPTH) {
      problems.add('docs-nav-invalid', list.at, `The nav is nested more than ${MAX_NAV_DEPTH} levels deep; deeper entries are skipped.`);
      return [];
    }
    if (list.kind === 'seq' && !list.tag) return list.items.flatMap((item) => entry(item, depth));
    // A mapping where a list belongs: MkDocs reads each key as an entry (and warns, or fails at the top).
    return (list as Extract<Located, { kind: 'map' }>).entries.flatMap((e) => titled(e.key, e.value, depth));
  };

  const entry = (item: Located, depth: number): NavDraft[] => {
    const path = stringOf(item);
    if (path !== undefined) return [leaf(null, path, item.at, depth)];
    if (item.kind === 'map' && !item.tag) {
      if (item.entries.length !== 1) {
        problems.add(
          'docs-nav-invalid',
          item.at,
          `Expected a nav item to be a mapping of one title to a path or a list, got ${describe(item)}. Write each entry as its own list item ("- Title: path.md").`,
        );
      }
      return item.entries.flatMap((e) => titled(e.key, e.value, depth));
    }
    problems.add('docs-nav-invalid', item.at, `Expected a nav item to be a path or a "Title: path" mapping, got ${describe(item)}; it is skipped.`);
    return [];
  };

  const titled = (title: string | null, value: Located, depth: number): NavDraft[] => {
    const path = stringOf(value);
    if (path !== undefined) return [leaf(title, path, value.at, depth)];
    if (value.kind === 'seq' && !value.tag) return [{ kind: 'section', title: title ?? '', children: items(value, depth + 1) }];
    if (value.kind === 'map' && !value.tag && value.entries.length > 0) {
      problems.add('docs-nav-not-list', value.at, `The nav section '${title}' is a mapping; MkDocs expects a list. Put a "- " before each of its entries.`);
      return [{ kind: 'section', title: title ?? '', children: items(value, depth + 1) }];
    }
    problems.add('docs-nav-invalid', value.at, `The nav entry '${title}' must be a path or a list of entries, got ${describe(value)}; it is skipped.`);
    return [];
  };

  if (nav) {
    if (nav.kind === 'map' && !nav.tag && nav.entries.length > 0) {
      problems.add('docs-nav-invalid', nav.at, `nav must be a list, got ${describe(nav)}; MkDocs refuses this config. Put a "- " before each entry.`);
      result.items = items(nav, 0);
    } else if (nav.kind === 'seq' && !nav.tag) {
      result.items = items(nav, 0);
    } else {
      problems.add('docs-nav-invalid', nav.at, `nav must be a list, got ${describe(nav)}; the automatic nav is used instead.`);
      return autoNav(files);
    }
    if (nav.kind !== 'seq' || nav.items.length > 0) return result;
  }
  return autoNav(files);
}

/** MkDocs' nav without a `nav` setting: every page, nested in sections by folder (`nest_paths`). */
export function autoNav(files: readonly DocFile[]): NavResult {
  const items: NavDraft[] = [];
  const navTitles = new Map<string, string | null>();
  const inSection = new Set<string>();
  for (const file of files) {
    if (!file.isPage || file.notInNav) continue;
    let branch = items;
    const folders = file.src.split('/').slice(0, -1);
    for (const folder of folders) {
      const title = nameToTitle(folder);
      let section = branch.find((n): n is Extract<NavDraft, { kind: 'section' }> => n.kind === 'section' && n.title === title);
      if (!section) branch.push((section = { kind: 'section', title, children: [] }));
      branch = section.children;
    }
    branch.push({ kind: 'page', src: file.src });
    navTitles.set(file.src, null);
    if (folders.length) inSection.add(file.src);
  }
  return { items, navTitles, inSection };
}
