import fc from 'fast-check';
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { applyAttrLists, leadingList, parseAttributes, trailingList } from './attr-list.ts';
import { hastPropertiesOf } from './mdast-nodes.ts';
import { html, proseText, select } from '../../../test/support/render-markdown.ts';

describe('attr_list', () => {
  it('parses ids, classes, quoted and bare values', () => {
    expect(parseAttributes('#x .a .b width="300" align=left download')).toEqual({
      id: 'x',
      className: ['a', 'b'],
      width: 300,
      align: 'left',
      download: true,
    });
    expect(parseAttributes('not: json')).toBeUndefined();
    expect(parseAttributes('')).toBeUndefined();
  });

  it('sets id and class on headings', async () => {
    const out = await html('## Heading { #custom-id .cls }\n');
    const [h2] = select(out, 'h2', 'cls');
    expect(h2?.properties['id']).toBe('custom-id');
    expect(proseText(out)).toBe('Heading¶');
  });

  it('sets attributes on images and links it directly follows', async () => {
    const out = await html(
      '![Alt text](https://x.org/pic.png){ width="300" .center }\n\n[Download](https://x.org/f.pdf){: download }\n\n[Subscribe](#){ .md-button }\n',
    );
    expect(select(out, 'img', 'center')[0]?.properties).toMatchObject({ width: 300, alt: 'Alt text' });
    expect(select(out, 'a').find((a) => a.properties['download'] !== undefined)?.properties['href']).toBe('https://x.org/f.pdf');
    expect(select(out, 'a', 'md-button')).toHaveLength(1);
    expect(out).not.toContain('{');
  });

  it('applies a last-line block form to the paragraph', async () => {
    const out = await html('Some text\n{: .lead #intro }\n');
    expect(select(out, 'p', 'lead')[0]?.properties['id']).toBe('intro');
    expect(proseText(out)).toBe('Some text');
  });

  it('applies trailing attributes to list items', async () => {
    const out = await html('- first {: .done }\n- second\n');
    expect(select(out, 'li', 'done')).toHaveLength(1);
    expect(proseText(out)).not.toContain('{');
  });

  it('applies a block form on its own line to the block before it', async () => {
    const out = await html('| a |\n|---|\n| b |\n\n{: .wide }\n');
    expect(select(out, 'table', 'wide')).toHaveLength(1);
    expect(proseText(out)).not.toContain('{:');
  });

  it('leaves braces that are not attribute lists alone', async () => {
    expect(proseText(await html('Use {"a": 1} and { curly words }.\n'))).toContain('{"a": 1} and { curly words }');
  });

  it('finds the leading and trailing {…} exactly where the regexes it replaced did', () => {
    const TRAILING = /(^|[ \t]+|\n[ \t]*)\{:?[ \t]*([^}\n]*?)[ \t]*\}[ \t]*$/;
    const LEADING = /^\{:?[ \t]*([^}\n]*?)[ \t]*\}/;
    const text = fc.array(fc.constantFrom(' ', '\t', '\n', '{', '}', ':', '.', '#', 'a', ' {: .x }'), { maxLength: 16 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const m = TRAILING.exec(t);
        expect(trailingList(t)).toEqual(m ? { index: m.index, lead: m[1], inner: m[2] } : undefined);
        const l = LEADING.exec(t);
        expect(leadingList(t)).toEqual(l ? { end: l[0].length, inner: l[1] } : undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a paragraph of 100,000 ` {a` and one of 400,000 spaces in linear time', () => {
    // The leftmost `{` wins, as in the regex: the list is everything after it (and not attributes).
    const long = trailingList(`p${' {a'.repeat(100_000)} x}`);
    expect(long).toMatchObject({ index: 1, lead: ' ' });
    expect(long?.inner).toBe(`a${' {a'.repeat(99_999)} x`);
    expect(trailingList(`p${' '.repeat(400_000)}x}`)).toBeUndefined();
    expect(leadingList(`{a${' '.repeat(400_000)}x`)).toBeUndefined();
  });

  // At 50,000 of each, timed: bench/markdown-stress.ts.
  it('applies every inline list of a long paragraph and every standalone list of a long page', () => {
    const inline: PhrasingContent[] = [];
    for (let i = 0; i < 200; i++) inline.push({ type: 'link', url: 'b', children: [] }, { type: 'text', value: '{.c}' });
    const blocks: RootContent[] = [{ type: 'paragraph', children: inline }];
    for (let i = 0; i < 200; i++)
      blocks.push({ type: 'paragraph', children: [{ type: 'text', value: 'a' }] }, { type: 'paragraph', children: [{ type: 'text', value: '{: .x }' }] });
    const tree: Root = { type: 'root', children: blocks };
    applyAttrLists(tree);
    const links = (tree.children[0] as Paragraph).children;
    expect(links).toHaveLength(200);
    expect(links.every((l) => l.type === 'link' && String(hastPropertiesOf(l)?.['className']) === 'c')).toBe(true);
    expect(tree.children).toHaveLength(201);
    expect(tree.children.slice(1).every((p) => String(hastPropertiesOf(p)?.['className']) === 'x')).toBe(true);
  });
});
