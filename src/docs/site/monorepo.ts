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
import { expandNavIncludes, includeGlob, includeTarget, isIncludeText, readIncludedConfig, type SeqNode } from '../../sources/mkdocs/read-config.ts';
import { describe, entryOf, parseYamlTree, stringOf, type Located } from '../../sources/mkdocs/yaml-tree.ts';
import type { RepoFile } from '../../sources/snapshot.ts';
import { exists, type MkdocsConfig } from './config.ts';
import type { DocsTree } from './files.ts';
import { nameToTitle } from './page-title.ts';
import { basename, compareParts, comparePy, isInside, normpath, relativeTo, splitext, urlsplit } from './paths.ts';
import type { Place, Problems } from './problems.ts';
import { monorepoAlias } from './slugify.ts';

export interface MonorepoResult {
  /** The nav with includes resolved; undefined when the plugin dropped it (a `*include` matched nothing). */
  nav: Located | undefined;
  /** The root docs_dir, then each included one under its alias. */
  trees: DocsTree[];
}

const str = (value: string, at: Place): Located => ({ kind: 'scalar', value, at });
const seq = (items: Located[], at: Place): SeqNode => ({ kind: 'seq', items, at });
const entry = (key: string | null, value: Located, at: Place): Located => ({ kind: 'map', entries: [{ key, keyAt: at, value }], at });

export function resolveMonorepo(config: MkdocsConfig, docsDir: string, files: Record<string, RepoFile>, problems: Problems): MonorepoResult {
  const trees: DocsTree[] = [{ prefix: '', docsDir }];
  const aliases = new Map<string, string>();
  let dropNav = false;

  const include = (configPath: string, at: Place): Located[] | undefined => {
    const fail = (why: string) => {
      problems.add('docs-monorepo-include', at, `Cannot include ${configPath}: ${why}`);
      return undefined;
    };
    if (configPath === config.configPath) return fail('it is the root config itself (an include cycle).');
    const read = readIncludedConfig(files, configPath);
    if (!read.ok) return fail(read.why);
    const alias = monorepoAlias(read.siteName);
    const prefix = normpath(alias).replace(/^\/+/, '');
    if (prefix === '.' || prefix === '..' || prefix.startsWith('../')) return fail(`its site_name '${read.siteName}' would place its pages outside the site.`);
    const included = read.docsDir;
    if (included === undefined) return fail(`its docs_dir '${read.docsDirWritten}' leaves the repository.`);
    const inTree = Object.keys(files).filter((p) => p !== included && isInside(included, p) && exists(files[p]));
    if (inTree.length === 0) return fail(`its docs_dir ${included || '.'} holds no file.`);
    const other = aliases.get(prefix);
    if (other !== undefined) {
      problems.add(
        'docs-monorepo-duplicate-alias',
        at,
        `${configPath} and ${other} both use the alias '${prefix}' (from site_name); the monorepo plugin refuses duplicate site names. Give ${configPath} another site_name.`,
      );
      return undefined;
    }
    let ownNav = entryOf(read.settings, 'nav')?.value;
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
    const glob = includeGlob(config.configDir, pattern);
    if (!glob.ok) {
      problems.add(
        'docs-monorepo-include',
        at,
        glob.problem === 'not-yaml'
          ? `The wildcard include '${pattern}' must end in .yml or .yaml; the entry is dropped.`
          : `The wildcard include '${pattern}' leaves the repository; the entry is dropped.`,
      );
      return undefined;
    }
    const { isMatch } = glob;
    const matches = Object.keys(files)
      .filter((p) => exists(files[p]) && isMatch(p))
      .sort((a, b) => compareParts(a.split('/'), b.split('/')));
    const sections: Located[] = [];
    for (const match of matches) {
      const file = files[match]!;
      const tree = file.status === 'text' ? parseYamlTree(file.text, match) : undefined;
      const name = tree?.root ? entryOf(tree.root, 'site_name')?.value : undefined;
      const title = name?.kind === 'scalar' && name.value !== null ? String(name.value) : undefined;
      if (title === undefined) {
        problems.add(
          'docs-monorepo-include',
          at,
          `${match} (matched by '${pattern}') ${file.status === 'text' ? 'has no site_name' : `could not be read (${file.status})`}; it is not included.`,
        );
        continue;
      }
      const nav = include(match, at);
      if (nav) sections.push(entry(title, seq(nav, at), at));
    }
    if (sections.length === 0) {
      problems.add(
        'docs-monorepo-no-match',
        at,
        `The wildcard include '${pattern}' matched no usable mkdocs.yml. The monorepo plugin then drops the whole nav, and MkDocs builds the automatic nav instead.`,
      );
      dropNav = true;
    }
    return sections;
  };

  const resolved = expandNavIncludes(config.nav, (found) => {
    if (found.kind === 'untitled') {
      problems.add('docs-monorepo-include', found.at, `'${found.written}' needs a title: write "- Title: '${found.written}'". The entry is dropped.`);
      return undefined;
    }
    if (found.kind === 'glob') return wildcard(found.pattern, found.at);
    const target = includeTarget(config.configDir, found.path);
    if (target === undefined) {
      problems.add('docs-monorepo-include', found.at, `Cannot include '${found.path}': it leaves the repository. The entry is dropped.`);
      return undefined;
    }
    return include(target, found.at);
  });
  return { nav: dropNav ? undefined : resolved, trees };
}

/** `_prependAliasToNavLinks`: every relative path of an included nav moves under the alias; nested includes are refused. */
function prefixNav(nav: Extract<Located, { kind: 'seq' }>, alias: string, problems: Problems): Extract<Located, { kind: 'seq' }> {
  const fix = (value: Located): Located | undefined => {
    const text = stringOf(value);
    if (text !== undefined) {
      if (isIncludeText(text)) {
        problems.add(
          'docs-monorepo-include',
          value.at,
          `'${text}' is inside an included mkdocs.yml; the monorepo plugin supports includes only in the root config. The entry is dropped.`,
        );
        return undefined;
      }
      const { scheme, netloc } = urlsplit(text);
      return scheme || netloc ? value : ({ ...value, value: `${alias}/${text}` } as Located);
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
