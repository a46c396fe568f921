/**
 * The files of a (merged) docs_dir, as MkDocs 1.6 `get_files` lists them:
 * each folder's index/README first, then its files, then its sub-folders;
 * dot-files, a top-level templates/ and `exclude_docs`/`draft_docs` left out;
 * a README.md dropped when an index.md gives the same page. Every page gets a
 * directory URL (`guide/setup/`: the portal's URL shape, whatever
 * `use_directory_urls` says), and every file the path published-paths.ts
 * gives it: safe, within the length budget, colliding with no other.
 */
import { logText } from '../../diagnostics/log-text.ts';
import type { RepoFile } from '../../sources/snapshot.ts';
import { defaultExclude, gitignoreSpec } from './gitignore.ts';
import { urlOfPublished } from './page-slug.ts';
import { basename, compareParts, comparePy, dirname, isCleanRepoPath, isInside, relativeTo, splitext } from './paths.ts';
import { nowhere, type Problems } from './problems.ts';
import { assignPublishedPaths, type PublishInput } from './published-paths.ts';

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
  /** Percent-encoded, site-relative (`guide/setup/`, `img/a.png`); `''` for the home page. */
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
  excludeDocs: string[];
  draftDocs: string[];
  notInNav: string[];
}

/** MkDocs' `File.name`: the stem, with README read as index. */
export function fileName(src: string): string {
  const stem = splitext(basename(src))[0];
  return stem === 'README' ? 'index' : stem;
}

/** MkDocs' destination with directory URLs: `a/b.md` → `a/b/index.html`, `a/README.md` → `a/index.html`. */
function destOf(src: string, isPage: boolean): string {
  return isPage ? [...pagePartsOf(src), 'index.html'].join('/') : src;
}

/** The folders of a page's directory URL: `guide/setup.md` → `['guide', 'setup']`, `guide/index.md` → `['guide']`. */
function pagePartsOf(src: string): string[] {
  const parent = dirname(src);
  const name = fileName(src);
  return [...(parent ? parent.split('/') : []), ...(name === 'index' ? [] : [name])];
}

/** `_file_sort_key` over whole paths: folder parts, then index/README first, then the name. */
function sortKey(src: string): { dir: string[]; notIndex: boolean; name: string } {
  const parts = src.split('/');
  const name = parts.pop()!;
  const stem = splitext(name)[0];
  return { dir: parts, notIndex: stem !== 'index' && stem !== 'README', name };
}

export interface CollectedFiles {
  files: DocFile[];
  /** Left out because another file is published at the same path → that file (links to it find that page). */
  aliases: Map<string, string>;
}

/** `outputPrefix`: the site's folder in the output (`docs/default/component/x/`), counted in the path length budget. */
export function collectDocFiles(
  files: Record<string, RepoFile>,
  trees: readonly DocsTree[],
  options: FileOptions,
  problems: Problems,
  outputPrefix = '',
): CollectedFiles {
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
  for (const src of kept) {
    const dest = destOf(src, isMarkdown(src));
    const key = `${dirname(src)}\0${dest}`; // MkDocs compares destinations folder by folder
    const first = firstByDest.get(key);
    if (first === undefined) firstByDest.set(key, src);
    else if (!dropped.has(first)) {
      dropped.add(first);
      const where = merged.get(first)!.repoPath;
      problems.add(
        'docs-readme-conflict',
        nowhere(where),
        `Excluding '${logText(first)}' from the site because it conflicts with '${logText(src)}' (both would be ${logText(dest)}). Rename or delete one of them.`,
      );
    }
  }

  const inputs = kept
    .filter((src) => !dropped.has(src))
    .map((src): PublishInput => {
      const isPage = isMarkdown(src);
      return {
        src,
        repoPath: merged.get(src)!.repoPath,
        kind: isPage ? 'page' : 'file',
        parts: isPage ? pagePartsOf(src) : src.split('/'),
        isIndex: isPage && fileName(src) === 'index',
      };
    });
  const { paths, aliases } = assignPublishedPaths(inputs, outputPrefix, problems);
  const docFiles = inputs
    .filter((input) => paths.has(input.src))
    .map(({ src, kind }): DocFile => {
      const { repoPath, file } = merged.get(src)!;
      return { src, repoPath, file, isPage: kind === 'page', url: urlOfPublished(paths.get(src)!), notInNav: notInNav(src) };
    });
  return { files: docFiles, aliases };
}
