/**
 * `npm run bench` on a small org: the three crawls are measured through the
 * real crawler and the fake, the org is reused on the next run, and the report
 * marks targets only for the 1,000-repo org they are stated for.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBenchReport } from './bench-report.ts';
import { runBench, type BenchResult } from './run-bench.ts';

let root: string;
let result: BenchResult;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'frontdoor-bench-'));
  result = await runBench({ repos: 30, seed: 4, build: false, root });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('runBench', () => {
  it('measures a cold crawl, a nightly one with nothing changed and one with 5 % changed', () => {
    expect(result.crawls.map((c) => c.name)).toEqual(['cold', 'unchanged', 'changed']);
    const [cold, unchanged, changed] = result.crawls;
    expect(cold).toMatchObject({ reposListed: 30, reposRead: 30, reposReused: 0, invalidRequests: [], target: null, metTarget: null });
    expect(unchanged).toMatchObject({ reposRead: 0, reposReused: 30, byOperation: { OrgRepoPage: 1, OrgTeamsPage: 1 } });
    expect(changed!.reposRead).toBe(result.touched.selected);
    expect(changed!.reposRead).toBeGreaterThan(0);
    for (const c of result.crawls) {
      expect(c.requests).toBe(Object.values(c.byOperation).reduce((a, b) => a + b, 0));
      expect(c.maxCost).toBeGreaterThanOrEqual(1);
      expect(c.maxNodeCount).toBeGreaterThan(0);
    }
    expect(result.problems).toEqual([]);
    expect(result.catalog.entities).toBeGreaterThan(30);
    expect(result.ok).toBe(true);
  });

  it('writes the numbers as JSON and reuses the generated org on the next run', async () => {
    expect(JSON.parse(await readFile(join(root, '.cache', 'bench', 'results-30.json'), 'utf8'))).toMatchObject({ repos: 30, seed: 4, ok: true });
    expect(result.org.reused).toBe(false);
    const again = await runBench({ repos: 30, seed: 4, build: false, root });
    expect(again.org.reused).toBe(true);
    // The 5 % edit was made on a copy: the kept org still gives the same cold crawl.
    expect(again.crawls[0]!.reposRead).toBe(30);
    expect(again.touched).toEqual(result.touched);
  });
});

describe('formatBenchReport', () => {
  it('prints no targets for an org of another size', () => {
    expect(formatBenchReport(result)).not.toMatch(/≤ \d+ [✓✗]/);
    expect(formatBenchReport(result)).toContain('not scaled to 30');
  });

  it('marks each target for 1,000 repos', () => {
    const at1000: BenchResult = {
      ...result,
      repos: 1000,
      crawls: result.crawls.map((c, i) => ({ ...c, requests: [61, 15, 20][i]!, target: [60, 15, 25][i]!, metTarget: i !== 0 })),
      ok: false,
    };
    const report = formatBenchReport(at1000);
    expect(report).toMatch(/cold .* 61 +≤ 60 ✗/);
    expect(report).toMatch(/nothing changed .* 15 +≤ 15 ✓/);
    expect(report).toMatch(/5 % changed .* 20 +≤ 25 ✓/);
    expect(report).toContain('✗ A target or budget was missed');
  });
});
