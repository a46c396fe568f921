/**
 * A link or image whose target is missing keeps its text (or alt text) but
 * loses its href/src: on the portal, the relative path would only lead to a
 * 404 page. The title says what it pointed at; the diagnostic says how to fix it.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { classesOf } from './hast-classes.ts';

export function disarmBrokenTargets(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const classes = classesOf(node);
    if (node.tagName === 'a' && classes.includes('broken-link') && typeof node.properties['href'] === 'string') {
      node.properties['title'] = `Broken link: ${node.properties['href']}`;
      delete node.properties['href'];
    }
    if (node.tagName === 'img' && classes.includes('broken-image') && typeof node.properties['src'] === 'string') {
      node.properties['title'] = `Missing image: ${node.properties['src']}`;
      delete node.properties['src'];
    }
  });
}
