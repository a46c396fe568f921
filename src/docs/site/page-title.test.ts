import { describe, expect, test } from 'vitest';
import { textFiles } from './fixtures/text-files.ts';
import { loadDocsSite } from './index.ts';
import { firstBlockH1, inlineText, nameToTitle, readPageSource } from './page-title.ts';

const titleOf = (markdown: string) => {
  const source = readPageSource(markdown);
  return source.metaTitle ?? firstBlockH1(source.body);
};

describe('page titles (MkDocs 2.5)', () => {
  test('order: nav title, front matter, first-block H1, Home for the site index, file name', () => {
    const site = loadDocsSite({
      files: textFiles({
        'mkdocs.yml': 'site_name: S\nnav:\n  - Nav title: a.md\n  - b.md\n  - c.md\n  - index.md\n  - d-e_f.md\n  - Sec:\n      - sub/index.md',
        'docs/a.md': '---\ntitle: Meta\n---\n# H1',
        'docs/b.md': '---\ntitle: Meta\n---\n# H1',
        'docs/c.md': '# H1 title',
        'docs/index.md': 'Just text.\n\n# Late heading',
        'docs/d-e_f.md': '',
        'docs/sub/index.md': 'no heading',
        'docs/API_Ref.md': '',
      }),
      dir: '',
      entityName: 'e',
    });
    expect(Object.fromEntries(site.pages.map((p) => [p.src, p.title]))).toEqual({
      'index.md': 'Home',
      'API_Ref.md': 'API Ref',
      'a.md': 'Nav title',
      'b.md': 'Meta',
      'c.md': 'H1 title',
      'd-e_f.md': 'D e f',
      'sub/index.md': 'Index',
    });
  });

  test('the H1 counts only as the first block: ATX or setext, after blank lines and definitions', () => {
    expect(titleOf('\n\n# Title')).toBe('Title');
    expect(titleOf('Title\n=====\n\ntext')).toBe('Title');
    expect(titleOf('Title\n=-=\n')).toBe('Title');
    expect(titleOf('Title\n-----')).toBeUndefined();
    expect(titleOf('#NoSpace')).toBe('NoSpace');
    expect(titleOf('## Second level')).toBeUndefined();
    expect(titleOf('Intro\n\n# Title')).toBeUndefined();
    expect(titleOf('text\n# Title')).toBeUndefined();
    expect(titleOf('    # indented code')).toBeUndefined();
    expect(titleOf('  # not at line start')).toBeUndefined();
    expect(titleOf('<!-- comment -->\n# Title')).toBeUndefined();
    expect(titleOf('```\n# code\n```')).toBeUndefined();
    expect(titleOf('[ref]: https://x.org\n*[HTML]: Hyper Text\n\n# Title')).toBe('Title');
    expect(titleOf('#')).toBeUndefined();
  });

  test('front matter as MkDocs reads it: YAML, MultiMarkdown, or kept when invalid', () => {
    expect(readPageSource('---\ntitle: T\nhide: [toc]\n---\n\n# H\n')).toEqual({ body: '# H\n', metaTitle: 'T' });
    expect(readPageSource('\uFEFF---\r\ntitle: 2024\r\n---\r\n# H')).toEqual({ body: '# H', metaTitle: '2024' });
    expect(titleOf('---\ntags: [a]\n---\n# After front matter')).toBe('After front matter');
    expect(titleOf('Title: From MultiMarkdown\nAuthor: me\n\n# H')).toBe('From MultiMarkdown');
    expect(titleOf('Author: me\n# H')).toBe('H');
    // PyYAML's safe loader refuses Python tags: MkDocs keeps the block, so the page starts with a rule.
    expect(titleOf('---\ntitle: !!python/name:os.system\n---\n# H')).toBeUndefined();
    expect(titleOf('---\n- a list\n---\n# H')).toBeUndefined();
  });

  test('heading markup becomes plain text as MkDocs shows it', () => {
    expect(firstBlockH1('# Intro & **Ownership** `<code>` [link](x.md) ![alt](i.png) #')).toBe('Intro & Ownership <code> link alt');
    expect(firstBlockH1('# Title { #custom-id .cls }')).toBe('Title');
    expect(firstBlockH1('# C\\# and snake_case and foo*bar*baz')).toBe('C# and snake_case and foo*bar*baz');
    expect(firstBlockH1('# <span class="x">Raw</span> &mdash; &amp;')).toBe('Raw — &');
    expect(inlineText('VMware(r) Portal(tm) ==marked== ^^ins^^ ~~del~~ H~2~O')).toBe('VMware® Portal™ marked ins del H2O');
    expect(inlineText('_em_ and __strong__ and *em*')).toBe('em and strong and em');
  });

  test('file-name titles: -/_ to spaces, capitalised only when all lower case', () => {
    expect(nameToTitle('getting-started')).toBe('Getting started');
    expect(nameToTitle('API_Docs')).toBe('API Docs');
    expect(nameToTitle('3-Hermes')).toBe('3 Hermes');
    expect(nameToTitle('example1')).toBe('Example1');
  });
});
