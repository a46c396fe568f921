/**
 * The line pass for Python-Markdown's indented blocks: `!!! type "Title"`
 * (admonition), `???`/`???+` (pymdownx.details) and `=== "Label"`
 * (pymdownx.tabbed). Each block's 4-space-indented body is dedented and
 * framed by two HTML comments that remark keeps as `html` nodes:
 *
 *     <!--fd:NONCE:open:3-->
 *     body, now Markdown at the block's own indentation
 *     <!--fd:NONCE:close:3-->
 *
 * `containers.ts` then wraps what lies between them. Doing the indentation
 * here keeps remark's CommonMark parser untouched; fenced code is never
 * rewritten, and every line keeps its source position.
 */
import { createFenceTracker } from './fences.ts';
import { nearestShallower } from './nearest-shallower.ts';
import { dedentAt, indentOf, isBlank, pushAll, synthetic, type SourceLine } from './source-lines.ts';
import type { BlockSpec, RenderState } from './types.ts';

const ADMONITION = /^( *)!!! ?([\w-]+(?: +[\w-]+)*)(?: +"(.*)")? *$/;
const DETAILS = /^( *)\?\?\?(\+)? ?(?:([\w-]+(?: +[\w-]+)*?)?(?: +"(.*)")|([\w-]+(?: +[\w-]+)*?)) *$/;
const TAB = /^( *)===([!+]{0,2}) +"(.*)" *$/;
const LIST_ITEM = /^( *)(?:[-*+]|\d{1,9}[.)])(?: +|$)/;
const LIST_PREFIX = /^( *(?:[-*+]|\d{1,9}[.)]) +)(?=!!!|\?\?\?|===)/;
/**
 * Each level re-reads its body, blank lines included, so nesting costs
 * lines × depth; real pages nest 3 or 4 deep. Deeper markers stay text.
 */
export const MAX_BLOCK_DEPTH = 24;

export function markerComment(nonce: string, edge: 'open' | 'close', id: number): string {
  return `<!--fd:${nonce}:${edge}:${id}-->`;
}

/** Rewrite every block in `lines`; block specs are appended to `state.blocks`. */
export function markBlocks(lines: SourceLine[], state: RenderState): SourceLine[] {
  if (!lines.some((l) => /^ *(?:(?:[-*+]|\d{1,9}[.)]) +)?(?:!!!|\?\?\?|===)/.test(l.text))) return lines;
  return transform(lines, state, 0);
}

function transform(lines: SourceLine[], state: RenderState, depth: number): SourceLine[] {
  if (depth >= MAX_BLOCK_DEPTH) return lines;
  const out: SourceLine[] = [];
  const fences = createFenceTracker();
  const indentAllowed = listContext(lines);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (fences.inFence(line.text)) {
      out.push(line);
      i++;
      continue;
    }
    // `- !!! note` opens the block as the list item's content (bcgov guardrails.md).
    const listPrefix = LIST_PREFIX.exec(line.text)?.[1] ?? '';
    const spec = parseStart(line.text.slice(listPrefix.length));
    const indent = listPrefix ? listPrefix.length : indentOf(line.text);
    if (!spec || (!listPrefix && !indentAllowed(i, indent))) {
      out.push(line);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && (isBlank(lines[end]!.text) || indentOf(lines[end]!.text) >= indent + 4)) end++;
    while (end > i + 1 && isBlank(lines[end - 1]!.text)) end--;
    const id = state.blocks.push(spec) - 1;
    const pad = ' '.repeat(indent);
    const body = transform(
      lines.slice(i + 1, end).map((l) => dedentAt(l, indent, 4)),
      state,
      depth + 1,
    );
    if (!listPrefix && out.length > 0 && !isBlank(out[out.length - 1]!.text)) out.push(synthetic(line, ''));
    out.push(synthetic(line, (listPrefix || pad) + markerComment(state.nonce, 'open', id)));
    pushAll(out, body);
    pushAll(out, closeOpenFence(body, line));
    out.push(synthetic(line, ''), synthetic(line, pad + markerComment(state.nonce, 'close', id)));
    i = end;
  }
  return out;
}

export function parseStart(text: string): BlockSpec | undefined {
  let m = ADMONITION.exec(text);
  if (m) {
    const classes = (m[2] ?? '').toLowerCase().split(/ +/);
    const title = m[3] === undefined ? capitalize(classes[0] ?? '') : m[3];
    return { kind: 'admonition', classes, title, open: false, newSet: false };
  }
  m = DETAILS.exec(text);
  if (m) {
    const typed = m[5] ?? m[3] ?? '';
    const classes = typed ? typed.toLowerCase().split(/ +/) : [];
    const title = m[5] !== undefined ? capitalize(classes[0] ?? '') : (m[4] ?? '');
    return { kind: 'details', classes, title, open: m[2] === '+', newSet: false };
  }
  m = TAB.exec(text);
  if (m) {
    const flags = m[2] ?? '';
    return { kind: 'tab', classes: [], title: m[3] ?? '', open: flags.includes('+'), newSet: flags.includes('!') };
  }
  return undefined;
}

/**
 * A block line indented 4+ spaces is code, unless it sits in a list item
 * (Python-Markdown list content is indented 4; mdx_truly_sane_lists allows 2):
 * the nearest earlier line indented less that is a list item or starts at
 * column 0 decides. Lines are fed as the pass moves down the page.
 */
function listContext(lines: SourceLine[]): (index: number, indent: number) => boolean {
  const deciders = nearestShallower<boolean>();
  let fed = 0;
  return (index, indent) => {
    if (indent < 4) return true;
    for (; fed < index; fed++) {
      const text = lines[fed]!.text;
      if (isBlank(text)) continue;
      const item = LIST_ITEM.test(text);
      const lineIndent = indentOf(text);
      if (item || lineIndent === 0) deciders.add(lineIndent, item);
    }
    return deciders.below(indent) ?? false;
  };
}

/** A fence left open in a body would swallow the close marker; Python-Markdown would not treat it as a fence at all. */
function closeOpenFence(body: SourceLine[], at: SourceLine): SourceLine[] {
  const tracker = createFenceTracker();
  for (const l of body) tracker.inFence(l.text);
  const opened = tracker.open();
  if (!opened) return [];
  return [synthetic(at, ' '.repeat(opened.indent) + opened.char.repeat(opened.length))];
}

function capitalize(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : word;
}
