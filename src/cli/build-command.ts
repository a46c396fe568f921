/**
 * `npm run build -- [--source …] [--base /<repo>/] [--config …] [--out dist]`
 *
 * Parses the flags, runs the build (src/pipeline/build.ts: every phase, printed with counts and
 * timings), and prints the summary. Catalog errors do not fail the build (exit 0): they are
 * printed and published on the diagnostics page, and the rest of the org is built.
 */
import { relative } from 'node:path';
import { loadConfig } from '../config/load-config.ts';
import { countBySeverity } from '../diagnostics/diagnostic.ts';
import { buildPortal, type BuildResult } from '../pipeline/build.ts';
import { createPhaseLog, formatMs } from '../progress/phase-log.ts';
import { parseCommonFlags } from './args.ts';
import { displayPathFor } from './report/display-path.ts';
import { formatPretty } from './report/pretty.ts';

export const buildUsage = `Usage: npm run build -- [--source local:<dir>|github:<org>] [--base /<repo>/] [--config portal.config.yaml] [--out dist] [--guard]

Builds the portal into dist/ (search index included).
  --source    where repos come from (default: portal.config.yaml's, else the demo org in content/)
  --base      URL path the site is served under, e.g. /my-portal/ for a GitHub Pages project site
  --out       output folder (default dist)
  --guard     about to deploy: fail before rendering when the crawl is incomplete, or when the catalog lost
              more than deploy.maxEntityDrop of the entities in the last deploy's <out>/deploy-record.json`;

export async function runBuild(argv: string[]): Promise<number> {
  const flags = parseCommonFlags(argv);
  if (flags.help) {
    process.stdout.write(`${buildUsage}\n`);
    return 0;
  }
  const started = performance.now();
  const { config } = await loadConfig(flags.config, { source: flags.source, base: flags.base });
  const log = createPhaseLog(flags.quiet);
  const built = await buildPortal({
    config,
    outDir: flags.out,
    guard: flags.guard,
    log,
    formatProblems: (problems, snapshot, limit) => formatPretty(problems, displayPathFor(snapshot), { stream: process.stderr, limit }),
  });
  log.info(buildSummary(built, performance.now() - started));
  return 0;
}

/** The closing lines: what was built, where, how long it took, and the problems found. */
export function buildSummary(built: BuildResult, ms: number): string {
  const counts = countBySeverity(built.diagnostics);
  return (
    `\nBuilt ${built.pages} pages (${built.entities} entities from ${built.repos} repos, ${built.searchable} searchable) into ${shownPath(built.outDir)}/ in ${formatMs(ms)}.` +
    `\n${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'} in the catalog and docs: see the portal's /diagnostics/ page or run \`npm run validate\`.` +
    `\nPreview: npm run preview`
  );
}

/** A path as people typed it: relative when inside the current directory, absolute otherwise. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
