import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replaceMarks, restore } from './critic.ts';
import { render, select, textOf } from '../../../test/support/render-markdown.ts';

/** The regex the scanner replaced, with the same placeholders, as the reference. */
const CRITIC = /\{(?:\+\+([\s\S]*?)\+\+|--([\s\S]*?)--|==([\s\S]*?)==|>>([\s\S]*?)<<|~~([\s\S]*?)~>([\s\S]*?)~~)\}/g;
function byRegex(text: string): string {
  const r = (c: number) => String.fromCharCode(0xe000 + c).repeat(3);
  return text.replace(CRITIC, (match, ins?: string, del?: string, mark?: string, com?: string, old?: string, neu?: string) => {
    if (ins !== undefined) return r(0) + ins + r(1);
    if (del !== undefined) return r(2) + del + r(3);
    if (mark !== undefined) return r(4) + mark + r(5);
    if (com !== undefined) return r(6) + com + r(7);
    if (old !== undefined && neu !== undefined) return r(8) + old + '\uE009\uE00A' + neu + r(11);
    return match;
  });
}

describe('critic marks, found in linear time', () => {
  it('replaces exactly what the regex replaced', () => {
    const text = fc
      .array(fc.constantFrom('{', '}', '+', '-', '=', '>', '<', '~', 'a', '\n', '{++', '++}', '{~~', '~>', '~~}'), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(replaceMarks(t)).toBe(byRegex(t));
      }),
      { numRuns: 2000 },
    );
  });

  // The next two at 5,000 to 20,000 marks, timed: bench/markdown-stress.ts.
  it('leaves marks that never close as text', async () => {
    const unclosed = `p ${'{++a {~~b~>c {--d '.repeat(200)}`;
    expect(replaceMarks(unclosed)).toBe(unclosed);
    // (Without `{~~`, whose `~~` GFM then reads as strikethrough.)
    const plain = `p ${'{++a {--d '.repeat(200)}`;
    const r = await render(`${plain}\n`);
    expect(select(r.html, '*', 'critic')).toEqual([]);
    expect(textOf(select(r.html, 'p')[0]!)).toBe(plain.trimEnd());
    // The first open mark takes everything up to the first close, as pymdownx's regex does.
    expect(select((await render('{++a {++b++} c\n')).html, 'ins', 'critic').map(textOf)).toEqual(['a {++b']);
    expect(restore(replaceMarks('{++a++} {++b'))).toBe('{++a++} {++b');
  });

  it('wraps no block when {== paragraphs have no closer, and every block when each has one', async () => {
    const open = await render('{==\n\n'.repeat(200));
    expect(select(open.html, 'mark', 'critic', 'block')).toHaveLength(0);
    const closed = await render('{==\n\ntext\n\n==}\n\n'.repeat(200));
    expect(select(closed.html, 'mark', 'critic', 'block')).toHaveLength(200);
  });
});
