/**
 * The bench result as a table a person reads: one row per crawl with its
 * request target (✓/✗) when the org has the 1,000 repos the targets are for,
 * the requests by operation, the catalog phases, the Markdown stress pages,
 * the build, and search quality and speed (search-report.ts).
 */
import { formatMs } from '../src/progress/phase-log.ts';
import type { MarkdownStressResult } from './markdown-stress.ts';
import type { SearchBenchRun } from './search-bench.ts';
import { formatSearchSection } from './search-report.ts';
import { uiBudgets } from './ui-budgets.ts';
import { TARGET_REPOS, type BenchResult, type CrawlMeasurement } from './run-bench.ts';

const crawlLabels: Record<CrawlMeasurement['name'], string> = {
  cold: 'cold (no previous snapshot)',
  unchanged: 'nightly, nothing changed',
  changed: 'nightly, 5 % changed',
};

export function formatBenchReport(result: BenchResult): string {
  const { summary } = result.org;
  const lines: string[] = [];
  lines.push(
    `Synthetic org: ${summary.repos} repos (${summary.reposWithCatalog} with a catalog file, ${summary.archived} archived, ${summary.forks} forks), ${summary.teams} teams, ${summary.users} users, seed ${result.seed}` +
      ` — ${result.org.reused ? 'reused' : `generated in ${formatMs(result.org.generateMs)}`}`,
  );
  lines.push('');
  lines.push(
    table(
      ['crawl', 'requests', 'target', 'points', 'retries', 'wall', 'listed', 'read', 'reused', 'max nodes', 'max cost', 'valid'],
      result.crawls.map((c) => [
        crawlLabels[c.name],
        String(c.requests),
        c.target === null ? '' : `≤ ${c.target} ${c.metTarget ? '✓' : '✗'}`,
        String(c.points),
        String(c.retries),
        formatMs(c.wallMs),
        String(c.reposListed),
        String(c.reposRead),
        String(c.reposReused),
        String(c.maxNodeCount),
        String(c.maxCost),
        c.invalidRequests.length === 0 ? '✓' : `✗ ${c.invalidRequests.length}`,
      ]),
    ),
  );
  if (result.repos !== TARGET_REPOS)
    lines.push(`(The request targets are stated for ${TARGET_REPOS.toLocaleString('en')} repos and 150 teams; they are not scaled to ${result.repos}.)`);
  lines.push(`5 % changed: ${result.touched.repos} repos edited. Every repo is crawled (public, internal, private, archived, forks).`);
  for (const problem of result.problems) lines.push(`✗ ${problem}`);
  lines.push('');
  const operations = [...new Set(result.crawls.flatMap((c) => Object.keys(c.byOperation)))].sort();
  lines.push(
    table(
      ['requests by operation', ...result.crawls.map((c) => c.name)],
      operations.map((op) => [op, ...result.crawls.map((c) => String(c.byOperation[op] ?? 0))]),
    ),
  );
  for (const c of result.crawls) {
    if (c.sizeChanges.length > 0) lines.push(`${c.name}: sizes adapted ${c.sizeChanges.map((s) => `${s.what} ${s.from}→${s.to}`).join(', ')}`);
    if (c.failedRequests > 0) lines.push(`${c.name}: ${c.failedRequests} requests answered with an error`);
    for (const bad of c.invalidRequests.slice(0, 3)) lines.push(`${c.name}: request ${bad.n} (${bad.operation}) invalid: ${bad.errors[0]}`);
  }
  lines.push(
    `Docs page dates (read / kept / unknown): ${result.crawls.map((c) => `${c.name} ${c.fileDates.read} / ${c.fileDates.reused} / ${c.fileDates.missing}`).join(', ')}`,
  );
  const last = result.crawls.at(-1);
  if (last?.pointsLeft !== undefined) lines.push(`Rate limit: ${last.pointsLeft} points left this hour after the three crawls.`);
  lines.push('');
  const { catalog } = result;
  const kinds = Object.entries(catalog.byKind)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const diagnostics = Object.entries(catalog.diagnostics)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  lines.push(
    `Catalog (cold snapshot): validate ${formatMs(catalog.validateMs)}, resolve ${formatMs(catalog.resolveMs)}; ${catalog.entities} entities (${kinds}), ${catalog.relations} relations; diagnostics: ${diagnostics || 'none'}`,
  );
  const { docs } = result;
  const docsProblems = Object.entries(docs.diagnostics)
    .map(([rule, n]) => `${n} ${rule}`)
    .join(', ');
  lines.push(
    `Docs (TechDocs, no Astro): ${docs.pages} pages in ${docs.sites} sites; cold ${formatMs(docs.cold.ms)} = ${Math.round(docs.cold.pagesPerSecond)} pages/s; cached ${formatMs(docs.cached.ms)} = ${Math.round(docs.cached.pagesPerSecond)} pages/s (${docs.cached.fromCache} from cache); diagnostics: ${docsProblems || 'none'}`,
  );
  if (result.markdown) {
    lines.push('');
    lines.push(formatMarkdownStress(result.markdown));
  }
  if (result.build) {
    const b = result.build;
    lines.push(
      b.exitCode === 0
        ? `Build (local source): ${formatMs(b.ms)}, ${b.pages} pages, ${b.files} files, ${(b.distBytes / 1024 / 1024).toFixed(1)} MiB in ${b.outDir}`
        : `Build (local source) FAILED with exit code ${b.exitCode} after ${formatMs(b.ms)}:\n${b.output}`,
    );
  }
  if (result.ui) {
    const { pages, explorer, met } = result.ui;
    const mark = (ok: boolean) => (ok ? '✓' : '✗');
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    lines.push('');
    lines.push(
      table(
        ['budget', 'measured', 'target', ''],
        [
          ['entity page HTML, gzip (largest)', `${kb(pages.htmlGzip.max)}`, `≤ ${kb(uiBudgets.entityHtmlGzip)}`, mark(met.entityHtml)],
          ['entity page HTML, gzip (median / p95)', `${kb(pages.htmlGzip.median)} / ${kb(pages.htmlGzip.p95)}`, '', ''],
          ['JavaScript on an entity page, gzip', `${kb(pages.jsGzip.max)}`, `≤ ${kb(uiBudgets.entityJsGzip)}`, mark(met.entityJs)],
          [
            `explorer: keystroke → first filtered result (${explorer.entities} entities)`,
            `${explorer.firstFilterMs} ms`,
            `< ${uiBudgets.explorerMs} ms${explorer.entities < 10_000 ? ' at 10,000' : ''}`,
            explorer.entities < 10_000 ? '' : mark(met.explorer),
          ],
          ['explorer: navigation → interactive / → first result', `${explorer.readyMs} / ${explorer.totalMs} ms`, '', ''],
          ['explorer: catalog.json, gzip', kb(explorer.catalogJsonGzip), '', ''],
        ],
      ),
    );
    lines.push(
      `Largest entity page: ${pages.htmlGzip.largest}. ${explorer.entities < 10_000 ? 'The explorer budget is stated for 10,000 entities: run with --repos 5800 --build to measure it there.' : ''}`.trim(),
    );
  }
  if (result.search) {
    lines.push('');
    lines.push(formatSearchRuns([result.search.synthetic, result.search.demo]));
  }
  lines.push('');
  lines.push(`Results: ${result.resultsFile}`);
  if (!result.ok)
    lines.push(
      '✗ A target or budget was missed, a request was invalid, a crawl gave a wrong snapshot, a Markdown stress page rendered wrong, the build failed, or search was not measured (see the marks above).',
    );
  return lines.join('\n');
}

/** The Search table (search-report.ts) in this report's table style; also printed alone by `npm run bench -- --search-demo`. */
export function formatSearchRuns(runs: readonly (SearchBenchRun | undefined)[]): string {
  return formatSearchSection(runs, table);
}

/** One row per pathological page: its N, the render (or pass) time against the budget of a case, how it grew from N/4; then what was wrong. */
export function formatMarkdownStress(stress: MarkdownStressResult): string {
  const lines = [
    table(
      ['Markdown stress (pathological pages)', 'N', 'time', 'budget', '×, N/4 → N', ''],
      stress.cases.map((c) => [c.name, c.n.toLocaleString('en'), formatMs(c.ms), `≤ ${formatMs(stress.budgetMs)}`, c.growth.toFixed(1), c.ok ? '✓' : '✗']),
    ),
  ];
  for (const c of stress.cases) for (const problem of c.problems) lines.push(`✗ ${c.name} (N = ${c.n.toLocaleString('en')}): ${problem}`);
  return lines.join('\n');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
