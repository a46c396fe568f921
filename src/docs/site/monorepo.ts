/**
 * mkdocs-monorepo-plugin (always on in TechDocs, through techdocs-core): with
 * a root `nav`, `Title: '!include path/mkdocs.yml'` is replaced by that
 * config's nav with every page path prefixed by its alias (the site_name, or
 * its slug), and `Title: '*include glob'` by one such section per matching
 * config, titled by its site_name. The included docs_dir is merged into the
 * site under `<alias>/`; a config without nav gets one from its folders. The
 * plugin aborts the build on a bad include; here the entry is reported and
 * dropped, and the rest of the site still builds.
 */
import picomatch from 'picomatch';
import type { RepoFile } from '../../sources/snapshot.ts';
import { configString, exists, type MkdocsConfig } from './config.ts';
import type { DocsTree } from './files.ts';
import { nameToTitle } from './page-title.ts';
import { basename, compareParts, comparePy, dirname, isInside, normpath, purePosix, relativeTo, repoJoin, splitext, urlsplit } from './paths.ts';
import type { Place, Problems } from './problems.ts';
import { monorepoAlias } from './slugify.ts';
import { describe, entryOf, parseYamlTree, stringOf, type Located } from './yaml-tree.ts';

const INCLUDE = '!include ';
const WILDCARD = '*include ';

export interface MonorepoResult {
  /** The nav with includes resolved; undefined when the plugin dropped it (a `*include` matched nothing). */
  nav: Located | undefined;
  /** The root docs_dir, then each included one under its alias. */
  trees: DocsTree[];
}

const str = (value: string, at: Place): Located => ({ kind: 'scalar', value, at });
const seq = (items: Located[], at: Place): Located => ({ kind: 'seq', items, at });
const entry = (key: string | null, value: Located, at: Place): Located => ({ kind: 'map', entries: [{ key, keyAt: at, value }], at });

export function resolveMonorepo(config: MkdocsConfig, docsDir: string, files: Record<string, RepoFile>, problems: Problems): MonorepoResult {
  const trees: DocsTree[] = [{ prefix: '', docsDir }];
  const nav = config.nav;
  if (nav?.kind !== 'seq' || nav.tag || nav.items.length === 0) return { nav, trees };
  const aliases = new Map<string, string>();
  let dropNav = false;

  const include = (configPath: string, at: Place): Located[] | undefined => {
    const fail = (why: string) => {
      problems.add('docs-monorepo-include', at, `Cannot include ${configPath}: ${why}`);
      return undefined;
    };
    if (!/\.ya?ml$/.test(configPath)) return fail('an included path must be a .yml or .yaml file.');
    if (configPath === config.configPath) return fail('it is the root config itself (an include cycle).');
    const file = files[configPath];
    if (file?.status !== 'text') return fail(exists(file) ? `the file could not be read (${file.status}).` : 'the file does not exist. Fix the path (relative to the root mkdocs.yml).');
    const tree = parseYamlTree(file.text, configPath);
    if (tree.problem?.kind === 'syntax' || tree.root?.kind !== 'map') return fail(tree.problem ? `it is not valid YAML (${tree.problem.message}).` : 'it is not a mapping of MkDocs settings.');
    const siteName = configString(entryOf(tree.root, 'site_name')?.value);
    if (siteName === undefined) return fail("it has no site_name, which gives the URL prefix its pages move to. Add one.");
    const alias = monorepoAlias(siteName);
    const prefix = normpath(alias).replace(/^\/+/, '');
    if (prefix === '.' || prefix === '..' || prefix.startsWith('../')) return fail(`its site_name '${siteName}' would place its pages outside the site.`);
    const ownDocsDir = configString(entryOf(tree.root, 'docs_dir')?.value) ?? 'docs';
    const included = repoJoin(dirname(configPath), ownDocsDir);
    if (included === undefined) return fail(`its docs_dir '${ownDocsDir}' leaves the repository.`);
    const inTree = Object.keys(files).filter((p) => p !== included && isInside(included, p) && exists(files[p]));
    if (inTree.length === 0) return fail(`its docs_dir ${included || '.'} holds no file.`);
    const other = aliases.get(prefix);
    if (other !== undefined) {
      problems.add('docs-monorepo-duplicate-alias', at, `${configPath} and ${other} both use the alias '${prefix}' (from site_name); the monorepo plugin refuses duplicate site names. Give ${configPath} another site_name.`);
      return undefined;
    }
    let ownNav = entryOf(tree.root, 'nav')?.value;
    if (ownNav === undefined || (ownNav.kind === 'scalar' && ownNav.value === null)) {
      ownNav = navFromFolder(included, inTree, configPath);
      if (ownNav.kind !== 'seq' || ownNav.items.length === 0) return fail(`it has no nav and its docs_dir ${included} has no .md file.`);
    }
    if (ownNav.kind !== 'seq' || ownNav.tag) return fail(`its nav must be a list, found ${describe(ownNav)}.`);
    aliases.set(prefix, configPath);
    trees.push({ prefix, docsDir: included });
    return prefixNav(ownNav, alias, problems).items;
  };

  const wildcard = (pattern: string, at: Place): Located[] | undefined => {
    if (!/\.ya?ml$/.test(pattern)) {
      problems.add('docs-monorepo-include', at, `The wildcard include '${pattern}' must end in .yml or .yaml; the entry is dropped.`);
      return undefined;
    }
    const glob = repoJoin(config.configDir, purePosix(pattern));
    if (glob === undefined) {
      problems.add('docs-monorepo-include', at, `The wildcard include '${pattern}' leaves the repository; the entry is dropped.`);
      return undefined;
    }
    const isMatch = picomatch(glob, { dot: true });
    const matches = Object.keys(files).filter((p) => exists(files[p]) && isMatch(p)).sort((a, b) => compareParts(a.split('/'), b.split('/')));
    const sections: Located[] = [];
    for (const match of matches) {
      const file = files[match]!;
      const tree = file.status === 'text' ? parseYamlTree(file.text, match) : undefined;
      const name = tree?.root ? entryOf(tree.root, 'site_name')?.value : undefined;
      const title = name?.kind === 'scalar' && name.value !== null ? String(name.value) : undefined;
      if (title === undefined) {
        problems.add('docs-monorepo-include', at, `${match} (matched by '${pattern}') ${file.status === 'text' ? 'has no site_name' : `could not be read (${file.status})`}; it is not included.`);
        continue;
      }
      const nav = include(match, at);
      if (nav) sections.push(entry(title, seq(nav, at), at));
    }
    if (sections.length === 0) {
      problems.add('docs-monorepo-no-match', at, `The wildcard include '${pattern}' matched no usable mkdocs.yml. The monorepo plugin then drops the whole nav, and MkDocs builds the automatic nav instead.`);
      dropNav = true;
    }
    return sections;
  };

  const resolveList = (list: Extract<Located, { kind: 'seq' }>): Located => seq(list.items.flatMap(resolveItem), list.at);

  const resolveItem = (item: Located): Located[] => {
    const bare = stringOf(item);
    if (bare !== undefined && (bare.startsWith(INCLUDE) || bare.startsWith(WILDCARD))) {
      problems.add('docs-monorepo-include', item.at, `'${bare}' needs a title: write "- Title: '${bare}'". The entry is dropped.`);
      return [];
    }
    if (item.kind !== 'map' || item.tag || item.entries.length !== 1) return [item];
    const { key, keyAt, value } = item.entries[0]!;
    const text = stringOf(value);
    if (text?.startsWith(WILDCARD)) {
      const sections = wildcard(text.slice(WILDCARD.length).trim(), value.at);
      return sections ? [entry(key, seq(sections, value.at), keyAt)] : [];
    }
    if (text?.startsWith(INCLUDE)) {
      const path = text.slice(INCLUDE.length).trim();
      const target = repoJoin(config.configDir, path);
      if (target === undefined) {
        problems.add('docs-monorepo-include', value.at, `Cannot include '${path}': it leaves the repository. The entry is dropped.`);
        return [];
      }
      const nav = include(target, value.at);
      return nav ? [entry(key, seq(nav, value.at), keyAt)] : [];
    }
    if (value.kind === 'seq' && !value.tag) return [entry(key, resolveList(value), keyAt)];
    return [item];
  };

  const resolved = resolveList(nav);
  return { nav: dropNav ? undefined : resolved, trees };
}

/** `_prependAliasToNavLinks`: every relative path of an included nav moves under the alias; nested includes are refused. */
function prefixNav(nav: Extract<Located, { kind: 'seq' }>, alias: string, problems: Problems): Extract<Located, { kind: 'seq' }> {
  const fix = (value: Located): Located | undefined => {
    const text = stringOf(value);
    if (text !== undefined) {
      if (text.startsWith(INCLUDE) || text.startsWith(WILDCARD)) {
        problems.add('docs-monorepo-include', value.at, `'${text}' is inside an included mkdocs.yml; the monorepo plugin supports includes only in the root config. The entry is dropped.`);
        return undefined;
      }
      const { scheme, netloc } = urlsplit(text);
      return scheme || netloc ? value : { ...value, value: `${alias}/${text}` } as Located;
    }
    if (value.kind === 'seq' && !value.tag) return prefixNav(value, alias, problems);
    if (value.kind === 'map' && !value.tag) {
      const entries = value.entries.flatMap((e) => {
        const fixed = fix(e.value);
        return fixed ? [{ ...e, value: fixed }] : [];
      });
      return entries.length ? { ...value, entries } : undefined;
    }
    return value;
  };
  return { ...nav, items: nav.items.flatMap((item) => fix(item) ?? []) };
}

/** The plugin's `navFromDir`: sub-folders first (as sections), then the folder's `.md` files, each sorted; titles left to the pages. */
function navFromFolder(docsDir: string, paths: readonly string[], configPath: string): Located {
  const at: Place = { path: configPath, line: 0, column: 0 };
  const build = (folder: string): Located[] => {
    const inFolder = paths.filter((p) => isInside(folder, p) && p !== folder).map((p) => relativeTo(folder, p));
    const subfolders = [...new Set(inFolder.filter((p) => p.includes('/')).map((p) => p.slice(0, p.indexOf('/'))))].sort(comparePy);
    const names = inFolder.filter((p) => !p.includes('/') && splitext(p)[1] === '.md').sort(comparePy);
    const items: Located[] = [];
    for (const sub of subfolders) {
      const children = build(folder ? `${folder}/${sub}` : sub);
      if (children.length) items.push(entry(nameToTitle(basename(sub)), seq(children, at), at));
    }
    const rel = folder === docsDir ? '.' : relativeTo(docsDir, folder);
    for (const name of names) items.push(entry(null, str(`${rel}/${name}`, at), at));
    return items;
  };
  return seq(build(docsDir), at);
}
