/**
 * Just enough HTML reading for the links check: the URL attributes and the
 * ids of a built page. The pages are Astro's output (well-formed, attribute
 * values quoted), so a tag-level regex is enough, and no parser dependency.
 */

export interface UrlAttribute {
  tag: string;
  attribute: string;
  value: string;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href']);

/** Tags with their attribute text; script/style bodies and comments are dropped first. */
function tags(html: string): { tag: string; attributes: Map<string, string> }[] {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2\s*>/gi, '$1');
  const found: { tag: string; attributes: Map<string, string> }[] = [];
  for (const [, tag = '', rest = ''] of markup.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const attributes = new Map<string, string>();
    for (const [, name = '', doubleQuoted, singleQuoted, bare] of rest.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attributes.set(name.toLowerCase(), decodeEntities(doubleQuoted ?? singleQuoted ?? bare ?? ''));
    }
    found.push({ tag: tag.toLowerCase(), attributes });
  }
  return found;
}

/** Every URL-valued attribute (href, src, …) and every srcset candidate. */
export function urlAttributes(html: string): UrlAttribute[] {
  const urls: UrlAttribute[] = [];
  for (const { tag, attributes } of tags(html)) {
    for (const [attribute, value] of attributes) {
      if (URL_ATTRIBUTES.has(attribute)) urls.push({ tag, attribute, value: value.trim() });
      if (attribute === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) urls.push({ tag, attribute, value: url });
        }
      }
    }
  }
  return urls;
}

/** The ids a fragment can point to (`id`, and `name` on `<a>`). */
export function fragmentTargets(html: string): Set<string> {
  const ids = new Set<string>();
  for (const { tag, attributes } of tags(html)) {
    const id = attributes.get('id');
    if (id) ids.add(id);
    const name = attributes.get('name');
    if (tag === 'a' && name) ids.add(name);
  }
  return ids;
}

/** True for `javascript:` URLs, however disguised (case, whitespace, control characters). */
export function isJavaScriptUrl(value: string): boolean {
  return /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''));
}

function decodeEntities(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n' };
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (entity, body: string) => {
    if (!body.startsWith('#')) return named[body.toLowerCase()] ?? entity;
    const code = /^#x/i.test(body) ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
