/**
 * The TechDocs pages of a repo: the Markdown files of the docs folders its
 * MkDocs sites use. These are the files that get a "Last updated" date
 * (`Repo.fileDates`); both sources ask for dates of exactly these paths.
 */
import { siteDocsDirs } from './discover-docs.ts';
import type { Repo } from './snapshot.ts';

/**
 * Dated pages per repo. Each is one `history` lookup on GitHub (100 cost a
 * point), so a repo with a generated docs folder of 50,000 pages must not
 * spend the crawl's budget on dates; pages beyond the cap show the repo's date.
 */
export const MAX_DATED_PAGES = 2000;

const PAGE = /\.(md|markdown)$/i;

/** Sorted repo paths, at most MAX_DATED_PAGES; only pages read as text (the docs stage renders nothing else). */
export function docsPagePaths(repo: Pick<Repo, 'files' | 'trees'>): string[] {
  const pages = new Set<string>();
  for (const dir of siteDocsDirs(repo.files)) {
    for (const path of repo.trees[dir]?.paths ?? []) if (PAGE.test(path) && repo.files[path]?.status === 'text') pages.add(path);
  }
  return [...pages].sort().slice(0, MAX_DATED_PAGES);
}
