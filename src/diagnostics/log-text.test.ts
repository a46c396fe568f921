import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardLogLines, logText, logTextKeepingNewlines } from './log-text.ts';

/** What must never reach a log: C0, DEL, C1, bidi overrides, isolates and marks, line/paragraph separators. */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** How the GitHub Actions runner reads a line: `::` after .NET whitespace, or `##[` anywhere. */
const startsCommand = (line: string) => /^[\s\u0085\u180e\ufeff]*::/u.test(line) || line.includes('##[');
/** Lines as the runner splits them (and as JavaScript's `^` in multiline mode sees them). */
const linesOf = (text: string) => text.split(/\r\n|[\n\r\u2028\u2029]/);

/** Strings made mostly of the characters that matter here, so the interesting cases come up often. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      ':',
      ':',
      '#',
      '[',
      ' ',
      '\u00a0',
      '\u3000',
      '\t',
      '\n',
      '\r',
      '\u001b',
      '\u0007',
      '\u0085',
      '\u009b',
      '\u202e',
      '\u2066',
      '\u2028',
      '\u2029',
      'e',
      '%',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});
const anyString = fc.oneof(hostile, fc.string({ unit: 'binary' }));

describe('logText', () => {
  it('never lets a control character, bidi override or line separator through (property)', () => {
    fc.assert(fc.property(anyString, (s) => !FORBIDDEN.test(logText(s))));
  });

  it('is always one line, which never starts a workflow command (property)', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const out = logText(s);
        return linesOf(out).length === 1 && !startsCommand(out);
      }),
    );
  });

  it('cannot start a command even after a prefix of whitespace we add ourselves (property)', () => {
    fc.assert(fc.property(anyString, fc.constantFrom('', ' ', '  ', '\t'), (s, indent) => !startsCommand(indent + logText(s))));
  });

  it('leaves printable ASCII alone unless it opens a command (property)', () => {
    const ascii = fc.string({ unit: 'grapheme-ascii' }).filter((s) => !/^\s*::/.test(s) && !s.includes('##['));
    fc.assert(fc.property(ascii, (s) => logText(s) === s));
  });

  it.each([
    ['::error file=x::owned', '\uff1a:error file=x::owned'],
    ['  ::add-mask::secret', '  \uff1a:add-mask::secret'],
    ['\u00a0::stop-commands::tok', '\u00a0\uff1a:stop-commands::tok'],
    ['a\n::set-output name=x::1', 'a\\n::set-output name=x::1'],
    ['ok ##[error]boom', 'ok ##\uff3berror]boom'],
    ['\u001b[31mred\u0007', '\\x1b[31mred\\x07'],
    ['line\rover', 'line\\rover'],
    ['csi\u009b2J', 'csi\\x9b2J'],
    ['abc\u202edcba', 'abc\\u202edcba'],
    ['a\u2028b', 'a\\u2028b'],
    ['docs/a%20b.md', 'docs/a%20b.md'],
  ])('%j → %j', (input, expected) => {
    expect(logText(input)).toBe(expected);
  });
});

describe('logTextKeepingNewlines', () => {
  it('escapes a line separator between \\r and \\n as text, keeping both breaks', () => {
    expect(logTextKeepingNewlines('\r\u2028\n')).toBe('\r\\u2028\n');
  });

  it('keeps \\n and \\r, escapes everything else, and guards every line (property)', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const out = logTextKeepingNewlines(s);
        return (
          !FORBIDDEN.test(out.replace(/[\n\r]/g, '')) &&
          // U+2028/2029 are escaped into visible text, so they count as text, not as a break:
          // '\r\u2028\n' stays three lines, where dropping the separator would make it one CRLF.
          linesOf(out).length === linesOf(s.replace(/[\u2028\u2029]/g, 'x')).length &&
          linesOf(out).every((l) => !startsCommand(l))
        );
      }),
    );
  });
});

describe('guardLogLines', () => {
  it('guards lines assembled from values that are safe alone (":" then ":error")', () => {
    expect(guardLogLines(`${logText(':')}${logText(':error::x')}`)).toBe('\uff1a:error::x');
  });

  it('guards every line of a block and leaves our own colours alone', () => {
    expect(guardLogLines('\u001b[2mok\u001b[22m\n::warning::x\n  fine')).toBe('\u001b[2mok\u001b[22m\n\uff1a:warning::x\n  fine');
  });
});
