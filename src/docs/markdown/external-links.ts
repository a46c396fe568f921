/**
 * Links leaving the portal (`http(s)://`, `//host`) get
 * `rel="noopener noreferrer"`, raw HTML ones included: the target page gets
 * no handle on ours and no Referer naming an internal docs URL. Called per
 * element from the audit's walk (`html-audit.ts`).
 */
import type { Element } from 'hast';

const EXTERNAL = /^(?:https?:)?\/\//i;

export function markExternalLink(node: Element): void {
  if (node.tagName !== 'a') return;
  const href = node.properties['href'];
  if (typeof href === 'string' && EXTERNAL.test(href.trim())) node.properties['rel'] = ['noopener', 'noreferrer'];
}
