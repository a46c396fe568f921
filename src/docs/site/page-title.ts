/**
 * Page titles as MkDocs 1.6 finds them (`Page.title`): front matter `title`
 * (YAML between `---` lines, or MultiMarkdown `Key: value` lines), else the
 * text of an `<h1>` that is the *first* element of the rendered page (an ATX
 * `# Title` or setext `Title\n===` as first block; reference, abbreviation
 * and footnote definitions render nothing, so they may come before), else
 * `Home` for the site's index, else the file name. Titles here are plain
 * text: MkDocs keeps the H1's HTML escaping (`&amp;`), we decode it.
 */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { parseDocument } from 'yaml';

/** mkdocs/utils/meta.py */
const YAML_RE = /^-{3}[ \t]*\n([\s\S]*?\n)(?:\.{3}|-{3})[ \t]*\n/;
const META_RE = /^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
const META_MORE_RE = /^(?:[ ]{4}|\t)(\s*)(.*)$/;

export interface PageSource {
  /** The Markdown after its front matter. */
  body: string;
  /** Front matter `title`, when set. */
  metaTitle?: string;
}

/** Split front matter off a page like MkDocs' `meta.get_data` (after Python's newline and BOM handling). */
export function readPageSource(text: string): PageSource {
  const doc = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const yaml = YAML_RE.exec(doc);
  if (yaml) {
    const data = safeLoad(yaml[1]!);
    if (!data) return { body: doc };
    return { body: doc.slice(yaml[0].length).replace(/^\n+/, ''), ...titleOf(data['title']) };
  }
  const lines = doc.split('\n');
  const data: Record<string, string> = {};
  let key: string | undefined;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      break;
    }
    const m1 = META_RE.exec(line);
    if (m1) {
      key = m1[1]!.toLowerCase().trim();
      const value = m1[2]!.trim();
      data[key] = key in data ? `${data[key]} ${value}` : value;
      continue;
    }
    const m2 = META_MORE_RE.exec(line);
    if (m2 && key) data[key] += ` ${m2[2]!.trim()}`;
    else break;
  }
  return { body: lines.slice(i).join('\n').replace(/^\n+/, ''), ...titleOf(data['title']) };
}

/** PyYAML's SafeLoader: any unknown tag or syntax error fails, and then MkDocs keeps the page as written. */
function safeLoad(text: string): Record<string, unknown> | undefined {
  try {
    const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, logLevel: 'silent' });
    if (doc.errors.length || doc.warnings.some((w) => w.code === 'TAG_RESOLVE_FAILED')) return undefined;
    const value: unknown = doc.toJS({ maxAliasCount: 1000 });
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function titleOf(value: unknown): { metaTitle?: string } {
  if (value === undefined || value === null) return {};
  if (typeof value === 'string') return { metaTitle: value };
  if (typeof value === 'boolean') return { metaTitle: value ? 'True' : 'False' };
  return typeof value === 'number' ? { metaTitle: String(value) } : {};
}

/** Reference (`[id]: url`), footnote (`[^1]: text`) and abbreviation (`*[HTML]: …`) definitions render no element. */
const DEFINITION_RE = /^[ ]{0,3}(?:\*?\[[^\]]*\]:\s*\S)/;

/** The text of the page's first block when it is a level-1 heading, else undefined. */
export function firstBlockH1(body: string): string | undefined {
  const lines = body.replace(/\t/g, '    ').split('\n');
  let i = 0;
  for (;;) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) return undefined;
    if (!DEFINITION_RE.test(lines[i]!)) break;
    i++;
    while (i < lines.length && /^(?: {4}|\s*$)/.test(lines[i]!) && lines[i]!.trim() !== '') i++; // a footnote's indented continuation
  }
  const first = lines[i]!;
  const atx = /^(#{1,6})(.*)$/.exec(first);
  let raw: string | undefined;
  if (atx) {
    if (atx[1]!.length !== 1) return undefined;
    raw = atx[2]!.replace(/(^|[^\\])((?:\\\\)*)#+$/, '$1$2');
  } else if (/^=[=-]*[ ]*$/.test(lines[i + 1] ?? '')) {
    raw = first;
  } else {
    return undefined;
  }
  const text = inlineText(raw.trim());
  return text === '' ? undefined : text;
}

const SMART_SYMBOLS: [RegExp, string][] = [
  [/\(tm\)/g, '™'],
  [/\(c\)/g, '©'],
  [/\(r\)/g, '®'],
  [/\bc\/o\b/g, '℅'],
  [/\+\/-/g, '±'],
  [/=\/=/g, '≠'],
  [/<-->/g, '↔'],
  [/-->/g, '→'],
  [/<--/g, '←'],
  [/(?<!\w)1\/4(?!\w)/g, '¼'],
  [/(?<!\w)1\/2(?!\w)/g, '½'],
  [/(?<!\w)3\/4(?!\w)/g, '¾'],
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Inline Markdown of a heading → the plain text MkDocs shows (`get_heading_text`): markup removed,
 * images by their alt text, HTML tags stripped, entities decoded, whitespace collapsed. Covers what
 * TechDocs' extensions put in headings (attr_list, betterem, mark/caret/tilde, smartsymbols);
 * emoji shortcodes stay as written.
 */
export function inlineText(raw: string): string {
  const kept: string[] = [];
  const keep = (html: string) => `\u0000${kept.push(html) - 1}\u0000`;
  let s = raw.replace(/[ ]+\{:?[ ]*[^}\n ][^\n]*?[ ]*\}[ ]*$/, ''); // attr_list: `# Title { #id .class }`
  s = s.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_, _ticks: string, code: string) => keep(escapeHtml(code.trim())));
  s = s.replace(/\\([\\`*_{}[\]()>#+\-.!:|])/g, (_, c: string) => keep(escapeHtml(c)));
  s = s.replace(/<((?:https?|ftp):\/\/[^>\s]+)>/g, (_, url: string) => keep(escapeHtml(url)));
  s = s.replace(/<([^>\s@/]+@[^>\s@]+)>/g, (_, mail: string) => keep(escapeHtml(mail)));
  for (;;) {
    const before = s;
    s = s.replace(/!\[([^\]]*)\]\([^)]*\)/g, (_, alt: string) => keep(escapeHtml(alt)));
    s = s.replace(/!\[([^\]]*)\]\[[^\]]*\]/g, (_, alt: string) => keep(escapeHtml(alt)));
    s = s.replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1');
    s = s.replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1');
    if (s === before) break;
  }
  s = s.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1');
  s = s.replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, '$1$2');
  s = s.replace(/(^|[^\w*])\*(?=[^\s*])([\s\S]*?[^\s*]|[^\s*])\*(?![\w*])/g, '$1$2');
  s = s.replace(/(^|[^\w])_(?=[^\s_])([\s\S]*?[^\s_]|[^\s_])_(?!\w)/g, '$1$2');
  s = s.replace(/(==|\^\^|~~)(?=\S)([\s\S]*?\S)\1/g, '$2');
  s = s.replace(/(?<![\^~])([\^~])(?=[^\s^~])((?:\\.|[^\s^~])+)\1/g, '$2');
  for (const [re, symbol] of SMART_SYMBOLS) s = s.replace(re, symbol);
  const html = s.replace(/\u0000(\d+)\u0000/g, (_, n: string) => kept[Number(n)]!);
  const text = /[<&]/.test(html) ? toString(fromHtml(html, { fragment: true })) : html;
  return text.split(/\s+/).filter(Boolean).join(' ');
}

/** MkDocs' title from a file name (`Page.title`'s last resort) and `dirname_to_title`: `-`/`_` → space, capitalised if all lower case. */
export function nameToTitle(name: string): string {
  const title = name.replace(/[-_]/g, ' ');
  if (title.toLowerCase() !== title) return title;
  const [first = '', ...rest] = [...title];
  return first.toUpperCase() + rest.join('');
}
