/**
 * Code blocks and tables scroll sideways when wider than the page; a region
 * that scrolls must be reachable with the keyboard (WCAG 2.1.1, axe
 * `scrollable-region-focusable`), so each gets `tabindex="0"`. The line-number
 * column and Mermaid sources (replaced by a drawing) never scroll.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { classesOf } from './hast-classes.ts';

export function markScrollRegions(tree: Root): void {
  visit(tree, 'element', (node: Element, _index, parent) => {
    if (node.tagName === 'table' && !classesOf(node).includes('highlighttable')) node.properties['tabIndex'] = 0;
    if (node.tagName !== 'pre' || classesOf(node).includes('mermaid')) return;
    if (parent?.type === 'element' && classesOf(parent).includes('linenodiv')) return;
    node.properties['tabIndex'] = 0;
  });
}
