import { describe, expect, it } from 'vitest';
import { MAX_BLOCK_DEPTH } from './block-markers.ts';
import { childTags, html, proseText, render, select, textOf } from '../../../test/support/render-markdown.ts';

describe('admonitions (!!!)', () => {
  it('renders type, custom title and Markdown body', async () => {
    const out = await html('!!! note "Custom *title*"\n    Body with **bold**.\n');
    const [div] = select(out, 'div', 'admonition', 'note');
    expect(childTags(div!)).toEqual(['p.admonition-title', 'p']);
    expect(textOf(select(div!, 'p', 'admonition-title')[0]!)).toBe('Custom title');
    expect(select(div!, 'em')).toHaveLength(1);
    expect(select(div!, 'strong')).toHaveLength(1);
  });

  it('capitalises the type as default title, drops the title for "" and keeps extra classes', async () => {
    const out = await html('!!! warning\n    A.\n\n!!! tip ""\n    B.\n\n!!! tip inline end "Side"\n    C.\n');
    expect(textOf(select(out, 'div', 'warning')[0]!)).toContain('Warning');
    expect(childTags(select(out, 'div', 'admonition', 'tip')[0]!)).toEqual(['p']);
    expect(select(out, 'div', 'admonition', 'tip', 'inline', 'end')).toHaveLength(1);
  });

  it('nests admonitions and keeps 4-space content of any kind', async () => {
    const out = await html('!!! note "Outer"\n    Text\n\n    !!! danger "Inner"\n        - a\n        - b\n\n    After inner.\n');
    const [outer] = select(out, 'div', 'note');
    expect(childTags(outer!)).toEqual(['p.admonition-title', 'p', 'div.admonition.danger', 'p']);
    expect(select(select(out, 'div', 'danger')[0]!, 'li')).toHaveLength(2);
  });

  it('ends at the first unindented line (an empty admonition, then a paragraph)', async () => {
    const out = await html('!!! note\nNot inside.\n');
    expect(childTags(select(out, 'div', 'note')[0]!)).toEqual(['p.admonition-title']);
    expect(proseText(out)).toContain('Not inside.');
  });

  it('works inside list items', async () => {
    const out = await html('1. Step one\n\n    !!! tip\n        Do it.\n\n2. Step two\n');
    const [first] = select(out, 'li');
    expect(select(first!, 'div', 'admonition', 'tip')).toHaveLength(1);
    expect(select(out, 'li')).toHaveLength(2);
  });

  it("opens right after a list marker, as the item's content (bcgov guardrails.md)", async () => {
    const out = await html('* Rule\n    *   !!! warning "JIT"\n            Body.\n        Continuation.\n');
    const [inner] = select(select(out, 'ul')[1]!, 'li');
    expect(childTags(inner!)).toEqual(['div.admonition.warning', 'p']);
    expect(childTags(select(inner!, 'div', 'admonition')[0]!)).toEqual(['p.admonition-title', 'p']);
  });

  it('ignores block syntax inside fences opened after a list marker', async () => {
    const out = await html('- ```\n  !!! note\n  ```\n\n!!! tip\n    Real.\n');
    expect(select(out, 'div', 'admonition').length).toBe(1);
    expect(select(out, 'div', 'tip')).toHaveLength(1);
  });

  it('does not touch fenced code or 4-space indented code', async () => {
    const out = await html('```\n!!! note\n    body\n```\n\nText\n\n    !!! note\n        code\n');
    expect(select(out, 'div', 'admonition')).toHaveLength(0);
    expect(select(out, 'code').map(textOf).join('')).toContain('!!! note');
  });

  it('reports positions inside bodies at the right source line and column', async () => {
    const r = await render('# T\n\n!!! note\n    See [x](gone.md).\n', { missing: ['gone.md'] });
    expect(r.diagnostics).toMatchObject([{ rule: 'docs-link-broken', line: 4, column: 9 }]);
  });
});

describe('collapsible blocks (??? / ???+)', () => {
  it('renders <details> with a summary, open for ???+', async () => {
    const out = await html('??? info "Collapsed"\n    Hidden body.\n\n???+ example "Open"\n    Shown.\n\n??? note\n    Default title.\n');
    const details = select(out, 'details');
    expect(details.map((d) => [d.properties['className'], d.properties['open'] ?? false])).toEqual([
      [['info'], false],
      [['example'], true],
      [['note'], false],
    ]);
    expect(childTags(details[0]!)).toEqual(['summary', 'p']);
    expect(select(out, 'summary').map(textOf)).toEqual(['Collapsed', 'Open', 'Note']);
  });

  it('holds tabs and code (SDA-SE starter-web.md)', async () => {
    const md = '??? "Defaults"\n    === "web"\n\n        ```properties\n        a=1\n        ```\n\n    === "tracing"\n\n        Text.\n';
    const out = await html(md);
    const [details] = select(out, 'details');
    expect(childTags(details!)).toEqual(['summary', 'div.tabbed-set.tabbed-alternate']);
    expect(select(details!, 'div', 'tabbed-block')).toHaveLength(2);
    expect(proseText(out)).not.toMatch(/===|\?\?\?/);
  });

  // These two at 10,000 and 20,000, timed: bench/markdown-stress.ts.
  it('builds one admonition per marker when many follow one another', async () => {
    const out = await html('!!! note\n    Body.\n\n'.repeat(200));
    expect(select(out, 'div', 'admonition', 'note')).toHaveLength(200);
  });

  it('reads a run of indented `!!!` lines as one code block', async () => {
    const out = await html('    !!! note\n'.repeat(200));
    expect(select(out, 'div', 'admonition')).toHaveLength(0);
    expect(
      textOf(select(out, 'code')[0]!)
        .split('\n')
        .filter((l) => l === '!!! note'),
    ).toHaveLength(200);
  });

  it(`nests blocks ${MAX_BLOCK_DEPTH} deep; deeper markers stay text (each level re-reads its body)`, async () => {
    const depth = MAX_BLOCK_DEPTH + 3;
    const md = Array.from({ length: depth }, (_, d) => `${' '.repeat(4 * d)}!!! note "L${d}"`).join('\n') + `\n${' '.repeat(4 * depth)}core\n`;
    const out = await html(md);
    expect(select(out, 'div', 'admonition')).toHaveLength(MAX_BLOCK_DEPTH);
    expect(proseText(out)).toContain('core');
  });
});
