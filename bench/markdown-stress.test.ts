/**
 * The Markdown stress cases at a tiny N: their checks pass on what the
 * renderer gives, and a wrong page, a page that ran out of its render budget
 * or a case over its time budget fail with a message naming the case.
 */
import { describe, expect, it } from 'vitest';
import { formatMarkdownStress } from './bench-report.ts';
import { CASE_BUDGET_MS, markdownCase, markdownStressCases, runMarkdownStress, type StressCase } from './markdown-stress.ts';
import { select } from '../test/support/render-markdown.ts';

/** A tight list whose check expects one item more than the page has. */
const miscounted = markdownCase({
  name: 'a list counted wrong',
  size: 20_000,
  markdown: (n) => '- x\n'.repeat(n),
  check: ({ html }, n) => (select(html, 'li').length === n + 1 ? [] : [`${select(html, 'li').length} items, expected ${n + 1}`]),
});

describe('runMarkdownStress', () => {
  it('runs every case at the N given, and each finds its page right', async () => {
    const result = await runMarkdownStress({ n: 12, judgeTime: false });
    expect(result.cases.map((c) => c.name)).toEqual(markdownStressCases.map((c) => c.name));
    expect(new Set(result.cases.map((c) => c.name)).size).toBe(result.cases.length);
    for (const c of result.cases) expect(c, c.name).toMatchObject({ n: 12, ok: true, problems: [] });
    expect(result).toMatchObject({ ok: true, budgetMs: CASE_BUDGET_MS });
    expect(formatMarkdownStress(result)).not.toContain('✗');
  });

  it('fails a case whose page renders wrong, and says what it counted', async () => {
    const result = await runMarkdownStress({ n: 5, cases: [miscounted], judgeTime: false });
    expect(result.ok).toBe(false);
    expect(result.cases[0]).toMatchObject({ name: 'a list counted wrong', n: 5, ok: false, problems: ['5 items, expected 6'] });
    expect(formatMarkdownStress(result)).toContain('✗ a list counted wrong (N = 5): 5 items, expected 6');
  });

  it('fails a page that ran out of its render budget once, not once per check', async () => {
    const hurried = markdownCase({ name: 'a list in 1 ms', size: 5_000, markdown: (n) => '- x\n'.repeat(n), check: () => ['checked'], maxRenderMs: 1 });
    const [c] = (await runMarkdownStress({ n: 5_000, cases: [hurried], judgeTime: false })).cases;
    expect(c!.problems).toHaveLength(1);
    expect(c!.problems[0]).toMatch(/^docs-render-timeout \(page render budget 1 ms\)/);
  });

  it('fails a case over its time budget', async () => {
    const result = await runMarkdownStress({ n: 5, budgetMs: 0, cases: [markdownStressCases[0]!] });
    expect(result.ok).toBe(false);
    expect(result.cases[0]!.problems).toEqual([expect.stringMatching(/^took \d+ ms, over the 0 ms budget of a case/)]);
  });

  it('fails a case whose time grows quadratically from N/4 to N, and passes one that grows linearly', async () => {
    // Cases that report a time computed from N: the check judges growth, whatever the machine.
    const timed = (name: string, ms: (n: number) => number): StressCase => ({
      name,
      size: 2_000,
      measure: (n) => Promise.resolve({ ms: ms(n), problems: [] }),
    });
    const result = await runMarkdownStress({ cases: [timed('linear', (n) => n / 2), timed('quadratic', (n) => (n * n) / 1_000)] });
    expect(result.cases.map((c) => [c.name, c.growth, c.ok])).toEqual([
      ['linear', 4, true],
      ['quadratic', 16, false],
    ]);
    expect(result.cases[1]!.problems).toEqual([expect.stringMatching(/^took 16\.0 times as long at N as at N\/4 \(250 ms → 4000 ms\)/)]);
  });
});
