/**
 * `validate --format github`: GitHub Actions workflow commands, so a pull
 * request shows each diagnostic as an annotation on its line.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DisplayPath } from './display-path.ts';

const command = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
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
