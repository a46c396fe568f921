import { describe, expect, test } from 'vitest';
import { layoutGraph } from './layout.ts';
import { neighbourhood } from './neighbourhood.ts';
import { edgePath, escapeMarkup, minWidthClass, renderSvg, svgModel, type SvgOptions } from './svg.ts';
import { systemDiagram } from './system-diagram.ts';
import { bigGroupCatalog, bookingCatalog, TestCatalog } from '../../test/support/graph-catalog.ts';

const options: SvgOptions = {
  id: 'rg',
  title: 'Relations of Booking Service',
  description: 'words',
  href: (path) => `/base/${path}`,
  moreHref: '#relations-heading',
};

describe('edgePath', () => {
  test('a straight line for two points, rounded bends through more, one decimal at most', () => {
    expect(
      edgePath([
        { x: 1, y: 2 },
        { x: 30, y: 4 },
      ]),
    ).toBe('M1 2L30 4');
    const d = edgePath([
      { x: 0, y: 0 },
      { x: 50, y: 10 },
      { x: 100, y: 40 },
    ]);
    expect(d.startsWith('M0 0L')).toBe(true);
    // A rounded bend at the middle point (where the label is), ending at the last one.
    expect(d).toContain('Q50 10 ');
    expect(d.endsWith('L100 40')).toBe(true);
    expect(d).not.toMatch(/\.\d\d/);
    expect(edgePath([])).toBe('');
  });
});

describe('svgModel', () => {
  test('links entities through the site href, not the centre, dangling refs or anything else', () => {
    const catalog = bookingCatalog();
    const graph = neighbourhood(catalog.get('component:default/booking-service'), catalog.lookup);
    const model = svgModel(graph, layoutGraph(graph, 'LR'), options);
    const byTitle = new Map(model.nodes.map((n) => [n.title, n]));
    expect(byTitle.get('Booking API')?.href).toBe('/base/catalog/default/api/booking-api/');
    expect(byTitle.get('Booking Service')?.href).toBeUndefined();
    expect(byTitle.get('Booking Service')?.cls).toBe('gn gc kc');
    expect(byTitle.get('sms-provider')?.href).toBeUndefined();
    expect(byTitle.get('sms-provider')?.cls).toBe('gn gm kr');
    expect(byTitle.get('sms-provider')?.kind).toBe('Resource · not found');
    for (const node of model.nodes) if (node.href) expect(node.href).toMatch(/^\/base\/catalog\/[a-z0-9-]+\/[a-z]+\/[a-z0-9.-]+\/$/);
  });

  test('summary nodes link to the full list on the page', () => {
    const catalog = bigGroupCatalog(40, 0);
    const graph = neighbourhood(catalog.get('group:default/big'), catalog.lookup);
    const model = svgModel(graph, layoutGraph(graph, 'LR'), options);
    const more = model.nodes.find((n) => n.title.startsWith('+'));
    expect(more).toMatchObject({ href: '#relations-heading', cls: 'gn gx', kind: '' });
  });

  test('sizes and positions are whole numbers; the viewBox is the drawing', () => {
    const catalog = bookingCatalog();
    const graph = systemDiagram(catalog.get('system:default/booking'), catalog.lookup);
    const model = svgModel(graph, layoutGraph(graph, 'TB'), { ...options, id: 'sd' });
    expect(model.viewBox).toBe(`0 0 ${model.width} ${model.height}`);
    for (const n of model.nodes) {
      for (const v of [n.x, n.y, n.width, n.height, n.cx, n.kindY, n.titleY]) expect(Number.isInteger(v)).toBe(true);
      expect(n.cx).toBeGreaterThan(n.x);
      expect(n.titleY).toBeGreaterThan(n.y);
    }
    expect(model.frame).toMatchObject({ kind: 'System', title: 'Booking' });
    expect(model.edges.every((e) => Number.isInteger(e.lx) && Number.isInteger(e.ly))).toBe(true);
  });

  test('text from repo content stays plain text: the model holds it as written, for the component to escape', () => {
    const catalog = new TestCatalog()
      .add('component:default/x', '<script>alert(1)</script> & "quotes"')
      .add('group:default/t', "<img src=x onerror=alert('t')>")
      .relate('component:default/x', 'ownedBy', 'group:default/t');
    const graph = neighbourhood(catalog.get('component:default/x'), catalog.lookup);
    const model = svgModel(graph, layoutGraph(graph, 'LR'), options);
    expect(model.nodes.map((n) => n.full ?? n.title)).toEqual(['<script>alert(1)</script> & "quotes"', "<img src=x onerror=alert('t')>"]);
    expect(model.nodes.find((n) => n.href)?.href).toBe('/base/catalog/default/group/t/');
  });

  test('wide drawings get a minimum width that keeps 13 px text readable, scrolling instead', () => {
    expect(minWidthClass(300)).toBe('');
    expect(minWidthClass(420)).toBe('');
    expect(minWidthClass(800)).toBe('gw6');
    expect(minWidthClass(5000)).toBe('gw14');
  });
});

describe('renderSvg', () => {
  test('escapes everything that could open or close markup', () => {
    expect(escapeMarkup(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  test('repo content cannot break out of the SVG: names, kinds and descriptions are escaped text', () => {
    const catalog = new TestCatalog()
      .add('component:default/x', '<script>alert(1)</script> & "quotes"')
      .add('group:default/t', "</text></svg><img src=x onerror=alert('t')>")
      .relate('component:default/x', 'ownedBy', 'group:default/t');
    const graph = neighbourhood(catalog.get('component:default/x'), catalog.lookup);
    const markup = renderSvg(svgModel(graph, layoutGraph(graph, 'LR'), { ...options, title: 'Relations of <script>', description: '"><script>' }));
    expect(markup).not.toMatch(/<script|<img|<\/svg>.|onerror=alert\('/);
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(markup).toContain('&lt;/text&gt;&lt;/svg&gt;&lt;img');
    // Balanced: one svg, every group and link closed.
    expect(markup.match(/<svg /g)).toHaveLength(1);
    expect(markup.match(/<g[ >]/g)?.length).toBe(markup.match(/<\/g>/g)?.length);
    expect(markup.match(/<a /g)?.length).toBe(markup.match(/<\/a>/g)?.length);
  });

  test('the markup: a named, described group; edges with arrowheads; entity nodes as links, the centre not', () => {
    const catalog = bookingCatalog();
    const graph = neighbourhood(catalog.get('component:default/booking-service'), catalog.lookup);
    const model = svgModel(graph, layoutGraph(graph, 'LR'), options);
    const markup = renderSvg(model);
    expect(markup).toMatch(
      /^<svg class="gv( gw\d+)?" width="\d+" height="\d+" viewBox="0 0 \d+ \d+" role="group" aria-labelledby="rg-t" aria-describedby="rg-d">/,
    );
    expect(markup).toContain('<title id="rg-t">Relations of Booking Service</title><desc id="rg-d">words</desc>');
    expect(markup).toContain('<g class="ge" marker-end="url(#rg-a)" aria-hidden="true">');
    // One path per edge, plus the arrowhead.
    expect(markup.match(/<path d="M/g)).toHaveLength(graph.edges.length + 1);
    expect(markup.match(/<a href="\/base\/catalog\//g)).toHaveLength(5);
    expect(markup).toContain('<g class="gn gc kc"><rect');
    expect(markup.endsWith('</svg>')).toBe(true);
  });
});
