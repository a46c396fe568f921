import { describe, expect, it } from 'vitest';
import { childTags, html, proseText, select, textOf } from '../../../test/support/render-markdown.ts';

describe('GFM and Python-Markdown block extras', () => {
  it('renders pipe tables with alignment', async () => {
    const out = await html('| a | b |\n|:--|--:|\n| 1 | 2 |\n');
    expect(select(out, 'th').map(textOf)).toEqual(['a', 'b']);
    expect(select(out, 'td').map((td) => td.properties['align'])).toEqual(['left', 'right']);
  });

  it('renders task lists as pymdownx.tasklist with custom_checkbox', async () => {
    const out = await html('- [x] done\n- [ ] todo\n');
    const [list] = select(out, 'ul', 'task-list');
    expect(select(list!, 'li', 'task-list-item')).toHaveLength(2);
    const [control] = select(out, 'label', 'task-list-control');
    expect(childTags(control!)).toEqual(['input', 'span.task-list-indicator']);
    const boxes = select(out, 'input');
    expect(boxes.map((b) => [b.properties['type'], b.properties['disabled'], b.properties['checked'] ?? false])).toEqual([
      ['checkbox', true, true],
      ['checkbox', true, false],
    ]);
  });

  it('renders footnotes as Python-Markdown does (fn:1 / fnref:1 anchors)', async () => {
    const out = await html('Text[^1] and again[^1] and[^note].\n\n[^1]: The note.\n[^note]: Named.\n');
    expect(select(out, 'sup').map((s) => s.properties['id'])).toEqual(['fnref:1', 'fnref2:1', 'fnref:note']);
    expect(select(out, 'a', 'footnote-ref').map((a) => a.properties['href'])).toEqual(['#fn:1', '#fn:1', '#fn:note']);
    const [box] = select(out, 'div', 'footnote');
    expect(childTags(box!)).toEqual(['hr', 'ol']);
    expect(select(box!, 'li').map((li) => li.properties['id'])).toEqual(['fn:1', 'fn:note']);
    expect(select(box!, 'a', 'footnote-backref').map((a) => a.properties['href'])).toEqual(['#fnref:1', '#fnref2:1', '#fnref:note']);
    expect(select(out, 'h2')).toHaveLength(0);
  });

  it('renders ~~strikethrough~~ as <del> (single ~ is left for subscript)', async () => {
    const out = await html('~~gone~~ and H~2~O\n');
    expect(select(out, 'del').map(textOf)).toEqual(['gone']);
    expect(select(out, 'sub').map(textOf)).toEqual(['2']);
  });

  it('renders definition lists', async () => {
    const out = await html('Apple\n:   A fruit.\n\n`Orange`\n\n:   Another fruit.\n');
    expect(select(out, 'dt').map(textOf)).toEqual(['Apple', 'Orange']);
    expect(select(out, 'dd').map((d) => textOf(d).trim())).toEqual(['A fruit.', 'Another fruit.']);
  });

  it('links bare URLs (magiclink)', async () => {
    const out = await html('See https://example.com/docs for more.\n');
    expect(select(out, 'a')[0]?.properties['href']).toBe('https://example.com/docs');
    expect(proseText(out)).toContain('See https://example.com/docs for more.');
  });
});
