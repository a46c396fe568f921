import type { DocumentRecord } from '../../catalog/read-catalog.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DisplayPath } from './display-path.ts';

/** `validate --format json`: every document's verdict and every diagnostic. */
export function formatJson(documents: readonly DocumentRecord[], diagnostics: readonly Diagnostic[], display: DisplayPath): string {
  return JSON.stringify(
    {
      entities: documents.map((d) => ({ ref: d.ref ?? null, file: display(d.repo, d.path), document: d.document, valid: d.valid })),
      diagnostics: diagnostics.map((d) => ({
        file: display(d.repo, d.path),
        line: d.line,
        column: d.column,
        severity: d.severity,
        rule: d.rule,
        ref: d.ref ?? null,
        message: d.message,
      })),
    },
    null,
    2,
  );
}
