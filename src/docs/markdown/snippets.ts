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
import { synthetic, type SourceLine } from './source-lines.ts';
import { reportAtSource, type RenderState, type SnippetResult } from './types.ts';

const LINE_MARKER = /^([ \t]*)(;*)(-+8<-+[ \t]+)("(?:\\"|[^"\n\r])+?"|'(?:\\'|[^'\n\r])+?') *$/;
const BLOCK_MARKER = /^([ \t]*)(;*)(-+8<-+)$/;
const SECTION_MARKER = /^.*?-+8<-+ \[ *(start|end) *: *([a-z][-_0-9a-z]*) *\].*$/i;
const LINE_RANGES = /^(.+?)((?::-?\d*){1,2}(?:,-?\d*(?::-?\d*)?)*)$/;
const NAMED_SECTION = /^(.+?)[:#]([a-z][-_0-9a-z]*)$/i;
const MAX_DEPTH = 8;

interface Walk {
  state: RenderState;
  /** The page-level line every diagnostic is reported at. */
  origin: SourceLine;
  stack: string[];
}

export function expandSnippets(lines: SourceLine[], state: RenderState): SourceLine[] {
  if (!lines.some((l) => l.text.includes('8<-'))) return lines;
  const out: SourceLine[] = [];
  const fences = createFenceTracker();
  let block: { space: string } | undefined;
  for (const line of lines) {
    const inFence = fences.inFence(line.text);
    if (block) {
      if (BLOCK_MARKER.test(line.text.trim()) && !line.text.trim().startsWith(';')) block = undefined;
      else include(line.text.trim(), block.space, { state, origin: line, stack: [] }, inFence, out);
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
      include(unquote(m[4]), space, { state, origin: line, stack: [] }, inFence, out);
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
  if (walk.stack.includes(path)) return fail('it includes itself');
  if (walk.stack.length >= MAX_DEPTH) return fail(`snippets nest deeper than ${MAX_DEPTH} levels`);
  const result = read(walk.state, path);
  if ('missing' in result) return fail(result.reason);
  const fileLines = result.text.split(/\r\n|\r|\n/);
  if (fileLines.length > 1 && fileLines[fileLines.length - 1] === '') fileLines.pop();
  const selected = select(fileLines);
  if (selected === undefined) return fail(`the file has no section "${entry.slice(path.length + 1)}"`);
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

type Select = (lines: string[]) => string[] | undefined;

/** Split `path:1:3,5:6` / `path:name` into the path and a line selector. */
export function parseEntry(entry: string): { path: string; select: Select } {
  const dropMarkers: Select = (lines) => lines.filter((l) => !SECTION_MARKER.test(l));
  const ranges = LINE_RANGES.exec(entry);
  if (ranges?.[1] && ranges[2] && ranges[2] !== ':') {
    const spans = ranges[2].slice(1).split(',').map((r) => r.split(':'));
    return {
      path: ranges[1],
      select: (lines) => {
        const picked: string[] = [];
        for (const [from = '', to = ''] of spans) {
          const start = Math.max(1, Number.parseInt(from, 10) || 1);
          const end = Math.min(lines.length, Number.parseInt(to, 10) || lines.length);
          picked.push(...lines.slice(start - 1, end));
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

function section(lines: string[], name: string): string[] | undefined {
  let inside = false;
  let found = false;
  const picked: string[] = [];
  for (const line of lines) {
    const m = SECTION_MARKER.exec(line);
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
