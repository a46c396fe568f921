/**
 * mdast-util-to-hast's `listItem` handler, made linear: for every item it
 * asks whether the whole list is loose by scanning the items until a loose
 * one, which on a long tight list (a changelog, a glossary) is quadratic.
 * Here each list is judged once, and the default handler gets a stand-in
 * parent that carries the verdict: the only thing it reads from `parent`.
 */
import type { List, ListItem } from 'mdast';
import { defaultHandlers } from 'remark-rehype';

const looseness = new WeakMap<List, boolean>();

export const listItem: typeof defaultHandlers.listItem = (state, node, parent) => {
  if (parent?.type !== 'list') return defaultHandlers.listItem(state, node, parent);
  let loose = looseness.get(parent);
  if (loose === undefined) looseness.set(parent, (loose = Boolean(parent.spread) || parent.children.some(itemLoose)));
  return defaultHandlers.listItem(state, node, { type: 'list', spread: loose, children: [] });
};

/** mdast-util-to-hast's `listItemLoose`. */
function itemLoose(item: ListItem): boolean {
  return item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread;
}
