/**
 * One repo's share of the built site. GitHub Pages refuses a site over 1 GB,
 * and every repo writes into the same site, so no repo may take more than
 * `limits.maxRepoOutputBytes`: past it, a few huge docs sites would stop the
 * deploy for the whole org.
 *
 * What stays is what readers reach first: every site's first page, then
 * pages in nav order (the sites of a repo take turns, so each keeps its top
 * pages), then pages outside the nav; each page is followed by the files it
 * uses that no earlier page did. Kept is the longest run of that reading
 * order that fits — a prefix, so the diagnostic can say where it stopped.
 * Pure: the docs stage decides what leaving out a page or file means.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../../diagnostics/make.ts';

export interface BudgetPage {
  /** The page's id (`DocsPageRecord.id`). */
  id: string;
  /** Its site (`DocsPageRecord.siteId`): a repo may hold several. */
  siteId: string;
  /** Bytes the page adds to the site as written (its HTML with the layout around it). */
  bytes: number;
  /** The site's first page (`DocsSiteRecord.path`), kept before any other. */
  isSiteIndex: boolean;
  /** Position in its site's nav, from 0; undefined for a page outside the nav. */
  navIndex?: number | undefined;
  /** Output paths (`AssetCopy.to`) of the files the page uses, in the order it uses them. */
  assets: readonly string[];
}

export interface BudgetAsset {
  /** Output path (`AssetCopy.to`). */
  to: string;
  /** Bytes it adds to the site (for an SVG, its sanitized size). */
  bytes: number;
}

export interface RepoOutput {
  repo: string;
  pages: readonly BudgetPage[];
  /** The repo's files that will be copied (vetted); files no page uses come last. */
  assets: readonly BudgetAsset[];
}

export interface FittedOutput {
  /** Ids of the pages kept. */
  pages: Set<string>;
  /** Output paths of the files kept. */
  assets: Set<string>;
  keptBytes: number;
  leftOutBytes: number;
  /** One `repo-output-budget` diagnostic when anything was left out. */
  diagnostic?: Diagnostic;
}

/** What of one repo's docs fits in `limit` bytes. */
export function fitRepoOutput(output: RepoOutput, limit: number): FittedOutput {
  const sizeOf = new Map(output.assets.map((a) => [a.to, a.bytes]));
  const kept: FittedOutput = { pages: new Set(), assets: new Set(), keptBytes: 0, leftOutBytes: 0 };
  let full = false;
  let firstLeftOut: string | undefined;
  let leftOutPages = 0;
  let leftOutAssets = 0;
  const seen = new Set<string>();
  const take = (kind: 'page' | 'asset', id: string, bytes: number) => {
    if (!full && kept.keptBytes + bytes <= limit) {
      kept.keptBytes += bytes;
      (kind === 'page' ? kept.pages : kept.assets).add(id);
      return;
    }
    full = true;
    firstLeftOut ??= id;
    kept.leftOutBytes += bytes;
    if (kind === 'page') leftOutPages++;
    else leftOutAssets++;
  };
  const takeAsset = (to: string) => {
    const bytes = sizeOf.get(to);
    // A file the page names but that is not copied (refused, missing) costs nothing.
    if (bytes === undefined || seen.has(to)) return;
    seen.add(to);
    take('asset', to, bytes);
  };
  for (const page of readingOrder(output.pages)) {
    take('page', page.id, page.bytes);
    page.assets.forEach(takeAsset);
  }
  output.assets.forEach((a) => takeAsset(a.to));
  if (!full) return kept;
  const pageCount = output.pages.length;
  const assetCount = seen.size;
  const diagnostic = makeDiagnostic(
    'repo-output-budget',
    { repo: output.repo, path: '', line: 0, column: 0 },
    `This repo's docs would add ${size(kept.keptBytes + kept.leftOutBytes)} to the site, over the ${size(limit)} one repo may add (\`limits.maxRepoOutputBytes\` in portal.config.yaml), so no repo can push the site past GitHub Pages' 1 GB. ` +
      `Kept in reading order (each site's first page, then the nav, each page with its files): ${pageCount - leftOutPages} of ${pageCount} pages and ${assetCount - leftOutAssets} of ${assetCount} files, ${size(kept.keptBytes)}. ` +
      `Left out: ${leftOutPages} pages and ${leftOutAssets} files, ${size(kept.leftOutBytes)}, from ${shown(firstLeftOut!)} on. Make images and downloads smaller, move large files out of the docs folder and link to them on GitHub, or raise the limit.`,
  );
  return { ...kept, diagnostic };
}

/** Site first pages, then nav ranks with the sites taking turns, then pages outside the nav, in their own order. */
export function readingOrder(pages: readonly BudgetPage[]): BudgetPage[] {
  const siteRank = new Map<string, number>();
  const positionInSite = new Map<string, number>();
  const keys = new Map<BudgetPage, [number, number, number]>();
  for (const page of pages) {
    if (!siteRank.has(page.siteId)) siteRank.set(page.siteId, siteRank.size);
    const position = positionInSite.get(page.siteId) ?? 0;
    positionInSite.set(page.siteId, position + 1);
    const group = page.isSiteIndex ? 0 : page.navIndex !== undefined ? 1 : 2;
    keys.set(page, [group, group === 0 ? 0 : group === 1 ? page.navIndex! : position, siteRank.get(page.siteId)!]);
  }
  return [...pages].sort((a, b) => {
    const [ka, kb] = [keys.get(a)!, keys.get(b)!];
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
  });
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} bytes`;
}

/** Quoted and capped: ids are repo content, and messages reach logs and pages. */
function shown(id: string): string {
  return JSON.stringify(id.length > 120 ? `${id.slice(0, 120)}…` : id);
}
