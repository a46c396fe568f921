/**
 * XSS vectors (mostly from the OWASP XSS Filter Evasion Cheat Sheet), raw
 * and through our own syntax; none may leave anything executable.
 */
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parse, render, select } from '../../../test/support/render-markdown.ts';

const VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<img """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC="jav\tascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<img srcset="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<a href="java&#0000099ript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<img src="data:text/html,<script>alert(1)</script>">',
  '[md link](javascript:alert(1))',
  '[md link](JaVaScRiPt:alert(1))',
  '![md image](javascript:alert(1))',
  '[ref link][r]\n\n[r]: javascript:alert(1)',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  "<style>@import 'javascript:alert(1)';</style>",
  '<div style="background-image: url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1));">x</div>',
  '<TABLE BACKGROUND="javascript:alert(\'XSS\')"><tr><td>x</td></tr></TABLE>',
  '<details open ontoggle=alert(1)>x</details>',
  '<input type="text" onfocus=alert(1) autofocus>',
  '<video><source onerror="alert(1)"></video>',
  '<template><script>alert(1)</script></template>',
  '<textarea><script>alert(1)</script></textarea>',
  '<a href="https://ok.example" target="_blank" onmouseover="alert(1)">x</a>',
  '<img name="getElementById" src="a.png"><form name="cookie"></form>',
  '[x](https://ok.example){ onclick="alert(1)" }',
  '[x](https://ok.example){ href="javascript:alert(1)" }',
  '![x](https://ok.example/a.png){ onerror="alert(1)" style="position:fixed" }',
  '!!! note "<img src=x onerror=alert(1)>"\n    body <script>alert(1)</script>',
  '=== "<script>alert(1)</script>"\n    body',
  '```js title="<script>alert(1)</script>"\nx\n```',
  '{>><script>alert(1)</script><<}',
  '<div markdown="1" onclick="alert(1)">\n**x** <script>alert(1)</script>\n</div>',
];

const FORBIDDEN_TAGS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'button',
  'meta',
  'base',
  'link',
  'svg',
  'math',
  'textarea',
  'template',
  'noscript',
  'body',
]);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'background', 'data', 'srcDoc', 'srcSet', 'poster', 'cite'];

function problems(html: string): string[] {
  const found: string[] = [];
  visit(parse(html), 'element', (node: Element) => {
    if (FORBIDDEN_TAGS.has(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key)) found.push(`${node.tagName}[${key}]`);
      if (key === 'style') found.push(`${node.tagName}[style]`);
      if (key === 'name' && node.tagName !== 'input') found.push(`${node.tagName}[name]`);
      if (!URL_ATTRIBUTES.includes(key)) continue;
      const url = String(Array.isArray(value) ? value.join(' ') : value)
        .replace(/[\u0000-\u0020]/g, '')
        .toLowerCase();
      if (/^(javascript|vbscript):/.test(url)) found.push(`${node.tagName}[${key}]=${url}`);
      if (url.startsWith('data:') && !(node.tagName === 'img' && key === 'src' && url.startsWith('data:image/'))) found.push(`${node.tagName}[${key}]=data`);
    }
  });
  return found;
}

describe('sanitizer', () => {
  it(`neutralises ${VECTORS.length} XSS vectors`, async () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(25);
    for (const vector of VECTORS) {
      const r = await render(`Before.\n\n${vector}\n\nAfter.\n`);
      expect({ vector, problems: problems(r.html) }).toEqual({ vector, problems: [] });
      // Text that merely mentions javascript: is fine; a live <script tag is not.
      expect(r.html).not.toMatch(/<script/i);
    }
  });

  it('keeps harmless HTML and image data URLs', async () => {
    const r = await render(
      '<details><summary>More</summary><p class="x" id="y" title="t">text <kbd>K</kbd> <mark>m</mark> <abbr title="a">A</abbr></p></details>\n\n<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot" width="10">\n',
    );
    expect(select(r.html, 'p', 'x')[0]?.properties).toMatchObject({ id: 'y', title: 't' });
    expect(select(r.html, 'img')[0]?.properties['src']).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(select(r.html, 'summary')).toHaveLength(1);
    expect(r.diagnostics).toEqual([]);
  });

  it('leaves a link where an iframe was', async () => {
    const r = await render('<iframe src="https://www.youtube.com/embed/x" title="Demo video"></iframe>\n');
    expect(select(r.html, 'iframe')).toHaveLength(0);
    expect(select(r.html, 'a')[0]?.properties).toMatchObject({ href: 'https://www.youtube.com/embed/x', rel: ['noopener', 'noreferrer'] });
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['docs-html-removed']);
  });

  it('turns <a name> anchors into ids so old anchor links keep working', async () => {
    const r = await render('<a name="old-anchor"></a>\n\nText\n');
    expect(select(r.html, 'a')[0]?.properties).toEqual({ id: 'old-anchor' });
  });

  it('reports each kind of removal once per page, where it happened', async () => {
    const r = await render('# T\n\n<script>a()</script>\n\n<script>b()</script>\n\n<p onclick="x()" style="color:red">p</p>\n\n[j](javascript:alert(1))\n');
    expect(r.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column, d.message.split(' from ')[0]])).toEqual([
      ['docs-html-removed', 'warning', 3, 1, 'Removed <script>'],
      ['docs-html-removed', 'warning', 7, 1, 'Removed the onclick attribute'],
      ['docs-html-removed', 'info', 7, 1, 'Removed inline style attributes'],
      ['docs-html-removed', 'warning', 9, 1, 'Removed a javascript: URL'],
    ]);
  });
});
