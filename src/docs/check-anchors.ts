/**
 * Links to `#anchors` that no heading or element of the target page carries:
 * MkDocs 1.6 warns about these (validation.anchors), and after a heading is
 * renamed they are the links that silently stop working.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RenderedMarkdown as RenderedPage } from './markdown/types.ts';
import { asWritten, resolveDocsLink } from './site/index.ts';
import type { DocsSite } from './site/types.ts';

export function checkAnchors(site: DocsSite, rendered: ReadonlyMap<string, RenderedPage>): Omit<Diagnostic, 'repo' | 'ref'>[] {
  const pageByUrl = new Map(site.pages.map((p) => [p.url, p]));
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (src: string) => {
    let ids = idsCache.get(src);
    if (!ids) {
      const page = rendered.get(src);
      ids = new Set(page?.headings.map((h) => h.id) ?? []);
      for (const match of page?.html.matchAll(/\sid="([^"]*)"/g) ?? []) ids.add(decodeEntities(match[1]!));
      idsCache.set(src, ids);
    }
    return ids;
  };
  const problems: Omit<Diagnostic, 'repo' | 'ref'>[] = [];
  for (const page of site.pages) {
    for (const link of rendered.get(page.src)?.links ?? []) {
      const hash = link.target.indexOf('#');
      if (hash === -1) continue;
      const fragment = safeDecode(link.target.slice(hash + 1));
      const resolved = hash === 0 ? undefined : resolveDocsLink(site, page.src, asWritten(link.target));
      const target = hash === 0 ? page : resolved?.kind === 'page' ? pageByUrl.get(resolved.url) : undefined;
      if (!target || fragment === '' || idsOf(target.src).has(fragment)) continue;
      const where = target === page ? 'this page' : target.repoPath;
      problems.push({
        path: page.repoPath,
        line: link.line,
        column: link.column,
        severity: 'warning',
        rule: 'docs-anchor-missing',
        message: `The link to #${fragment} on ${where} finds no heading with that id, so it opens the top of the page. Use one of the page's heading anchors (the ¶ link next to each heading shows it), or add { #${fragment} } to the heading.`,
      });
    }
  }
  return problems;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
