/**
 * md_in_html: `<div markdown="1">…</div>` and `<figure markdown>` hold
 * Markdown. CommonMark sees one raw HTML block up to the next blank line, so
 * the tags are moved onto their own lines with blank lines around the
 * content, which remark then parses as Markdown between two HTML blocks
 * (rehype-raw joins them back into one element).
 */
import { createFenceTracker } from './fences.ts';
import { dedentAt, indentOf, isBlank, synthetic, type SourceLine } from './source-lines.ts';

const TAGS = 'div|figure|section|article|aside|details|blockquote|header|footer|main|nav';
const OPENING = new RegExp(`^( *)<(${TAGS})(\\s[^>]*)>(.*)$`, 'i');
const MARKDOWN_ATTR = /\smarkdown(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?(?=[\s/]|$)/i;

export function expandMarkdownInHtml(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => /\smarkdown\b/i.test(l.text))) return lines;
  const out: SourceLine[] = [];
  const fences = createFenceTracker();
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
    const close = findClose(lines, i, tag, line.text.length - rest.length);
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
      content.push(...lines.slice(i + 1, close.line));
      const last = lines[close.line]!;
      const before = last.text.slice(0, close.column);
      if (!isBlank(before)) content.push({ ...last, text: before });
    }
    const closing = lines[close.line]!;
    const after = closing.text.slice(close.end);
    out.push({ ...line, text: `${pad}<${tag}${attrs.replace(MARKDOWN_ATTR, '')}>` }, synthetic(line, ''));
    out.push(...expandMarkdownInHtml(dedentTo(content, pad.length)));
    out.push(synthetic(closing, ''), synthetic(closing, `${pad}</${tag}>`));
    if (!isBlank(after)) out.push({ ...closing, text: pad + after.trim() });
    i = close.line + 1;
  }
  return out;
}

/** The `</tag>` that balances the opening tag, counting nested tags of the same name. */
function findClose(lines: SourceLine[], start: number, tag: string, fromColumn: number): { line: number; column: number; end: number } | undefined {
  const re = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, 'gi');
  let depth = 1;
  for (let i = start; i < lines.length && i < start + 2000; i++) {
    const text = lines[i]!.text;
    re.lastIndex = i === start ? fromColumn : 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      depth += m[1] ? -1 : m[0].endsWith('/>') ? 0 : 1;
      if (depth === 0) return { line: i, column: m.index, end: m.index + m[0].length };
    }
  }
  return undefined;
}

/** Shift content so its least-indented line sits at the tag's own indentation. */
function dedentTo(content: SourceLine[], indent: number): SourceLine[] {
  const indents = content.filter((l) => !isBlank(l.text)).map((l) => indentOf(l.text));
  const extra = Math.min(...indents) - indent;
  if (!Number.isFinite(extra) || extra <= 0) return content;
  return content.map((l) => dedentAt(l, indent, extra));
}
