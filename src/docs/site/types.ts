/**
 * The MkDocs site model: what `mkdocs build` (1.6, with the TechDocs plugins)
 * would make of one TechDocs folder, as plain data. Paths named `src` are
 * relative to the (merged) docs_dir; `repoPath` and diagnostic paths are
 * repo-relative; URLs are site-relative and percent-encoded like MkDocs'
 * (`''` for the home page, `guide/setup/`), made safe by page-slug.ts.
 */
import type { RepoFile } from '../../sources/snapshot.ts';

export interface DocsSiteInput {
  /** Every file available, by repo-relative path (text files have content; binary ones only status and size). */
  files: Record<string, RepoFile>;
  /** Repo-relative folder holding mkdocs.yml/mkdocs.yaml ('' = repo root). */
  dir: string;
  /** Used as site_name when there is no mkdocs.yml (Backstage's default config). */
  entityName: string;
  /** The site's folder in the output (`docs/default/component/x/`), counted in the path length budget; '' when unknown. */
  outputPrefix?: string;
}

export interface DocsSiteConfig {
  siteName: string;
  /** Repo-relative path of the config file read; absent when Backstage's default config was used. */
  configPath?: string;
  /** Repo-relative docs_dir of the root config (included monorepo docs keep their own folders, see `pages[].repoPath`). */
  docsDir: string;
  repoUrl?: string;
  /** As MkDocs completes it: GitHub/GitLab `edit/master/docs/`, Bitbucket `src/default/docs/`, always ending in `/`. */
  editUri?: string;
  /** editUri is MkDocs' default for the repo's host (`edit/master/docs/`), not written in mkdocs.yml. */
  editUriIsDefault: boolean;
  /** Read as MkDocs reads it; the portal publishes every page at a directory URL all the same (its URL shape is `…/<page>/`). */
  useDirectoryUrls: boolean;
  /** The user's `markdown_extensions`, by name, in order (MkDocs' built-ins and techdocs-core's are not listed). */
  markdownExtensions: string[];
  /** `unicode` when the toc extension's slugify is pymdownx.slugs' (keeps Unicode letters); else Python-Markdown's default. */
  slugify: 'default' | 'unicode';
}

export interface DocsPage {
  src: string;
  repoPath: string;
  url: string;
  /** Plain text (entities decoded): the nav title, else front matter `title`, else the first block's H1, else `Home`/the file name. */
  title: string;
  inNav: boolean;
  /** Repo-relative path to edit (monorepo: the original file). */
  editPath?: string;
}

export type NavNode =
  | { kind: 'page'; title: string; src: string; url: string }
  | { kind: 'section'; title: string; children: NavNode[] }
  | { kind: 'link'; title: string; href: string };

export interface DocsAsset {
  src: string;
  repoPath: string;
  url: string;
}

export type DocsSeverity = 'error' | 'warning' | 'info';

export interface DocsDiagnostic {
  /** Repo-relative file the problem is in. */
  path: string;
  /** 1-based; 0 when there is no position. */
  line: number;
  column: number;
  rule: string;
  severity: DocsSeverity;
  message: string;
}

export interface DocsSite {
  config: DocsSiteConfig;
  /** In MkDocs' file order: each folder's index first, then its files, then its sub-folders. */
  pages: DocsPage[];
  /** Depth-first order of pages in the nav (for previous/next); a page listed twice appears once, at its first place. */
  navOrder: string[];
  nav: NavNode[];
  /** Every non-Markdown file copied to the site (images, downloads, and static .html/.json/.xml pages). */
  assets: DocsAsset[];
  /** Repo-relative docs folders the site reads (the root docs_dir, then included ones): where a capped listing shows. */
  docsDirs: string[];
  /** A file left out because another is published at its path (`foo.md` beside `foo/index.md`) → that file: links to it lead there. */
  aliases: Record<string, string>;
  diagnostics: DocsDiagnostic[];
}

/** A link resolved to a file of the site. */
export interface ResolvedDocsLink {
  kind: 'page' | 'asset';
  /** Site-relative URL of the target (no query or fragment). */
  url: string;
  fragment?: string;
  query?: string;
  /** What MkDocs writes into the page: the target relative to the linking page's URL, with `?query` and `#fragment`. */
  href: string;
}
