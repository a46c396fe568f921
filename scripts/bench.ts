#!/usr/bin/env node
// npm run bench -- [--repos N] [--seed S] [--build] | --search-demo: thin entry; the work is in bench/run-bench.ts and bench/search-bench.ts.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../src/cli/args.ts';
import { runCommand } from '../src/cli/run-command.ts';
import { formatBenchReport, formatSearchRuns } from '../bench/bench-report.ts';
import { runBench, searchMet } from '../bench/run-bench.ts';
import { benchDemoSearch } from '../bench/search-bench.ts';
import { projectRoot } from '../src/pipeline/project-root.ts';

const usage = `Usage: npm run bench -- [--repos 1000] [--seed 1] [--build]
       npm run bench -- --search-demo

Crawls a synthetic org of N repos through the fake GitHub (cold, nightly with nothing changed,
nightly with 5 % changed), then validates and resolves its catalog and renders its docs, then renders
pathological Markdown pages (bench/markdown-stress.ts); --build also runs the full build and measures
the built site: page budgets, and search quality and speed in Chromium on that org and on the demo org.
--search-demo only builds the demo org and measures its search (bench/search-bench.ts).
Prints a table and writes .cache/bench/results-<N>.json (results-search-demo.json). Exits 1 when N = 1000
and a request target is missed, when a Markdown stress page renders wrong, over its budget or grows faster
than linear, or when a search target is missed.`;

await runCommand(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        repos: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        build: { type: 'boolean', default: false },
        'search-demo': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const onProgress = (line: string) => process.stderr.write(`${line}\n`);
  if (values['search-demo']) {
    const benchDir = join(projectRoot, '.cache', 'bench');
    await mkdir(benchDir, { recursive: true });
    const demo = await benchDemoSearch(projectRoot, benchDir, onProgress);
    const resultsFile = join(benchDir, 'results-search-demo.json');
    await writeFile(resultsFile, `${JSON.stringify(demo, null, 2)}\n`);
    process.stdout.write(`\n${formatSearchRuns([demo])}\n\nResults: ${resultsFile}\n`);
    return searchMet({ demo }) ? 0 : 1;
  }
  const repos = Number(values.repos);
  const seed = Number(values.seed);
  if (!Number.isInteger(repos) || repos < 10) throw new UsageError(`--repos must be a whole number of at least 10, not "${values.repos}".`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, not "${values.seed}".`);
  const result = await runBench({ repos, seed, build: values.build, markdownStress: true, onProgress });
  process.stdout.write(`\n${formatBenchReport(result)}\n`);
  return result.ok ? 0 : 1;
});
