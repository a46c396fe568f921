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
  let i = 0;
  let from = 0;
  while (i < children.length) {
    const node = children[i]!;
    if (node.type !== 'text') {
      i++;
      from = 0;
      continue;
    }
    const start = findOpen(node.value, d, from);
    if (start < 0) {
      i++;
      from = 0;
      continue;
    }
    const close = findClose(children, i, start + d.open.length, d);
    if (!close) {
      from = start + d.open.length;
      continue;
    }
    const replacement = splice(children, i, start, close, d);
    children.splice(i, close.index - i + 1, ...replacement);
    // Continue in the text after the span: the last replacement node when it is text (never the built span).
    i += replacement.length - (replacement[replacement.length - 1]?.type === 'text' ? 1 : 0);
    from = 0;
  }
}

function findOpen(value: string, d: Delimiter, from: number): number {
  let at = value.indexOf(d.open, from);
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

function splice(children: PhrasingContent[], i: number, start: number, close: Close, d: Delimiter): PhrasingContent[] {
  const first = children[i] as Text;
  const last = children[close.index] as Text;
  const before = first.value.slice(0, start);
  const inner: PhrasingContent[] = [];
  if (close.index === i) {
    inner.push(text(first.value.slice(start + d.open.length, close.at)));
  } else {
    const head = first.value.slice(start + d.open.length);
    if (head) inner.push(text(head));
    inner.push(...children.slice(i + 1, close.index));
    const tail = last.value.slice(0, close.at);
    if (tail) inner.push(text(tail));
  }
  const after = last.value.slice(close.at + d.close.length);
  const out: PhrasingContent[] = [];
  if (before) out.push(text(before));
  out.push(d.build(inner));
  if (after) out.push(text(after));
  return out;
}

/** Whether any text child of `parent` contains `needle` (a cheap filter before the real work). */
export function hasText(parent: Parent, needle: string): boolean {
  return parent.children.some((c) => c.type === 'text' && c.value.includes(needle));
}
