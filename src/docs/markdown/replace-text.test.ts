import fc from 'fast-check';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import { describe, expect, it } from 'vitest';
import { replaceText, type Replace } from './replace-text.ts';

const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [{ type: 'text', value }] });
const LIST: [RegExp, Replace][] = [
  [/ab/g, (m) => strong(m)],
  [/c(d?)/g, (_, d) => (d ? 'D' : false)],
  [/e+/g, () => [strong('x'), { type: 'text', value: 'y' }]],
];

function tree(children: PhrasingContent[]): Root {
  return { type: 'root', children: [{ type: 'paragraph', children }] };
}

describe('replaceText', () => {
  it('gives what mdast-util-find-and-replace gives', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', ' '), { maxLength: 12 }).map((p) => p.join(''));
    const node = fc.oneof(
      text.map((value): PhrasingContent => ({ type: 'text', value })),
      text.map((value): PhrasingContent => ({ type: 'emphasis', children: [{ type: 'text', value }] })),
    );
    fc.assert(
      fc.property(fc.array(node, { maxLength: 8 }), (children) => {
        const ours = tree(structuredClone(children));
        const theirs = tree(structuredClone(children));
        replaceText(ours, LIST);
        findAndReplace(theirs, LIST);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 1000 },
    );
  });

  it('replaces in a paragraph of 50,000 text nodes (a splice each was quadratic)', () => {
    const children: PhrasingContent[] = [];
    for (let i = 0; i < 50_000; i++) children.push({ type: 'text', value: 'ab ' }, { type: 'emphasis', children: [] });
    const root = tree(children);
    replaceText(root, [LIST[0]!]);
    const paragraph = root.children[0] as Paragraph;
    expect(paragraph.children).toHaveLength(150_000);
    expect(paragraph.children.filter((c) => c.type === 'strong')).toHaveLength(50_000);
  });
});
