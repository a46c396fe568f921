/**
 * mkdocs.yml, read once for discovery and the docs stage: which config file a
 * TechDocs folder builds with, its settings, the folder docs_dir names, and
 * the configs mkdocs-monorepo-plugin's nav entries include. Discovery fetches
 * the folders this names and the docs stage (src/docs/site/config.ts,
 * monorepo.ts) builds the site from the same answers, so the crawler never
 * fetches one folder while the renderer reads another. The rules are
 * Backstage's TechDocs generator's and MkDocs 1.6's; the docs stage words
 * the problems.
 */
import picomatch from 'picomatch';
import { resolveRepoPath } from '../repo-path.ts';
import type { RepoFile } from '../snapshot.ts';
import { entryOf, parseYamlTree, stringOf, type Located, type MapEntry, type Place, type YamlTree } from './yaml-tree.ts';

export type MapNode = Extract<Located, { kind: 'map' }>;
export type SeqNode = Extract<Located, { kind: 'seq' }>;

/** Backstage looks for mkdocs.yaml first, then mkdocs.yml. */
const CONFIG_NAMES = ['mkdocs.yaml', 'mkdocs.yml'];

/** The config files a TechDocs folder may have, in Backstage's order of preference. */
export function configPathsOf(dir: string): string[] {
  return CONFIG_NAMES.map((name) => (dir ? `${dir}/${name}` : name));
}

export interface MkdocsYaml {
  /** The config Backstage builds with; absent when the folder has none (Backstage then writes a default one). */
  path?: string;
  /** The other config file, when both exist: Backstage ignores it. */
  ignored?: string;
  file?: RepoFile;
  /** The parsed config; absent when the file is not text. */
  tree?: YamlTree;
  /** Its settings; absent when the config is missing, unreadable, not YAML or not a mapping, and the defaults apply. */
  settings?: MapNode;
}

export function readMkdocsYaml(files: Record<string, RepoFile>, dir: string): MkdocsYaml {
  const [path, ignored] = configPathsOf(dir).filter((p) => files[p] !== undefined && files[p].status !== 'missing');
  if (path === undefined) return {};
  const file = files[path]!;
  const found = { path, file, ...(ignored ? { ignored } : {}) };
  if (file.status !== 'text') return found;
  const tree = parseYamlTree(file.text, path);
  // A limit hit keeps what was read before it; a syntax error keeps nothing.
  const root = tree.problem?.kind === 'syntax' ? undefined : tree.root;
  return { ...found, tree, ...(root?.kind === 'map' ? { settings: root } : {}) };
}

/** A setting's entry; a key with an empty value is as good as absent, as MkDocs then applies the default. */
export function settingOf(settings: Located | undefined, key: string): MapEntry | undefined {
  const entry = entryOf(settings, key);
  return entry && !(entry.value.kind === 'scalar' && entry.value.value === null && !entry.value.tag) ? entry : undefined;
}

/** A string setting, reading `!ENV [VAR, …, default]` as its default (the build has no environment to read). */
export function configString(node: Located | undefined): string | undefined {
  if (node?.tag === '!ENV' && node.kind === 'seq') return configString(node.items[node.items.length - 1]);
  if (node?.kind === 'scalar' && !node.tag && typeof node.value === 'number') return String(node.value);
  return stringOf(node);
}

export interface DocsDirSetting {
  /** The docs folder as a repo path; undefined when refused. */
  path: string | undefined;
  /** docs_dir as written; `docs` when unset or not a string. */
  written: string;
  /** The docs_dir entry, when set. */
  entry?: MapEntry;
  /**
   * What is wrong: not a string (`docs` is used instead), absolute or outside the
   * config's folder (Backstage refuses to build), or that folder itself (MkDocs refuses).
   */
  problem?: 'not-a-string' | 'outside' | 'config-folder';
}

/** The docs folder of the site whose config is in `dir` (`settings` absent: the default `docs`). */
export function docsDirOf(settings: MapNode | undefined, dir: string): DocsDirSetting {
  const entry = settingOf(settings, 'docs_dir');
  const value = configString(entry?.value);
  const written = value ?? 'docs';
  const base = { written, ...(entry ? { entry } : {}) };
  const resolved = joinInRepo(dir, written.trim());
  if (resolved === undefined || !(dir === '' || resolved === dir || resolved.startsWith(`${dir}/`))) return { ...base, path: undefined, problem: 'outside' };
  if (resolved === dir) return { ...base, path: undefined, problem: 'config-folder' };
  return { ...base, path: resolved, ...(entry && value === undefined ? { problem: 'not-a-string' as const } : {}) };
}

/**
 * A mkdocs-monorepo-plugin nav entry: `Title: '!include path/mkdocs.yml'`,
 * `Title: '*include glob/mkdocs.yml'`, or one written without a title, which
 * the plugin refuses.
 */
export type NavInclude =
  { kind: 'include'; path: string; at: Place } | { kind: 'glob'; pattern: string; at: Place } | { kind: 'untitled'; written: string; at: Place };

const INCLUDE = '!include ';
const WILDCARD = '*include ';

/** Is this nav string an include entry (which the plugin follows only in the root config)? */
export const isIncludeText = (text: string): boolean => text.startsWith(INCLUDE) || text.startsWith(WILDCARD);

const seq = (items: Located[], at: Place): SeqNode => ({ kind: 'seq', items, at });
const titled = (key: string | null, value: Located, at: Place): Located => ({ kind: 'map', entries: [{ key, keyAt: at, value }], at });

/**
 * The nav with each include entry replaced by a section of what `expand`
 * returns for it (undefined drops the entry). Includes count where the plugin
 * looks for them: a root nav that is a non-empty list, and its sections' lists.
 */
export function expandNavIncludes(nav: Located | undefined, expand: (include: NavInclude) => Located[] | undefined): Located | undefined {
  if (nav?.kind !== 'seq' || nav.tag || nav.items.length === 0) return nav;
  const expandList = (list: SeqNode): SeqNode => seq(list.items.flatMap(expandItem), list.at);
  const expandItem = (item: Located): Located[] => {
    const bare = stringOf(item);
    if (bare !== undefined && isIncludeText(bare)) {
      expand({ kind: 'untitled', written: bare, at: item.at });
      return [];
    }
    if (item.kind !== 'map' || item.tag || item.entries.length !== 1) return [item];
    const { key, keyAt, value } = item.entries[0]!;
    const text = stringOf(value);
    const include: NavInclude | undefined = text?.startsWith(WILDCARD)
      ? { kind: 'glob', pattern: text.slice(WILDCARD.length).trim(), at: value.at }
      : text?.startsWith(INCLUDE)
        ? { kind: 'include', path: text.slice(INCLUDE.length).trim(), at: value.at }
        : undefined;
    if (include) {
      const children = expand(include);
      return children ? [titled(key, seq(children, value.at), keyAt)] : [];
    }
    if (value.kind === 'seq' && !value.tag) return [titled(key, expandList(value), keyAt)];
    return [item];
  };
  return expandList(nav);
}

/** The include entries of a root nav, in order. */
export function navIncludes(nav: Located | undefined): NavInclude[] {
  const found: NavInclude[] = [];
  expandNavIncludes(nav, (include) => {
    found.push(include);
    return undefined;
  });
  return found;
}

/** Is this path an MkDocs config the plugin may include? */
const isYamlPath = (path: string): boolean => /\.ya?ml$/.test(path);

/** The config an `!include` names: relative to the root config's folder; undefined when it leaves the repository. */
export function includeTarget(configDir: string, path: string): string | undefined {
  return joinInRepo(configDir, path);
}

export type IncludeGlob = { ok: true; glob: string; isMatch: (path: string) => boolean } | { ok: false; problem: 'not-yaml' | 'outside' };

/** The configs a `*include` pattern matches: relative to the root config's folder, and only .yml/.yaml files. */
export function includeGlob(configDir: string, pattern: string): IncludeGlob {
  if (!isYamlPath(pattern)) return { ok: false, problem: 'not-yaml' };
  const glob = joinInRepo(configDir, pattern);
  if (glob === undefined) return { ok: false, problem: 'outside' };
  return { ok: true, glob, isMatch: picomatch(glob, { dot: true }) };
}

export type IncludedConfig =
  | {
      ok: true;
      settings: MapNode;
      /** Its site_name, which names the URL prefix (alias) its pages move to. */
      siteName: string;
      /** docs_dir as written; `docs` when unset. */
      docsDirWritten: string;
      /** Its docs folder, relative to its own folder; undefined when that leaves the repository. */
      docsDir: string | undefined;
    }
  | { ok: false; why: string };

/** An included config, or why the plugin cannot include it (`why` completes "Cannot include <path>: …"). */
export function readIncludedConfig(files: Record<string, RepoFile>, configPath: string): IncludedConfig {
  const fail = (why: string) => ({ ok: false, why }) as const;
  if (!isYamlPath(configPath)) return fail('an included path must be a .yml or .yaml file.');
  const file = files[configPath];
  if (file?.status !== 'text')
    return fail(
      file !== undefined && file.status !== 'missing'
        ? `the file could not be read (${file.status}).`
        : 'the file does not exist. Fix the path (relative to the root mkdocs.yml).',
    );
  const tree = parseYamlTree(file.text, configPath);
  if (tree.problem?.kind === 'syntax' || tree.root?.kind !== 'map')
    return fail(tree.problem ? `it is not valid YAML (${tree.problem.message}).` : 'it is not a mapping of MkDocs settings.');
  const siteName = configString(entryOf(tree.root, 'site_name')?.value);
  if (siteName === undefined) return fail('it has no site_name, which gives the URL prefix its pages move to. Add one.');
  const docsDirWritten = configString(entryOf(tree.root, 'docs_dir')?.value) ?? 'docs';
  const folder = configPath.includes('/') ? configPath.slice(0, configPath.lastIndexOf('/')) : '';
  return { ok: true, settings: tree.root, siteName, docsDirWritten, docsDir: joinInRepo(folder, docsDirWritten) };
}

function joinInRepo(dir: string, path: string): string | undefined {
  const joined = resolveRepoPath(dir, path);
  return joined.ok ? joined.path : undefined;
}
