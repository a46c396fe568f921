/**
 * YAML front matter as MkDocs reads it (`mkdocs/utils/meta.py`): a `---`
 * first line, a `---` or `...` closing line, and a mapping in between. When
 * the YAML does not parse or is not a mapping, MkDocs keeps the text as page
 * content, and so do we. The front matter lines are blanked rather than cut,
 * so line numbers in the rest of the page stay those of the file.
 */
import { parse } from 'yaml';

export interface FrontMatterSplit {
  data: Record<string, unknown>;
  body: string;
}

const OPEN = /^-{3}[ \t]*$/;
const CLOSE = /^(?:-{3}|\.{3})[ \t]*$/;

export function splitFrontMatter(source: string): FrontMatterSplit {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = text.split(/\r\n|\r|\n/);
  if (!OPEN.test(lines[0] ?? '')) return { data: {}, body: text };
  const end = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (end < 0) return { data: {}, body: text };
  let data: unknown;
  try {
    data = parse(lines.slice(1, end).join('\n'), { maxAliasCount: 50 });
  } catch {
    return { data: {}, body: text };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { data: {}, body: text };
  const body = lines.map((line, i) => (i <= end ? '' : line)).join('\n');
  return { data: data as Record<string, unknown>, body };
}
