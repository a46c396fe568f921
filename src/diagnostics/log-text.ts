/**
 * The one escaper for text from repo content that reaches a log: diagnostic
 * messages, file paths, repo names, entity refs, nav paths, docs file names.
 * Every repo author is a potential attacker, and the nightly build's log is
 * read by two things that obey what is in it:
 * - terminals and GitHub's log viewer, which act on escape codes (colours,
 *   cursor moves, hidden text) and reorder text around bidi overrides;
 * - the GitHub Actions runner, which runs any line that starts with `::`
 *   after leading whitespace (`::error`, `::add-mask::`, `::stop-commands::`,
 *   `::set-output`) and any line that holds the legacy `##[command]` form
 *   *anywhere* (actions/runner `ActionCommand.TryParse` looks for `##[` with
 *   IndexOf, and `ActionCommandManager` falls back to it).
 *
 * What it does, so the output stays readable and one value stays one line:
 * - control characters become visible escapes: `\n`, `\r`, `\t`, and `\xHH`
 *   for the other C0 characters, DEL and C1 (0x80–0x9F, so `\x1b` for ESC,
 *   `\x07` for BEL, `\x9b` for the one-byte CSI);
 * - bidi overrides, isolates and marks (U+202A–202E, U+2066–2069, U+200E,
 *   U+200F, U+061C) and the line/paragraph separators U+2028/2029 become
 *   `\u202e`-style escapes;
 * - a line that would start with `::` (after any whitespace the runner trims)
 *   gets its first colon replaced with `：` (U+FF1A, the fullwidth colon), and
 *   `##[` anywhere becomes `##［` (U+FF3B): both still read as what they were.
 *   (Prefixing a space would not do: the runner's `TrimStart()` removes it.)
 * Printable ASCII without those two openings is left exactly as it was. A
 * backslash is not escaped, so the escapes are for reading, not for undoing.
 */

/** Characters never printed as they are. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same set, `\n` and `\r` allowed: for formats that escape line breaks their own way. */
const UNSAFE_KEEPING_NEWLINES = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return named[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/**
 * Whitespace the runner's `TrimStart()` removes before it looks for `::` (.NET `char.IsWhiteSpace`,
 * plus U+FEFF and U+180E to be safe). Control characters among them never survive `escapeControls`,
 * but `guardLogLines` also sees our own assembled lines.
 */
const COMMAND_START = /^([\s\u0085\u180e\ufeff]*):(?=:)/gmu;
const LEGACY_COMMAND = /##\[/g;

/** One value on one log line: every control character escaped, no workflow command possible. */
export function logText(value: string): string {
  return guardLogLines(value.replace(UNSAFE, escapeChar));
}

/**
 * Like `logText`, but line breaks (`\n`, `\r`) stay (each line guarded): only for the `github`
 * format, whose own escaping turns them into `%0A` and `%0D` inside one annotation.
 */
export function logTextKeepingNewlines(value: string): string {
  return guardLogLines(value.replace(UNSAFE_KEEPING_NEWLINES, escapeChar));
}

/**
 * The last guard on a block of output we assembled ourselves (it may hold our own colours and line
 * breaks, so control characters are left alone): no line starts a workflow command, even when two
 * escaped values meet (`:` + `:error`) at the start of a line.
 */
export function guardLogLines(text: string): string {
  return text.replace(COMMAND_START, '$1\uff1a').replace(LEGACY_COMMAND, '##\uff3b');
}
