import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { applyAbbreviations, extractAbbreviations } from './abbreviations.ts';
import { splitLines } from './source-lines.ts';
import { html, proseText, select, textOf } from '../../../test/support/render-markdown.ts';

describe('abbreviations (abbr)', () => {
  it('wraps whole-word uses in <abbr title> and removes the definition lines', async () => {
    const out = await html('The HTML spec, by the W3C. HTMLX is not one.\n\n*[HTML]: Hyper Text Markup Language\n*[W3C]: World Wide Web Consortium\n');
    expect(select(out, 'abbr').map((a) => [textOf(a), a.properties['title']])).toEqual([
      ['HTML', 'Hyper Text Markup Language'],
      ['W3C', 'World Wide Web Consortium'],
    ]);
    expect(proseText(out)).not.toContain('*[');
  });

  it('leaves code alone, in text and in fences', async () => {
    const out = await html('`HTML` here.\n\n```\n*[HTML]: stays\n```\n\n*[HTML]: Hyper Text\n');
    expect(select(out, 'abbr')).toHaveLength(0);
    expect(out).toContain('*[HTML]: stays');
  });

  it('works with definitions that come from a snippet', async () => {
    const out = await html('TDP rocks.\n\n--8<-- "docs/abbr.md"\n', { snippets: { 'docs/abbr.md': '*[TDP]: Tanzu Developer Portal\n' } });
    expect(select(out, 'abbr')[0]?.properties['title']).toBe('Tanzu Developer Portal');
  });

  it('reads definitions as its regex did, and a title with 400,000 spaces in linear time', () => {
    const DEFINITION = /^ {0,3}\*\[([^\]\\]+)\]:[ \t]*(.*?)\s*$/;
    const line = fc.array(fc.constantFrom('*[', 'A', ']', ':', ' ', '\t', 'x', '\u2028', '\\'), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(line, (text) => {
        const found = new Map<string, string>();
        extractAbbreviations(splitLines(`*[\n${text}`), found);
        const m = DEFINITION.exec(text);
        const expected = new Map<string, string>();
        if (m && m[2]) expected.set((m[1] ?? '').trim(), m[2]);
        expect(found).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
    const found = new Map<string, string>();
    extractAbbreviations(splitLines(`*[A]: x${' '.repeat(400_000)}y   `), found);
    expect(found.get('A')).toBe(`x${' '.repeat(400_000)}y`);
  });

  it('marks an abbreviation used 50,000 times among other inline nodes', () => {
    const children: PhrasingContent[] = [];
    for (let i = 0; i < 50_000; i++) children.push({ type: 'text', value: 'W3C ' }, { type: 'emphasis', children: [{ type: 'text', value: 'b' }] });
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children }] };
    applyAbbreviations(tree, new Map([['W3C', 'World Wide Web Consortium']]));
    const marked = (tree.children[0] as Paragraph).children.filter((c) => c.data?.hName === 'abbr');
    expect(marked).toHaveLength(50_000);
  });
});
