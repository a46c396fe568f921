/**
 * Descriptions in API definitions are CommonMark. Repo content never becomes
 * HTML here: this reads the few constructs descriptions use in practice
 * (paragraphs, bullet lists, fenced code, `code`, **strong**, *emphasis*,
 * [links](https://…)) into blocks the component renders as elements, so Astro
 * escapes every piece. Anything else is shown as the text it is.
 */
import { safeExternalUrl } from '../../view/urls.ts';

export type Inline = { kind: 'text' | 'code' | 'strong' | 'em'; text: string } | { kind: 'link'; text: string; href: string };

export type Block = { kind: 'p'; inlines: Inline[] } | { kind: 'ul'; items: Inline[][] } | { kind: 'pre'; text: string };

const BULLET = /^\s{0,3}[-*+]\s+/;
const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|(?<![A-Za-z0-9])_([^_\s][^_]*)_(?![A-Za-z0-9])|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function describeText(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let items: string[] | undefined;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'p', inlines: inlines(paragraph.join('\n')) });
    if (items) blocks.push({ kind: 'ul', items: items.map(inlines) });
    paragraph = [];
    items = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').trimStart().startsWith(fence[1] ?? '```'); i++) code.push(lines[i] ?? '');
      blocks.push({ kind: 'pre', text: code.join('\n') });
    } else if (line.trim() === '') {
      flush();
    } else if (BULLET.test(line)) {
      if (paragraph.length > 0) flush();
      items ??= [];
      items.push(line.replace(BULLET, ''));
    } else if (items && /^\s+\S/.test(line)) {
      items[items.length - 1] += `\n${line.trim()}`;
    } else {
      if (items) flush();
      paragraph.push(line.replace(/^\s{0,3}#{1,6}\s+/, ''));
    }
  }
  flush();
  return blocks;
}

function inlines(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index) });
    const [whole, code, strong, strong2, em, em2, label, url] = match;
    if (code !== undefined) out.push({ kind: 'code', text: code });
    else if (strong !== undefined || strong2 !== undefined) out.push({ kind: 'strong', text: strong ?? strong2 ?? '' });
    else if (em !== undefined || em2 !== undefined) out.push({ kind: 'em', text: em ?? em2 ?? '' });
    else {
      const href = safeExternalUrl(url);
      out.push(href ? { kind: 'link', text: label ?? '', href } : { kind: 'text', text: whole });
    }
    last = match.index + whole.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  // Unsafe links fall back to text: join neighbouring text pieces again.
  return out.reduce<Inline[]>((merged, piece) => {
    const previous = merged.at(-1);
    if (previous?.kind === 'text' && piece.kind === 'text') previous.text += piece.text;
    else merged.push(piece);
    return merged;
  }, []);
}
