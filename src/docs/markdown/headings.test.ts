import { describe, expect, it } from 'vitest';
import { render, select, textOf } from '../../../test/support/render-markdown.ts';

describe('heading ids and permalinks (toc, permalink: true)', () => {
  it('gives every heading a Python-Markdown id and a ¶ permalink', async () => {
    const r = await render('# Page\n\n## Section A\n\n### Überblick & Ziele\n');
    const [h2] = select(r.html, 'h2');
    expect(h2?.properties['id']).toBe('section-a');
    const [link] = select(r.html, 'a', 'headerlink');
    expect(link?.properties).toMatchObject({ href: '#page', title: 'Permanent link' });
    expect(textOf(link!)).toBe('¶');
    expect(r.headings).toEqual([
      { depth: 1, id: 'page', text: 'Page' },
      { depth: 2, id: 'section-a', text: 'Section A' },
      { depth: 3, id: 'uberblick-ziele', text: 'Überblick & Ziele' },
    ]);
  });

  it('numbers duplicates _1, _2 as toc does', async () => {
    const r = await render('## Setup\n\n## Setup\n\n## Setup\n');
    expect(r.headings.map((h) => h.id)).toEqual(['setup', 'setup_1', 'setup_2']);
  });

  it('gives Cyrillic headings _1… by default and readable ids in unicode mode (valitydev/techdocs)', async () => {
    const md = '## Назначение сервиса\n\n## Архитектура\n';
    expect((await render(md)).headings.map((h) => h.id)).toEqual(['_1', '_2']);
    expect((await render(md, { slugify: 'unicode' })).headings.map((h) => h.id)).toEqual(['назначение-сервиса', 'архитектура']);
  });

  it('uses an attr_list id, and never generates an id an author already used', async () => {
    const r = await render('## Intro { #setup }\n\n## Setup\n\nText\n{: #setup_1 }\n\n## Setup\n');
    expect(r.headings.map((h) => h.id)).toEqual(['setup', 'setup_2', 'setup_3']);
  });

  it('slugifies the text a reader sees (code, emphasis, no raw tags)', async () => {
    const r = await render('## The `config` *file* <small>beta</small>\n');
    expect(r.headings[0]).toMatchObject({ id: 'the-config-file-beta', text: 'The config file beta' });
  });

  it('gives headings inside admonitions ids too', async () => {
    const r = await render('!!! note\n    ## Inside\n');
    expect(select(r.html, 'h2')[0]?.properties['id']).toBe('inside');
  });
  // 20,000 equal ids are numbered in slugify.test.ts, where the numbering is; here, that a page's headings get them
  // (2,000 of them, timed: bench/markdown-stress.ts).
  it('numbers equal headings h, h_1, h_2, …', async () => {
    const r = await render('# h\n\n'.repeat(200));
    expect(r.headings.map((h) => h.id)).toEqual(['h', ...Array.from({ length: 199 }, (_, i) => `h_${i + 1}`)]);
  });
});
