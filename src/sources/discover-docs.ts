/**
 * The files a TechDocs site needs, read in rounds like the rest of discovery:
 *
 * 1. `mkdocs.yml`/`mkdocs.yaml` of each TechDocs folder, with the default `docs/` folder.
 * 2. A non-default `docs_dir`, the configs named by mkdocs-monorepo-plugin's
 *    `!include` entries, and the folders `*include` globs search.
 * 3. The included sites' docs folders.
 * 4. Files pulled in by `--8<--` snippets (relative to the mkdocs.yml folder,
 *    which is where `mkdocs build` runs), repeated for snippets inside snippets.
 *
 * A docs folder over the file cap keeps its nav's targets first: a folder read
 * once its config is known passes them to the reader, and the default `docs/`
 * of round 1 (read before its config) gets its missing nav targets in round 2.
 *
 * Every path goes through the repo-path boundary (repo-path.ts); the docs
 * stage reports what is missing, so discovery only reads.
 */
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { parseDocument } from 'yaml';
import { globBase } from '../catalog/repo-files.ts';
import { resolveRepoPath } from './repo-path.ts';
import type { Repo, RepoFile } from './snapshot.ts';
import { matchHints, type TreeHints } from './tree-cap.ts';

export interface DocsReadContext {
  files: Record<string, RepoFile>;
  /** Listed folders: every file path below them that was read. */
  trees: Repo['trees'];
  readAll(paths: Iterable<string>): Promise<unknown>;
  /** Read folders whole (`keepAll`) or only list them; `hints` says, per folder, what to keep first when it is over the cap. */
  readTrees(dirs: Iterable<string>, keepAll: boolean, hints?: ReadonlyMap<string, TreeHints>): Promise<unknown>;
}

/** How deep snippets may include snippets (pymdownx.snippets has no limit; a cycle must not hang the crawl). */
const MAX_SNIPPET_DEPTH = 4;
/** A cap on snippet files per site: a docs folder is capped, so what it pulls in is too. */
const MAX_SNIPPET_FILES = 500;
/** A cap on nav targets read into a docs folder the file cap cut: a nav is repo content too. */
const MAX_NAV_TOP_UP = 500;

export async function discoverDocs(dirs: string[], ctx: DocsReadContext): Promise<void> {
  if (dirs.length === 0) return;
  const configDirs = [...new Set(dirs)];
  await Promise.all([ctx.readAll(configDirs.flatMap(configPathsOf)), ctx.readTrees(configDirs.map((d) => joinInRepo(d, 'docs')!), true)]);

  // Round 2: other docs_dirs, included configs, glob folders.
  const roots = configDirs.map((dir) => ({ dir, config: readConfig(ctx.files, dir) }));
  const sites = roots.flatMap((r) => siteOf(r.dir, r.config));
  const docsDirs = sites.map((site) => site.docsDir);
  const includes = roots.flatMap((r) => r.config.includes.map((inc) => ({ ...inc, from: r.dir })));
  const exact = includes.filter((i) => i.kind === 'include').map((i) => joinInRepo(i.from, i.path)).filter((p): p is string => p !== undefined);
  const globs = includes.filter((i) => i.kind === 'glob').flatMap((i) => {
    const pattern = joinInRepo(i.from, i.path);
    return pattern === undefined ? [] : [{ pattern, dir: globBase(pattern), isMatch: picomatch(pattern, { dot: false }) }];
  });
  const topUps = missingNavTargets(ctx.trees, sites);
  await Promise.all([ctx.readTrees(docsDirs, true, navHints(sites)), ctx.readAll(exact), ctx.readTrees(globs.map((g) => g.dir), false, matchHints(globs)), ctx.readAll(topUps.map((t) => t.path))]);
  addToTrees(ctx, topUps);

  // Round 3: the included sites' docs folders (glob matches are read now too).
  const matched = globs.flatMap((g) => (ctx.trees[g.dir]?.paths ?? []).filter((p) => g.isMatch(p)));
  await ctx.readAll(matched);
  const included = [...exact, ...matched].flatMap((path) => siteOf(posix.dirname(path) === '.' ? '' : posix.dirname(path), configOf(ctx.files[path])));
  const includedDocs = included.map((site) => site.docsDir);
  await ctx.readTrees(includedDocs, true, navHints(included));

  // Round 4+: snippets, resolved against the root config folder.
  for (const root of roots) {
    const siteDocs = [joinInRepo(root.dir, root.config.docsDir), ...includedDocs].filter((d): d is string => d !== undefined);
    let pages = siteDocs.flatMap((d) => ctx.trees[d]?.paths ?? []).filter((p) => /\.md$/i.test(p));
    const seen = new Set<string>();
    for (let depth = 0; depth < MAX_SNIPPET_DEPTH && pages.length > 0 && seen.size < MAX_SNIPPET_FILES; depth++) {
      const wanted = pages.flatMap((p) => snippetPaths(ctx.files[p])).map((p) => joinInRepo(root.dir, p)).filter((p): p is string => p !== undefined && !seen.has(p));
      const next = [...new Set(wanted)].slice(0, MAX_SNIPPET_FILES - seen.size);
      next.forEach((p) => seen.add(p));
      await ctx.readAll(next);
      pages = next;
    }
  }
}

export function configPathsOf(dir: string): string[] {
  return [posix.join(dir, 'mkdocs.yml'), posix.join(dir, 'mkdocs.yaml')];
}

/**
 * The docs_dir of every MkDocs site discovery read, included sites too, from
 * the configs in `files`. A config looked for and missing still counts: the
 * site then uses the default docs/ folder, as `hasSite` in the docs stage does.
 */
export function siteDocsDirs(files: Record<string, RepoFile>): string[] {
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) {
    const name = posix.basename(path);
    if (name !== 'mkdocs.yml' && name !== 'mkdocs.yaml') continue;
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const docsDir = joinInRepo(dir, readConfig(files, dir).docsDir);
    if (docsDir !== undefined) dirs.add(docsDir);
  }
  return [...dirs].sort();
}

interface ConfigFacts {
  docsDir: string;
  includes: { kind: 'include' | 'glob'; path: string }[];
  /** Page paths the nav names, relative to docs_dir. */
  nav: string[];
}

/** A site's docs folder (repo path) and its nav targets (repo paths); none when docs_dir leaves the repo. */
interface SiteFolder {
  docsDir: string;
  navTargets: string[];
}

function siteOf(dir: string, config: ConfigFacts): SiteFolder[] {
  const docsDir = joinInRepo(dir, config.docsDir);
  if (docsDir === undefined) return [];
  return [{ docsDir, navTargets: config.nav.map((p) => joinInRepo(docsDir, p)).filter((p): p is string => p !== undefined && p !== docsDir) }];
}

function navHints(sites: readonly SiteFolder[]): Map<string, TreeHints> {
  return new Map(sites.filter((s) => s.navTargets.length > 0).map((s) => [s.docsDir, { keepFirst: s.navTargets }]));
}

/** Nav targets a docs folder read before its config (round 1's `docs/`) lost to the file cap. */
function missingNavTargets(trees: Repo['trees'], sites: readonly SiteFolder[]): { dir: string; path: string }[] {
  return sites.flatMap((site) => {
    const tree = trees[site.docsDir];
    if (!tree?.truncated) return [];
    const have = new Set(tree.paths);
    return site.navTargets.filter((p) => !have.has(p)).slice(0, MAX_NAV_TOP_UP).map((path) => ({ dir: site.docsDir, path }));
  });
}

/** The nav targets read since: now files of their folder, no longer among those left out. */
function addToTrees(ctx: DocsReadContext, topUps: readonly { dir: string; path: string }[]): void {
  for (const { dir, path } of topUps) {
    const tree = ctx.trees[dir];
    const file = ctx.files[path];
    if (!tree || !file || file.status === 'missing' || tree.paths.includes(path)) continue;
    tree.paths = [...tree.paths, path].sort();
    if (tree.omitted) tree.omitted--;
  }
}

function readConfig(files: Record<string, RepoFile>, dir: string): ConfigFacts {
  const file = configPathsOf(dir).map((p) => files[p]).find((f) => f?.status === 'text');
  return configOf(file);
}

/** docs_dir and monorepo includes, tolerating the Python tags MkDocs configs often carry. */
function configOf(file: RepoFile | undefined): ConfigFacts {
  if (file?.status !== 'text') return { docsDir: 'docs', includes: [], nav: [] };
  let doc: unknown;
  try {
    doc = parseDocument(file.text, { strict: false, uniqueKeys: false, logLevel: 'silent' }).toJS();
  } catch {
    doc = undefined; // too many aliases: the docs stage reports the config; discovery reads the default docs/
  }
  const config = doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>) : {};
  const docsDir = typeof config['docs_dir'] === 'string' && config['docs_dir'].trim() ? config['docs_dir'].trim().replace(/\/+$/, '') : 'docs';
  return { docsDir, includes: [...includesIn(config['nav'])], nav: [...navPathsIn(config['nav'])] };
}

/** The page paths of a nav (`- index.md`, `- Title: guide.md`, nested sections), without URLs and monorepo includes. */
function* navPathsIn(node: unknown): Generator<string> {
  if (typeof node === 'string') {
    const path = node.trim();
    if (path && !/^[!*]include\s/.test(path) && !/^[a-z][a-z0-9+.-]*:/i.test(path) && !path.startsWith('/')) yield path;
  } else if (Array.isArray(node)) {
    for (const item of node) yield* navPathsIn(item);
  } else if (node !== null && typeof node === 'object') {
    for (const value of Object.values(node)) yield* navPathsIn(value);
  }
}

/** mkdocs-monorepo-plugin entries: `'!include ./x/mkdocs.yml'` and `'*include ./x/*\/mkdocs.yml'`. */
function* includesIn(node: unknown): Generator<{ kind: 'include' | 'glob'; path: string }> {
  if (typeof node === 'string') {
    const match = node.trim().match(/^([!*])include\s+(.+)$/);
    if (match) yield { kind: match[1] === '!' ? 'include' : 'glob', path: match[2]!.trim() };
  } else if (Array.isArray(node)) {
    for (const item of node) yield* includesIn(item);
  } else if (node !== null && typeof node === 'object') {
    for (const value of Object.values(node)) yield* includesIn(value);
  }
}

/** Paths named by `--8<--` markers (line and block forms), skipping escaped (`;--8<--`) and disabled (`; path`) ones. */
export function snippetPaths(file: RepoFile | undefined): string[] {
  if (file?.status !== 'text' || !file.text.includes('-8<-')) return [];
  const paths: string[] = [];
  let inBlock = false;
  for (const raw of file.text.split(/\r?\n/)) {
    const line = raw.trim();
    const single = line.match(/^-{1,}8<-{1,}\s+(["'])(.+?)\1\s*$/);
    if (single) {
      if (!single[2]!.startsWith(';')) paths.push(stripSelection(single[2]!));
      continue;
    }
    if (/^-{1,}8<-{1,}\s*$/.test(line)) {
      inBlock = !inBlock;
      continue;
    }
    if (inBlock && line !== '' && !line.startsWith(';')) paths.push(stripSelection(line));
  }
  return paths.filter((p) => p !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(p));
}

/** `file.md:3:5` and `file.md:section` select part of a file; the file is what is read. */
function stripSelection(path: string): string {
  const match = path.match(/^(.*?)(?::[\w,:-]*)?$/);
  return (match?.[1] ?? path).trim();
}

/** A path joined to a folder, or undefined when the repo-path boundary refuses it (out of the repo, absolute, into the git folder). */
export function joinInRepo(dir: string, path: string): string | undefined {
  const joined = resolveRepoPath(dir, path);
  return joined.ok ? joined.path : undefined;
}
