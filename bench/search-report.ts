/**
 * The Search section of the bench report: one column per org measured (the
 * synthetic org, the demo), one row per measure with its target and ✓/✗,
 * then the queries whose page did not come first.
 */
import { formatMs } from '../src/progress/phase-log.ts';
import type { SearchBenchRun } from './search-bench.ts';
import { kb, searchTargets, type SearchQualityResult } from './search-quality.ts';
import { isExactQuery, type RankedQuery } from './search-queries.ts';

const mark = (ok: boolean) => (ok ? '✓' : '✗');
const MISSES_SHOWN = 8;

export function formatSearchSection(runs: readonly (SearchBenchRun | undefined)[], table: (header: string[], rows: string[][]) => string): string {
  const measured = runs.filter((r): r is SearchBenchRun => r !== undefined);
  if (measured.length === 0) return '';
  const cell = (f: (r: SearchQualityResult) => string) => measured.map((run) => (run.result ? f(run.result) : '—'));
  const rows: string[][] = [
    ['pages indexed', ...cell((r) => r.index.pages.toLocaleString('en')), ''],
    ['index size (dist/pagefind)', ...cell((r) => `${(r.index.bytes / 1024 / 1024).toFixed(2)} MiB, ${r.index.files} files`), ''],
    [
      'indexing time (build phase) / per 1,000 pages',
      ...cell((r) => (r.index.indexingMs === null ? 'not printed' : `${formatMs(r.index.indexingMs)} / ${formatMs(r.index.msPer1000Pages ?? 0)}`)),
      '',
    ],
    ['mean reciprocal rank (queries)', ...cell((r) => `${r.quality.mrr.toFixed(3)} (${r.quality.queries}) ${mark(r.met.mrr)}`), `≥ ${searchTargets.mrr}`],
    ['exact name / ref first', ...cell((r) => `${r.quality.exact.first}/${r.quality.exact.queries} ${mark(r.met.exactFirst)}`), 'always'],
    [
      'first query: bytes (gzip), library included',
      ...cell((r) => `${kb(r.network.first.bytes)} ${mark(r.met.firstQuery)}`),
      `≤ ${kb(searchTargets.firstQueryBytes)}`,
    ],
    [
      'later queries: bytes, max (median)',
      ...cell((r) => `${kb(r.network.laterMax)} (${kb(r.network.laterMedian)}) ${mark(r.met.laterQueries)}`),
      `≤ ${kb(searchTargets.laterQueryBytes)}`,
    ],
    [
      'keystroke → results rendered, p95 (median)',
      ...cell(
        (r) =>
          `${r.keystroke.p95Ms} ms (${r.keystroke.medianMs} ms)${r.keystroke.timeouts > 0 ? `, ${r.keystroke.timeouts} never shown` : ''} ${mark(r.met.keystroke)}`,
      ),
      `≤ ${searchTargets.keystrokeMs} ms`,
    ],
    ['page before search: bytes (gzip)', ...cell((r) => kb(r.network.pageLoadBytes)), ''],
  ];
  const lines = [table(['Search (Pagefind, through the UI)', ...measured.map((r) => r.label), 'target'], rows)];
  for (const run of measured) {
    if (run.error !== undefined) {
      lines.push(`✗ ${run.label}: search not measured: ${run.error}`);
      continue;
    }
    const r = run.result;
    const first = Object.entries(r.network.first.byType)
      .sort(([, a], [, b]) => b - a)
      .map(([type, bytes]) => `${type} ${kb(bytes)}`)
      .join(', ');
    lines.push(`${run.label}: first query "${r.network.first.query}" (${r.network.first.requests} requests): ${first}.`);
    const kinds = Object.entries(r.quality.byKind)
      .map(([kind, k]) => `${kind} ${k.mrr.toFixed(2)} (${k.queries})`)
      .join(', ');
    lines.push(`${run.label}: MRR by sort of query: ${kinds}. Keystrokes timed: ${r.keystroke.samples} over ${r.keystroke.queries} queries.`);
    if (r.dropped.length > 0)
      lines.push(`${run.label}: ${r.dropped.length} queries not asked, their page is not in the site: ${r.dropped.map((q) => q.expect).join(', ')}`);
    for (const miss of r.quality.misses.slice(0, MISSES_SHOWN)) lines.push(`${run.label}: ${describeMiss(miss)}`);
    if (r.quality.misses.length > MISSES_SHOWN)
      lines.push(`${run.label}: … and ${r.quality.misses.length - MISSES_SHOWN} more not first (see the results JSON).`);
  }
  return lines.join('\n');
}

function describeMiss(miss: RankedQuery): string {
  const where = miss.rank === null ? 'not listed' : `at ${miss.rank}`;
  return `${miss.rank === null || isExactQuery(miss.kind) ? '✗' : '·'} ${miss.kind} "${miss.q}": ${miss.expect} ${where}; first: ${miss.top.join(', ') || 'no results'}`;
}
