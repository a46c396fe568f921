/**
 * GFM footnotes reshaped to Python-Markdown `footnotes` markup, so
 * Material's CSS and existing `#fn:1` anchors work:
 *
 *     <sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>
 *     <div class="footnote"><hr><ol><li id="fn:1">… <a class="footnote-backref" href="#fnref:1">↩</a></li></ol></div>
 *
 * Needs remark-rehype's `clobberPrefix: ''` (ids `fn-x`, `fnref-x`). A
 * footnote's second reference is `fnref2:x`, as in Python-Markdown.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

export function applyFootnotes(tree: Root): void {
  const seen = new Map<string, number>();
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'sup' && node.children.length === 1) {
      const link = node.children[0];
      if (link?.type !== 'element' || link.properties['dataFootnoteRef'] === undefined) return undefined;
      const label = String(link.properties['href'] ?? '').replace(/^#fn-/, '');
      const count = (seen.get(label) ?? 0) + 1;
      seen.set(label, count);
      node.properties['id'] = `fnref${count > 1 ? count : ''}:${label}`;
      link.properties = { className: ['footnote-ref'], href: `#fn:${label}` };
      return 'skip';
    }
    if (node.tagName === 'section' && node.properties['dataFootnotes'] !== undefined && parent && index !== undefined) {
      const list = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol');
      if (!list) return undefined;
      for (const item of list.children) if (item.type === 'element') footnoteItem(item);
      const hr: ElementContent = { type: 'element', tagName: 'hr', properties: {}, children: [] };
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['footnote'] }, children: [hr, list] };
      return 'skip';
    }
    return undefined;
  });
}

function footnoteItem(item: Element): void {
  const label = String(item.properties['id'] ?? '').replace(/^fn-/, '');
  item.properties['id'] = `fn:${label}`;
  let count = 0;
  visit(item, 'element', (node: Element) => {
    if (node.tagName !== 'a' || node.properties['dataFootnoteBackref'] === undefined) return;
    count++;
    node.properties = {
      className: ['footnote-backref'],
      href: `#fnref${count > 1 ? count : ''}:${label}`,
      title: `Jump back to footnote ${label} in the text`,
    };
  });
}
