/**
 * One entity's docs: the site model (or a README as a one-page site) →
 * every page rendered (from the cache when it can) → page records with
 * navigation, previous/next, edit link and dates, plus the site's diagnostics.
 */
import { posix } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Repo } from '../sources/snapshot.ts';
import { joinInRepo } from '../sources/discover-docs.ts';
import { checkAnchors } from './check-anchors.ts';
import { editUrlOf } from './edit-url.ts';
import type { DocsSource } from './find-docs.ts';
import { siteLinks, type AssetCopy } from './link-targets.ts';
import { renderMarkdown } from './markdown/index.ts';
import type { RenderedMarkdown as RenderedPage, SnippetResult } from './markdown/types.ts';
import { hashText, RENDERER_VERSION, type RenderCache } from './render-cache.ts';
import type { DocsNavItemShape, DocsPageRecord, DocsSiteRecord } from './schema.ts';
import { loadDocsSite } from './site/index.ts';
import type { DocsSite, NavNode } from './site/types.ts';

export interface RenderedSite {
  site: DocsSiteRecord;
  pages: DocsPageRecord[];
  assets: AssetCopy[];
  diagnostics: Diagnostic[];
}

interface PageInput {
  src: string;
  repoPath: string;
  url: string;
  title: string;
  inNav: boolean;
  editPath?: string | undefined;
}

export async function renderDocsSite(source: DocsSource, options: { base: string; cache: RenderCache; entityTitle: string; entityPath: string }): Promise<RenderedSite> {
  const { entity, repo } = source;
  const { namespace, name } = entity.json.metadata;
  const id = `${namespace}/${entity.json.kind}/${name}`.toLowerCase();
  const sitePath = `docs/${id.split('/').map(encodeURIComponent).join('/')}/`;
  const diagnostics: Diagnostic[] = [];
  const report = (d: Omit<Diagnostic, 'repo' | 'ref'>) => diagnostics.push({ repo: repo.name, ref: entity.ref, ...d });

  let site: DocsSite | undefined;
  let pages: PageInput[];
  let snippetBase: string;
  if (source.kind === 'mkdocs') {
    site = loadDocsSite({ files: repo.files, dir: source.dir, entityName: name });
    for (const d of site.diagnostics) report({ path: d.path, line: d.line, column: d.column, severity: d.severity, rule: d.rule, message: d.message });
    pages = site.pages;
    snippetBase = source.dir;
  } else {
    pages = [{ src: posix.basename(source.path), repoPath: source.path, url: '', title: options.entityTitle, inNav: true, editPath: source.path }];
    snippetBase = posix.dirname(source.path) === '.' ? '' : posix.dirname(source.path);
  }

  const links = siteLinks(site, repo, options.base, sitePath);
  // Any change to the site's layout (pages, URLs, files) can change any page's links: it is part of every key.
  const layoutKey = hashText(String(RENDERER_VERSION), options.base, sitePath, repo.url ?? '', repo.head?.commit ?? '', repo.localPath ?? '', JSON.stringify(site ? { c: site.config, p: site.pages.map((p) => [p.src, p.url]), a: site.assets.map((a) => a.src) } : source.kind === 'readme' ? { readme: source.path } : { dir: source.dir }));

  // pymdownx.snippets reads from the folder of mkdocs.yml (where `mkdocs build` runs), never outside the repo.
  const readSnippet = (path: string): SnippetResult => {
    const at = joinInRepo(snippetBase, path);
    if (at === undefined) return { missing: true, reason: 'it leads out of the repository' };
    const snippet = repo.files[at];
    return snippet?.status === 'text' ? { text: snippet.text } : { missing: true, reason: `${at} does not exist in ${repo.name} (snippet paths are relative to the folder of mkdocs.yml)` };
  };

  const rendered = new Map<string, RenderedPage>();
  for (const page of pages) {
    const file = repo.files[page.repoPath];
    const text = file?.status === 'text' ? file.text : '';
    const key = hashText(layoutKey, page.src, page.repoPath, text);
    const cached = await options.cache.get(key, (path) => snippetHash(readSnippet(path)));
    let result = cached?.rendered;
    if (cached) links.addUsed(cached.assets ?? []);
    if (!result) {
      const snippets: Record<string, string> = {};
      links.takeUsed();
      result = await renderMarkdown(text, {
        page: page.repoPath,
        resolve: (target, kind) => links.resolve(page.src, page.repoPath, target, kind),
        readSnippet: (path) => {
          const snippet = readSnippet(path);
          snippets[path] = snippetHash(snippet);
          return snippet;
        },
        ...(site ? { slugify: site.config.slugify } : {}),
      });
      await options.cache.set(key, { rendered: result, snippets, assets: links.takeUsed() });
    }
    rendered.set(page.src, result);
    for (const d of result.diagnostics) {
      report({ path: page.repoPath, line: d.line, column: d.column, severity: d.severity, rule: d.rule, message: `${d.message} ${d.fix}` });
    }
  }
  if (site) for (const d of checkAnchors(site, rendered)) report(d);

  // Previous/next follow the nav, as MkDocs' footer does; pages outside the nav have neither.
  const order = site ? site.navOrder : pages.map((p) => p.src);
  const orderIndex = new Map(order.map((src, i) => [src, i]));
  const bySrc = new Map(pages.map((p) => [p.src, p]));
  const pagePath = (p: PageInput) => `${sitePath}${decodeURI(p.url)}`;
  const neighbour = (src: string | undefined) => {
    const p = src === undefined ? undefined : bySrc.get(src);
    return p ? { title: p.title, path: pagePath(p) } : undefined;
  };
  const records = pages.map((page): DocsPageRecord => {
    const result = rendered.get(page.src)!;
    const at = orderIndex.get(page.src) ?? -1;
    const prev = at > 0 ? neighbour(order[at - 1]) : undefined;
    const next = at >= 0 ? neighbour(order[at + 1]) : undefined;
    const editUrl = editUrlOf(repo, site, page);
    const path = pagePath(page);
    return {
      id: path.replace(/\/+$/, ''),
      siteId: id,
      title: source.kind === 'readme' ? (result.title ?? page.title) : page.title,
      path,
      source: page.repoPath,
      inNav: page.inNav,
      ...(editUrl ? { editUrl } : {}),
      ...lastUpdatedOf(repo, page.repoPath),
      ...(prev ? { prev } : {}),
      ...(next ? { next } : {}),
      headings: result.headings,
      hasMermaid: result.hasMermaid,
      html: result.html,
    };
  });

  const nav = site ? site.nav.map((n) => navItem(n, links.siteHref, options.base)) : [{ kind: 'page' as const, title: records[0]!.title, href: records[0]!.path }];
  return {
    site: {
      id,
      entityRef: entity.ref,
      entityTitle: options.entityTitle,
      entityPath: options.entityPath,
      siteName: site?.config.siteName ?? options.entityTitle,
      path: records.find((r) => r.path === sitePath)?.path ?? records[0]?.path ?? sitePath,
      kind: source.kind,
      nav,
      repo: repo.name,
      configPath: site?.config.configPath ?? (source.kind === 'readme' ? source.path : source.dir),
      pageCount: records.length,
    },
    pages: records,
    assets: [...links.assets.values()],
    diagnostics,
  };
}

function navItem(node: NavNode, siteHref: (url: string) => string, base: string): DocsNavItemShape {
  if (node.kind === 'section') return { kind: 'section', title: node.title, children: node.children.map((c) => navItem(c, siteHref, base)) };
  // nav links come from mkdocs.yml, which is repo content: only web links survive.
  if (node.kind === 'link') return /^(https?:|mailto:)/i.test(node.href.trim()) ? { kind: 'link', title: node.title, href: node.href.trim() } : { kind: 'section', title: node.title, children: [] };
  // Base-relative, like every other path in portal data.
  return { kind: 'page', title: node.title, href: siteHref(decodeURI(node.url)).slice(base.length) };
}

/** The last commit that changed the page's file, else (no history: a README, a folder that is not a git repo) the repo's HEAD. */
function lastUpdatedOf(repo: Repo, repoPath: string): Pick<DocsPageRecord, 'lastUpdated'> {
  const fileDate = repo.fileDates?.[repoPath];
  if (fileDate) return { lastUpdated: { date: fileDate, scope: 'file' } };
  return repo.head?.date ? { lastUpdated: { date: repo.head.date, scope: 'repo' } } : {};
}

function snippetHash(snippet: SnippetResult): string {
  return 'text' in snippet ? hashText(snippet.text) : 'missing';
}

export type { Repo };
