/**
 * Docs file names → the paths the portal publishes them at: the one place a
 * page's or file's URL and output path are made. An ordinary name keeps its
 * MkDocs URL, so links and bookmarks written against MkDocs keep working. A
 * name that cannot be a URL path and a file name on every system the site is
 * built, checked out or served on is escaped, never dropped: the character at
 * fault becomes `~XX` (its code point in hex; `~uXXXX` above U+00FF).
 *
 * - `%` (Astro decodes page paths again and again, and a lone `%` throws),
 *   `?` and `#` (they end a URL path), `\` (a `/` to URL parsers), the other
 *   characters Windows refuses (`<>:"|*`), control characters, lone
 *   surrogates, bidi controls and line separators;
 * - `~` itself, so an escape can always be read back (`unslugSegment`) and no
 *   two names share a slug: what is left to collide is case and Unicode
 *   normalisation, which `collisionKey` folds for the conflict check;
 * - the first character of a Windows device name (`CON`, `nul.md`, `COM1`),
 *   the last one when it is a dot or a space (Windows drops them), `.`/`..`;
 * - the dot of a folder ending in `.html`/`.htm`: Astro's router reads
 *   `x/index.html/` as the page `x/`;
 * - the first character of `_astro` and `pagefind` at a site's top level,
 *   the folders Astro and Pagefind write next to the pages.
 *
 * Names are NFC-normalised first, as Astro normalises route params: the page
 * must be written where its links point.
 */
import { pyQuote } from './paths.ts';

/** What one published path may cost: per name (NAME_MAX of ext4, APFS, NTFS), and in total as a URL (site prefix included). */
export const PATH_BUDGET = { segmentBytes: 255, urlBytes: 2048 } as const;

/**
 * The site map of a large site (every nav entry, once), beside its pages. No docs
 * name can be published as `~pages`: every `~` in a name is escaped.
 */
export const SITE_MAP_SEGMENT = '~pages';

const ESCAPE = '~';
/** Characters never published as they are (see the header). `/` too: a name is one segment. */
const UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f%?#\\/~<>:"|*\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu;
const PLAIN = /^[\w .,;=+@!$&'()[\]{}-]*$/;
const DEVICE_NAME = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
const HTML_SUFFIX = /\.html?$/i;
const RESERVED_AT_TOP = new Set(['_astro', 'pagefind']);

export type SegmentRole = 'folder' | 'file';

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `${ESCAPE}${code.toString(16).toUpperCase().padStart(2, '0')}` : `${ESCAPE}u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * One file or folder name as published. `folder`: it becomes a folder of the
 * output (a page's own folder, or a folder on the way to a file); `top`: it is
 * directly under the site's folder.
 */
export function slugSegment(name: string, role: SegmentRole, top = false): string {
  // Most names are plain ASCII: nothing to normalise or escape (a generated tree may hold thousands of them).
  let slug = PLAIN.test(name) ? name : name.normalize('NFC').replace(UNSAFE_CHAR, escapeChar);
  if (slug === '') return ESCAPE; // an empty name cannot be a folder; a bare `~` is no other name's slug
  if (DEVICE_NAME.test(slug) || (top && RESERVED_AT_TOP.has(slug.toLowerCase()))) slug = escapeChar(slug[0]!) + slug.slice(1);
  if (role === 'folder') {
    const html = HTML_SUFFIX.exec(slug);
    if (html) slug = `${slug.slice(0, html.index)}${escapeChar('.')}${slug.slice(html.index + 1)}`;
  }
  // A trailing dot or space (this also covers `.` and `..`): Windows would drop it.
  if (/[. ]$/.test(slug)) slug = slug.slice(0, -1) + escapeChar(slug.slice(-1));
  return slug;
}

/** The name a slug was made from (NFC-normalised): every escape read back. */
export function unslugSegment(slug: string): string {
  if (slug === ESCAPE) return '';
  return slug.replace(/~(?:u([0-9A-F]{4})|([0-9A-F]{2}))/g, (_, wide: string | undefined, narrow: string | undefined) =>
    String.fromCharCode(parseInt(wide ?? narrow!, 16)),
  );
}

/**
 * Site-relative path a docs file is published at, decoded (as written to disk):
 * a page's `parts` are the folders of its directory URL (`['guide', 'setup']` →
 * `guide/setup/`, `[]` → `''` for the home page); a file's end with its name.
 */
export function publishedPath(parts: readonly string[], kind: 'page' | 'file'): string {
  const slugs = parts.map((part, i) => slugSegment(part, kind === 'page' || i < parts.length - 1 ? 'folder' : 'file', i === 0));
  return kind === 'page' ? slugs.map((s) => `${s}/`).join('') : slugs.join('/');
}

/** What MkDocs itself would have published for the same parts (for telling renamed paths apart). */
export function mkdocsPath(parts: readonly string[], kind: 'page' | 'file'): string {
  return kind === 'page' ? parts.map((s) => `${s.normalize('NFC')}/`).join('') : parts.map((s) => s.normalize('NFC')).join('/');
}

/** The URL of a published path, percent-encoded as MkDocs writes URLs. */
export function urlOfPublished(path: string): string {
  return pyQuote(path);
}

/**
 * The published path of a URL made by `urlOfPublished`: every escape decoded. (Not
 * `decodeURI`, which keeps `%3B`, `%2B`, `%23`… encoded and throws on a lone `%`.)
 */
export function publishedOfUrl(url: string): string {
  return url
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** The file a published path is written to: a page's folder holds its index.html. */
export function outputFileOf(path: string, kind: 'page' | 'file'): string {
  return kind === 'page' ? `${path}index.html` : path;
}

/**
 * Two published paths that are one file on a case-insensitive, normalising file
 * system (macOS, Windows: where a portal may be built or checked out) have one key.
 */
export function collisionKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** UTF-8 length, without encoding (a lone surrogate counts as the 3 bytes of U+FFFD). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The ASCII characters `urllib.parse.quote(safe='/')` keeps as they are. */
const UNQUOTED = Array.from({ length: 0x80 }, (_, c) => /[A-Za-z0-9_.\-~/]/.test(String.fromCharCode(c)));

/** Length of `urlOfPublished(text)`, without building it: unreserved ASCII and `/` stay, every other byte becomes `%XX`. */
function quotedLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) length += UNQUOTED[c] ? 1 : 3;
    else {
      const pair = c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      length += 3 * (c < 0x800 ? 2 : pair ? 4 : 3);
      if (pair) i++;
    }
  }
  return length;
}

/**
 * Why a published path does not fit the budget, or undefined when it does.
 * `prefix` is the site's folder (`docs/default/component/x/`), counted in the total.
 */
export function overBudget(prefix: string, path: string, kind: 'page' | 'file'): string | undefined {
  for (const segment of path.split('/')) {
    const bytes = utf8Length(segment);
    if (bytes > PATH_BUDGET.segmentBytes) return `a name in its published path is ${bytes} bytes long, and file systems allow ${PATH_BUDGET.segmentBytes}`;
  }
  const url = quotedLength(`${prefix}${outputFileOf(path, kind)}`);
  if (url > PATH_BUDGET.urlBytes)
    return `its published URL would be ${url} bytes long (with ${prefix}), over the ${PATH_BUDGET.urlBytes} the portal allows so every path can be written and served`;
  return undefined;
}

/** Why a name is published under another name, for the `docs-path-renamed` message. */
export function renameReason(name: string, role: SegmentRole, top = false): string {
  const nfc = name.normalize('NFC');
  const reasons: string[] = [];
  const chars = [...new Set(nfc.match(UNSAFE_CHAR) ?? [])];
  if (chars.some((c) => c === '%')) reasons.push('a `%` would be read as the start of an escape');
  if (chars.some((c) => c !== '%' && c !== '~' && /[?#\\<>:"|*/]/.test(c)))
    reasons.push('a `?`, `#`, `\\`, `<`, `>`, `:`, `"`, `|` or `*` cannot be in a URL path or a Windows file name');
  if (chars.some((c) => !/[%?#\\<>:"|*/~]/.test(c))) reasons.push('control and bidi characters are never published');
  if (chars.includes('~')) reasons.push("`~` marks the portal's escapes");
  if (DEVICE_NAME.test(nfc)) reasons.push('Windows reserves the name');
  if (top && RESERVED_AT_TOP.has(nfc.toLowerCase())) reasons.push('the portal uses the name');
  if (role === 'folder' && HTML_SUFFIX.test(nfc)) reasons.push('a page URL cannot end in `.html`');
  if (/[. ]$/.test(nfc)) reasons.push('Windows drops a trailing dot or space');
  return reasons.join('; ') || 'the name is not the same on every file system';
}
