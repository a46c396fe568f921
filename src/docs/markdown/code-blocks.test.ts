import { describe, expect, it } from 'vitest';
import { parseCodeMeta, parseLineList } from './code-meta.ts';
import { childTags, classesOf, html, render, select, textOf } from '../../../test/support/render-markdown.ts';

describe('code meta (pymdownx.superfences info string)', () => {
  it('reads language, title, linenums and hl_lines', () => {
    const meta = parseCodeMeta('python', 'title="hello.py" linenums="3" hl_lines="2 4-5"');
    expect(meta).toMatchObject({ lang: 'python', title: 'hello.py', lineStart: 3 });
    expect([...meta.highlight]).toEqual([2, 4, 5]);
  });
  it('reads the brace form {.lang #id .class key="value"}', () => {
    const meta = parseCodeMeta('{.yaml', '#cfg .wide linenums="1" hl_lines="1"}');
    expect(meta).toMatchObject({ lang: 'yaml', id: 'cfg', classes: ['wide'], lineStart: 1 });
    expect([...meta.highlight]).toEqual([1]);
  });
  it('caps absurd ranges', () => {
    expect(parseLineList('1-99999999').size).toBeLessThanOrEqual(10_001);
    // Each range is capped, and so is their total: `1-10000` 10,000 times is 100,000 steps, not 10⁸.
    expect(parseLineList('1-10000 '.repeat(10_000)).size).toBe(10_000);
    expect(parseLineList('1-10000 '.repeat(10_000) + '20000').has(20_000)).toBe(false);
    expect([...parseCodeMeta('py', 'hl_lines="2 4-9000"', 5).highlight]).toEqual([2, 4, 5]);
  });
});

describe('fenced code (pymdownx.highlight table layout)', () => {
  it('renders the Pygments table with line numbers, a filename row and highlighted lines', async () => {
    const out = await html('```python title="hello.py" linenums="1" hl_lines="2"\ndef f():\n    return 1\n```\n');
    const [wrapper] = select(out, 'div', 'language-python', 'highlight');
    expect(wrapper).toBeDefined();
    const [table] = select(out, 'table', 'highlighttable');
    expect(textOf(select(table!, 'th', 'filename')[0]!)).toBe('hello.py');
    expect(select(table!, 'td', 'linenos').map(textOf)).toEqual(['1\n2']);
    const [code] = select(out, 'code');
    expect(textOf(code!)).toBe('def f():\n    return 1\n');
    expect(select(code!, 'span', 'hll').map(textOf)).toEqual(['    return 1\n']);
    // Token classes, never inline colours.
    expect(select(code!, 'span', 'nf').map(textOf)).toEqual(['f']);
    expect(out).not.toContain('style=');
  });

  it('starts line numbers at linenums and accepts the brace form', async () => {
    const out = await html('```{.yaml linenums="7"}\na: 1\nb: 2\n```\n');
    expect(select(out, 'div', 'language-yaml')).toHaveLength(1);
    expect(textOf(select(out, 'td', 'linenos')[0]!)).toBe('7\n8');
    expect(select(out, 'span', 'nt').map(textOf)).toEqual(['a', 'b']);
  });

  it('shows unknown languages and plain blocks as escaped text without failing', async () => {
    const out = await html('```nosuchlang\n<script>alert(1)</script>\n```\n\n```\nplain\n```\n\n    indented code\n');
    expect(select(out, 'div', 'language-nosuchlang', 'highlight')).toHaveLength(1);
    expect(select(out, 'div', 'language-text', 'highlight')).toHaveLength(2);
    expect(out).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(select(out, 'script')).toHaveLength(0);
  });

  it('keeps code inside admonitions and tabs and ~~~ fences', async () => {
    const out = await html('!!! note\n    ~~~bash\n    echo hi\n    ~~~\n');
    const [admonition] = select(out, 'div', 'admonition');
    expect(childTags(admonition!)).toEqual(['p.admonition-title', 'div.language-bash.highlight']);
  });

  it('highlights inline `#!lang code` (inlinehilite)', async () => {
    const out = await html('Call `#!python range(10)` and `plain`.\n');
    const [code] = select(out, 'code', 'language-python', 'highlight');
    expect(textOf(code!)).toBe('range(10)');
    expect(select(code!, 'span').some((s) => classesOf(s).length > 0)).toBe(true);
    expect(select(out, 'code').map(textOf)).toContain('plain');
  });

  it('renders many languages of one page after loading them once', async () => {
    const langs = ['js', 'ts', 'bash', 'json', 'java', 'go', 'sql', 'dockerfile', 'hcl', 'properties'];
    const r = await render(langs.map((l) => `\`\`\`${l}\nx\n\`\`\``).join('\n\n'));
    expect(select(r.html, 'table', 'highlighttable')).toHaveLength(langs.length);
  });

  // At 10,000 blocks, timed: bench/markdown-stress.ts.
  it('shows every PlantUML block of a page as code with its note, and warns once per page', async () => {
    const r = await render('```plantuml\nA -> B\n```\n\n'.repeat(200));
    expect(select(r.html, 'table', 'highlighttable')).toHaveLength(200);
    expect(select(r.html, 'p', 'diagram-note')).toHaveLength(200);
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['docs-plantuml']);
  });
});
