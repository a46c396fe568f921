/**
 * `findAndReplace` from mdast-util-find-and-replace, as the renderer uses it
 * (a list of pattern → replacement, no `ignore`), with the same results: one
 * pattern at a time over every text node, adjacent text merged, `false` from
 * a replacement meaning "not a match after all", nodes it inserts not
 * searched again by the same pattern. The difference: it spliced each
 * replaced text node into its parent at once, moving every later sibling,
 * which is quadratic on a paragraph of many text nodes with a match each
 * (`W *b* W *b* …` with `W` an abbreviation); here each parent's children
 * are rebuilt once per pattern.
 */
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { visit } from 'unist-util-visit';

export type Replacement = PhrasingContent | PhrasingContent[] | string | false | null | undefined;
export type Replace = (match: string, ...groups: string[]) => Replacement;

export function replaceText(tree: Root, list: [RegExp, Replace][]): void {
  for (const [find, replace] of list) {
    const edits = new Map<Parent, Map<number, PhrasingContent[]>>();
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined) return;
      const nodes = replaceIn(node.value, find, replace);
      if (!nodes) return;
      let at = edits.get(parent);
      if (!at) edits.set(parent, (at = new Map<number, PhrasingContent[]>()));
      at.set(index, nodes);
    });
    for (const [parent, at] of edits) {
      const children: RootContent[] = [];
      parent.children.forEach((child, i) => {
        const nodes = at.get(i);
        if (!nodes) children.push(child);
        else for (const n of nodes) children.push(n);
      });
      parent.children = children;
    }
  }
}

/** The nodes that replace `value`, or undefined when nothing in it matched. */
function replaceIn(value: string, find: RegExp, replace: Replace): PhrasingContent[] | undefined {
  const nodes: PhrasingContent[] = [];
  const add = (child: PhrasingContent) => {
    const previous = nodes[nodes.length - 1];
    if (previous?.type === 'text' && child.type === 'text') previous.value += child.value;
    else nodes.push(child);
  };
  let start = 0;
  let changed = false;
  find.lastIndex = 0;
  for (let match = find.exec(value); match; match = find.global ? find.exec(value) : null) {
    const position = match.index;
    let result = replace(...(match as unknown as [string, ...string[]]));
    if (typeof result === 'string') result = result ? { type: 'text', value: result } : undefined;
    if (result === false) {
      find.lastIndex = position + 1;
      continue;
    }
    if (start !== position) add({ type: 'text', value: value.slice(start, position) });
    if (Array.isArray(result)) for (const child of result) add(child);
    else if (result) add(result);
    start = position + match[0].length;
    changed = true;
  }
  if (!changed) return undefined;
  if (start < value.length) add({ type: 'text', value: value.slice(start) });
  return nodes;
}
