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
  // Paragraphs that were only attributes leave their parents after the walk: a splice each was
  // quadratic on a page of `{: .x }` lines. `kept` is each parent's last child that stays.
  const dropped = new Set<Nodes>();
  const kept = new Map<Parent, Nodes>();
  visit(tree, (node, _index, parent) => {
    if (!('children' in node)) {
      if (parent) kept.set(parent, node);
      return;
    }
    inlineAttributes(node);
    if (node.type === 'heading' || node.type === 'tableCell') trailing(node, node, false);
    else if (node.type === 'paragraph' && parent) {
      const owner = parent.type === 'listItem' && parent.children[0] === node ? parent : undefined;
      if (trailing(node, owner ?? node, !owner) === 'all') {
        const previous = kept.get(parent);
        if (previous && previous.type !== 'html') {
          setProperties(previous, standalone(node)!);
          dropped.add(node);
          return;
        }
      }
    }
    if (parent) kept.set(parent, node);
  });
  if (dropped.size === 0) return;
  visit(tree, (node) => {
    if ('children' in node && node.children.some((c) => dropped.has(c))) {
      node.children = node.children.filter((c) => !dropped.has(c));
    }
  });
}

/** `{…}` at the start of a text node right after an inline element. */
function inlineAttributes(parent: Parent): void {
  const children = parent.children;
  const emptied = new Set<RootContent>();
  let target = children[0];
  for (let i = 1; i < children.length; i++) {
    const node = children[i]!;
    const m = node.type === 'text' && target && INLINE_TARGETS.has(target.type) ? leadingList(node.value) : undefined;
    const props = m ? parseAttributes(m.inner) : undefined;
    if (m && props && node.type === 'text') {
      setProperties(target!, props);
      node.value = node.value.slice(m.end);
      if (!node.value) emptied.add(node);
    }
    if (!emptied.has(node)) target = node;
  }
  // Emptied text leaves in one pass (a splice each was quadratic on `[a](b){.c}[a](b){.c}…`).
  if (emptied.size > 0) parent.children = children.filter((c) => !emptied.has(c));
}

/**
 * Trailing `{…}` in `node`'s last text child, applied to `target`. Returns
 * 'all' (and applies nothing) when the attributes are the whole paragraph.
 */
function trailing(node: Parent, target: Nodes, ownLine: boolean): 'applied' | 'all' | 'none' {
  const last = node.children[node.children.length - 1];
  if (last?.type !== 'text') return 'none';
  const m = trailingList(last.value);
  if (!m) return 'none';
  const props = parseAttributes(m.inner);
  if (!props) return 'none';
  const whole = node.children.length === 1 && m.index === 0;
  if (whole && node.type === 'paragraph') return 'all';
  if (ownLine && !m.lead.startsWith('\n') && !whole) return 'none';
  setProperties(target, props);
  last.value = trimSpaces(last.value.slice(0, m.index));
  if (!last.value) node.children.pop();
  return 'applied';
}

function standalone(paragraph: Parent): Properties | undefined {
  const only = paragraph.children[0] as Text;
  const m = trailingList(only.value);
  return m ? parseAttributes(m.inner) : undefined;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/** `value.replace(/[ \t]+$/, '')`, which V8 runs in time quadratic in a run of spaces not at the end. */
function trimSpaces(value: string): string {
  let end = value.length;
  while (isSpace(value[end - 1])) end--;
  return value.slice(0, end);
}

/**
 * The `{…}` that starts `value`, as `^\{:?[ \t]*([^}\n]*?)[ \t]*\}` finds
 * it (`end` is its length, `inner` its group), without the lazy group
 * re-reading a run of spaces at every step (quadratic).
 */
export function leadingList(value: string): { end: number; inner: string } | undefined {
  if (value[0] !== '{') return undefined;
  let inner = value[1] === ':' ? 2 : 1;
  while (isSpace(value[inner])) inner++;
  let close = inner;
  while (close < value.length && value[close] !== '}' && value[close] !== '\n') close++;
  if (value[close] !== '}') return undefined;
  return { end: close + 1, inner: trimSpaces(value.slice(inner, close)) };
}

/**
 * The `{…}` that ends `value`, as the regex
 * `(^|[ \t]+|\n[ \t]*)\{:?[ \t]*([^}\n]*?)[ \t]*\}[ \t]*$` finds it
 * (`index` and `lead` are its match and first group, `inner` the second),
 * without its cost: tried at every `{` or space, its lazy group read to
 * the end each time, quadratic on a long paragraph of ` {a {a …`.
 * The list cannot hold `}` or a newline, so its `{` comes after the last
 * of those; the first such `{` with a space, newline or the start before
 * it is the leftmost match.
 */
export function trailingList(value: string): { index: number; lead: string; inner: string } | undefined {
  let end = value.length;
  while (isSpace(value[end - 1])) end--;
  const close = end - 1;
  if (value[close] !== '}') return undefined;
  let from = close - 1;
  while (from >= 0 && value[from] !== '}' && value[from] !== '\n') from--;
  for (let open = value.indexOf('{', from + 1); open >= 0 && open < close; open = value.indexOf('{', open + 1)) {
    let index = open;
    while (isSpace(value[index - 1])) index--;
    if (value[index - 1] === '\n') index--;
    else if (index === open && index > 0) continue;
    let inner = open + 1;
    if (value[inner] === ':') inner++;
    while (isSpace(value[inner])) inner++;
    return { index, lead: value.slice(index, open), inner: trimSpaces(value.slice(inner, close)) };
  }
  return undefined;
}

function asList(value: Properties[string]): (string | number)[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}
