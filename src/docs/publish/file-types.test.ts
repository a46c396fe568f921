import { describe, expect, it } from 'vitest';
import { decodeText, headMatches, publishedTypeOf } from './file-types.ts';

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const ftyp = (major: string, ...compatible: string[]) => {
  const body = bytes('ftyp', major, [0, 0, 0, 0], ...compatible);
  return bytes([0, 0, 0, body.length + 4], body);
};

describe('which file names the portal publishes', () => {
  it('publishes passive types, whatever the case of the extension', () => {
    for (const name of [
      'a.png',
      'a.PNG',
      'a.jpg',
      'a.jpeg',
      'a.gif',
      'a.webp',
      'a.avif',
      'a.ico',
      'a.bmp',
      'a.pdf',
      'a.svg',
      'a.mp4',
      'a.webm',
      'a.txt',
      'a.csv',
      'a.tsv',
      'a.log',
      'a.json',
      'a.yaml',
      'a.yml',
      'a.toml',
      'dir.v2/notes.TXT',
    ]) {
      expect(publishedTypeOf(name), name).toBeDefined();
    }
  });

  it('publishes nothing a browser may open as a document, nor names it cannot type', () => {
    const refused = [
      'a.html',
      'a.htm',
      'a.xhtml',
      'a.xht',
      'a.shtml',
      'a.mht',
      'a.mhtml',
      'a.xml',
      'a.xsl',
      'a.xslt',
      'a.svgz',
      'a.rss',
      'a.atom',
      'a.kml',
      'a.rdf',
      'a.mathml',
      'a.js',
      'a.mjs',
      'a.css',
      'a.wasm',
      'a.swf',
      'a.md',
      'a.woff2',
      'a.exe',
      'noext',
      'docs/noext',
      '.png',
      'a.png.',
      'a.png ',
      'a.png/x',
      'a.png.html',
      'a.png%00.html',
      'a.svg.xht',
    ];
    for (const name of refused) expect(publishedTypeOf(name), name).toBeUndefined();
  });
});

describe('a binary file is what its name says', () => {
  const check = (name: string, head: Uint8Array) => headMatches(publishedTypeOf(name)!, head);
  const html = bytes('<!doctype html><script>alert(1)</script>');

  it('accepts each type by its signature', () => {
    expect(check('a.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'))).toBe(true);
    expect(check('a.jpg', bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(check('a.gif', bytes('GIF89a'))).toBe(true);
    expect(check('a.gif', bytes('GIF87a'))).toBe(true);
    expect(check('a.webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe(true);
    expect(check('a.avif', ftyp('avif', 'mif1', 'miaf'))).toBe(true);
    expect(check('a.avif', ftyp('mif1', 'avif'))).toBe(true);
    expect(check('a.ico', bytes([0, 0, 1, 0, 1, 0]))).toBe(true);
    expect(check('a.bmp', bytes('BM', [0, 0]))).toBe(true);
    expect(check('a.pdf', bytes('%PDF-1.7\n'))).toBe(true);
    expect(check('a.mp4', ftyp('isom', 'isom', 'mp41'))).toBe(true);
    expect(check('a.webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'))).toBe(true);
  });

  it('refuses HTML, other types and empty files under a binary name', () => {
    for (const name of ['a.png', 'a.jpg', 'a.gif', 'a.webp', 'a.avif', 'a.ico', 'a.bmp', 'a.pdf', 'a.mp4', 'a.webm']) {
      expect(check(name, html), name).toBe(false);
      expect(check(name, new Uint8Array()), name).toBe(false);
    }
    expect(check('a.png', bytes('GIF89a'))).toBe(false);
    expect(check('a.avif', ftyp('isom', 'mp41'))).toBe(false);
    expect(check('a.webm', bytes([0x1a, 0x45, 0xdf, 0xa3], 'matroska'))).toBe(false);
  });
});

describe('a text file is text to every reader', () => {
  it('accepts UTF-8, BOM or not', () => {
    expect(decodeText(Buffer.from('a,b\nçé,ü\n'))).toBe('a,b\nçé,ü\n');
    expect(decodeText(Buffer.from('\ufeffhello'))).toBe('hello');
  });

  it('refuses NUL, invalid UTF-8 and UTF-16', () => {
    expect(decodeText(Buffer.from('a\0b'))).toBeUndefined();
    expect(decodeText(bytes([0x61, 0xff, 0x62]))).toBeUndefined();
    expect(decodeText(bytes([0xc0, 0xaf]))).toBeUndefined(); // overlong '/'
    expect(decodeText(Buffer.from('\ufeffhi', 'utf16le'))).toBeUndefined();
  });
});
