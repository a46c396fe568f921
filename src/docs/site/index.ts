/**
 * The docs site model: a repo's files and its TechDocs folder in, what
 * MkDocs 1.6 (with TechDocs' monorepo plugin) would build out: the config,
 * every page with its URL and title, the nav tree, the media files, and
 * every problem as a diagnostic. Pure data, no Astro: the renderer, the
 * build and the CLI share it. Never throws and never reads outside the repo.
 *
 *   config (config.ts) → includes (monorepo.ts) → files and URLs (files.ts)
 *   → nav (nav.ts) → titles (page-title.ts)
 */
import { exists, readMkdocsConfig } from './config.ts';
import { collectDocFiles, fileName, isMarkdown, type DocFile } from './files.ts';
import { resolveMonorepo } from './monorepo.ts';
import { buildNav, type NavDraft } from './nav.ts';
import { firstBlockH1, nameToTitle, readPageSource } from './page-title.ts';
import { isInside, repoJoin } from './paths.ts';
import { nowhere, Problems } from './problems.ts';
import type { DocsPage, DocsSite, DocsSiteInput, NavNode } from './types.ts';

export type * from './types.ts';
export { asWritten, resolveDocsLink, relativeDocsUrl } from './links.ts';

export function loadDocsSite(input: DocsSiteInput): DocsSite {
  const problems = new Problems();
  try {
    return buildSite(input, problems);
  } catch (error) {
    // A bug here must not take the portal build down: report it and show no docs for this entity.
    problems.add(
      'docs-site-internal',
      nowhere(''),
      `The docs site could not be modelled: ${error instanceof Error ? error.message : String(error)}. Please report this with the mkdocs.yml.`,
    );
    return emptySite(input.entityName, input.dir, problems);
  }
}

function emptySite(siteName: string, docsDir: string, problems: Problems, configPath?: string): DocsSite {
  return {
    config: {
      siteName,
      ...(configPath ? { configPath } : {}),
      docsDir,
      useDirectoryUrls: true,
      editUriIsDefault: false,
      markdownExtensions: [],
      slugify: 'default',
    },
    pages: [],
    navOrder: [],
    nav: [],
    assets: [],
    docsDirs: [],
    aliases: {},
    diagnostics: problems.list,
  };
}

function buildSite(input: DocsSiteInput, problems: Problems): DocsSite {
  const files = input.files && typeof input.files === 'object' ? input.files : {};
  const entityName = typeof input.entityName === 'string' && input.entityName ? input.entityName : 'Documentation Site';
  const dir = typeof input.dir === 'string' ? repoJoin('', input.dir.replace(/\/+$/, '') || '.') : undefined;
  if (dir === undefined) {
    problems.add('docs-dir-outside', nowhere(''), `The TechDocs folder '${String(input.dir)}' is not inside the repository; nothing is built.`);
    return emptySite(entityName, '', problems);
  }
  const config = readMkdocsConfig(files, dir, entityName, problems);
  const docsDir = config.docsDir;
  if (docsDir === undefined) return emptySite(config.siteName, '', problems, config.configPath); // refused: nothing is read
  if (!Object.keys(files).some((p) => p !== docsDir && isInside(docsDir, p) && exists(files[p]))) {
    problems.add(
      'docs-dir-missing',
      nowhere(config.configPath ?? dir),
      `The docs folder ${docsDir || '.'} holds no file${config.configPath ? ` (docs_dir in ${config.configPath})` : ''}. Add Markdown pages there, starting with index.md.`,
    );
  }

  const monorepo = resolveMonorepo(config, docsDir, files, problems);
  const outputPrefix = typeof input.outputPrefix === 'string' ? input.outputPrefix : '';
  const { files: docFiles, aliases } = collectDocFiles(files, monorepo.trees, config, problems, outputPrefix);
  const nav = buildNav(monorepo.nav, docFiles, problems, aliases);

  const homeUrl = '';
  const titles = new Map<string, string>();
  for (const file of docFiles) {
    if (!file.isPage) continue;
    const navTitle = nav.navTitles.get(file.src);
    titles.set(file.src, navTitle ?? pageTitle(file, file.url === homeUrl && !nav.inSection.has(file.src), problems));
  }

  const urls = new Map(docFiles.map((f) => [f.src, f.url]));
  const navOrder: string[] = [];
  const listed = new Set<string>();
  const toNode = (draft: NavDraft): NavNode => {
    if (draft.kind === 'section') return { kind: 'section', title: draft.title, children: draft.children.map(toNode) };
    if (draft.kind === 'link') return draft;
    if (!listed.has(draft.src)) {
      listed.add(draft.src);
      navOrder.push(draft.src);
    }
    return { kind: 'page', title: titles.get(draft.src)!, src: draft.src, url: urls.get(draft.src)! };
  };
  const navNodes = nav.items.map(toNode);

  const pages: DocsPage[] = [];
  for (const file of docFiles) {
    if (!file.isPage) continue;
    if (!listed.has(file.src) && !file.notInNav) {
      problems.add(
        'docs-page-not-in-nav',
        nowhere(file.repoPath),
        `${file.src} exists in the docs directory but is not included in the "nav" configuration; it is built without a nav entry. Add it to nav${config.configPath ? ` in ${config.configPath}` : ''}, or list it under not_in_nav.`,
      );
    }
    pages.push({ src: file.src, repoPath: file.repoPath, url: file.url, title: titles.get(file.src)!, inNav: listed.has(file.src), editPath: file.repoPath });
  }

  return {
    config: {
      siteName: config.siteName,
      ...(config.configPath ? { configPath: config.configPath } : {}),
      docsDir,
      ...(config.repoUrl ? { repoUrl: config.repoUrl } : {}),
      ...(config.editUri !== undefined ? { editUri: config.editUri } : {}),
      editUriIsDefault: config.editUriIsDefault,
      useDirectoryUrls: config.useDirectoryUrls,
      markdownExtensions: config.markdownExtensions,
      slugify: config.slugify,
    },
    pages,
    navOrder,
    nav: navNodes,
    assets: docFiles.filter((f) => !f.isPage).map((f) => ({ src: f.src, repoPath: f.repoPath, url: f.url })),
    docsDirs: [...new Set(monorepo.trees.map((t) => t.docsDir))],
    aliases: Object.fromEntries(aliases),
    diagnostics: problems.list,
  };
}

/** A page's own title: front matter, first-block H1, `Home` for the site's index, else the file name. */
function pageTitle(file: DocFile, isHomepage: boolean, problems: Problems): string {
  if (file.file.status === 'text') {
    const source = readPageSource(file.file.text);
    const title = source.metaTitle ?? firstBlockH1(source.body);
    if (title !== undefined) return title;
  } else if (isMarkdown(file.src)) {
    problems.add(
      'docs-page-unreadable',
      nowhere(file.repoPath),
      `${file.repoPath} is a Markdown page that could not be read (${file.file.status}); its title comes from the file name and it renders empty.`,
    );
  }
  return isHomepage ? 'Home' : nameToTitle(fileName(file.src));
}
