/**
 * md_in_html: `<div markdown="1">…</div>` and `<figure markdown>` hold
 * Markdown. CommonMark sees one raw HTML block up to the next blank line, so
 * the tags are moved onto their own lines with blank lines around the
 * content, which remark then parses as Markdown between two HTML blocks
 * (rehype-raw joins them back into one element).
 */
import { createFenceTracker } from './fences.ts';
import { dedentAt, indentOf, isBlank, pushAll, synthetic, type SourceLine } from './source-lines.ts';

const TAGS = 'div|figure|section|article|aside|details|blockquote|header|footer|main|nav';
const OPENING = new RegExp(`^( *)<(${TAGS})(\\s[^>]*)>(.*)$`, 'i');
const MARKDOWN_ATTR = /\smarkdown(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?(?=[\s/]|$)/i;
/** A closing tag further than this is not looked for (the block is left as raw HTML). */
const MAX_SPAN_LINES = 2000;
/** Each level re-reads its content, so nesting costs lines × depth; real pages nest 2 or 3 deep. */
export const MAX_HTML_DEPTH = 24;

export function expandMarkdownInHtml(lines: SourceLine[], depth = 0): SourceLine[] {
  if (depth >= MAX_HTML_DEPTH || !lines.some((l) => /\smarkdown\b/i.test(l.text))) return lines;
  const out: SourceLine[] = [];
  const fences = createFenceTracker();
  const closers = new Map<string, TagCloser>();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const m = fences.inFence(line.text) ? null : OPENING.exec(line.text);
    if (!m || !MARKDOWN_ATTR.test(m[3] ?? '')) {
      out.push(line);
      i++;
      continue;
    }
    const [, pad = '', tag = '', attrs = '', rest = ''] = m;
    const name = tag.toLowerCase();
    if (!closers.has(name)) closers.set(name, tagCloser(lines, name));
    const close = closers.get(name)!(i, line.text.length - rest.length);
    if (!close) {
      out.push(line);
      i++;
      continue;
    }
    const content: SourceLine[] = [];
    if (close.line === i) {
      content.push({ ...line, text: pad + line.text.slice(line.text.length - rest.length, close.column) });
    } else {
      if (!isBlank(rest)) content.push({ ...line, text: pad + rest.trim() });
      pushAll(content, lines.slice(i + 1, close.line));
      const last = lines[close.line]!;
      const before = last.text.slice(0, close.column);
      if (!isBlank(before)) content.push({ ...last, text: before });
    }
    const closing = lines[close.line]!;
    const after = closing.text.slice(close.end);
    out.push({ ...line, text: `${pad}<${tag}${attrs.replace(MARKDOWN_ATTR, '')}>` }, synthetic(line, ''));
    pushAll(out, expandMarkdownInHtml(dedentTo(content, pad.length), depth + 1));
    out.push(synthetic(closing, ''), synthetic(closing, `${pad}</${tag}>`));
    if (!isBlank(after)) out.push({ ...closing, text: pad + after.trim() });
    i = close.line + 1;
  }
  return out;
}

interface Close {
  line: number;
  column: number;
  end: number;
}

/** Given an opening tag's line and the column after its `>`: the `</tag>` that balances it. */
type TagCloser = (line: number, afterOpening: number) => Close | undefined;

/**
 * Every `<tag …>` and `</tag>` of one name in `lines`, read once: nested tags
 * of the same name count (a self-closing one does not), and the closing tag
 * of an opening one is the first after it where the running depth drops
 * below the depth just after it. Searching forward from each opening tag
 * instead was quadratic on a page of unclosed `<div markdown>`.
 */
function tagCloser(lines: SourceLine[], tag: string): TagCloser {
  const start = new RegExp(`<(/?)${tag}(?=[\\s>/])`, 'gi');
  const tags: (Close & { depth: number })[] = [];
  const firstOnLine = new Map<number, number>();
  let depth = 0;
  lines.forEach((l, line) => {
    start.lastIndex = 0;
    for (let m = start.exec(l.text); m; m = start.exec(l.text)) {
      // A tag ends at the first `>`; with none left on the line, no later tag on it can end either.
      const gt = l.text.indexOf('>', start.lastIndex);
      if (gt < 0) break;
      depth += m[1] ? -1 : l.text[gt - 1] === '/' ? 0 : 1;
      if (!firstOnLine.has(line)) firstOnLine.set(line, tags.length);
      tags.push({ line, column: m.index, end: gt + 1, depth });
      start.lastIndex = gt + 1;
    }
  });
  // For each tag, the next one whose depth is lower (a monotonic stack, right to left).
  const nextLower: (number | undefined)[] = [];
  const stack: number[] = [];
  for (let k = tags.length - 1; k >= 0; k--) {
    while (stack.length > 0 && tags[stack[stack.length - 1]!]!.depth >= tags[k]!.depth) stack.pop();
    nextLower[k] = stack[stack.length - 1];
    stack.push(k);
  }
  return (line, afterOpening) => {
    const opening = firstOnLine.get(line);
    if (opening === undefined || tags[opening]!.end !== afterOpening) return undefined;
    const close = nextLower[opening];
    const found = close === undefined ? undefined : tags[close]!;
    return found && found.line < line + MAX_SPAN_LINES ? { line: found.line, column: found.column, end: found.end } : undefined;
  };
}

/** Shift content so its least-indented line sits at the tag's own indentation. */
function dedentTo(content: SourceLine[], indent: number): SourceLine[] {
  // A loop, not Math.min(...indents): spreading 100,000+ arguments overflows the stack.
  const extra = content.reduce((least, l) => (isBlank(l.text) ? least : Math.min(least, indentOf(l.text))), Infinity) - indent;
  if (!Number.isFinite(extra) || extra <= 0) return content;
  return content.map((l) => dedentAt(l, indent, extra));
}
