/**
 * Read a TechDocs folder's mkdocs.yaml/mkdocs.yml the way Backstage's
 * generator and MkDocs 1.6 do: Backstage's file preference and default
 * config, its docs_dir safety rule, MkDocs' option types and defaults
 * (use_directory_urls, the edit_uri completed from repo_url), the names of
 * markdown_extensions and the toc slugify in use. Which file, its settings
 * and docs_dir come from the reading discovery uses too
 * (src/sources/mkdocs/read-config.ts); this module reports the problems.
 */
import { configString, docsDirOf, readMkdocsYaml, settingOf, type DocsDirSetting, type MapNode } from '../../sources/mkdocs/read-config.ts';
import { describe, entryOf, stringOf, type Located } from '../../sources/mkdocs/yaml-tree.ts';
import type { RepoFile } from '../../sources/snapshot.ts';
import { patternLines } from './gitignore.ts';
import { urlsplit } from './paths.ts';
import { nowhere, type Place, type Problems } from './problems.ts';

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

export const exists = (file: RepoFile | undefined): file is RepoFile => file !== undefined && file.status !== 'missing';

export function readMkdocsConfig(files: Record<string, RepoFile>, dir: string, entityName: string, problems: Problems): MkdocsConfig {
  const defaults: MkdocsConfig = {
    siteName: entityName,
    configDir: dir,
    docsDir: docsDirOf(undefined, dir).path,
    useDirectoryUrls: true,
    editUriIsDefault: false,
    markdownExtensions: [],
    slugify: 'default',
    excludeDocs: [],
    draftDocs: [],
    notInNav: [],
  };
  const { path: configPath, ignored, file, tree, settings } = readMkdocsYaml(files, dir);
  if (configPath === undefined || file === undefined) return defaults;
  if (ignored)
    problems.add(
      'docs-config-duplicate',
      nowhere(ignored),
      `Both ${configPath} and ${ignored} exist; Backstage builds with ${configPath} and ignores ${ignored}. Delete one of them.`,
    );
  if (tree === undefined) {
    problems.add(
      'docs-config-unreadable',
      nowhere(configPath),
      `${configPath} could not be read (${file.status}); the docs are built with Backstage's default config (site_name: ${entityName}, docs_dir: docs).`,
    );
    return { ...defaults, configPath };
  }
  if (tree.problem) {
    const rule = tree.problem.kind === 'syntax' ? 'docs-config-yaml' : 'docs-config-yaml-limit';
    problems.add(
      rule,
      tree.problem.at,
      `${configPath} is not valid YAML: ${tree.problem.message}. ${tree.problem.kind === 'syntax' ? `The docs are built with Backstage's default config until it is fixed.` : 'The rest of the file was not read.'}`,
    );
    if (tree.problem.kind === 'syntax') return { ...defaults, configPath };
  }
  if (settings === undefined) {
    problems.add(
      'docs-config-yaml',
      tree.root?.at ?? nowhere(configPath),
      `${configPath} must be a mapping of MkDocs settings (site_name, nav, …), found ${describe(tree.root)}. The docs are built with Backstage's default config.`,
    );
    return { ...defaults, configPath };
  }
  return { ...defaults, configPath, ...readFields(settings, configPath, dir, entityName, problems) };
}

type Fields = Omit<MkdocsConfig, 'configPath' | 'configDir'>;

function readFields(root: MapNode, configPath: string, dir: string, entityName: string, problems: Problems): Fields {
  const field = (key: string) => settingOf(root, key);
  const wrongType = (key: string, expected: string, fallback: string) => {
    const entry = field(key)!;
    problems.add('docs-config-field', entry.value.at, `${key} in ${configPath} must be ${expected}, found ${describe(entry.value)}. ${fallback}`);
  };

  const siteNameEntry = field('site_name');
  let siteName = configString(siteNameEntry?.value);
  if (siteName === undefined) {
    if (siteNameEntry) wrongType('site_name', 'a string', `Using '${entityName}'.`);
    else
      problems.add(
        'docs-config-field',
        { path: configPath, line: 1, column: 1 },
        `${configPath} has no site_name, which MkDocs requires. Add \`site_name: ${entityName}\`; using '${entityName}' meanwhile.`,
      );
    siteName = entityName;
  }

  const docsDirSetting = docsDirOf(root, dir);
  if (docsDirSetting.problem === 'not-a-string') wrongType('docs_dir', 'a folder path', 'Using docs.');
  const docsDir = checkDocsDir(docsDirSetting, configPath, problems);

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
    if (list && list.every((s) => s !== undefined)) return patternLines(list);
    wrongType(key, 'a multi-line string of .gitignore-style patterns', 'It is ignored.');
    return [];
  };

  const navEntry = field('nav');
  const { names, slugify } = readMarkdownExtensions(field('markdown_extensions')?.value, configPath, problems);
  return {
    siteName,
    docsDir,
    useDirectoryUrls,
    ...(navEntry ? { nav: navEntry.value } : {}),
    ...(repoUrl ? { repoUrl } : {}),
    ...(editUri !== undefined ? { editUri } : {}),
    editUriIsDefault: editUri !== undefined && writtenEditUri === undefined,
    markdownExtensions: names,
    slugify,
    excludeDocs: patterns('exclude_docs'),
    draftDocs: patterns('draft_docs'),
    notInNav: patterns('not_in_nav'),
  };
}

/** Reports a refused docs_dir. Backstage's rule: it resolves inside the folder of mkdocs.yml; MkDocs' rule: and is not that folder. */
function checkDocsDir(setting: DocsDirSetting, configPath: string, problems: Problems): string | undefined {
  const at = setting.entry?.value.at ?? nowhere(configPath);
  const docsDir = setting.written;
  if (setting.problem === 'outside') {
    problems.add(
      'docs-dir-outside',
      at,
      `docs_dir '${docsDir}' in ${configPath} is absolute or leaves the folder of the config; Backstage refuses it for security reasons. Use a folder beside ${configPath}, such as docs.`,
    );
  } else if (setting.problem === 'config-folder') {
    problems.add(
      'docs-dir-outside',
      at,
      `docs_dir '${docsDir}' in ${configPath} is the folder of the config itself, which MkDocs refuses. Move the Markdown files into a sub-folder such as docs/.`,
    );
  }
  return setting.path;
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
      if (item.kind === 'map' && !item.tag && item.entries.length === 1)
        items.push({ name: item.entries[0]!.key ?? undefined, options: item.entries[0]!.value, at: item.at });
      else items.push({ name: stringOf(item), at: item.at });
    }
  } else {
    problems.add(
      'docs-config-field',
      node.at,
      `markdown_extensions in ${configPath} must be a list of extension names, found ${describe(node)}. It is ignored.`,
    );
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
