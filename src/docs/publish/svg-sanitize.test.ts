import fc from 'fast-check';
import { optimize } from 'svgo';
import { describe, expect, it } from 'vitest';
import { SVG_ATTRIBUTES, SVG_ELEMENTS } from './svg-allowlist.ts';
import { isFragmentHref, sanitizeSvg } from './svg-sanitize.ts';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

/**
 * The published SVG as a browser opening it reads it: strict XML (svgo's sax
 * parser throws on anything malformed), with entities decoded. Test-only use of
 * svgo, which Astro already installs.
 */
function readAsXml(svg: string): XmlElement[] {
  const elements: XmlElement[] = [];
  optimize(svg, {
    plugins: [
      {
        name: 'collect',
        fn: () => ({
          element: {
            enter: (node) => {
              const text = node.children.map((c) => (c.type === 'text' || c.type === 'cdata' ? c.value : '')).join('');
              elements.push({ name: node.name, attributes: { ...node.attributes }, text });
            },
          },
        }),
      },
    ],
  });
  return elements;
}

const ACTIVE_SCHEME = /(javascript|vbscript|livescript|data):/;

/** Nothing in `svg` can run script or load anything when it is opened on its own. */
function expectInert(svg: string): XmlElement[] {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  // No doctype, entity declaration, processing instruction, comment or CDATA: only elements and escaped text.
  expect(svg).not.toMatch(/<[!?]/);
  expect(svg.replace(/&(amp|lt|gt|quot);/g, '')).not.toContain('&');
  const elements = readAsXml(svg);
  for (const el of elements) {
    expect(SVG_ELEMENTS.has(el.name), `<${el.name}>`).toBe(true);
    for (const [name, value] of Object.entries(el.attributes)) {
      expect(name === 'xmlns' ? el === elements[0] : SVG_ATTRIBUTES.has(name), `${el.name} ${name}`).toBe(true);
      expect(name, `${el.name} ${name}`).not.toMatch(/^on/i);
      if (name === 'href') expect(value.startsWith('#'), `${el.name} href=${value}`).toBe(true);
      expect(value.replace(/[\s\x00-\x20]+/g, '').toLowerCase(), `${el.name} ${name}`).not.toMatch(ACTIVE_SCHEME);
      if (name === 'attributeName') expect(value).not.toMatch(/href|^on|style|class/i);
    }
    if (el.name === 'style') expect(el.text).not.toMatch(/@|\\|url\((?!\s*['"]?#)/i);
  }
  return elements;
}

const sanitized = (source: string): string => {
  const result = sanitizeSvg(source);
  if (!result) throw new Error(`no <svg> in ${source}`);
  return result.svg;
};

const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Known SVG XSS vectors: each must come out inert, and (where the payload is not text) without its payload. */
const vectors: Record<string, string> = {
  'onload on the root': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
  'onload in odd case': '<svg OnLoAd="alert(1)"><rect width="1" height="1"/></svg>',
  'event handler on a shape': '<svg><rect onclick="alert(1)" onmouseover=alert(1) width="5"/></svg>',
  'script element': '<svg><script>alert(1)</script></svg>',
  'script in CDATA': '<svg><script type="text/ecmascript"><![CDATA[ alert(1) ]]></script></svg>',
  'external script': `<svg ${XLINK}><script xlink:href="https://evil.example/x.js"/></svg>`,
  'javascript: in xlink:href': `<svg ${XLINK}><a xlink:href="javascript:alert(1)"><rect width="9" height="9"/></a></svg>`,
  'entity-encoded javascript:': '<svg><a href="&#106;avascript:alert(1)"><rect width="9" height="9"/></a></svg>',
  'hex entities and &colon;': '<svg><a href="&#x6A;&#x61;&#x76;&#x61;script&colon;alert(1)"><rect/></a></svg>',
  'newline inside the scheme': '<svg><a href="java&#x0A;script:alert(1)"><rect/></a></svg>',
  'tab inside the scheme': '<svg><a href="java\tscript:alert(1)"><rect/></a></svg>',
  'leading spaces, tabs and newlines': '<svg><a href=" \t\n javascript:alert(1)"><rect/></a></svg>',
  'vbscript:': '<svg><a href="vbscript:msgbox(1)"><rect/></a></svg>',
  'animate href to javascript:': '<svg><a><animate attributeName="href" to="javascript:alert(1)"/><text x="1" y="10">x</text></a></svg>',
  'animate xlink:href values': `<svg ${XLINK}><a xlink:href="#x"><animate attributeName="xlink:href" values="#x;javascript:alert(1)" dur="1s"/><rect/></a></svg>`,
  'set href to javascript:': '<svg><a><set attributeName="href" to="javascript:alert(1)"/><rect/></a></svg>',
  'set an event handler': '<svg><rect><set attributeName="onmouseover" to="alert(1)"/></rect></svg>',
  'animate with onbegin': '<svg><rect><animate attributeName="x" from="0" to="5" dur="1s" onbegin="alert(1)"/></rect></svg>',
  'animateMotion through mpath': `<svg ${XLINK}><rect><animateMotion dur="1s"><mpath xlink:href="https://evil.example/p.svg#p"/></animateMotion></rect></svg>`,
  'foreignObject with HTML': '<svg><foreignObject width="100" height="100"><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>',
  'foreignObject with an XHTML body':
    '<svg><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script><img src=x onerror=alert(1)></body></foreignObject></svg>',
  'handler element': '<svg><handler type="application/ecmascript" ev:event="load">alert(1)</handler></svg>',
  'listener element': '<svg><listener event="load" handler="#h"/></svg>',
  'iframe, embed, object': '<svg><iframe src="javascript:alert(1)"/><embed src="javascript:alert(1)"/><object data="javascript:alert(1)"/></svg>',
  'use with a data: SVG': `<svg><use href="data:image/svg+xml;base64,${b64('<svg id="x" xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')}#x"/></svg>`,
  'use of an external sprite': `<svg ${XLINK}><use xlink:href="https://evil.example/sprite.svg#icon"/></svg>`,
  'image with javascript: and data:': `<svg ${XLINK}><image href="javascript:alert(1)"/><image xlink:href="data:image/svg+xml,&lt;svg onload='alert(1)'/&gt;"/></svg>`,
  feImage: '<svg><filter id="f"><feImage href="https://evil.example/x.svg"/></filter></svg>',
  'DOCTYPE with an entity': '<!DOCTYPE svg [<!ENTITY js "javascript:alert(1)">]><svg><a href="&js;"><rect/></a></svg>',
  'xml-stylesheet processing instruction': '<?xml-stylesheet type="text/xsl" href="evil.xsl"?><svg><rect/></svg>',
  'style @import': '<svg><style>@import url(javascript:alert(1));</style><rect/></svg>',
  'style with a javascript: url': '<svg><style>rect { fill: url(javascript:alert(1)) } circle{fill:url("https://evil.example/x")}</style><rect/></svg>',
  'style with a CSS escape': '<svg><style>@\\69mport "https://evil.example/x.css";</style><rect/></svg>',
  'style attribute with url() and binding':
    '<svg><rect style="fill:url(javascript:alert(1));-moz-binding:url(https://evil.example/x.xml#b);behavior:url(x.htc)"/></svg>',
  'presentation attribute with an encoded url': '<svg><rect fill="url(&#x6A;avascript:alert(1))" filter="url(https://evil.example/f.svg#f)"/></svg>',
  'xml:base to javascript:': '<svg><a xml:base="javascript:alert(1)//" href="#x"><rect/></a></svg>',
  'nested svg with onload': '<svg><svg onload="alert(1)"><rect/></svg></svg>',
  'script in title': '<svg><title><script>alert(1)</script></title><rect/></svg>',
  'markup that leaves the SVG': '<svg><p>out</p><script>alert(1)</script><img src=x onerror=alert(1)></svg>',
  'textPath to javascript:': '<svg><text><textPath href="javascript:alert(1)">x</textPath></text></svg>',
};

describe('SVG XSS vectors come out inert', () => {
  it('has a battery of at least 25', () => expect(Object.keys(vectors).length).toBeGreaterThanOrEqual(25));

  for (const [name, source] of Object.entries(vectors)) {
    it(name, () => {
      const svg = sanitized(source);
      expectInert(svg);
      expect(svg).not.toMatch(/alert|msgbox|evil/);
    });
  }

  it('reads CDATA in text as text, and markup in <title>/<desc> as HTML that is dropped', () => {
    const inText = sanitized('<svg><text><![CDATA[</text><script>alert(1)</script>]]></text></svg>');
    expect(expectInert(inText)[1]!.text).toBe('</text><script>alert(1)</script>');
    // <desc> and <title> hold HTML in the HTML parser: the CDATA is a comment, the script an HTML element.
    const inDesc = sanitized('<svg><desc><![CDATA[</desc><script>alert(1)</script>]]></desc></svg>');
    expect(expectInert(inDesc).map((e) => e.name)).toEqual(['svg', 'desc']);
    expect(inDesc).not.toMatch(/alert/);
  });

  it('keeps names in its notes plain', () => {
    expect(sanitizeSvg('<svg><x\x1b[31m\u202e></svg>')!.removed).toEqual(['<x??31m?>']);
  });

  it('says what active content it removed', () => {
    expect(sanitizeSvg(vectors['onload on the root']!)!.removed).toEqual(['event handlers (on… attributes)']);
    expect(sanitizeSvg(vectors['script element']!)!.removed).toEqual(['<script>']);
    expect(sanitizeSvg(vectors['animate href to javascript:']!)!.removed).toEqual(['<animate> of "href"']);
    expect(sanitizeSvg(vectors['use with a data: SVG']!)!.removed).toEqual(['links to anything but #id (href)']);
    // Editor metadata is not worth a warning.
    expect(sanitizeSvg('<svg><metadata><rdf:RDF/></metadata><sodipodi:namedview/><rect inkscape:label="x"/></svg>')!.removed).toEqual([]);
  });

  it('publishes nothing from a file with no <svg> element', () => {
    expect(sanitizeSvg('<html><script>alert(1)</script></html>')).toBeUndefined();
    expect(sanitizeSvg('')).toBeUndefined();
  });
});

const diagram = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generator: some editor -->
<svg xmlns="http://www.w3.org/2000/svg" ${XLINK} width="200" height="100" viewBox="0 0 200 100">
  <title>Flow</title>
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1" gradientUnits="objectBoundingBox">
      <stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#09f"/>
    </linearGradient>
    <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker>
    <symbol id="box"><rect width="40" height="20" rx="3"/></symbol>
    <filter id="shadow"><feDropShadow dx="1" dy="1" stdDeviation="1"/></filter>
    <clipPath id="clip"><rect width="200" height="100"/></clipPath>
  </defs>
  <style>.label { font: 12px sans-serif; fill: #333 }</style>
  <g id="nodes" transform="translate(10 10)" fill="url(#g)" stroke="#333" stroke-width="1.5" filter="url(#shadow)" clip-path="url(#clip)">
    <use href="#box" x="0" y="0"/>
    <use xlink:href="#box" x="120" y="0"/>
    <circle cx="100" cy="50" r="8" style="fill: #f60; stroke: none"/>
    <polygon points="0,0 5,5 0,10"/>
  </g>
  <path d="M50 20 L130 20" stroke="#333" marker-end="url(#arrow)" fill="none" stroke-dasharray="4 2"/>
  <text x="10" y="60" class="label" xml:space="preserve">API &amp; <tspan font-weight="bold">DB</tspan> &lt;3</text>
  <g opacity="0.5"><ellipse cx="150" cy="80" rx="20" ry="5"><animate attributeName="opacity" values="0;1;0" dur="2s" repeatCount="indefinite"/></ellipse></g>
</svg>`;

describe('a normal diagram survives', () => {
  it('keeps every shape, reference, gradient, text and style, as valid SVG XML', () => {
    const svg = sanitized(diagram);
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">' +
        '<title>Flow</title>' +
        '<defs>' +
        '<linearGradient id="g" x1="0" y1="0" x2="1" y2="1" gradientUnits="objectBoundingBox"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#09f"/></linearGradient>' +
        '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker>' +
        '<symbol id="box"><rect width="40" height="20" rx="3"/></symbol>' +
        '<filter id="shadow"><feDropShadow dx="1" dy="1" stdDeviation="1"/></filter>' +
        '<clipPath id="clip"><rect width="200" height="100"/></clipPath>' +
        '</defs>' +
        '<style>.label{font:12px sans-serif;fill:#333}</style>' +
        '<g id="nodes" transform="translate(10 10)" fill="url(#g)" stroke="#333" stroke-width="1.5" filter="url(#shadow)" clip-path="url(#clip)">' +
        '<use href="#box" x="0" y="0"/><use href="#box" x="120" y="0"/>' +
        '<circle cx="100" cy="50" r="8" style="fill:#f60;stroke:none"/>' +
        '<polygon points="0,0 5,5 0,10"/>' +
        '</g>' +
        '<path d="M50 20 L130 20" stroke="#333" marker-end="url(#arrow)" fill="none" stroke-dasharray="4 2"/>' +
        '<text x="10" y="60" class="label" xml:space="preserve">API &amp; <tspan font-weight="bold">DB</tspan> &lt;3</text>' +
        '<g opacity="0.5"><ellipse cx="150" cy="80" rx="20" ry="5"><animate attributeName="opacity" values="0;1;0" dur="2s" repeatCount="indefinite"/></ellipse></g>' +
        '</svg>',
    );
    expect(sanitizeSvg(diagram)!.removed).toEqual([]);
    expectInert(svg);
  });

  it('is stable: sanitizing its own output changes nothing', () => {
    const once = sanitized(diagram);
    expect(sanitized(once)).toBe(once);
  });

  it('keeps non-ASCII text and drops characters XML cannot hold', () => {
    const svg = sanitized('<svg><text>Zürich → 東京 &#x1F600; a&#1;b</text></svg>');
    expect(readAsXml(svg)[1]!.text).toBe('Zürich → 東京 😀 ab');
  });

  it('bounds nesting depth', () => {
    const svg = sanitized(`<svg>${'<g>'.repeat(5000)}<rect/>${'</g>'.repeat(5000)}</svg>`);
    expectInert(svg);
    expect(sanitizeSvg(`<svg>${'<g>'.repeat(5000)}</svg>`)!.removed).toEqual(['elements nested over 256 deep']);
  });
});

describe('fragment hrefs', () => {
  it('accepts #id only', () => {
    expect(isFragmentHref('#a')).toBe(true);
    expect(isFragmentHref('  #a\n')).toBe(true);
    for (const href of ['', 'a#b', '/#a', 'javascript:alert(1)//#', '#a x', '# a', '#a\tb', 'data:,#a', '//evil#a'])
      expect(isFragmentHref(href), href).toBe(false);
  });
});

describe('any attribute soup comes out inert (property)', () => {
  const payloads = [
    'javascript:alert(1)',
    'vbscript:x',
    'data:text/html,x',
    'url(javascript:x)',
    'url(https://e/x)',
    'url(#ok)',
    '#ok',
    'alert(1)',
    'expression(x)',
    '\\75rl(x)',
    'red',
    '1',
    'translate(1 2)',
    'href',
    'xlink:href',
    'onload',
    'fill',
  ];
  const names = [
    'onload',
    'ONCLICK',
    'onbegin',
    'href',
    'xlink:href',
    'HREF',
    'style',
    'fill',
    'stroke',
    'filter',
    'mask',
    'attributeName',
    'to',
    'values',
    'from',
    'xml:base',
    'xmlns',
    'src',
    'class',
    'id',
    'transform',
    'begin',
  ];
  const tags = [
    'g',
    'rect',
    'a',
    'use',
    'animate',
    'set',
    'animateTransform',
    'script',
    'foreignObject',
    'image',
    'feImage',
    'style',
    'text',
    'tspan',
    'textPath',
    'iframe',
    'handler',
    'svg',
    'title',
    'switch',
    'div',
  ];
  /** A character as an attacker might encode it: literal, decimal or hex reference, with stray whitespace. */
  const encodedChar = (c: string) =>
    fc.constantFrom(
      c,
      `&#${c.codePointAt(0)};`,
      `&#x${c.codePointAt(0)!.toString(16)};`,
      `&#x000${c.codePointAt(0)!.toString(16).toUpperCase()};`,
      `${c}&#x0A;`,
      `\t${c}`,
    );
  const encoded = (s: string) => fc.tuple(...[...s].map(encodedChar)).map((parts) => parts.join(''));
  const value = fc.oneof(
    fc.constantFrom(...payloads).chain(encoded),
    fc.string({ maxLength: 12 }).map((s) => s.replace(/["&<]/g, '')),
  );
  const attribute = fc.tuple(fc.constantFrom(...names), value).map(([n, v]) => ` ${n}="${v.replace(/"/g, '')}"`);
  const element: fc.Memo<string> = fc.memo((depth) =>
    fc
      .tuple(
        fc.constantFrom(...tags),
        fc.array(attribute, { maxLength: 4 }),
        depth > 1 ? fc.array(element(depth - 1), { maxLength: 3 }) : fc.constant([]),
        fc.constantFrom('', 'x', '<![CDATA[<script>alert(1)</script>]]>', '&lt;script&gt;', '@import url(javascript:x); a{fill:red}'),
      )
      .map(([tag, attrs, children, text]) => `<${tag}${attrs.join('')}>${text}${children.join('')}</${tag}>`),
  );

  it('has no on… attribute, no non-fragment href, no active scheme, and parses as XML', () => {
    fc.assert(
      fc.property(fc.array(attribute, { maxLength: 4 }), fc.array(element(3), { maxLength: 4 }), (rootAttrs, children) => {
        expectInert(sanitized(`<svg${rootAttrs.join('')}>${children.join('')}</svg>`));
      }),
      { numRuns: 300 },
    );
  });

  it('survives arbitrary text around an <svg> element', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (before, inside) => {
        const result = sanitizeSvg(`${before}<svg>${inside}</svg>`);
        if (result) expectInert(result.svg);
      }),
      { numRuns: 300 },
    );
  });
});
