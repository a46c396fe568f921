/**
 * python-slugify's `slugify(text)` with its defaults, as the monorepo plugin
 * uses it to turn a site_name into a URL prefix (`Component A` →
 * `component-a`). Transliteration (text-unidecode) is approximated: accents
 * are dropped and a few Latin letters spelled out; other scripts are removed.
 */

const SPELLED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'Th',
  ð: 'd',
  Ð: 'D',
  ı: 'i',
};

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function pySlugify(text: string): string {
  let s = text.replace(/'+/g, '-');
  s = s.normalize('NFKD').replace(/\p{M}/gu, '');
  s = [...s].map((c) => SPELLED[c] ?? c).join('');
  // Entities are decoded after transliteration, so a decoded non-ASCII letter is later dropped, as in python-slugify.
  s = s.replace(/&(\w+);/g, (m, name: string) => NAMED_ENTITIES[name] ?? (/^[a-zA-Z]+$/.test(name) ? '\u0001' : m));
  s = s.replace(/&#(\d+);/g, (_, n: string) => safeChar(Number(n)));
  s = s.replace(/&#x([\da-fA-F]+);/g, (_, n: string) => safeChar(parseInt(n, 16)));
  s = s.normalize('NFKD').toLowerCase();
  s = s.replace(/'+/g, '');
  s = s.replace(/(?<=\d),(?=\d)/g, '');
  s = s.replace(/[^-a-zA-Z0-9]+/g, '-');
  return s.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** The monorepo plugin's alias: the site_name itself when it is path-like, else its slug. */
export function monorepoAlias(siteName: string): string {
  return /^[a-zA-Z0-9_.\-/]+$/.test(siteName) ? siteName : pySlugify(siteName);
}
