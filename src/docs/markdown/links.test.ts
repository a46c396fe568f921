import { describe, expect, it } from 'vitest';
import { render, select, textOf } from '../../../test/support/render-markdown.ts';

describe('links and images', () => {
  it('rewrites relative targets with ctx.resolve and appends the #fragment', async () => {
    const calls: [string, string][] = [];
    const r = await render('[a](other.md#part) [b](../index.md) ![i](img/a%20b.png) [c][ref]\n\n[ref]: sub/page.md\n', {
      resolve: (target, kind) => {
        calls.push([target, kind]);
        return { url: `/x/${target.split('#')[0]}` };
      },
    });
    expect(calls).toEqual([
      ['other.md#part', 'link'],
      ['../index.md', 'link'],
      ['img/a b.png', 'image'],
      ['sub/page.md', 'link'],
    ]);
    expect(select(r.html, 'a').map((a) => a.properties['href'])).toEqual(['/x/other.md#part', '/x/../index.md', '/x/sub/page.md']);
    expect(select(r.html, 'img')[0]?.properties['src']).toBe('/x/img/a%20b.png');
  });

  it('uses the resolver url as is when it already has a fragment', async () => {
    const r = await render('[a](other.md#part)\n', { resolve: () => ({ url: '../other/#part' }) });
    expect(select(r.html, 'a')[0]?.properties['href']).toBe('../other/#part');
  });

  it('lists anchored internal links with their source position', async () => {
    const r = await render('---\ntitle: x\n---\n\nSee [a](other.md#part), [b](#local) and [c](https://x.org/#ext).\n');
    expect(r.links).toEqual([
      { target: 'other.md#part', line: 5, column: 5 },
      { target: '#local', line: 5, column: 25 },
    ]);
  });

  it('keeps broken links readable, marks them and reports them', async () => {
    const r = await render('Go [there](gone.md) and look ![pic](gone.png).\n', { missing: ['gone.md', 'gone.png'] });
    const [a] = select(r.html, 'a', 'broken-link');
    expect(textOf(a!)).toBe('there');
    // No href: on the portal the relative path would lead to a 404; the title keeps what it pointed at.
    expect(a?.properties['href']).toBeUndefined();
    expect(a?.properties['title']).toBe('Broken link: gone.md');
    const [img] = select(r.html, 'img', 'broken-image');
    expect(img?.properties['src']).toBeUndefined();
    expect(img?.properties['alt']).toBe('pic');
    expect(r.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['docs-link-broken', 1, 4],
      ['docs-image-missing', 1, 30],
    ]);
    expect(r.diagnostics[0]?.message).toContain('gone.md');
    expect(r.diagnostics[0]?.fix).toBeTruthy();
  });

  it('leaves absolute, external and mailto links alone and adds rel to external ones', async () => {
    const seen: string[] = [];
    const r = await render('[a](/abs/path) [b](https://x.org) [c](mailto:a@b.c) [d](//cdn.x.org/a)\n\n<a href="https://raw.example">raw</a>\n', {
      resolve: (t) => {
        seen.push(t);
        return { url: t };
      },
    });
    expect(seen).toEqual([]);
    const rels = select(r.html, 'a').map((a) => [a.properties['href'], a.properties['rel']]);
    expect(rels).toEqual([
      ['/abs/path', undefined],
      ['https://x.org', ['noopener', 'noreferrer']],
      ['mailto:a@b.c', undefined],
      ['//cdn.x.org/a', ['noopener', 'noreferrer']],
      ['https://raw.example', ['noopener', 'noreferrer']],
    ]);
  });

  it('does not rewrite links in raw HTML (MkDocs does not either)', async () => {
    const seen: string[] = [];
    await render('<a href="page.md">x</a> <img src="a.png">\n', { resolve: (t) => (seen.push(t), { url: t }) });
    expect(seen).toEqual([]);
  });
});
