/** Shared by the renderer's tests: a context with in-memory snippets and link targets, and tiny HTML queries. */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { renderMarkdown } from '../../src/docs/markdown/render-markdown.ts';
import type { RenderContext, RenderedMarkdown } from '../../src/docs/markdown/types.ts';

export interface TestOptions {
  /** Snippet files by path. */
  snippets?: Record<string, string>;
  /** Targets (path part) that `resolve` reports missing. */
  missing?: string[];
  slugify?: 'default' | 'unicode';
  resolve?: RenderContext['resolve'];
  /** The page's render budget (default DEFAULT_MAX_RENDER_MS); the Markdown stress bench sets it. */
  maxRenderMs?: number;
}

export function testContext(options: TestOptions = {}): RenderContext {
  return {
    page: 'docs/guide/setup.md',
    resolve:
      options.resolve ??
      ((target) => {
        const path = target.split('#')[0] ?? '';
        if (options.missing?.includes(path)) return { missing: true, reason: 'no such file in docs/' };
        return { url: `/site/${path.replace(/\.md$/, '/')}` };
      }),
    readSnippet: (path) => {
      const text = options.snippets?.[path];
      return text === undefined ? { missing: true, reason: 'file not found' } : { text };
    },
    ...(options.slugify ? { slugify: options.slugify } : {}),
    ...(options.maxRenderMs ? { maxRenderMs: options.maxRenderMs } : {}),
  };
}

export function render(markdown: string, options?: TestOptions): Promise<RenderedMarkdown> {
  return renderMarkdown(markdown, testContext(options));
}

export async function html(markdown: string, options?: TestOptions): Promise<string> {
  return (await render(markdown, options)).html;
}

export function parse(htmlText: string): Root {
  return fromHtml(htmlText, { fragment: true });
}

/** Descendants matching `tag` (or any tag for '*') and carrying every class in `classes`. */
export function select(htmlText: string | Root | Element, tag: string, ...classes: string[]): Element[] {
  const tree = typeof htmlText === 'string' ? parse(htmlText) : htmlText;
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node === tree || (tag !== '*' && node.tagName !== tag)) return;
    const have = classesOf(node);
    if (classes.every((c) => have.includes(c))) found.push(node);
  });
  return found;
}

export function classesOf(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

export function textOf(node: Element | Root): string {
  return hastToString(node);
}

/** Direct element children's tag names (and classes), e.g. ['p.admonition-title', 'p']. */
export function childTags(node: Element): string[] {
  return node.children.filter((c): c is Element => c.type === 'element').map((c) => [c.tagName, ...classesOf(c)].join('.'));
}

/** Page text outside <pre> and <code>, for "no leftover syntax" checks. */
export function proseText(htmlText: string): string {
  const tree = parse(htmlText);
  visit(tree, 'element', (node: Element, index, parent) => {
    if ((node.tagName === 'pre' || node.tagName === 'code') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  return hastToString(tree);
}
