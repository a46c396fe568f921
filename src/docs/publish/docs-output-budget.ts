/**
 * The per-repo output budget applied to the docs stage's result: each repo's
 * pages and vetted files go through `fitRepoOutput`, and what was left out
 * leaves DocsData with them — the pages, nav entries and previous/next links
 * that point at them, and sites with no page left. Pure.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DocsData, DocsNavItemShape, DocsPageRecord, DocsSiteRecord } from '../schema.ts';
import type { VettedAsset } from './check-asset.ts';
import { fitRepoOutput, type BudgetPage } from './output-budget.ts';

export interface DocsOutputInput {
  data: DocsData;
  /** Every repo's vetted files (`vetDocsAssets(…).safe`). */
  assets: readonly VettedAsset[];
  /** Output paths (`AssetCopy.to`) of the files each page uses, by page id, in the order it uses them. */
  assetsByPage: ReadonlyMap<string, readonly string[]>;
  /** `limits.maxRepoOutputBytes`. */
  limit: number;
  /** Bytes a page adds to the site; by default the UTF-8 length of its HTML. */
  pageBytes?: (page: DocsPageRecord, site: DocsSiteRecord) => number;
}

export interface DocsOutput {
  data: DocsData;
  assets: VettedAsset[];
  /** One `repo-output-budget` diagnostic per repo over its budget. */
  diagnostics: Diagnostic[];
  /** Ids of sites left with no page: their entities have no docs to link to. */
  droppedSites: Set<string>;
}

export function applyOutputBudget(input: DocsOutputInput): DocsOutput {
  const pageBytes = input.pageBytes ?? ((page: DocsPageRecord) => Buffer.byteLength(page.html, 'utf8'));
  const pagesBySite = groupBy(input.data.pages, (p) => p.siteId);
  const sitesByRepo = groupBy(input.data.sites, (s) => s.repo);
  const assetsByRepo = groupBy(input.assets, (a) => a.repo);
  const keptPages = new Set<string>();
  const keptAssets = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const repo of new Set([...sitesByRepo.keys(), ...assetsByRepo.keys()])) {
    const pages: BudgetPage[] = [];
    for (const site of sitesByRepo.get(repo) ?? []) {
      const navIndex = new Map(navPagePaths(site.nav).map((path, i) => [path, i]));
      for (const page of pagesBySite.get(site.id) ?? []) {
        pages.push({
          id: page.id,
          siteId: site.id,
          bytes: pageBytes(page, site),
          isSiteIndex: page.path === site.path,
          navIndex: navIndex.get(page.path),
          assets: input.assetsByPage.get(page.id) ?? [],
        });
      }
    }
    const fitted = fitRepoOutput({ repo, pages, assets: assetsByRepo.get(repo) ?? [] }, input.limit);
    fitted.pages.forEach((id) => keptPages.add(id));
    fitted.assets.forEach((to) => keptAssets.add(to));
    if (fitted.diagnostic) diagnostics.push(fitted.diagnostic);
  }
  if (diagnostics.length === 0) return { data: input.data, assets: [...input.assets], diagnostics, droppedSites: new Set() };

  const leftOut = new Set(input.data.pages.filter((p) => !keptPages.has(p.id)).map((p) => p.path));
  const pages = input.data.pages.filter((p) => keptPages.has(p.id)).map((p) => withoutLinksTo(p, leftOut));
  const pageCount = new Map<string, number>();
  for (const page of pages) pageCount.set(page.siteId, (pageCount.get(page.siteId) ?? 0) + 1);
  const sites = input.data.sites.filter((s) => pageCount.has(s.id)).map((s) => ({ ...s, nav: pruneNav(s.nav, leftOut), pageCount: pageCount.get(s.id)! }));
  return {
    data: { sites, pages },
    assets: input.assets.filter((a) => keptAssets.has(a.to)),
    diagnostics,
    droppedSites: new Set(input.data.sites.filter((s) => !pageCount.has(s.id)).map((s) => s.id)),
  };
}

/** The base-relative paths of a nav's pages, in reading order. */
function navPagePaths(nav: readonly DocsNavItemShape[]): string[] {
  return nav.flatMap((item) =>
    item.kind === 'page' && item.href !== undefined ? [item.href] : item.kind === 'section' ? navPagePaths(item.children ?? []) : [],
  );
}

function pruneNav(nav: readonly DocsNavItemShape[], leftOut: ReadonlySet<string>): DocsNavItemShape[] {
  const kept: DocsNavItemShape[] = [];
  for (const item of nav) {
    if (item.kind === 'page' && item.href !== undefined && leftOut.has(item.href)) continue;
    if (item.kind !== 'section' || !item.children?.length) {
      kept.push(item);
      continue;
    }
    // A section whose pages were all left out goes too; one that was empty to begin with stays as written.
    const children = pruneNav(item.children, leftOut);
    if (children.length > 0) kept.push({ ...item, children });
  }
  return kept;
}

function withoutLinksTo(page: DocsPageRecord, leftOut: ReadonlySet<string>): DocsPageRecord {
  const { prev, next, ...rest } = page;
  return { ...rest, ...(prev && !leftOut.has(prev.path) ? { prev } : {}), ...(next && !leftOut.has(next.path) ? { next } : {}) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
