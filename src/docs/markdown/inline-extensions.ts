/**
 * pymdownx inline syntax remark has no parser for: `==mark==` (mark),
 * `^^insert^^` and `H^2^O` (caret), `H~2~O` (tilde; `~~del~~` is GFM's),
 * `++ctrl+alt+del++` (keys). Text inside code is never touched: code is not
 * a text node in mdast.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { KEYS_PATTERN, renderKeys } from './keys.ts';
import { fdInline, text } from './mdast-nodes.ts';
import { hasText, wrapDelimited, type Delimiter } from './phrasing.ts';
import { replaceText } from './replace-text.ts';

const SPANS: Delimiter[] = [
  { open: '^^', close: '^^', tight: true, build: (children) => fdInline('ins', {}, children) },
  { open: '==', close: '==', tight: true, build: (children) => fdInline('mark', {}, children) },
];

const SUP = /\^((?:\\.|[^\s^\\])+)\^/g;
const SUB = /~((?:\\.|[^\s~\\])+)~/g;

export function applyInlineExtensions(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    for (const d of SPANS) if (hasText(node, d.open)) wrapDelimited(node, d);
  });
  replaceText(tree, [
    [KEYS_PATTERN, renderKeys],
    [SUP, (_: string, inner: string) => fdInline('sup', {}, [text(unescape(inner))])],
    [SUB, (_: string, inner: string) => fdInline('sub', {}, [text(unescape(inner))])],
  ]);
}

/** pymdownx lets `\ ` put a space inside `^sup^`/`~sub~`. */
function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}
