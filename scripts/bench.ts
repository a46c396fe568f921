#!/usr/bin/env node
// npm run bench -- [--repos N] [--seed S] [--build]: thin entry; the work is in bench/run-bench.ts.
import { parseArgs } from 'node:util';
import { UsageError } from '../src/cli/args.ts';
import { runCommand } from '../src/cli/run-command.ts';
import { formatBenchReport } from '../bench/bench-report.ts';
import { runBench } from '../bench/run-bench.ts';

const usage = `Usage: npm run bench -- [--repos 1000] [--seed 1] [--build]

Crawls a synthetic org of N repos through the fake GitHub (cold, nightly with nothing changed,
nightly with 5 % changed), then validates and resolves its catalog and renders its docs, then renders
pathological Markdown pages (bench/markdown-stress.ts); --build also runs the full build.
Prints a table and writes .cache/bench/results-<N>.json. Exits 1 when N = 1000 and a request target is
missed, or when a Markdown stress page renders wrong, over its budget or grows faster than linear.`;

await runCommand(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        repos: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        build: { type: 'boolean', default: false },
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
  const repos = Number(values.repos);
  const seed = Number(values.seed);
  if (!Number.isInteger(repos) || repos < 10) throw new UsageError(`--repos must be a whole number of at least 10, not "${values.repos}".`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, not "${values.seed}".`);
  const result = await runBench({ repos, seed, build: values.build, markdownStress: true, onProgress: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`\n${formatBenchReport(result)}\n`);
  return result.ok ? 0 : 1;
});
