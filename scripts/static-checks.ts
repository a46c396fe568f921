#!/usr/bin/env node
// npm test's static checks, run side by side: ESLint (with type information), Prettier's check and
// astro check (which type-checks the .ts and .astro files). Each is mostly one thread, so on two
// cores running them together takes the time of the slowest instead of the sum. Each tool's output
// is printed whole when it ends, so the three never interleave; the exit code is non-zero if any failed.
import { spawn } from 'node:child_process';

const CHECKS: [name: string, command: string][] = [
  ['lint', 'npm run --silent lint'],
  // `npm run typecheck` without its own sync: the one below has run, and two syncs at once would
  // rewrite the generated types while ESLint reads them.
  ['typecheck', 'FRONTDOOR_PORTAL_DATA=test/fixtures/sample-portal-data.json astro check --noSync --minimumSeverity warning'],
];

function run([name, command]: [string, string]): Promise<{ name: string; code: number; output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ name, code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }));
  });
}

// ESLint resolves `astro:content` through the types Astro generates into .astro/: on a fresh clone
// they exist only after a sync, which astro check would otherwise run at the same time as ESLint.
const synced = await run(['astro sync', 'npm run --silent sync']);
if (synced.code !== 0) {
  process.stderr.write(`${synced.output}\nastro sync failed.\n`);
  process.exit(1);
}

const results = await Promise.all(
  CHECKS.map(async (check) => {
    const result = await run(check);
    process.stdout.write(`${result.output}${result.code === 0 ? '✓' : '✗'} ${result.name} (${result.seconds.toFixed(1)} s)\n`);
    return result;
  }),
);
const failed = results.filter((r) => r.code !== 0);
if (failed.length > 0) {
  process.stderr.write(`\nStatic checks failed: ${failed.map((f) => f.name).join(', ')}.\n`);
  process.exit(1);
}
