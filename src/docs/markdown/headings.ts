/**
 * Python-Markdown `toc` with `permalink: true`: every Markdown heading gets
 * an id (an `attr_list` `{ #id }` wins) and a trailing permalink:
 *
 *     <h2 id="section-a">Section A<a class="headerlink" href="#section-a" title="Permanent link">¶</a></h2>
 *
 * Ids set by authors anywhere in the Markdown are reserved first, as toc
 * does, so a generated id never repeats one of them.
 */
import type { Heading, Nodes, Root } from 'mdast';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { setProperties } from './attr-list.ts';
import { existingDataOf, hastPropertiesOf } from './mdast-nodes.ts';
import { slugify, uniqueId } from './slugify.ts';
import type { RenderState } from './types.ts';

export function applyHeadings(tree: Root, state: RenderState): void {
  const used = new Set<string>();
  const headings: Heading[] = [];
  visit(tree, (node) => {
    if (node.type === 'heading') headings.push(node);
    const id = hastPropertiesOf(node)?.['id'];
    if (typeof id === 'string' && node.type !== 'heading') used.add(id);
  });
  const mode = state.ctx.slugify ?? 'default';
  for (const node of headings) {
    const text = plainText(node).trim();
    const explicit = hastPropertiesOf(node)?.['id'];
    const id = typeof explicit === 'string' && explicit ? explicit : uniqueId(slugify(text, mode), used);
    used.add(id);
    setProperties(node, { id });
    node.children.push({
      type: 'link',
      url: `#${id}`,
      title: 'Permanent link',
      children: [{ type: 'text', value: '¶' }],
      data: { hProperties: { className: ['headerlink'] } },
    });
    state.headings.push({ depth: node.depth, id, text });
  }
}

/** The heading's text as a reader sees it (what toc slugifies): no image alt text, no markup. */
export function plainText(node: Nodes): string {
  const hChildren = existingDataOf(node)?.hChildren;
  if (hChildren) return hChildren.map((c) => hastToString(c)).join('');
  if ('value' in node && node.type !== 'html') return node.value;
  if ('children' in node) return node.children.map((c) => plainText(c)).join('');
  return '';
}
