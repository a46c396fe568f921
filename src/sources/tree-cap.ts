/**
 * Which files of a folder are read when it holds more than the cap
 * (`limits.maxDocsFiles`). Both readers list names first (cheap) and read
 * only what this keeps, so a docs folder of 50,000 generated files costs the
 * cap, and the pages that make a site usable survive it: every index page,
 * then the nav's targets (when the site's config is known) or a glob's
 * matches, then Markdown pages from the top down, then everything else
 * (images and other assets).
 */

export const DEFAULT_MAX_TREE_FILES = 2000;

/** A listing stops at this many times the cap: enough to choose well, bounded against a folder of millions. */
export const LISTING_FACTOR = 20;

export interface TreeHints {
  /** Repo paths to keep right after the index pages: the targets of the site's nav. */
  keepFirst?: readonly string[];
  /** Kept as early, for a folder read for its glob matches (a Location's `./services/*\/catalog-info.yaml`). */
  matches?: (path: string) => boolean;
}

const INDEX_PAGE = /(?:^|\/)(?:index|readme)\.(?:md|markdown)$/i;
const PAGE = /\.(?:md|markdown)$/i;

/** Per folder read for globs: keep the files some glob of it matches first, should the folder be over the cap. */
export function matchHints(globs: readonly { dir: string; isMatch: (path: string) => boolean }[]): Map<string, TreeHints> {
  const byDir = new Map<string, ((path: string) => boolean)[]>();
  for (const glob of globs) byDir.set(glob.dir, [...(byDir.get(glob.dir) ?? []), glob.isMatch]);
  return new Map([...byDir].map(([dir, matchers]) => [dir, { matches: (path: string) => matchers.some((m) => m(path)) }]));
}

/** The paths to read (at most `max`, sorted) and how many were left out. */
export function keepFirst(paths: readonly string[], max: number, hints: TreeHints = {}): { kept: string[]; omitted: number } {
  if (paths.length <= max) return { kept: [...paths].sort(compareNames), omitted: 0 };
  const priority = new Set(hints.keepFirst);
  const wanted = (path: string) => priority.has(path) || hints.matches?.(path) === true;
  const rank = (path: string) => (INDEX_PAGE.test(path) ? 0 : wanted(path) ? 1 : PAGE.test(path) ? 2 : 3);
  const ranked = paths.map((path) => ({ path, rank: rank(path), depth: path.split('/').length }));
  ranked.sort((a, b) => a.rank - b.rank || a.depth - b.depth || compareNames(a.path, b.path));
  return {
    kept: ranked
      .slice(0, max)
      .map((r) => r.path)
      .sort(compareNames),
    omitted: paths.length - max,
  };
}

/** The names of one folder in the order a listing takes them: index pages, Markdown pages, the rest; by name within each. */
export function listingOrder(names: readonly string[]): string[] {
  const rank = (name: string) => (INDEX_PAGE.test(name) ? 0 : PAGE.test(name) ? 1 : 2);
  return [...names].sort((a, b) => rank(a) - rank(b) || compareNames(a, b));
}

/** By UTF-16 code unit: the same order on every machine, unlike localeCompare. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
