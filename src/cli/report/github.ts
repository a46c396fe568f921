/**
 * `validate --format github`: GitHub Actions workflow commands, so a pull
 * request shows each diagnostic as an annotation on its line.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 *
 * Each diagnostic is exactly one line, and the only command on it is ours:
 * GitHub's own escaping keeps line breaks (`%0D`, `%0A`) out of the data and
 * `:`/`,` (`%3A`, `%2C`) out of the properties, so a `::` in a message is text
 * after the command's own `::`. Before that, values go through the log escaper
 * (src/diagnostics/log-text.ts) with line breaks kept, so terminal escapes,
 * bidi overrides and a legacy `##[command]` never reach the log either.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { logText, logTextKeepingNewlines } from '../../diagnostics/log-text.ts';
import type { DisplayPath } from './display-path.ts';

const command = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(s: string): string {
  return logTextKeepingNewlines(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return logText(s).replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(diagnostics: readonly Diagnostic[], display: DisplayPath): string {
  return diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(display(d.repo, d.path))}`];
      if (d.line > 0) props.push(`line=${d.line}`);
      if (d.column > 0) props.push(`col=${d.column}`);
      props.push(`title=${escapeProperty(d.ref ? `${d.rule} (${d.ref})` : d.rule)}`);
      return `::${command[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
    })
    .join('\n');
}
