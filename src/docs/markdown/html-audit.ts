/**
 * Runs just before the sanitizer: says what it is about to remove that an
 * author would want to know about (`<script>`, `onclick`, `javascript:`
 * URLs, inline `style`), one diagnostic per kind per page, and makes two
 * adjustments the schema cannot express: `data:` URLs survive only as
 * `<img src>` images, and `<a name="x">` anchors become `id="x"` (the schema
 * allows `name` on inputs only).
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { STRIPPED, URL_PROPERTIES } from './sanitize-schema.ts';
import { report, type RenderState } from './types.ts';

const IMAGE_DATA_URL = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp|x-icon|svg\+xml)[;,]/i;
const SAFE_PROTOCOLS: Record<string, string[]> = {
  href: ['http', 'https', 'mailto', 'tel', 'irc', 'ircs', 'xmpp'],
  src: ['http', 'https', 'data'],
};
const STRIPPED_TAGS = new Set(STRIPPED);

/** `alsoVisit` lets another per-element step share this walk (pages are many; walks add up). */
export function auditHtml(tree: Root, state: RenderState, alsoVisit?: (node: Element) => void): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    alsoVisit?.(node);
    const removed = (what: string, severity: 'warning' | 'info' = 'warning') =>
      report(
        state,
        {
          rule: 'docs-html-removed',
          severity,
          message: `Removed ${what} from the page's HTML: the portal does not run scripts, styles or embedded content from docs.`,
          fix:
            severity === 'info'
              ? 'Use Markdown or attr_list classes instead of inline styles.'
              : 'Remove it from the Markdown; link to the content instead of embedding it.',
        },
        node.position?.start,
        what,
      );
    if (STRIPPED_TAGS.has(node.tagName)) {
      removed(`<${node.tagName}>`);
      const link = node.tagName === 'iframe' ? embedLink(node) : undefined;
      if (link && parent && index !== undefined) parent.children[index] = link;
      return 'skip';
    }
    const props = node.properties;
    if (node.tagName === 'a' && typeof props['name'] === 'string' && props['id'] === undefined) props['id'] = props['name'];
    if (node.tagName === 'input' && props['type'] !== 'radio') delete props['name'];
    for (const key of Object.keys(props)) {
      if (/^on/i.test(key)) removed(`the ${key.toLowerCase()} attribute`);
      else if (key === 'style') removed('inline style attributes', 'info');
    }
    for (const key of URL_PROPERTIES) {
      const value = props[key];
      if (typeof value !== 'string') continue;
      const protocol = protocolOf(value);
      if (!protocol) continue;
      const allowed = SAFE_PROTOCOLS[key === 'src' ? 'src' : 'href'] ?? [];
      if (protocol === 'data' && key === 'src' && node.tagName === 'img' && IMAGE_DATA_URL.test(value.trim())) continue;
      if (allowed.includes(protocol) && protocol !== 'data') continue;
      removed(`a ${protocol}: URL`);
      delete props[key];
    }
    return undefined;
  });
}

/** An embedded web page (a video, a dashboard) stays reachable as a plain link in place of the frame. */
function embedLink(frame: Element): Element | undefined {
  const src = frame.properties['src'];
  if (typeof src !== 'string' || !/^https?:\/\//i.test(src.trim())) return undefined;
  const title = typeof frame.properties['title'] === 'string' && frame.properties['title'] ? frame.properties['title'] : src;
  const a: Element = {
    type: 'element',
    tagName: 'a',
    properties: { href: src.trim(), rel: ['noopener', 'noreferrer'] },
    children: [{ type: 'text', value: `Embedded content: ${title}` }],
  };
  return { type: 'element', tagName: 'p', properties: { className: ['embed-removed'] }, children: [a] };
}

/** The scheme a browser would see: it ignores ASCII whitespace and control characters in it. */
function protocolOf(url: string): string | undefined {
  const cleaned = url.replace(/[\u0000-\u0020]/g, '');
  const m = /^([a-z][a-z\d+.-]*):/i.exec(cleaned);
  if (!m) return undefined;
  const colon = url.indexOf(':');
  const cut = url.search(/[/?#]/);
  if (cut >= 0 && cut < colon) return undefined;
  return m[1]!.toLowerCase();
}
