/**
 * pymdownx.snippets: `--8<-- "path"` lines and `--8<--` … `--8<--` blocks are
 * replaced by the named files before anything else is parsed, including
 * inside fenced code (SDA-SE fills ```properties fences that way). The
 * marker's indentation is added to every included line so snippets work
 * inside admonitions and tabs. `path:3:5` selects lines, `path:name` (or
 * `path#name`) the lines between `--8<-- [start:name]` and `[end:name]`.
 * `;--8<--` prints the marker without the `;`; `"; path"` skips an entry.
 * Unlike pymdownx (which drops a missing file silently), a missing file
 * leaves a visible note and a diagnostic.
 */
import { createFenceTracker } from './fences.ts';
import { pushAll, synthetic, type SourceLine } from './source-lines.ts';
import { reportAtSource, type RenderState, type SnippetResult } from './types.ts';

const LINE_MARKER = /^([ \t]*)(;*)(-+8<-+[ \t]+)("(?:\\"|[^"\n\r])+?"|'(?:\\'|[^'\n\r])+?') *$/;
const BLOCK_MARKER = /^([ \t]*)(;*)(-+8<-+)$/;
const NAMED_SECTION = /^(.+?)[:#]([a-z][-_0-9a-z]*)$/i;
const MAX_DEPTH = 8;
/**
 * Text a page's snippets may read and add, all included files together.
 * Nesting multiplies: a file that includes another ten times, down eight
 * levels, would add 10⁸ copies; and `f.md:1:9999,1:9999,…` repeats a file.
 */
export const MAX_SNIPPET_CHARS = 2 * 1024 * 1024;

interface Walk {
  state: RenderState;
  /** The page-level line every diagnostic is reported at. */
  origin: SourceLine;
  stack: string[];
  /** Shared by every walk of the page. */
  budget: { left: number; spent: boolean };
}

export function expandSnippets(lines: SourceLine[], state: RenderState): SourceLine[] {
  if (!lines.some((l) => l.text.includes('8<-'))) return lines;
  const out: SourceLine[] = [];
  const fences = createFenceTracker();
  const budget = { left: MAX_SNIPPET_CHARS, spent: false };
  let block: { space: string } | undefined;
  for (const line of lines) {
    const inFence = fences.inFence(line.text);
    if (block) {
      if (BLOCK_MARKER.test(line.text.trim()) && !line.text.trim().startsWith(';')) block = undefined;
      else include(line.text.trim(), block.space, { state, origin: line, stack: [], budget }, inFence, out);
      continue;
    }
    const m = LINE_MARKER.exec(line.text) ?? BLOCK_MARKER.exec(line.text);
    if (!m) {
      out.push(line);
      continue;
    }
    const [, space = '', escape = ''] = m;
    if (escape) {
      out.push({ ...line, text: line.text.replace(';', '') });
    } else if (m[4] === undefined) {
      block = { space };
    } else {
      include(unquote(m[4]), space, { state, origin: line, stack: [], budget }, inFence, out);
    }
  }
  return out;
}

/** Expand one path entry, recursively, appending the resulting lines. */
function include(entry: string, space: string, walk: Walk, inFence: boolean, out: SourceLine[]): void {
  if (!entry || entry.startsWith(';')) return;
  const { path, select } = parseEntry(entry);
  const fail = (reason: string) => {
    const column = 1 + walk.origin.shift + space.length;
    reportAtSource(
      walk.state,
      {
        rule: 'docs-snippet-missing',
        severity: 'warning',
        message: `Snippet "${entry}" could not be included: ${reason}.`,
        fix: 'Check the path (it is relative to the folder that holds mkdocs.yml) or remove the --8<-- line.',
      },
      { line: walk.origin.line, column: Math.max(1, column) },
    );
    const note = inFence
      ? `${space}Snippet not found: ${entry}`
      : `${space}<div class="admonition failure snippet-missing"><p class="admonition-title">Snippet not found</p><p><code>${escapeHtml(entry)}</code>: ${escapeHtml(reason)}</p></div>`;
    out.push(synthetic(walk.origin, note));
  };
  // Once the page's snippets have used up their budget, the rest are left out without a note each.
  const overBudget = () => {
    if (walk.budget.spent) return;
    walk.budget.spent = true;
    fail(`the page's snippets add up to more than ${MAX_SNIPPET_CHARS / 1024 / 1024} MiB of text, so this one and the snippets after it are left out`);
  };
  if (walk.budget.spent) return;
  if (walk.stack.includes(path)) return fail('it includes itself');
  if (walk.stack.length >= MAX_DEPTH) return fail(`snippets nest deeper than ${MAX_DEPTH} levels`);
  const result = read(walk.state, path);
  if ('missing' in result) return fail(result.reason);
  if ((walk.budget.left -= result.text.length) < 0) return overBudget();
  const fileLines = result.text.split(/\r\n|\r|\n/);
  if (fileLines.length > 1 && fileLines[fileLines.length - 1] === '') fileLines.pop();
  const selected = select(fileLines, walk.budget.left);
  if (selected === undefined) return fail(`the file has no section "${entry.slice(path.length + 1)}"`);
  if ((walk.budget.left -= charsOf(selected)) < 0) return overBudget();
  const inner: Walk = { ...walk, stack: [...walk.stack, path] };
  const fences = createFenceTracker();
  let blockSpace: string | undefined;
  for (const text of selected) {
    const nestedFence = inFence || fences.inFence(text);
    if (blockSpace !== undefined) {
      if (BLOCK_MARKER.test(text.trim())) blockSpace = undefined;
      else include(text.trim(), blockSpace, inner, nestedFence, out);
      continue;
    }
    const m = LINE_MARKER.exec(text) ?? BLOCK_MARKER.exec(text);
    if (m && !m[2]) {
      if (m[4] === undefined) blockSpace = space + (m[1] ?? '');
      else include(unquote(m[4]), space + (m[1] ?? ''), inner, nestedFence, out);
    } else {
      out.push(synthetic(walk.origin, space + (m ? text.replace(';', '') : text)));
    }
  }
}

function read(state: RenderState, path: string): SnippetResult {
  try {
    return state.ctx.readSnippet(path);
  } catch (error) {
    return { missing: true, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The lines an entry takes from its file; may stop early once they pass `room` characters. */
type Select = (lines: string[], room: number) => string[] | undefined;

/** Split `path:1:3,5:6` / `path:name` into the path and a line selector. */
export function parseEntry(entry: string): { path: string; select: Select } {
  const dropMarkers = (lines: string[]) => lines.filter((l) => !sectionMarker(l));
  const ranges = splitRanges(entry);
  if (ranges && ranges[1] !== ':') {
    const spans = ranges[1]
      .slice(1)
      .split(',')
      .map((r) => r.split(':'));
    return {
      path: ranges[0],
      select: (lines, room) => {
        const picked: string[] = [];
        let size = 0;
        for (const [from = '', to = ''] of spans) {
          if (size > room) break;
          const start = Math.max(1, Number.parseInt(from, 10) || 1);
          const end = Math.min(lines.length, Number.parseInt(to, 10) || lines.length);
          const span = lines.slice(start - 1, end);
          size += charsOf(span);
          pushAll(picked, span);
        }
        return dropMarkers(picked);
      },
    };
  }
  const named = NAMED_SECTION.exec(entry);
  if (named?.[1] && named[2]) {
    const name = named[2].toLowerCase();
    return { path: named[1], select: (lines) => section(lines, name) };
  }
  return { path: entry, select: dropMarkers };
}

/**
 * `--8<-- [start:name]` / `[end:name]` anywhere in a line: the regex
 * `^.*?-+8<-+ \[ *(start|end) *: *([a-z][-_0-9a-z]*) *\].*$` (i), whose
 * `.*?-+` tried every split of a run of dashes (quadratic on a line of
 * them). Searching from the dash before `8<` finds the same marker; the
 * anchored `.`s only refused lines with a line separator in them.
 */
function sectionMarker(line: string): RegExpExecArray | null {
  return /[\u2028\u2029]/.test(line) ? null : /-8<-+ \[ *(start|end) *: *([a-z][-_0-9a-z]*) *\]/i.exec(line);
}

/**
 * `path:1:3,5:6` → [`path`, `:1:3,5:6`], as the regex
 * `^(.+?)((?::-?\d*){1,2}(?:,-?\d*(?::-?\d*)?)*)$` splits it, without
 * its cost (it retried the suffix from every `:`, quadratic and worse).
 * A small automaton reads the entry backwards once, marking where a valid
 * suffix may start; the path is the shortest prefix before such a place.
 */
export function splitRanges(entry: string): [string, string] | undefined {
  // States: 0 = before the first ':'; then (may still take a ':' = 1-3 | may not = 4-6)
  // × (just after a separator | after its '-' | in its digits). Every state but 0 may end.
  let accepts = [false, true, true, true, true, true, true];
  let first: number | undefined;
  for (let i = entry.length - 1; i >= 1; i--) {
    const c = entry[i]!;
    const next = accepts;
    accepts = accepts.map((_, state) => {
      const to = step(state, c);
      return to >= 0 && next[to]!;
    });
    if (accepts[0]) first = i;
  }
  if (first === undefined) return undefined;
  const path = entry.slice(0, first);
  // `.` in `(.+?)` matches no line terminator: with one in the path, no split exists.
  return /[\n\r\u2028\u2029]/.test(path) ? undefined : [path, entry.slice(first)];
}

function step(state: number, c: string): number {
  const digit = c >= '0' && c <= '9';
  if (state === 0) return c === ':' ? 1 : -1;
  const colonLeft = state <= 3;
  const phase = (state - 1) % 3; // 0: after a separator, 1: after '-', 2: in digits
  if (c === ',') return 1;
  if (c === ':') return colonLeft ? 4 : -1;
  if (c === '-') return phase === 0 ? state + 1 : -1;
  if (digit) return colonLeft ? 3 : 6;
  return -1;
}

function charsOf(lines: readonly string[]): number {
  let n = 0;
  for (const l of lines) n += l.length + 1;
  return n;
}

function section(lines: string[], name: string): string[] | undefined {
  let inside = false;
  let found = false;
  const picked: string[] = [];
  for (const line of lines) {
    const m = sectionMarker(line);
    if (m) {
      if ((m[2] ?? '').toLowerCase() === name) {
        inside = (m[1] ?? '').toLowerCase() === 'start';
        found = true;
      }
      continue;
    }
    if (inside) picked.push(line);
  }
  return found ? picked : undefined;
}

function unquote(quoted: string): string {
  return quoted.slice(1, -1).trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
