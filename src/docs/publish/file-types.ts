/**
 * The docs files the portal publishes, by type, and how to tell that a file's
 * bytes are what its name says.
 *
 * An allowlist, because GitHub Pages picks each file's Content-Type from its
 * extension (through mime-db), and any type a browser opens as a document
 * (HTML, XHTML, SVG, any XML, which can pull in XSLT or XHTML script) runs on
 * the portal's origin. Those extensions are an open-ended list (`.xht`,
 * `.shtml`, `.svgz`, `.xsl`, `.rss`, `.kml`, …), and a file with an unknown
 * or no extension is sniffed by some browsers, so only types known to be
 * passive are published. Anything else stays on GitHub.
 *
 * By content too, because the name is only half the story: sniffing (a
 * generic or missing Content-Type, a proxy, a user saving and reopening the
 * file) reads the bytes. A `.png` must start like a PNG; a text file must be
 * UTF-8 without NUL, so it is text to every reader.
 */
import { posix } from 'node:path';
import { classifyBytes } from '../../sources/file-content.ts';

export type PublishedKind = 'binary' | 'text' | 'svg';

export interface PublishedType {
  kind: PublishedKind;
  /** What people call it, with its article, for messages: `a PNG image`. */
  label: string;
  /** For binary types: does the start of the file (at least `HEAD_BYTES`) look like this type? */
  matches?: (head: Uint8Array) => boolean;
}

/** How much of a binary file is read to check its type: enough for every signature below. */
export const HEAD_BYTES = 64;

const bytesAt = (head: Uint8Array, offset: number, expected: readonly number[] | string): boolean => {
  const want = typeof expected === 'string' ? [...expected].map((c) => c.charCodeAt(0)) : expected;
  return head.length >= offset + want.length && want.every((b, i) => head[offset + i] === b);
};

/** ISO base media file (MP4, AVIF): a `ftyp` box first, whose brands say what it holds. */
const ftypBrands = (head: Uint8Array): string[] => {
  if (!bytesAt(head, 4, 'ftyp')) return [];
  const size = Math.min(((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0, head.length);
  const brands: string[] = [];
  // Major brand at 8, minor version at 12, compatible brands from 16 to the box's end.
  for (let at = 8; at + 4 <= size; at += at === 8 ? 8 : 4) brands.push(String.fromCharCode(...head.subarray(at, at + 4)));
  return brands;
};

const png: PublishedType = { kind: 'binary', label: 'a PNG image', matches: (h) => bytesAt(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) };
const jpeg: PublishedType = { kind: 'binary', label: 'a JPEG image', matches: (h) => bytesAt(h, 0, [0xff, 0xd8, 0xff]) };
const text = (label: string): PublishedType => ({ kind: 'text', label });

/**
 * Extension (lowercase, no dot) → type. Every entry's mime-db type is one no
 * browser runs as a page; the comment says why the type is worth publishing.
 */
const TYPES: ReadonlyMap<string, PublishedType> = new Map([
  // Images docs show inline: image/* raster types are decoded, never run.
  ['png', png],
  ['jpg', jpeg],
  ['jpeg', jpeg],
  ['gif', { kind: 'binary', label: 'a GIF image', matches: (h) => bytesAt(h, 0, 'GIF87a') || bytesAt(h, 0, 'GIF89a') }],
  ['webp', { kind: 'binary', label: 'a WebP image', matches: (h) => bytesAt(h, 0, 'RIFF') && bytesAt(h, 8, 'WEBP') }],
  ['avif', { kind: 'binary', label: 'an AVIF image', matches: (h) => ftypBrands(h).some((b) => b === 'avif' || b === 'avis') }],
  // Favicons and old Windows screenshots still turn up in docs folders.
  ['ico', { kind: 'binary', label: 'an icon', matches: (h) => bytesAt(h, 0, [0x00, 0x00, 0x01, 0x00]) }],
  ['bmp', { kind: 'binary', label: 'a BMP image', matches: (h) => bytesAt(h, 0, 'BM') }],
  // Diagrams are SVG more often than not; published only as the sanitizer rewrites them (svg-sanitize.ts).
  ['svg', { kind: 'svg', label: 'an SVG image' }],
  // Specs, slides and exported reports: the browser's PDF viewer keeps PDF script away from the page's origin.
  ['pdf', { kind: 'binary', label: 'a PDF', matches: (h) => bytesAt(h, 0, '%PDF-') }],
  // Screen recordings linked from how-to pages; video/* is played, never run.
  ['mp4', { kind: 'binary', label: 'an MP4 video', matches: (h) => ftypBrands(h).length > 0 }],
  ['webm', { kind: 'binary', label: 'a WebM video', matches: (h) => bytesAt(h, 0, [0x1a, 0x45, 0xdf, 0xa3]) && Buffer.from(h).includes('webm') }],
  // Plain text, data and config samples docs link for download: text/plain, text/csv,
  // text/tab-separated-values, application/json, text/yaml and application/toml are shown as text.
  ['txt', text('a text file')],
  ['text', text('a text file')],
  ['log', text('a log file')],
  ['csv', text('a CSV file')],
  ['tsv', text('a TSV file')],
  ['json', text('a JSON file')],
  ['yaml', text('a YAML file')],
  ['yml', text('a YAML file')],
  ['toml', text('a TOML file')],
  ['ini', text('an INI file')],
  ['conf', text('a config file')],
]);
// Not here on purpose: fonts (docs pages cannot use them: their HTML has no styles), audio (no docs use
// found, and MP3 has no reliable signature), and every XML- or script-based type whatever its use.

/** What the portal would publish a file as, from the name it is published under; undefined: not published. */
export function publishedTypeOf(path: string): PublishedType | undefined {
  const ext = posix.extname(posix.basename(path)).slice(1).toLowerCase();
  return ext ? TYPES.get(ext) : undefined;
}

/** The extensions the portal publishes, for messages and docs. */
export const publishedExtensions: readonly string[] = [...TYPES.keys()];

/** A binary file whose first bytes are its type's signature. */
export function headMatches(type: PublishedType, head: Uint8Array): boolean {
  return type.matches?.(head) ?? false;
}

/** Text every reader sees as text: valid UTF-8 and no NUL (which makes browsers and tools treat it as binary). */
export function decodeText(bytes: Uint8Array): string | undefined {
  const file = classifyBytes(bytes);
  return file.status === 'text' && !file.lossy ? file.text : undefined;
}
