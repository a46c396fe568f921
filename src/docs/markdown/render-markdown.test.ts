import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown.ts';
import { proseText, render, testContext } from '../../../test/support/render-markdown.ts';

describe('renderMarkdown', () => {
  it('strips YAML front matter, returns it, and prefers its title', async () => {
    const r = await render('---\ntitle: From front matter\ntags: [a, b]\n---\n# Heading title\n\nBody\n');
    expect(r.frontMatter).toEqual({ title: 'From front matter', tags: ['a', 'b'] });
    expect(r.title).toBe('From front matter');
    expect(proseText(r.html)).not.toContain('tags');
  });

  it('takes the title from the first h1, else has none', async () => {
    expect((await render('Intro\n\n## Sub\n\n# First *h1*\n\n# Second\n')).title).toBe('First h1');
    expect((await render('No heading\n')).title).toBeUndefined();
  });

  it('keeps front matter that is not a YAML mapping as content, as MkDocs does', async () => {
    const r = await render('---\n- just\n- a list\n---\nText\n');
    expect(r.frontMatter).toEqual({});
    expect(proseText(r.html)).toContain('just');
  });

  it('reports source positions through front matter, snippets, md_in_html and nested blocks', async () => {
    const md = [
      '---',
      'title: t',
      '---',
      '', // 1-4
      '--8<-- "two-lines.md"',
      '', // 5-6
      '<div markdown="1">',
      '[a](gone-a.md)',
      '</div>',
      '', // 7-10
      '=== "Tab"',
      '',
      '    ??? note',
      '        Text [b](gone-b.md)',
      '', // 11-15
      '\t- tab-indented [c](gone-c.md)', // 16
    ].join('\n');
    const r = await render(md, { snippets: { 'two-lines.md': 'one\ntwo\n' }, missing: ['gone-a.md', 'gone-b.md', 'gone-c.md'] });
    expect(r.diagnostics.map((d) => [d.line, d.column])).toEqual([
      [8, 1],
      [14, 14],
      [16, 17],
    ]);
  });

  it('never throws and always returns HTML, whatever the input', async () => {
    const nasty = [
      '',
      '\u0000\uFFFF\uD800',
      '!!!',
      '!!! note',
      '???+',
      '=== ""',
      '=== "x"\n',
      '```',
      '~~~\n!!! note\n    x',
      '!!! note\n    ```\n    unclosed fence',
      '<div markdown="1">\n<div markdown="1">\nx',
      '<div markdown>\n</div></div></div>',
      '--8<--\n',
      '--8<-- ""',
      '--8<-- "a.md:0:-1"',
      '*[]: empty',
      '*[X]:',
      '{: }',
      '{: #}',
      '# {#}',
      '[^]: x',
      '{++\n\n{--\n\n~>~~}',
      '++ctrl+++',
      '++constructor++ ++__proto__++ ++toString++',
      '^^^^ ==== ~~~~ ^^ == ~ ^',
      '> [!NOTE]',
      '> [!NOTE]\n',
      '- [ ]',
      '1. a\n  - b\n     - c\n        - d',
      '<!--fd:x:open:0-->\n<!--fd:x:close:0-->',
      '```{.yaml linenums="abc" hl_lines="9-1 x 99999999999"}\na\n```',
      '```mermaid',
      '\t\t!!! note\n\t\t\tx',
      'x'.repeat(20000),
      '[a]('.repeat(2000),
      '*'.repeat(5000),
      '> '.repeat(500) + 'deep',
      '- '.repeat(300) + 'deep',
      '    '.repeat(50) + '!!! note',
      Array.from({ length: 200 }, (_, i) => `${'    '.repeat(i % 10)}!!! note`).join('\n'),
      '<details><summary>x',
      '</div></div><div>',
      '---\ntitle: [unclosed\n---\n',
      '---\n&a [*a, *a, *a, *a]\n---\n',
    ];
    for (let seed = 0; seed < 60; seed++) nasty.push(randomMarkdown(seed));
    for (const input of nasty) {
      const r = await renderMarkdown(input, testContext());
      expect(typeof r.html).toBe('string');
      expect(r.diagnostics.filter((d) => d.rule === 'docs-render-failed')).toEqual([]);
    }
  });

  it('survives a context whose callbacks throw', async () => {
    const r = await renderMarkdown('[a](b.md)\n\n--8<-- "c.md"\n', {
      page: 'x.md',
      resolve: () => {
        throw new Error('resolver down');
      },
      readSnippet: () => {
        throw new Error('disk gone');
      },
    });
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['docs-snippet-missing', 'docs-link-broken']);
  });
});

/** Deterministic soup of the syntax the renderer handles specially. */
function randomMarkdown(seed: number): string {
  const pieces = [
    '!!! note "t"',
    '??? tip',
    '???+ x ""',
    '=== "a"',
    '===+ "b"',
    '    ',
    '        ',
    '```',
    '~~~',
    '```py hl_lines="1"',
    '--8<-- "s.md"',
    '--8<--',
    '*[A]: b',
    '{: .c }',
    '{ #i }',
    '{++',
    '++}',
    '{~~',
    '~>',
    '~~}',
    '==',
    '^^',
    '^',
    '~',
    '++',
    '> [!TIP]',
    '> ',
    '- ',
    '1. ',
    '  - ',
    '<div markdown="1">',
    '</div>',
    '<figure markdown>',
    '</figure>',
    '[x](y.md#z)',
    '![i](j.png)',
    '[^1]',
    '[^1]: n',
    ':smile:',
    ':material-x:',
    '<script>',
    'onclick=',
    '# ',
    '## h',
    'text',
    '\t',
    '\n',
    '\n\n',
  ];
  let state = seed * 2654435761 + 1;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  let out = '';
  for (let i = 0; i < 120; i++) out += pieces[next() % pieces.length]! + (next() % 3 === 0 ? '\n' : ' ');
  return out;
}
