/**
 * `validate --format pretty`: diagnostics grouped by file, for people; colour only on a TTY.
 * Paths, messages and rule ids come from repo content: each goes through `logText`, so one
 * diagnostic stays one line and no line can be a workflow command or a terminal escape.
 */
import { styleText } from 'node:util';
import { countBySeverity, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { guardLogLines, logText } from '../../diagnostics/log-text.ts';
import type { DisplayPath } from './display-path.ts';

export interface PrettyOptions {
  /** Colour output (default: when the stream is a TTY and NO_COLOR is unset). */
  stream?: NodeJS.WriteStream;
  /** Print at most this many diagnostics, then a count of the rest. */
  limit?: number;
}

const severityStyle = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

export function formatPretty(diagnostics: readonly Diagnostic[], display: DisplayPath, options: PrettyOptions = {}): string {
  const stream = options.stream ?? process.stdout;
  const paint = (style: Parameters<typeof styleText>[0], text: string) => styleText(style, text, { stream });
  const lines: string[] = [];
  const shown = options.limit === undefined ? diagnostics : diagnostics.slice(0, options.limit);
  let currentFile: string | undefined;
  for (const d of shown) {
    const file = logText(display(d.repo, d.path)) || '(configuration)';
    if (file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(paint('underline', file));
      currentFile = file;
    }
    const position = d.line > 0 ? `${d.line}:${d.column}` : '';
    lines.push(
      `  ${paint('dim', position.padEnd(7))} ${paint(severityStyle[d.severity], d.severity.padEnd(7))} ${logText(d.message)} ${paint('dim', logText(d.rule))}`,
    );
  }
  if (shown.length < diagnostics.length)
    lines.push(
      '',
      paint('dim', `… and ${diagnostics.length - shown.length} more (all are on the portal's diagnostics page; \`npm run validate\` lists them all).`),
    );
  return guardLogLines(lines.join('\n'));
}

export function summaryLine(diagnostics: readonly Diagnostic[], entities: number, documents: number, stream: NodeJS.WriteStream = process.stdout): string {
  const counts = countBySeverity(diagnostics);
  const files = new Set(diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.repo}/${d.path}`)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const mark = counts.error > 0 ? styleText('red', '✖', { stream }) : styleText('green', '✔', { stream });
  const problems = counts.error + counts.warning > 0 ? ` in ${plural(files, 'file')}` : '';
  return `${mark} ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}${problems} (${plural(entities, 'entity').replace('entitys', 'entities')} from ${plural(documents, 'document')})`;
}
