/** api/diagnostics.json: every published diagnostic, in the diagnostics page's order, keys in the schema's order. */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';

export function diagnosticsJson(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics).map((d) => ({
    repo: d.repo,
    path: d.path,
    line: d.line,
    column: d.column,
    severity: d.severity,
    rule: d.rule,
    ...(d.ref !== undefined ? { ref: d.ref } : {}),
    message: d.message,
  }));
}
