/**
 * Python-Markdown `attr_list`: `{ #id .class key=value }` (the `:` after
 * `{` is optional) sets attributes on
 *   - the inline element it directly follows: `![a](b.png){ width=300 }`,
 *     `[x](f.pdf){: download }`;
 *   - a heading, table cell or list item when it ends its text:
 *     `## Title { #custom-id }`, `- item {: .done }`;
 *   - a paragraph when it is the paragraph's last line;
 *   - on a line of its own after a block, that block (Python-Markdown would
 *     print it; a leftover `{: .x }` helps nobody).
 * Text that does not parse as attributes (`{ not: json }`) stays text.
 */
import type { Nodes, Parent, Root, RootContent, Text } from 'mdast';
import type { Properties } from 'hast';
import { visit } from 'unist-util-visit';
import { dataOf, toProperties } from './mdast-nodes.ts';

const TOKEN = /#([^\s#.{}="']+)|\.([^\s#.{}="']+)|([A-Za-z_][-\w.]*)=("[^"]*"|'[^']*'|[^\s}"']*)|([A-Za-z_][-\w.]*)|(\s+)/gy;
const LEADING = /^\{:?[ \t]*([^}\n]*?)[ \t]*\}/;
const TRAILING = /(^|[ \t]+|\n[ \t]*)\{:?[ \t]*([^}\n]*?)[ \t]*\}[ \t]*$/;
const INLINE_TARGETS = new Set(['link', 'image', 'linkReference', 'imageReference', 'emphasis', 'strong', 'inlineCode', 'delete']);

/** Parse the inside of `{…}`; undefined when it is not an attribute list. */
export function parseAttributes(inner: string): Properties | undefined {
  if (!inner.trim()) return undefined;
  const attrs: Record<string, string> = {};
  const classes: string[] = [];
  TOKEN.lastIndex = 0;
  let consumed = 0;
  for (let m = TOKEN.exec(inner); m; m = TOKEN.exec(inner)) {
    consumed = TOKEN.lastIndex;
    if (m[1]) attrs['id'] = m[1];
    else if (m[2]) classes.push(m[2]);
    else if (m[3]) {
      const raw = m[4] ?? '';
      const value = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
      if (m[3].toLowerCase() === 'class') classes.push(...value.split(/\s+/).filter(Boolean));
      else attrs[m[3]] = value;
    } else if (m[5]) attrs[m[5]] = m[5];
  }
  if (consumed !== inner.length) return undefined;
  if (classes.length) attrs['class'] = classes.join(' ');
  return toProperties(attrs);
}

export function setProperties(node: Nodes, props: Properties): void {
  const data = dataOf(node);
  const current = data.hProperties ?? {};
  const merged: Properties = { ...current, ...props };
  const classes = [...asList(current['className']), ...asList(props['className'])].map(String);
  if (classes.length) merged['className'] = classes;
  data.hProperties = merged;
}

export function applyAttrLists(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (!('children' in node)) return;
    inlineAttributes(node);
    if (node.type === 'heading' || node.type === 'tableCell') trailing(node, node, false);
    else if (node.type === 'paragraph' && parent) {
      const owner = parent.type === 'listItem' && parent.children[0] === node ? parent : undefined;
      if (trailing(node, owner ?? node, !owner) === 'all' && index !== undefined) {
        const previous = parent.children[index - 1];
        if (previous && previous.type !== 'html') {
          setProperties(previous, standalone(node)!);
          parent.children.splice(index, 1);
          return index;
        }
      }
    }
    return undefined;
  });
}

/** `{…}` at the start of a text node right after an inline element. */
function inlineAttributes(parent: Parent): void {
  const children = parent.children as RootContent[];
  for (let i = 1; i < children.length; i++) {
    const node = children[i]!;
    const target = children[i - 1]!;
    if (node.type !== 'text' || !INLINE_TARGETS.has(target.type)) continue;
    const m = LEADING.exec(node.value);
    const props = m ? parseAttributes(m[1] ?? '') : undefined;
    if (!m || !props) continue;
    setProperties(target, props);
    node.value = node.value.slice(m[0].length);
    if (!node.value) children.splice(i--, 1);
  }
}

/**
 * Trailing `{…}` in `node`'s last text child, applied to `target`. Returns
 * 'all' (and applies nothing) when the attributes are the whole paragraph.
 */
function trailing(node: Parent, target: Nodes, ownLine: boolean): 'applied' | 'all' | 'none' {
  const last = node.children[node.children.length - 1];
  if (last?.type !== 'text') return 'none';
  const m = TRAILING.exec(last.value);
  if (!m) return 'none';
  const props = parseAttributes(m[2] ?? '');
  if (!props) return 'none';
  const whole = node.children.length === 1 && m.index === 0;
  if (whole && node.type === 'paragraph') return 'all';
  if (ownLine && !(m[1] ?? '').startsWith('\n') && !whole) return 'none';
  setProperties(target, props);
  last.value = last.value.slice(0, m.index).replace(/[ \t]+$/, '');
  if (!last.value) node.children.pop();
  return 'applied';
}

function standalone(paragraph: Parent): Properties | undefined {
  const only = paragraph.children[0] as Text;
  const m = TRAILING.exec(only.value);
  return m ? parseAttributes(m[2] ?? '') : undefined;
}

function asList(value: Properties[string]): (string | number)[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}
