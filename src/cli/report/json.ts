import type { DocumentRecord } from '../../catalog/read-catalog.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DisplayPath } from './display-path.ts';

/**
 * Characters JSON.stringify leaves as they are but a log must not show raw (DEL, C1, bidi
 * overrides and marks, line/paragraph separators), and the legacy `##[` workflow command opening.
 * Written as `\uXXXX` escapes they parse back to the same data. (C0 characters are already escaped
 * by JSON.stringify, and every line starts with indentation then `"`, `{`, `}` or `]`, never `::`.)
 */
const RAW_IN_LOGS = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|(?<=##)\[/g;

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
  ).replace(RAW_IN_LOGS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
