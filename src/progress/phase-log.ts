/**
 * Progress output for long commands: each phase prints what it is doing and,
 * when done, its count and time; the command prints the totals at the end.
 * Progress goes to stderr so `--format json` output on stdout stays clean.
 * Values from repo content in these lines are escaped by their callers with
 * `logText` (src/diagnostics/log-text.ts); every line written here also goes
 * through `guardLogLines`, so no line can start a GitHub Actions workflow
 * command, whatever was put together.
 */
import { styleText } from 'node:util';
import { guardLogLines } from '../diagnostics/log-text.ts';

export interface PhaseLog {
  phase<T>(name: string, run: () => Promise<T> | T, describe: (result: T) => string): Promise<T>;
  info(line: string): void;
  timings: { name: string; ms: number }[];
}

const color = (style: Parameters<typeof styleText>[0], text: string) => styleText(style, text, { stream: process.stderr });

export function createPhaseLog(quiet = false): PhaseLog {
  const timings: { name: string; ms: number }[] = [];
  const write = (line: string) => {
    if (!quiet) process.stderr.write(`${guardLogLines(line)}\n`);
  };
  return {
    timings,
    info: write,
    async phase(name, run, describe) {
      write(color('dim', `▸ ${name}…`));
      const start = performance.now();
      const result = await run();
      const ms = performance.now() - start;
      timings.push({ name, ms });
      write(`${color('green', '✓')} ${name}: ${describe(result)} ${color('dim', `(${formatMs(ms)})`)}`);
      return result;
    },
  };
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
