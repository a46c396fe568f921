/**
 * Read a TechDocs folder's mkdocs.yaml/mkdocs.yml the way Backstage's
 * generator and MkDocs 1.6 do: Backstage's file preference and default
 * config, its docs_dir safety rule, MkDocs' option types and defaults
 * (use_directory_urls, the edit_uri completed from repo_url), the names of
 * markdown_extensions and the toc slugify in use.
 */
import type { RepoFile } from '../../sources/snapshot.ts';
import { patternLines } from './gitignore.ts';
import { repoJoin, urlsplit } from './paths.ts';
import { nowhere, type Place, type Problems } from './problems.ts';
import { describe, entryOf, parseYamlTree, stringOf, type Located } from './yaml-tree.ts';

export interface MkdocsConfig {
  siteName: string;
  configPath?: string;
  /** Repo-relative folder of the config ('' = repo root). */
  configDir: string;
  /** Repo-relative docs_dir; undefined when refused (outside the folder, or the folder itself). */
  docsDir: string | undefined;
  nav?: Located;
  useDirectoryUrls: boolean;
  repoUrl?: string;
  editUri?: string;
  /** editUri is MkDocs' default for the host, not written in mkdocs.yml. */
  editUriIsDefault: boolean;
  markdownExtensions: string[];
  slugify: 'default' | 'unicode';
  excludeDocs: string[];
  draftDocs: string[];
  notInNav: string[];
}

/** Backstage looks for mkdocs.yaml first, then mkdocs.yml. */
const CONFIG_NAMES = ['mkdocs.yaml', 'mkdocs.yml'];

export const exists = (file: RepoFile | undefined): file is RepoFile => file !== undefined && file.status !== 'missing';

export function readMkdocsConfig(files: Record<string, RepoFile>, dir: string, entityName: string, problems: Problems): MkdocsConfig {
  const candidates = CONFIG_NAMES.map((name) => (dir ? `${dir}/${name}` : name)).filter((p) => exists(files[p]));
  const defaults: MkdocsConfig = {
    siteName: entityName, configDir: dir, docsDir: dir ? `${dir}/docs` : 'docs', useDirectoryUrls: true, editUriIsDefault: false,
    markdownExtensions: [], slugify: 'default', excludeDocs: [], draftDocs: [], notInNav: [],
  };
  const configPath = candidates[0];
  if (configPath === undefined) return defaults;
  if (candidates.length > 1) problems.add('docs-config-duplicate', nowhere(candidates[1]!), `Both ${configPath} and ${candidates[1]} exist; Backstage builds with ${configPath} and ignores ${candidates[1]}. Delete one of them.`);
  const file = files[configPath]!;
  if (file.status !== 'text') {
    problems.add('docs-config-unreadable', nowhere(configPath), `${configPath} could not be read (${file.status}); the docs are built with Backstage's default config (site_name: ${entityName}, docs_dir: docs).`);
    return { ...defaults, configPath };
  }
  const tree = parseYamlTree(file.text, configPath);
  if (tree.problem) {
    const rule = tree.problem.kind === 'syntax' ? 'docs-config-yaml' : 'docs-config-yaml-limit';
    problems.add(rule, tree.problem.at, `${configPath} is not valid YAML: ${tree.problem.message}. ${tree.problem.kind === 'syntax' ? `The docs are built with Backstage's default config until it is fixed.` : 'The rest of the file was not read.'}`);
    if (tree.problem.kind === 'syntax') return { ...defaults, configPath };
  }
  const root = tree.root;
  if (root?.kind !== 'map') {
    problems.add('docs-config-yaml', root?.at ?? nowhere(configPath), `${configPath} must be a mapping of MkDocs settings (site_name, nav, …), found ${describe(root)}. The docs are built with Backstage's default config.`);
    return { ...defaults, configPath };
  }
  return { ...defaults, configPath, ...readFields(root, configPath, dir, entityName, problems) };
}

type Fields = Omit<MkdocsConfig, 'configPath' | 'configDir'>;

function readFields(root: Located, configPath: string, dir: string, entityName: string, problems: Problems): Fields {
  // A key with an empty value is as good as absent: MkDocs then applies the default.
  const field = (key: string) => {
    const entry = entryOf(root, key);
    return entry && !(entry.value.kind === 'scalar' && entry.value.value === null && !entry.value.tag) ? entry : undefined;
  };
  const wrongType = (key: string, expected: string, fallback: string) => {
    const entry = field(key)!;
    problems.add('docs-config-field', entry.value.at, `${key} in ${configPath} must be ${expected}, found ${describe(entry.value)}. ${fallback}`);
  };

  const siteNameEntry = field('site_name');
  let siteName = configString(siteNameEntry?.value);
  if (siteName === undefined) {
    if (siteNameEntry) wrongType('site_name', 'a string', `Using '${entityName}'.`);
    else problems.add('docs-config-field', { path: configPath, line: 1, column: 1 }, `${configPath} has no site_name, which MkDocs requires. Add \`site_name: ${entityName}\`; using '${entityName}' meanwhile.`);
    siteName = entityName;
  }

  const docsDirEntry = field('docs_dir');
  const docsDirValue = configString(docsDirEntry?.value) ?? 'docs';
  if (docsDirEntry && configString(docsDirEntry.value) === undefined) wrongType('docs_dir', 'a folder path', 'Using docs.');
  const docsDir = checkDocsDir(docsDirValue, dir, docsDirEntry?.value.at ?? nowhere(configPath), configPath, problems);

  let useDirectoryUrls = true;
  const urlsEntry = field('use_directory_urls');
  if (urlsEntry) {
    const v = urlsEntry.value;
    if (v.kind === 'scalar' && !v.tag && typeof v.value === 'boolean') useDirectoryUrls = v.value;
    else wrongType('use_directory_urls', 'true or false', 'Using true.');
  }

  let repoUrl = configString(field('repo_url')?.value);
  if (repoUrl !== undefined && repoUrl !== '' && !(urlsplit(repoUrl).scheme && urlsplit(repoUrl).netloc)) {
    wrongType('repo_url', 'a URL with a scheme and host (https://github.com/org/repo)', 'It is ignored.');
    repoUrl = undefined;
  }
  const writtenEditUri = configString(field('edit_uri')?.value);
  const editUri = completeEditUri(writtenEditUri, repoUrl || undefined);

  const patterns = (key: string): string[] => {
    const v = field(key)?.value;
    if (!v) return [];
    const text = stringOf(v);
    const list = v.kind === 'seq' ? v.items.map(stringOf) : undefined;
    if (text !== undefined) return patternLines(text);
    if (list && list.every((s) => s !== undefined)) return patternLines(list as string[]);
    wrongType(key, 'a multi-line string of .gitignore-style patterns', 'It is ignored.');
    return [];
  };

  const navEntry = field('nav');
  const { names, slugify } = readMarkdownExtensions(field('markdown_extensions')?.value, configPath, problems);
  return {
    siteName, docsDir, useDirectoryUrls,
    ...(navEntry ? { nav: navEntry.value } : {}),
    ...(repoUrl ? { repoUrl } : {}),
    ...(editUri !== undefined ? { editUri } : {}),
    editUriIsDefault: editUri !== undefined && writtenEditUri === undefined,
    markdownExtensions: names, slugify,
    excludeDocs: patterns('exclude_docs'), draftDocs: patterns('draft_docs'), notInNav: patterns('not_in_nav'),
  };
}

/**
 * A string setting, reading `!ENV [VAR, …, default]` as its default (the build has no environment to read).
 */
export function configString(node: Located | undefined): string | undefined {
  if (node?.tag === '!ENV' && node.kind === 'seq') return configString(node.items[node.items.length - 1]);
  if (node?.kind === 'scalar' && !node.tag && typeof node.value === 'number') return String(node.value);
  return stringOf(node);
}

/** Backstage's rule: docs_dir resolves inside the folder of mkdocs.yml; MkDocs' rule: and is not that folder. */
function checkDocsDir(docsDir: string, dir: string, at: Place, configPath: string, problems: Problems): string | undefined {
  const resolved = repoJoin(dir, docsDir.trim());
  if (resolved === undefined || !(dir === '' || resolved === dir || resolved.startsWith(`${dir}/`))) {
    problems.add('docs-dir-outside', at, `docs_dir '${docsDir}' in ${configPath} is absolute or leaves the folder of the config; Backstage refuses it for security reasons. Use a folder beside ${configPath}, such as docs.`);
    return undefined;
  }
  if (resolved === dir) {
    problems.add('docs-dir-outside', at, `docs_dir '${docsDir}' in ${configPath} is the folder of the config itself, which MkDocs refuses. Move the Markdown files into a sub-folder such as docs/.`);
    return undefined;
  }
  return resolved;
}

/** MkDocs' EditURI option: a default for GitHub/GitLab/Bitbucket repos, always ending in `/` when set. */
function completeEditUri(editUri: string | undefined, repoUrl: string | undefined): string | undefined {
  let uri = editUri;
  if (uri === undefined && repoUrl !== undefined) {
    const host = urlsplit(repoUrl).netloc.toLowerCase();
    if (host === 'github.com' || host === 'gitlab.com') uri = 'edit/master/docs/';
    else if (host === 'bitbucket.org') uri = 'src/default/docs/';
  }
  if (uri && !uri.endsWith('/')) uri += '/';
  return uri;
}

/** Slugify callables that keep Unicode letters in heading ids. */
const UNICODE_SLUGIFY = /pymdownx\.slugs\.u?slugify|markdown\.extensions\.toc\.slugify_unicode/;

function readMarkdownExtensions(node: Located | undefined, configPath: string, problems: Problems): { names: string[]; slugify: 'default' | 'unicode' } {
  const names: string[] = [];
  let slugify: 'default' | 'unicode' = 'default';
  if (!node || (node.kind === 'scalar' && node.value === null)) return { names, slugify };
  // MkDocs accepts a list of names / one-key mappings, or one mapping of name → options.
  const items: { name: string | undefined; options?: Located; at: Place }[] = [];
  if (node.kind === 'map' && !node.tag) for (const e of node.entries) items.push({ name: e.key ?? undefined, options: e.value, at: e.keyAt });
  else if (node.kind === 'seq' && !node.tag) {
    for (const item of node.items) {
      if (item.kind === 'map' && !item.tag && item.entries.length === 1) items.push({ name: item.entries[0]!.key ?? undefined, options: item.entries[0]!.value, at: item.at });
      else items.push({ name: stringOf(item), at: item.at });
    }
  } else {
    problems.add('docs-config-field', node.at, `markdown_extensions in ${configPath} must be a list of extension names, found ${describe(node)}. It is ignored.`);
    return { names, slugify };
  }
  for (const item of items) {
    if (!item.name) {
      problems.add('docs-config-field', item.at, `Each markdown_extensions entry in ${configPath} must be a name or \`name: {options}\`; this one is skipped.`);
      continue;
    }
    if (!names.includes(item.name)) names.push(item.name);
    const slug = item.name === 'toc' ? entryOf(item.options, 'slugify')?.value : undefined;
    if (slug?.tag && UNICODE_SLUGIFY.test(slug.tag)) slugify = 'unicode';
    else if (slug && item.name === 'toc') slugify = 'default';
  }
  return { names, slugify };
}
