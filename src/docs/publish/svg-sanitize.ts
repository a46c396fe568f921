/**
 * An SVG from a repo → an SVG the portal can serve from its own origin.
 *
 * Served as `image/svg+xml`, an SVG opened on its own is a document: script,
 * event handlers, `javascript:` links, HTML in `foreignObject` all run on the
 * portal's origin. Searching the text for those misses their encodings
 * (`&#106;avascript:`, `java&#x0A;script:`, DTD entities, CSS escapes), so the
 * file is parsed (parse5, as browsers parse SVG inside HTML: entities are
 * decoded before any check), every element and attribute not on the allowlist
 * is dropped, and the published file is this module's own serialization of
 * what is left — never the original bytes. Whatever the parser made of odd
 * input, the output holds only listed names and checked values.
 */
import { html, parseFragment, type DefaultTreeAdapterTypes as P5 } from 'parse5';
import { isAllowedAnimation, isKeptAttribute, keptElementName, TEXT_ELEMENTS, UNWRAPPED_ELEMENTS } from './svg-allowlist.ts';
import { isSafeValue, sanitizeDeclarations, sanitizeStylesheet } from './svg-css.ts';

const SVG_NS = html.NS.SVG;

/** Deeper nesting is dropped: no drawing needs it, and it keeps the walk's stack bounded. */
const MAX_DEPTH = 256;

export interface SanitizedSvg {
  /** The SVG to publish, as XML with the SVG namespace. */
  svg: string;
  /** What was removed that could have run or loaded something (`<script>`, `on… attributes`…), for the author. */
  removed: string[];
}

/** The sanitized SVG; undefined when the input has no `<svg>` element. */
export function sanitizeSvg(source: string): SanitizedSvg | undefined {
  const root = findSvg(parseFragment(source));
  if (!root) return undefined;
  const walk = new Walk();
  const svg = `<svg xmlns="${SVG_NS}"${walk.attributesOf(root, 'svg')}>${walk.childrenOf(root, 1)}</svg>`;
  return { svg, removed: [...walk.removed] };
}

function findSvg(node: P5.ParentNode): P5.Element | undefined {
  const stack: P5.ChildNode[] = [...node.childNodes].reverse();
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (!('tagName' in child)) continue;
    if (child.tagName === 'svg' && child.namespaceURI === SVG_NS) return child;
    stack.push(...[...child.childNodes].reverse());
  }
  return undefined;
}

/** One sanitizing pass: the output, and a note of each kind of active content it removed. */
class Walk {
  readonly removed = new Set<string>();

  childrenOf(parent: P5.Element, depth: number): string {
    if (parent.tagName === 'style') return escapeText(sanitizeStylesheet(textOf(parent)));
    const keepText = TEXT_ELEMENTS.has(parent.tagName);
    let out = '';
    for (const child of parent.childNodes) {
      if (child.nodeName === '#text') {
        if (keepText) out += escapeText((child as P5.TextNode).value);
      } else if ('tagName' in child) {
        out += this.element(child, depth);
      }
      // Comments, doctypes and processing instructions (parsed as comments) are dropped.
    }
    return out;
  }

  element(node: P5.Element, depth: number): string {
    if (depth > MAX_DEPTH) return this.drop(`elements nested over ${MAX_DEPTH} deep`);
    // HTML elements (in foreignObject, or after markup the parser moved out of the SVG) never stay.
    if (node.namespaceURI !== SVG_NS) return this.drop(`<${node.tagName}>`);
    if (UNWRAPPED_ELEMENTS.has(node.tagName)) {
      if (node.attrs.some((a) => a.name === 'href' && !isFragmentHref(a.value))) this.removed.add(`<${node.tagName} href> links`);
      return this.childrenOf(node, depth + 1);
    }
    const name = keptElementName(node.tagName);
    // Editor data (`sodipodi:namedview`, `<metadata>`) is dropped without a note: it never ran.
    if (name === undefined) return node.tagName.includes(':') || node.tagName === 'metadata' ? '' : this.drop(`<${node.tagName}>`);
    const target = attributeValue(node, 'attributeName');
    if (!isAllowedAnimation(name, target)) return this.drop(`<${name}> of ${JSON.stringify(target ?? '')}`);
    const inner = this.childrenOf(node, depth + 1);
    const open = `${name}${this.attributesOf(node, name)}`;
    return inner === '' ? `<${open}/>` : `<${open}>${inner}</${name}>`;
  }

  attributesOf(node: P5.Element, tagName: string): string {
    const kept = new Map<string, string>();
    for (const attr of node.attrs) {
      const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
      if (!isKeptAttribute(tagName, name)) {
        if (/^on/i.test(name)) this.removed.add('event handlers (on… attributes)');
        continue;
      }
      const value = safeAttributeValue(name, attr.value);
      if (value === undefined) {
        // A style left empty usually held editor-only properties (`-inkscape-…`): not worth a note.
        if (name !== 'style') this.removed.add(name.endsWith('href') ? 'links to anything but #id (href)' : `unsafe ${name} values`);
        continue;
      }
      // SVG 2 `href` replaces `xlink:href` (and wins over it), so the output needs no xlink namespace.
      const key = name === 'xlink:href' ? 'href' : name;
      if (name === 'xlink:href' && kept.has('href')) continue;
      kept.set(key, value);
    }
    let out = '';
    for (const [name, value] of kept) out += ` ${name}="${escapeAttribute(value)}"`;
    return out;
  }

  private drop(what: string): string {
    // Names are repo content, and the note reaches logs: plain characters only, capped.
    this.removed.add(what.replace(/[^\w:<>" -]/g, '?').slice(0, 60));
    return '';
  }
}

/** The text directly inside an element (in SVG, a `<style>`'s children are parsed as markup, not kept as raw text). */
function textOf(node: P5.Element): string {
  return node.childNodes.map((c) => (c.nodeName === '#text' ? (c as P5.TextNode).value : '')).join('');
}

function safeAttributeValue(name: string, value: string): string | undefined {
  if (name === 'href' || name === 'xlink:href') return isFragmentHref(value) ? value.trim() : undefined;
  if (name === 'style') return sanitizeDeclarations(value) || undefined;
  if (name === 'xml:space') return value === 'default' || value === 'preserve' ? value : undefined;
  return isSafeValue(value) ? value : undefined;
}
/**
 * A reference to an element of the same file (`#id`): the only link an SVG may
 * keep. Browsers strip leading and trailing spaces and controls from URLs, so
 * the check does too, and nothing but `#` may start it.
 */
export function isFragmentHref(value: string): boolean {
  return /^#[^\s\x00-\x1f\x7f]*$/.test(value.trim());
}

function attributeValue(node: P5.Element, name: string): string | undefined {
  return node.attrs.find((a) => !a.prefix && a.name === name)?.value;
}

// XML 1.0 forbids these characters anywhere; a lone surrogate is not text either.
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|\p{Surrogate}/gu;

function escapeText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
