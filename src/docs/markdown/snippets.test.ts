import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandSnippets, MAX_SNIPPET_CHARS, parseEntry, splitRanges } from './snippets.ts';
import { splitLines } from './source-lines.ts';
import { html, proseText, render, select, testContext, textOf } from '../../../test/support/render-markdown.ts';
import type { RenderState } from './types.ts';

const FILES = {
  'inc/part.md': 'Included **text**.\n',
  'inc/code.properties': 'a=1\nb=2\nc=3\nd=4\n',
  'inc/sections.md': 'intro\n--8<-- [start:usage]\nUsage line.\n--8<-- [end:usage]\noutro\n',
  'inc/nested.md': 'Outer.\n\n--8<-- "inc/part.md"\n',
  'inc/loop.md': '--8<-- "inc/loop.md"\n',
};

describe('snippets (pymdownx.snippets)', () => {
  it('includes a file in place of a --8<-- line', async () => {
    const out = await html('Before.\n\n--8<-- "inc/part.md"\n\nAfter.\n', { snippets: FILES });
    expect(select(out, 'strong').map(textOf)).toEqual(['text']);
    expect(proseText(out)).not.toContain('--8<--');
  });

  it('includes files inside fences and keeps the marker indentation (snippet inside a tab)', async () => {
    const md = '=== "Defaults"\n\n    ```properties\n    --8<-- "inc/code.properties"\n    ```\n';
    const out = await html(md, { snippets: FILES });
    expect(textOf(select(out, 'code')[0]!)).toBe('a=1\nb=2\nc=3\nd=4\n');
  });

  it('selects line ranges and named sections', async () => {
    const out = await html('```\n--8<-- "inc/code.properties:2:3"\n--8<-- "inc/code.properties:4"\n```\n\n--8<-- "inc/sections.md:usage"\n', {
      snippets: FILES,
    });
    expect(textOf(select(out, 'code')[0]!)).toBe('b=2\nc=3\nd=4\n');
    expect(proseText(out)).toContain('Usage line.');
    expect(proseText(out)).not.toMatch(/intro|outro|start:usage/);
    expect(parseEntry('a.md#usage').path).toBe('a.md');
  });

  it('expands the block form and nested snippets, skipping "; " entries', async () => {
    const md = '--8<--\ninc/nested.md\n; inc/missing.md\n--8<--\n';
    const r = await render(md, { snippets: FILES });
    expect(proseText(r.html)).toContain('Outer.');
    expect(select(r.html, 'strong')).toHaveLength(1);
    expect(r.diagnostics).toEqual([]);
  });

  it('prints an escaped marker without its ;', async () => {
    expect(proseText(await html(';--8<-- "inc/part.md"\n', { snippets: FILES }))).toContain('--8<-- "inc/part.md"');
  });

  it('reports a missing file with a visible note at its line', async () => {
    const r = await render('# T\n\nText\n\n- item\n\n    --8<-- "nope.md"\n', { snippets: FILES });
    expect(r.diagnostics).toMatchObject([{ rule: 'docs-snippet-missing', severity: 'warning', line: 7, column: 5 }]);
    expect(r.diagnostics[0]?.message).toContain('nope.md');
    expect(textOf(select(r.html, 'div', 'snippet-missing')[0]!)).toContain('nope.md');
  });

  it('stops at self-inclusion instead of looping', async () => {
    const r = await render('--8<-- "inc/loop.md"\n', { snippets: FILES });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]?.message).toContain('includes itself');
  });

  it('splits `path:ranges` exactly where the regex it replaced did, in linear time', () => {
    const LINE_RANGES = /^(.+?)((?::-?\d*){1,2}(?:,-?\d*(?::-?\d*)?)*)$/;
    const entry = fc.array(fc.constantFrom(':', ',', '-', '1', '2', 'a', '.', '\u2028'), { minLength: 1, maxLength: 14 }).map((p) => p.join(''));
    fc.assert(
      fc.property(entry, (e) => {
        const m = LINE_RANGES.exec(e);
        expect(splitRanges(e)).toEqual(m ? [m[1], m[2]] : undefined);
      }),
      { numRuns: 3000 },
    );
    expect(splitRanges(`a${':1,1'.repeat(100_000)}x`)).toBeUndefined();
    expect(splitRanges(`a.md${':1,1'.repeat(100_000)}`)?.[0]).toBe('a.md');
    expect(splitRanges(`a.md${':1:1:1'.repeat(100_000)}`)).toEqual([`a.md${':1:1:1'.repeat(99_999)}:1`, ':1:1']);
  });

  it('finds section markers as before, and reads a line of 400,000 dashes in linear time', async () => {
    const files = { 'inc/s.md': `${'-'.repeat(400_000)}\nx -8<- [start:a] y\nIn a.\n--8<-- [end: a ]\nout\n` };
    const out = await html('--8<-- "inc/s.md:a"\n', { snippets: files });
    expect(proseText(out)).toBe('In a.');
  });

  it('stops snippets that include each other exponentially, with one diagnostic', () => {
    const files: Record<string, string> = { 'big.md': 'line of text\n'.repeat(5_000) };
    for (let level = 0; level < 6; level++) files[`l${level}.md`] = `--8<-- "${level === 5 ? 'big' : `l${level + 1}`}.md"\n`.repeat(10);
    const state = { ctx: testContext({ snippets: files }), diagnostics: [] } as unknown as RenderState;
    const lines = expandSnippets(splitLines('--8<-- "l0.md"\n\nAfter.\n'), state);
    expect(state.diagnostics).toHaveLength(1);
    expect(state.diagnostics[0]).toMatchObject({ rule: 'docs-snippet-missing', line: 1 });
    expect(state.diagnostics[0]!.message).toContain('MiB');
    expect(lines.reduce((n, l) => n + l.text.length + 1, 0)).toBeLessThan(MAX_SNIPPET_CHARS + 100_000);
    expect(lines[lines.length - 2]?.text).toBe('After.');
  });

  it('counts a range list that repeats a file against the same budget', async () => {
    const files = { 'big.md': 'line of text\n'.repeat(50_000) };
    const r = await render(`--8<-- "big.md:${'1:50000,'.repeat(1_000)}1:1"\n`, { snippets: files });
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['docs-snippet-missing']);
  }, 60_000);
});
