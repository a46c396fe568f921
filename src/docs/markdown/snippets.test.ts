import { describe, expect, it } from 'vitest';
import { parseEntry } from './snippets.ts';
import { html, proseText, render, select, textOf } from './test-helpers.ts';

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
    const out = await html('```\n--8<-- "inc/code.properties:2:3"\n--8<-- "inc/code.properties:4"\n```\n\n--8<-- "inc/sections.md:usage"\n', { snippets: FILES });
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
});
