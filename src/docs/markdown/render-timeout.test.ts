import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown.ts';
import { testContext } from '../../../test/support/render-markdown.ts';
import type { RenderContext } from './types.ts';

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

const REFERENCE = [
  '# Guide',
  '',
  '!!! note "Setup"',
  '    Run `#!python print(1)` and see [the API](api.md#auth).',
  '',
  '```python title="app.py" hl_lines="2"',
  'def main():',
  '    """A docstring',
  '    over lines"""',
  '    return 1',
  '```',
  '',
  '| a | b |',
  '|---|---|',
  '| ==mark== | ++ctrl+c++ |',
  '',
].join('\n');

const withBudget = (maxRenderMs: number, extra: Partial<RenderContext> = {}): RenderContext => ({ ...testContext(), maxRenderMs, ...extra });

describe('the per-page time budget (limits.maxPageRenderMs)', () => {
  it('publishes a page that takes too long as escaped plain text, with a diagnostic naming the limit and the setting', async () => {
    const page = '# <Title>\n\n' + '## Section & more\n\ntext\n\n'.repeat(20_000);
    const r = await renderMarkdown(page, withBudget(1));
    expect(r.html.startsWith('<pre class="render-failed"># &lt;Title&gt;\n\n## Section &amp; more')).toBe(true);
    expect(r.headings).toEqual([]);
    expect(r.links).toEqual([]);
    const timeout = r.diagnostics.filter((d) => d.rule === 'docs-render-timeout');
    expect(timeout).toHaveLength(1);
    expect(timeout[0]).toMatchObject({ severity: 'warning', line: 0, column: 0 });
    expect(timeout[0]!.message).toContain('1 ms');
    expect(timeout[0]!.message).toContain('limits.maxPageRenderMs');
  }, 60_000);

  it('stops work that never returns, wherever it is (here a link resolver and a snippet reader)', async () => {
    const slowLink = withBudget(50, { resolve: () => (spin(60_000), undefined) });
    const r = await renderMarkdown('# T\n\n[x](other.md)\n', slowLink);
    expect(r.html).toBe('<pre class="render-failed"># T\n\n[x](other.md)\n</pre>');
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['docs-render-timeout']);

    const slowSnippet = withBudget(50, { readSnippet: () => (spin(60_000), { text: 'x' }) });
    expect((await renderMarkdown('--8<-- "a.md"\n', slowSnippet)).diagnostics.map((d) => d.rule)).toEqual(['docs-render-timeout']);
  }, 60_000);

  it('leaves nothing broken for the next page, wherever a timeout struck', async () => {
    const before = await renderMarkdown(REFERENCE, testContext());
    expect(before.html).toContain('class="k"');
    // Mostly code, so that some budgets run out while it is highlighted, others while it is parsed or rendered.
    const code = ['```python', ...Array.from({ length: 3_000 }, (_, i) => `x_${i} = """${i}""" + f(${i})  # ${i}`), '```'].join('\n');
    const heavy = [code, '# h\n\n'.repeat(500), code].join('\n\n');
    for (const ms of [1, 3, 10, 30, 60, 100, 200, 400, 800]) {
      const r = await renderMarkdown(heavy, withBudget(ms));
      if (r.diagnostics.some((d) => d.rule === 'docs-render-timeout')) expect(r.html.startsWith('<pre class="render-failed">')).toBe(true);
      const next = await renderMarkdown(REFERENCE, testContext());
      expect(next).toEqual(before);
    }
  }, 120_000);

  it('changes nothing for a page within the default budget', async () => {
    const byDefault = await renderMarkdown(REFERENCE, testContext());
    const explicit = await renderMarkdown(REFERENCE, withBudget(10_000));
    expect(explicit).toEqual(byDefault);
    expect(byDefault.diagnostics.filter((d) => d.rule.startsWith('docs-render'))).toEqual([]);
    expect(byDefault.headings.map((h) => h.id)).toEqual(['guide']);
  });
});
