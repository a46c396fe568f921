/** The class names of a hast element, as strings (hast keeps `className` as a list, or absent). */
import type { Element } from 'hast';

export function classesOf(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}
