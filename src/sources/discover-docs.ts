/**
 * The files a TechDocs site needs, read in rounds like the rest of discovery:
 *
 * 1. `mkdocs.yaml`/`mkdocs.yml` of each TechDocs folder, with the default `docs/` folder.
 * 2. A non-default `docs_dir`, the configs named by mkdocs-monorepo-plugin's
 *    `!include` entries, and the folders `*include` globs search.
 * 3. The included sites' docs folders.
 * 4. Files pulled in by `--8<--` snippets (relative to the mkdocs.yml folder,
 *    which is where `mkdocs build` runs), repeated for snippets inside snippets.
 *
 * Which config, which docs_dir and which includes count is decided by the
 * reading the docs stage builds the site from (mkdocs/read-config.ts), so the
 * folders read here are the folders it renders.
 *
 * A docs folder over the file cap keeps its nav's targets first: a folder read
 * once its config is known passes them to the reader, and the default `docs/`
 * of round 1 (read before its config) gets its missing nav targets in round 2.
 *
 * Every path goes through the repo-path boundary (repo-path.ts); the docs
 * stage reports what is missing, so discovery only reads.
 */
import { posix } from 'node:path';
import { globBase } from './repo-files.ts';
import { configPathsOf, docsDirOf, includeGlob, includeTarget, navIncludes, readIncludedConfig, readMkdocsYaml, settingOf } from './mkdocs/read-config.ts';
import type { Located } from './mkdocs/yaml-tree.ts';
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
  await Promise.all([
    ctx.readAll(configDirs.flatMap(configPathsOf)),
    ctx.readTrees(
      configDirs.map((d) => joinInRepo(d, 'docs')!),
      true,
    ),
  ]);

  // Round 2: other docs_dirs, included configs, glob folders.
  const roots = configDirs.map((dir) => rootSiteOf(ctx.files, dir));
  const sites = roots.flatMap((r) => r.site ?? []);
  const exact = roots.flatMap((r) => r.exact);
  const globs = roots.flatMap((r) => r.globs);
  const topUps = missingNavTargets(ctx.trees, sites);
  await Promise.all([
    ctx.readTrees(
      sites.map((site) => site.docsDir),
      true,
      navHints(sites),
    ),
    ctx.readAll(exact),
    ctx.readTrees(
      globs.map((g) => g.dir),
      false,
      matchHints(globs),
    ),
    ctx.readAll(topUps.map((t) => t.path)),
  ]);
  addToTrees(ctx, topUps);

  // Round 3: the included sites' docs folders (glob matches are read now too).
  const matched = globs.flatMap((g) => (ctx.trees[g.dir]?.paths ?? []).filter((p) => g.isMatch(p)));
  await ctx.readAll(matched);
  const included = [...exact, ...matched].flatMap((path) => includedSiteOf(ctx.files, path));
  const includedDocs = included.map((site) => site.docsDir);
  await ctx.readTrees(includedDocs, true, navHints(included));

  // Round 4+: snippets, resolved against the root config folder.
  for (const root of roots) {
    const siteDocs = [...(root.site ? [root.site.docsDir] : []), ...includedDocs];
    let pages = siteDocs.flatMap((d) => ctx.trees[d]?.paths ?? []).filter((p) => /\.md$/i.test(p));
    const seen = new Set<string>();
    for (let depth = 0; depth < MAX_SNIPPET_DEPTH && pages.length > 0 && seen.size < MAX_SNIPPET_FILES; depth++) {
      const wanted = pages
        .flatMap((p) => snippetPaths(ctx.files[p]))
        .map((p) => joinInRepo(root.dir, p))
        .filter((p): p is string => p !== undefined && !seen.has(p));
      const next = [...new Set(wanted)].slice(0, MAX_SNIPPET_FILES - seen.size);
      next.forEach((p) => seen.add(p));
      await ctx.readAll(next);
      pages = next;
    }
  }
}

/**
 * The docs folder of every MkDocs site discovery read, from the configs in
 * `files`: each site a config names that no other config includes, and the
 * sites it includes. A config looked for and missing still counts: the site
 * then uses the default docs/ folder, as `hasSite` in the docs stage does.
 */
export function siteDocsDirs(files: Record<string, RepoFile>): string[] {
  const configs = Object.keys(files).filter((path) => /^mkdocs\.ya?ml$/.test(posix.basename(path)));
  const sites = new Map(configs.map((path) => [path, rootSiteOf(files, posix.dirname(path) === '.' ? '' : posix.dirname(path))]));
  const includesOf = (site: RootSite) => [...site.exact, ...site.globs.flatMap((g) => configs.filter((p) => g.isMatch(p)))];
  const included = new Set([...sites.values()].flatMap(includesOf));
  const dirs = new Set<string>();
  for (const [path, root] of sites) {
    if (included.has(path)) continue;
    for (const site of [...(root.site ? [root.site] : []), ...includesOf(root).flatMap((p) => includedSiteOf(files, p))]) dirs.add(site.docsDir);
  }
  return [...dirs].sort();
}

/** A site's docs folder (repo path) and its nav targets (repo paths). */
interface SiteFolder {
  docsDir: string;
  navTargets: string[];
}

interface RootSite {
  /** The folder of the config (repo path, '' = the root). */
  dir: string;
  /** Absent when docs_dir is refused: the docs stage then reads nothing, includes neither. */
  site?: SiteFolder;
  /** Configs named by `!include` entries (repo paths). */
  exact: string[];
  /** `*include` patterns (as repo paths): the folder to list for each, and what in it matches. */
  globs: { dir: string; isMatch: (path: string) => boolean }[];
}

/** The site whose config is in `dir`, read as the docs stage reads it. */
function rootSiteOf(files: Record<string, RepoFile>, dir: string): RootSite {
  const { path, settings } = readMkdocsYaml(files, dir);
  const docsDir = docsDirOf(settings, dir).path;
  if (docsDir === undefined) return { dir, exact: [], globs: [] };
  const nav = settingOf(settings, 'nav')?.value;
  const includes = navIncludes(nav);
  const exact = includes.flatMap((i) => (i.kind === 'include' ? (includeTarget(dir, i.path) ?? []) : [])).filter((p) => p !== path);
  const globs = includes.flatMap((i) => {
    const glob = i.kind === 'glob' ? includeGlob(dir, i.pattern) : undefined;
    return glob?.ok ? [{ dir: globBase(glob.glob), isMatch: glob.isMatch }] : [];
  });
  return { dir, site: { docsDir, navTargets: navTargetsOf(nav, docsDir) }, exact, globs };
}

/** The site an included config adds; none when the monorepo plugin cannot include it. */
function includedSiteOf(files: Record<string, RepoFile>, configPath: string): SiteFolder[] {
  const read = readIncludedConfig(files, configPath);
  if (!read.ok || read.docsDir === undefined) return [];
  return [{ docsDir: read.docsDir, navTargets: navTargetsOf(settingOf(read.settings, 'nav')?.value, read.docsDir) }];
}

function navTargetsOf(nav: Located | undefined, docsDir: string): string[] {
  return [...navPathsIn(nav)].map((p) => joinInRepo(docsDir, p)).filter((p): p is string => p !== undefined && p !== docsDir);
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
    return site.navTargets
      .filter((p) => !have.has(p))
      .slice(0, MAX_NAV_TOP_UP)
      .map((path) => ({ dir: site.docsDir, path }));
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

/** The page paths of a nav (`- index.md`, `- Title: guide.md`, nested sections), without URLs and monorepo includes. */
function* navPathsIn(node: Located | undefined): Generator<string> {
  if (node?.tag) return;
  if (node?.kind === 'scalar' && typeof node.value === 'string') {
    const path = node.value.trim();
    if (path && !/^[!*]include\s/.test(path) && !/^[a-z][a-z0-9+.-]*:/i.test(path) && !path.startsWith('/')) yield path;
  } else if (node?.kind === 'seq') {
    for (const item of node.items) yield* navPathsIn(item);
  } else if (node?.kind === 'map') {
    for (const entry of node.entries) yield* navPathsIn(entry.value);
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
