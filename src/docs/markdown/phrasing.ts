/**
 * Inline syntax remark does not know (`==mark==`, `^^ins^^`, critic marks)
 * is found in the text nodes remark leaves behind. A span may open in one
 * text node and close in a later sibling (`==**bold** words==`), so the
 * wrapping works on a parent's children rather than on single strings.
 */
import type { Parent, PhrasingContent, Text } from 'mdast';
import { text } from './mdast-nodes.ts';

export interface Delimiter {
  open: string;
  close: string;
  /** Python-Markdown's "smart" rule: no whitespace just inside the delimiters. */
  tight: boolean;
  build(children: PhrasingContent[]): PhrasingContent;
}

/** Wrap every `open … close` span among `parent`'s children. */
export function wrapDelimited(parent: Parent, d: Delimiter): void {
  const children = parent.children as PhrasingContent[];
  // The new children are collected, not spliced in: a splice per span moved every later sibling.
  const out: PhrasingContent[] = [];
  let copied = 0;
  let i = 0;
  while (i < children.length) {
    const node = children[i]!;
    const start = node.type === 'text' ? findOpen(node.value, d) : -1;
    if (start < 0) {
      i++;
      continue;
    }
    const close = findClose(children, i, start + d.open.length, d);
    // Whether a close fits does not depend on the open, so an open with none after it means no later
    // open has one either: stop here (trying each open in turn was quadratic on `==a ==a ==a …`).
    if (!close) break;
    for (; copied < i; copied++) out.push(children[copied]!);
    const { before, span, after } = wrap(children, i, start, close, d);
    if (before) out.push(before);
    out.push(span);
    // Continue in the text after the span, which takes the place of the node the span closed in.
    if (after) children[close.index] = after;
    i = copied = after ? close.index : close.index + 1;
  }
  if (out.length === 0) return;
  for (; copied < children.length; copied++) out.push(children[copied]!);
  parent.children = out;
}

function findOpen(value: string, d: Delimiter): number {
  let at = value.indexOf(d.open);
  while (at >= 0) {
    const next = value[at + d.open.length];
    // At the end of a text node the span continues in the next (non-text) sibling.
    if (!d.tight || next === undefined || !/\s/.test(next)) return at;
    at = value.indexOf(d.open, at + 1);
  }
  return -1;
}

interface Close {
  index: number;
  at: number;
}

function findClose(children: PhrasingContent[], index: number, from: number, d: Delimiter): Close | undefined {
  for (let j = index; j < children.length; j++) {
    const node = children[j]!;
    if (node.type !== 'text') continue;
    let at = node.value.indexOf(d.close, j === index ? from : 0);
    while (at >= 0) {
      const prev = at > 0 ? node.value[at - 1] : undefined;
      const empty = j === index && at === from;
      if (!empty && (!d.tight || prev === undefined || !/\s/.test(prev))) return { index: j, at };
      at = node.value.indexOf(d.close, at + 1);
    }
  }
  return undefined;
}

function wrap(children: PhrasingContent[], i: number, start: number, close: Close, d: Delimiter): { before?: Text; span: PhrasingContent; after?: Text } {
  const first = children[i] as Text;
  const last = children[close.index] as Text;
  const before = first.value.slice(0, start);
  const inner: PhrasingContent[] = [];
  if (close.index === i) {
    inner.push(text(first.value.slice(start + d.open.length, close.at)));
  } else {
    const head = first.value.slice(start + d.open.length);
    if (head) inner.push(text(head));
    for (let k = i + 1; k < close.index; k++) inner.push(children[k]!);
    const tail = last.value.slice(0, close.at);
    if (tail) inner.push(text(tail));
  }
  const after = last.value.slice(close.at + d.close.length);
  return { ...(before ? { before: text(before) } : {}), span: d.build(inner), ...(after ? { after: text(after) } : {}) };
}

/** Whether any text child of `parent` contains `needle` (a cheap filter before the real work). */
export function hasText(parent: Parent, needle: string): boolean {
  return parent.children.some((c) => c.type === 'text' && c.value.includes(needle));
}
