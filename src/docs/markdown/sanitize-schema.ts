/**
 * What may reach a docs page. GitHub's schema (hast-util-sanitize's default)
 * extended with the markup MkDocs/Material produce (classes, admonitions,
 * tabs' radio inputs, details, abbr, mark, figure, keys) and tightened:
 * no `name` except on inputs, no form attributes, and elements whose
 * content is code or chrome are dropped whole rather than unwrapped.
 * Everything we generate passes through this schema too.
 *
 * Ids are kept as written (no `user-content-` prefix): headings, footnotes
 * and tabs need exact ids, and TechDocs links rely on author ids. Without
 * `name` attributes and without img/form/embed/object/iframe elements
 * carrying names, ids cannot clobber `document` properties; they can only
 * shadow *undefined* globals (`window.foo`), so portal scripts must not
 * test for globals by name.
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';

const FORM_ATTRIBUTES = new Set(['action', 'method', 'encType', 'acceptCharset', 'accept', 'name', 'prompt']);

/** Dropped with everything inside (the rest of the unknown elements are unwrapped, keeping their text). */
export const STRIPPED = [
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'title',
  'textarea',
  'select',
  'svg',
  'math',
  'form',
  'button',
  'meta',
  'base',
  'link',
  'head',
  'portal',
];

const EXTRA_TAGS = [
  'abbr',
  'mark',
  'figure',
  'figcaption',
  'label',
  'u',
  'small',
  'cite',
  'dfn',
  'time',
  'caption',
  'colgroup',
  'col',
  'article',
  'aside',
  'header',
  'footer',
  'address',
  'wbr',
  'bdi',
  'bdo',
];

const defaults = defaultSchema.attributes ?? {};
const everywhere = (defaults['*'] ?? []).filter((a) => !(typeof a === 'string' && FORM_ATTRIBUTES.has(a)));

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  strip: STRIPPED,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => !STRIPPED.includes(t)), ...EXTRA_TAGS],
  attributes: {
    ...defaults,
    '*': [...everywhere, 'className', 'role', 'ariaLabel', 'ariaHidden', 'ariaDescribedBy', 'ariaLabelledBy'],
    a: ['href', 'rel', 'download', 'hrefLang'],
    img: ['src', 'alt', 'longDesc', 'loading', 'srcSet', 'sizes'],
    input: [['type', 'checkbox', 'radio'], 'name', 'checked', 'disabled'],
    div: ['dataTabs'],
    code: [],
    // Set on scrolling code blocks and tables (scroll-regions.ts) so the keyboard reaches them.
    pre: ['tabIndex'],
    table: ['tabIndex'],
    li: [],
    ol: ['reversed', 'type'],
    ul: [],
    h2: [],
    section: [],
  },
  protocols: {
    cite: ['http', 'https'],
    href: ['http', 'https', 'mailto', 'tel', 'irc', 'ircs', 'xmpp'],
    longDesc: ['http', 'https'],
    // data: is narrowed to image types on <img> by html-audit.ts before sanitizing.
    src: ['http', 'https', 'data'],
  },
  required: { input: { type: 'checkbox' } },
};

/** Protocols some URL property allows; the audit reports any other protocol as removed. */
export const URL_PROPERTIES = ['href', 'src', 'cite', 'longDesc', 'action', 'formAction', 'poster', 'background', 'xLinkHref', 'srcSet'];
