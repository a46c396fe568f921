/**
 * One entity's docs: the site model (or a README as a one-page site) →
 * every page rendered (from the cache when it can) → page records with
 * navigation, previous/next, edit link and dates, plus the site's diagnostics.
 * Each page renders within `limits.maxPageRenderMs`; a page that fails is
 * left out with a diagnostic, and the rest of the site stays.
 */
import { posix } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Repo } from '../sources/snapshot.ts';
import { resolveRepoPath } from '../sources/repo-path.ts';
import type { DocsLimits } from './build-docs.ts';
import { cappedTrees, leftOutTarget, treeTruncated } from './capped-tree.ts';
import { checkAnchors } from './check-anchors.ts';
import { NAV_FULL_MAX, navEntryCount } from './collapse-nav.ts';
import { docsFailed } from './docs-failed.ts';
import { editUrlOf } from './edit-url.ts';
import type { DocsSource } from './find-docs.ts';
import { siteLinks, type AssetCopy } from './link-targets.ts';
import { renderMarkdown } from './markdown/index.ts';
import type { RenderedMarkdown as RenderedPage, SnippetResult } from './markdown/types.ts';
import { hashText, RENDERER_VERSION, type RenderCache } from './render-cache.ts';
import type { DocsNavItemShape, DocsPageRecord, DocsSiteRecord } from './schema.ts';
import { asWritten, loadDocsSite } from './site/index.ts';
import { publishedOfUrl, SITE_MAP_SEGMENT } from './site/page-slug.ts';
import type { DocsSite, NavNode } from './site/types.ts';

export interface RenderedSite {
  site: DocsSiteRecord;
  pages: DocsPageRecord[];
  assets: AssetCopy[];
  /** Output paths (`AssetCopy.to`) of the files each page uses, by page id: what the output budget weighs with the page. */
  assetsByPage: Map<string, string[]>;
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

export interface SiteRenderOptions {
  base: string;
  cache: RenderCache;
  entityTitle: string;
  entityPath: string;
  limits: DocsLimits;
}

export async function renderDocsSite(source: DocsSource, options: SiteRenderOptions): Promise<RenderedSite> {
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
    site = loadDocsSite({ files: repo.files, dir: source.dir, entityName: name, outputPrefix: sitePath });
    for (const d of site.diagnostics) report({ path: d.path, line: d.line, column: d.column, severity: d.severity, rule: d.rule, message: d.message });
    pages = site.pages;
    snippetBase = source.dir;
  } else {
    pages = [{ src: posix.basename(source.path), repoPath: source.path, url: '', title: options.entityTitle, inNav: true, editPath: source.path }];
    snippetBase = posix.dirname(source.path) === '.' ? '' : posix.dirname(source.path);
  }

  const capped = site ? cappedTrees(repo, site.docsDirs) : [];
  if (capped.length > 0) report(treeTruncated(repo, capped, options.limits.maxDocsFiles));

  const links = siteLinks(site, repo, options.base, sitePath);
  const resolve = (page: PageInput, decodedTarget: string, kind: 'link' | 'image') => {
    const target = asWritten(decodedTarget);
    const found = links.resolve(page.src, page.repoPath, target, kind);
    if (capped.length === 0 || !found || !('missing' in found)) return found;
    const leftOut = leftOutTarget(repo, capped, page.repoPath, target, kind);
    return leftOut ? leftOut.ref : found;
  };
  // Any change to the site's layout (pages, URLs, files) can change any page's links: it is part of every key.
  const layoutKey = hashText(
    String(RENDERER_VERSION),
    options.base,
    sitePath,
    repo.url ?? '',
    repo.head?.commit ?? '',
    repo.localPath ?? '',
    JSON.stringify(
      site
        ? { c: site.config, p: site.pages.map((p) => [p.src, p.url]), a: site.assets.map((a) => a.src), capped: capped.map((t) => t.dir) }
        : source.kind === 'readme'
          ? { readme: source.path }
          : { dir: source.dir },
    ),
  );

  // pymdownx.snippets reads from the folder of mkdocs.yml (where `mkdocs build` runs), never outside the repo.
  const readSnippet = (path: string): SnippetResult => {
    const joined = resolveRepoPath(snippetBase, path);
    if (!joined.ok)
      return {
        missing: true,
        reason: joined.reason === 'git-dir' ? "it leads into the repository's git folder, which is never read" : 'it leads out of the repository',
      };
    const at = joined.path;
    const snippet = repo.files[at];
    return snippet?.status === 'text'
      ? { text: snippet.text }
      : { missing: true, reason: `${at} does not exist in ${repo.name} (snippet paths are relative to the folder of mkdocs.yml)` };
  };

  const renderPage = async (page: PageInput): Promise<{ result: RenderedPage; used: AssetCopy[] }> => {
    const file = repo.files[page.repoPath];
    const text = file?.status === 'text' ? file.text : '';
    const key = hashText(layoutKey, page.src, page.repoPath, text);
    const cached = await options.cache.get(key, (path) => snippetHash(readSnippet(path)));
    if (cached) links.addUsed(cached.assets ?? []);
    if (cached?.rendered) return { result: cached.rendered, used: cached.assets ?? [] };
    const snippets: Record<string, string> = {};
    links.takeUsed();
    const result = await renderMarkdown(text, {
      page: page.repoPath,
      resolve: (target, kind) => resolve(page, target, kind),
      readSnippet: (path) => {
        const snippet = readSnippet(path);
        snippets[path] = snippetHash(snippet);
        return snippet;
      },
      ...(site ? { slugify: site.config.slugify } : {}),
      maxRenderMs: options.limits.maxPageRenderMs,
    });
    const used = links.takeUsed();
    // A render cut short by the time budget depends on how busy the machine was: the next build tries again.
    if (!result.diagnostics.some((d) => d.rule === 'docs-render-timeout')) await options.cache.set(key, { rendered: result, snippets, assets: used });
    return { result, used };
  };

  const rendered = new Map<string, RenderedPage>();
  const usedBySrc = new Map<string, string[]>();
  for (const page of pages) {
    try {
      const { result, used } = await renderPage(page);
      rendered.set(page.src, result);
      usedBySrc.set(page.src, [...new Set(used.map((a) => a.to))]);
      for (const d of result.diagnostics) {
        report({ path: page.repoPath, line: d.line, column: d.column, severity: d.severity, rule: d.rule, message: `${d.message} ${d.fix}` });
      }
    } catch (error) {
      diagnostics.push(docsFailed({ repo: repo.name, ref: entity.ref, path: page.repoPath, page: page.repoPath }, error));
    }
  }
  if (site) for (const d of checkAnchors(site, rendered)) report(d);

  const pagePath = (p: PageInput) => `${sitePath}${publishedOfUrl(p.url)}`;
  const recordBySrc = new Map<string, DocsPageRecord>();
  for (const page of pages) {
    const result = rendered.get(page.src);
    if (!result) continue;
    try {
      const editUrl = editUrlOf(repo, site, page);
      const path = pagePath(page);
      recordBySrc.set(page.src, {
        id: path.replace(/\/+$/, ''),
        siteId: id,
        title: source.kind === 'readme' ? (result.title ?? page.title) : page.title,
        path,
        source: page.repoPath,
        inNav: page.inNav,
        ...(editUrl ? { editUrl } : {}),
        ...lastUpdatedOf(repo, page.repoPath),
        headings: result.headings,
        hasMermaid: result.hasMermaid,
        html: result.html,
      });
    } catch (error) {
      diagnostics.push(docsFailed({ repo: repo.name, ref: entity.ref, path: page.repoPath, page: page.repoPath }, error));
    }
  }
  // Previous/next follow the nav, as MkDocs' footer does, over the pages that were published; pages outside the nav have neither.
  const order = (site ? site.navOrder : pages.map((p) => p.src)).flatMap((src) => recordBySrc.get(src) ?? []);
  order.forEach((record, i) => {
    const prev = order[i - 1];
    const next = order[i + 1];
    if (prev) record.prev = { title: prev.title, path: prev.path };
    if (next) record.next = { title: next.title, path: next.path };
  });
  const records = [...recordBySrc.values()];
  const paths = new Set(records.map((r) => r.path));

  const nav = site
    ? site.nav.flatMap((n) => navItem(n, sitePath, paths))
    : records.slice(0, 1).map((r) => ({ kind: 'page' as const, title: r.title, href: r.path }));
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
      // A large nav is shown collapsed on each page, and whole once, on the site map.
      ...(navEntryCount(nav) > NAV_FULL_MAX ? { siteMapPath: `${sitePath}${SITE_MAP_SEGMENT}/` } : {}),
      repo: repo.name,
      configPath: site?.config.configPath ?? (source.kind === 'readme' ? source.path : source.dir),
      pageCount: records.length,
    },
    pages: records,
    assets: [...links.assets.values()],
    assetsByPage: new Map([...recordBySrc].map(([src, record]) => [record.id, usedBySrc.get(src) ?? []])),
    diagnostics,
  };
}

/** A nav entry as portal data; a page that was not published has none. */
function navItem(node: NavNode, sitePath: string, published: ReadonlySet<string>): DocsNavItemShape[] {
  if (node.kind === 'section') return [{ kind: 'section', title: node.title, children: node.children.flatMap((c) => navItem(c, sitePath, published)) }];
  // nav links come from mkdocs.yml, which is repo content: only web links survive.
  if (node.kind === 'link')
    return [
      /^(https?:|mailto:)/i.test(node.href.trim())
        ? { kind: 'link', title: node.title, href: node.href.trim() }
        : { kind: 'section', title: node.title, children: [] },
    ];
  // Base-relative, like every other path in portal data.
  const href = `${sitePath}${publishedOfUrl(node.url)}`;
  return published.has(href) ? [{ kind: 'page', title: node.title, href }] : [];
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
