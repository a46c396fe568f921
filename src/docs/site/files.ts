/**
 * The files of a (merged) docs_dir, as MkDocs 1.6 `get_files` lists them:
 * each folder's index/README first, then its files, then its sub-folders;
 * dot-files, a top-level templates/ and `exclude_docs`/`draft_docs` left out;
 * a README.md dropped when an index.md gives the same page; Markdown files
 * mapped to `.html` destinations and URLs (directory URLs or not).
 */
import type { RepoFile } from '../../sources/snapshot.ts';
import { defaultExclude, gitignoreSpec } from './gitignore.ts';
import { basename, compareParts, comparePy, dirname, isCleanRepoPath, isInside, pyQuote, relativeTo, splitext } from './paths.ts';
import { nowhere, type Problems } from './problems.ts';

export const MARKDOWN_EXTENSIONS = ['.markdown', '.mdown', '.mkdn', '.mkd', '.md'];

export const isMarkdown = (src: string): boolean => MARKDOWN_EXTENSIONS.some((ext) => src.endsWith(ext));

/** Non-Markdown files MkDocs calls static pages rather than media (copied all the same). */
export const isStaticPage = (src: string): boolean => /\.(html|htm|xml|json)$/.test(src);

export interface DocFile {
  /** Relative to the merged docs_dir. */
  src: string;
  /** Where the bytes come from (monorepo: the included site's own docs_dir). */
  repoPath: string;
  file: RepoFile;
  isPage: boolean;
  /** Percent-encoded, site-relative; `''` for the home page with directory URLs. */
  url: string;
  /** `not_in_nav`: built, but left out of the automatic nav and of the "not in nav" report. */
  notInNav: boolean;
}

/** One docs_dir merged into the site at `prefix` ('' for the root docs_dir, the alias for monorepo includes). */
export interface DocsTree {
  prefix: string;
  docsDir: string;
}

export interface FileOptions {
  useDirectoryUrls: boolean;
  excludeDocs: string[];
  draftDocs: string[];
  notInNav: string[];
}

/** MkDocs' `File.name`: the stem, with README read as index. */
export function fileName(src: string): string {
  const stem = splitext(basename(src))[0];
  return stem === 'README' ? 'index' : stem;
}

function destOf(src: string, isPage: boolean, useDirectoryUrls: boolean): string {
  if (!isPage) return src;
  const parent = dirname(src);
  const name = fileName(src);
  const join = (...parts: string[]) => parts.filter(Boolean).join('/');
  return !useDirectoryUrls || name === 'index' ? join(parent, `${name}.html`) : join(parent, name, 'index.html');
}

function urlOf(dest: string, useDirectoryUrls: boolean): string {
  let url = dest;
  if (useDirectoryUrls && basename(dest) === 'index.html') url = `${dirname(dest) || '.'}/`;
  url = pyQuote(url);
  return url === './' ? '' : url;
}

/** `_file_sort_key` over whole paths: folder parts, then index/README first, then the name. */
function sortKey(src: string): { dir: string[]; notIndex: boolean; name: string } {
  const parts = src.split('/');
  const name = parts.pop()!;
  const stem = splitext(name)[0];
  return { dir: parts, notIndex: stem !== 'index' && stem !== 'README', name };
}

export function collectDocFiles(files: Record<string, RepoFile>, trees: readonly DocsTree[], options: FileOptions, problems: Problems): DocFile[] {
  // Later trees overwrite earlier ones at the same path, as the monorepo plugin's copytree does.
  const merged = new Map<string, { repoPath: string; file: RepoFile }>();
  for (const tree of trees) {
    for (const [repoPath, file] of Object.entries(files)) {
      if (file.status === 'missing' || repoPath === tree.docsDir || !isInside(tree.docsDir, repoPath) || !isCleanRepoPath(repoPath)) continue;
      if (file.status === 'outside-repo' || file.status === 'unreadable') {
        problems.add('docs-file-refused', nowhere(repoPath), `${repoPath} is left out of the docs: ${file.reason}.`);
        continue;
      }
      const rel = relativeTo(tree.docsDir, repoPath);
      merged.set(tree.prefix ? `${tree.prefix}/${rel}` : rel, { repoPath, file });
    }
  }

  const excluded = gitignoreSpec([...options.excludeDocs]);
  const drafts = gitignoreSpec(options.draftDocs);
  const notInNav = gitignoreSpec(options.notInNav);
  const keys = new Map<string, ReturnType<typeof sortKey>>();
  const kept = [...merged.keys()].filter((src) => !defaultExclude(src) && !excluded(src) && !drafts(src));
  for (const src of kept) keys.set(src, sortKey(src));
  kept.sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    return compareParts(ka.dir, kb.dir) || Number(ka.notIndex) - Number(kb.notIndex) || comparePy(ka.name, kb.name);
  });

  // Two files of one folder with the same destination (README.md and index.md): the first in order is dropped.
  const firstByDest = new Map<string, string>();
  const dropped = new Set<string>();
  const dests = new Map<string, string>();
  for (const src of kept) {
    const dest = destOf(src, isMarkdown(src), options.useDirectoryUrls);
    dests.set(src, dest);
    const key = `${dirname(src)}\0${dest}`; // MkDocs compares destinations folder by folder
    const first = firstByDest.get(key);
    if (first === undefined) firstByDest.set(key, src);
    else if (!dropped.has(first)) {
      dropped.add(first);
      const where = merged.get(first)!.repoPath;
      problems.add('docs-readme-conflict', nowhere(where), `Excluding '${first}' from the site because it conflicts with '${src}' (both would be ${dest}). Rename or delete one of them.`);
    }
  }

  return kept
    .filter((src) => !dropped.has(src))
    .map((src) => {
      const { repoPath, file } = merged.get(src)!;
      const isPage = isMarkdown(src);
      return { src, repoPath, file, isPage, url: urlOf(dests.get(src)!, options.useDirectoryUrls), notInNav: notInNav(src) };
    });
}
