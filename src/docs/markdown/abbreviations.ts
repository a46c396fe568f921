/**
 * Python-Markdown `abbr`: `*[HTML]: Hyper Text Markup Language` anywhere in
 * the page (often pulled in by a snippet) defines an abbreviation; the line
 * itself disappears and every whole-word `HTML` outside code becomes
 * `<abbr title="…">HTML</abbr>`. An empty title cancels a definition.
 */
import type { Root } from 'mdast';
import { createFenceTracker } from './fences.ts';
import { fdInline, text } from './mdast-nodes.ts';
import { replaceText } from './replace-text.ts';
import type { SourceLine } from './source-lines.ts';

// The title is the rest of the line, trimmed (`(.*?)\s*$` did that, in time quadratic in its spaces).
const DEFINITION = /^ {0,3}\*\[([^\]\\]+)\]:[ \t]*/;

/** Collect definitions into `into` and blank their lines (keeping line numbers). */
export function extractAbbreviations(lines: SourceLine[], into: Map<string, string>): SourceLine[] {
  if (!lines.some((l) => l.text.includes('*['))) return lines;
  const fences = createFenceTracker();
  return lines.map((line) => {
    if (fences.inFence(line.text)) return line;
    const m = DEFINITION.exec(line.text);
    const title = m ? line.text.slice(m[0].length).trimEnd() : '';
    // `.` never matched a line separator, so a title with one was no definition.
    if (!m || /[\u2028\u2029]/.test(title)) return line;
    const abbr = (m[1] ?? '').trim();
    if (title) into.set(abbr, title);
    else into.delete(abbr);
    return { ...line, text: '' };
  });
}

export function applyAbbreviations(tree: Root, abbreviations: Map<string, string>): void {
  if (abbreviations.size === 0) return;
  const names = [...abbreviations.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${names.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  replaceText(tree, [[pattern, (value: string) => fdInline('abbr', { title: abbreviations.get(value) ?? '' }, [text(value)])]]);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
