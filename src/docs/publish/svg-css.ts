/**
 * CSS in a published SVG — presentation attribute values, `style` attributes
 * and `<style>` elements — reduced to what draws. A value may not load
 * anything (only `url(#id)` references), call anything but colour, math and
 * transform functions, or hide a name behind an escape; a stylesheet keeps
 * only plain `selector { declarations }` rules (no `@import`, `@font-face` or
 * other at-rules). What this small parser does not understand is dropped,
 * never repaired: a diagram may lose a colour, the portal never runs a script.
 */
import { PRESENTATION } from './svg-allowlist.ts';

/** CSS-only properties worth keeping next to the presentation attributes; none of them takes a URL. */
const CSS_ONLY_PROPERTIES: ReadonlySet<string> = new Set([
  'font',
  'line-height',
  'white-space',
  'transform',
  'transform-box',
  'mix-blend-mode',
  'isolation',
  'text-transform',
]);

/** Functions that compute a colour, a length or a transform; `url()` is checked on its own. */
const SAFE_FUNCTIONS: ReadonlySet<string> = new Set([
  'url',
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'calc',
  'min',
  'max',
  'clamp',
  'var',
  'matrix',
  'translate',
  'translatex',
  'translatey',
  'scale',
  'scalex',
  'scaley',
  'rotate',
  'skewx',
  'skewy',
  // Filter functions of the `filter` property.
  'blur',
  'brightness',
  'contrast',
  'drop-shadow',
  'grayscale',
  'hue-rotate',
  'invert',
  'saturate',
  'sepia',
]);

/** Schemes that run script or carry a document, whatever the spacing and case they are written in. */
const ACTIVE_SCHEMES = ['javascript:', 'vbscript:', 'livescript:', 'data:'];

// Controls other than tab, LF, CR: never in a drawing, sometimes in an attack (`java\x01script:`).
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
// Every pattern here is linear on hostile input: a match starts only at a name's first character,
// and no two adjacent parts can match the same text (a 1 MB value must not take minutes).
const FUNCTION = /(?<![\w-])([a-z_-][\w-]*)\s*\(/gi;
const URL_CALL = /(?<![\w-])url\s*\(/gi;
const FRAGMENT_URL = /url\s*\(\s*(?:"\s*#[^"()\s]*\s*"|'\s*#[^'()\s]*\s*'|#[^'"()\s]*)\s*\)/iy;

/**
 * A value safe in a presentation attribute or a CSS declaration: no escapes,
 * controls or markup, quotes closed, only known functions, only `url(#id)`,
 * and no script or data scheme hidden anywhere in it.
 */
export function isSafeValue(value: string): boolean {
  if (CONTROL.test(value) || /[\\<>{}]/.test(value) || value.includes('/*') || !quotesClosed(value)) return false;
  for (const match of value.matchAll(FUNCTION)) if (!SAFE_FUNCTIONS.has(match[1]!.toLowerCase())) return false;
  for (const match of value.matchAll(URL_CALL)) {
    FRAGMENT_URL.lastIndex = match.index;
    if (!FRAGMENT_URL.test(value)) return false;
  }
  const squeezed = value.replace(/[\s\x00-\x20]+/g, '').toLowerCase();
  return !ACTIVE_SCHEMES.some((scheme) => squeezed.includes(scheme));
}

function quotesClosed(value: string): boolean {
  let open: string | undefined;
  for (const c of value) {
    if (open) {
      if (c === open) open = undefined;
    } else if (c === '"' || c === "'") open = c;
  }
  return open === undefined;
}

/** A `style` attribute's declarations, keeping the known properties with safe values. */
export function sanitizeDeclarations(css: string): string {
  const kept: string[] = [];
  for (const declaration of withoutComments(css).split(';')) {
    const colon = declaration.indexOf(':');
    if (colon === -1) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if ((PRESENTATION.has(name) || CSS_ONLY_PROPERTIES.has(name)) && value !== '' && isSafeValue(value)) kept.push(`${name}:${value}`);
  }
  return kept.join(';');
}

// Type, class, id, attribute and pseudo-class selectors and combinators: nothing that needs an escape.
const SAFE_SELECTOR = /^[\w\s.#,>+~*:()[\]="'|^$-]+$/;

/**
 * A `<style>` element's text, rebuilt rule by rule. At-rules (with their blocks),
 * nested rules, and rules with odd selectors are dropped; a stylesheet with escapes
 * or markup is dropped whole, since an escape can spell any name.
 */
export function sanitizeStylesheet(css: string): string {
  const text = withoutComments(css);
  if (/[\\<]/.test(text) || text.includes('/*')) return '';
  const rules: string[] = [];
  let at = 0;
  while (at < text.length) {
    const prelude = scanTo(text, at, '{;');
    if (prelude === undefined) break;
    const head = text.slice(at, prelude).trim();
    if (text[prelude] === ';') {
      at = prelude + 1; // `@import …;`, `@charset …;` or stray text: dropped
      continue;
    }
    const close = blockEnd(text, prelude);
    if (close === undefined) break;
    const body = text.slice(prelude + 1, close);
    if (!head.startsWith('@') && !body.includes('{') && SAFE_SELECTOR.test(head) && quotesClosed(head)) {
      const declarations = sanitizeDeclarations(body);
      if (declarations) rules.push(`${head.replace(/\s+/g, ' ')}{${declarations}}`);
    }
    at = close + 1;
  }
  return rules.join('\n');
}

/** Comments replaced by a space; an unclosed one is left in, for the callers to refuse. */
function withoutComments(css: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = css.indexOf('/*', at);
    if (start === -1) return out + css.slice(at);
    const end = css.indexOf('*/', start + 2);
    if (end === -1) return out + css.slice(at);
    out += `${css.slice(at, start)} `;
    at = end + 2;
  }
}

/** Index of the first of `stops` outside quotes, from `from`. */
function scanTo(text: string, from: number, stops: string): number | undefined {
  let open: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (open) {
      if (c === open) open = undefined;
    } else if (c === '"' || c === "'") open = c;
    else if (stops.includes(c)) return i;
  }
  return undefined;
}

/** Index of the `}` that closes the block opened at `open`, counting nested blocks. */
function blockEnd(text: string, open: number): number | undefined {
  let depth = 0;
  let at = open;
  for (;;) {
    const next = scanTo(text, at, '{}');
    if (next === undefined) return undefined;
    depth += text[next] === '{' ? 1 : -1;
    if (depth === 0) return next;
    at = next + 1;
  }
}
