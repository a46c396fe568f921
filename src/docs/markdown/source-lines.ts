/**
 * The page as lines that remember where they came from. The text passes
 * (snippets, md_in_html, admonition markers, ...) add, drop and re-indent
 * lines; every line keeps its source line and a column shift, so positions
 * remark reports on the rewritten text map back to what the author wrote.
 */
import type { Place } from './types.ts';

export interface SourceLine {
  text: string;
  /** 1-based line in the original source. */
  line: number;
  /** Source column = column in `text` + shift (indentation removed or added by a pass). */
  shift: number;
  /** Lines a pass made up (markers, included snippets) point at one fixed column. */
  fixedColumn?: number;
}

export interface LineMap {
  toSource(place: Place): Place;
}

const TAB_SIZE = 4;

/** Split on any newline; leading tabs become spaces to the next multiple of 4, as Python-Markdown does. */
export function splitLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((raw, index) => {
    const lead = /^[ \t]*/.exec(raw)?.[0] ?? '';
    if (!lead.includes('\t')) return { text: raw, line: index + 1, shift: 0 };
    let width = 0;
    for (const ch of lead) width = ch === '\t' ? width + TAB_SIZE - (width % TAB_SIZE) : width + 1;
    return { text: ' '.repeat(width) + raw.slice(lead.length), line: index + 1, shift: lead.length - width };
  });
}

export function joinLines(lines: readonly SourceLine[]): string {
  return lines.map((l) => l.text).join('\n');
}

/** The same source line with new text; `removed` columns were cut from its start (negative: added). */
export function reindent(from: SourceLine, text: string, removed: number): SourceLine {
  return { ...from, text, shift: from.shift + removed };
}

/** A made-up line (marker, blank, included text) reported at `at`'s line and first column. */
export function synthetic(at: SourceLine, text: string): SourceLine {
  const column = at.fixedColumn ?? 1 + indentOf(at.text) + at.shift;
  return { text, line: at.line, shift: 0, fixedColumn: column };
}

export function lineMapOf(lines: readonly SourceLine[]): LineMap {
  return {
    toSource(place) {
      const l = lines[place.line - 1];
      if (!l) return place;
      return { line: l.line, column: l.fixedColumn ?? Math.max(1, place.column + l.shift) };
    },
  };
}

export function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return i;
}

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Remove up to `count` spaces of indentation starting at column `from` (0-based). */
export function dedentAt(line: SourceLine, from: number, count: number): SourceLine {
  const text = line.text;
  let end = from;
  while (end < from + count && text.charCodeAt(end) === 32) end++;
  if (end === from) return line;
  return reindent(line, text.slice(0, from) + text.slice(end), end - from);
}

/** `into.push(...items)` for any length: spreading 100,000+ arguments overflows the stack. */
export function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
