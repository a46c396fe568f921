import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { formatJson } from './json.ts';

const display = (repo: string, path: string) => (path ? `${repo}/${path}` : repo);
const diagnostic = (message: string, path: string): Diagnostic => ({ repo: 'shop', path, line: 1, column: 1, severity: 'error', rule: 'r', message });
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('#', '[', ':', '\n', '\u0085', '\u009b', '\u2028', '\u202e', '\u2066'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 30,
});

describe('formatJson', () => {
  it('parses back to exactly the data, with nothing raw a log would act on (property)', () => {
    fc.assert(
      fc.property(anyText, anyText, (message, path) => {
        const out = formatJson([], [diagnostic(message, path)], display);
        const parsed = JSON.parse(out) as { diagnostics: { message: string; file: string }[] };
        return (
          parsed.diagnostics[0]!.message === message &&
          parsed.diagnostics[0]!.file === display('shop', path) &&
          !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(out) &&
          !out.includes('##[') &&
          out.split('\n').every((line) => !/^\s*::/.test(line))
        );
      }),
    );
  });

  it('writes `##[` as `##\\u005b`', () => {
    expect(formatJson([], [diagnostic('##[error]x', 'a')], display)).toContain('"message": "##\\u005berror]x"');
  });
});
