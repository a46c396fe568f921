import { describe, expect, it } from 'vitest';
import { expandMarkdownInHtml, MAX_HTML_DEPTH } from './md-in-html.ts';
import { joinLines, splitLines } from './source-lines.ts';
import { childTags, html, select } from '../../../test/support/render-markdown.ts';

describe('md_in_html', () => {
  it('renders Markdown inside <div markdown="1">', async () => {
    const out = await html('<div markdown="1" class="box">\n**bold** and [x](https://x.org)\n</div>\n');
    const [div] = select(out, 'div', 'box');
    expect(div?.properties['markdown']).toBeUndefined();
    expect(select(div!, 'strong')).toHaveLength(1);
    expect(select(div!, 'a')).toHaveLength(1);
  });

  it('renders image captions in <figure markdown> (benwilcock set)', async () => {
    const out = await html(
      '<figure markdown>\n  ![Image title](https://dummyimage.com/600x400/){ width="300" }\n  <figcaption>Image caption</figcaption>\n</figure>\n',
    );
    const [figure] = select(out, 'figure');
    expect(childTags(figure!)).toEqual(['p', 'figcaption']);
    expect(select(figure!, 'img')[0]?.properties['width']).toBe(300);
  });

  it('handles the one-line form and leaves other HTML raw', async () => {
    expect(select(await html('<div markdown>*x*</div>\n'), 'em')).toHaveLength(1);
    expect(select(await html('<div>\n*x*\n</div>\n'), 'em')).toHaveLength(0);
  });

  it('leaves 20,000 unclosed <div markdown> alone (each searched 2,000 lines for its close)', () => {
    const lines = splitLines('<div markdown>\n'.repeat(20_000));
    expect(expandMarkdownInHtml(lines)).toEqual(lines);
  });

  it('balances nested tags of the same name, and stops expanding below a depth', () => {
    const text = (lines: ReturnType<typeof splitLines>) =>
      joinLines(lines)
        .split('\n')
        .filter((l) => l.trim());
    expect(text(expandMarkdownInHtml(splitLines('<div markdown>\n<div>\n*x*\n</div>\n</div> after\n')))).toEqual([
      '<div>',
      '<div>',
      '*x*',
      '</div>',
      '</div>',
      'after',
    ]);
    const depth = MAX_HTML_DEPTH + 2;
    const nested = splitLines(`${'<div markdown>\n'.repeat(depth)}*x*\n${'</div>\n'.repeat(depth)}`);
    expect(text(expandMarkdownInHtml(nested)).filter((l) => l.includes('markdown'))).toHaveLength(2);
  });
});
