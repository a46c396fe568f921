import { describe, expect, it } from 'vitest';
import { childTags, html, proseText, select, textOf } from '../../../test/support/render-markdown.ts';

describe('GitHub alerts (gh-admonitions)', () => {
  it('turns each alert into the admonition MkDocs would render', async () => {
    const kinds: [string, string, string][] = [
      ['NOTE', 'note', 'Note'],
      ['TIP', 'tip', 'Tip'],
      ['IMPORTANT', 'warning', 'Important'],
      ['WARNING', 'warning', 'Warning'],
      ['CAUTION', 'danger', 'Caution'],
    ];
    for (const [marker, type, title] of kinds) {
      const out = await html(`> [!${marker}]\n> Body **text**.\n`);
      const [div] = select(out, 'div', 'admonition', type);
      expect(childTags(div!)).toEqual(['p.admonition-title', 'p']);
      expect(textOf(select(div!, 'p', 'admonition-title')[0]!)).toBe(title);
      expect(select(out, 'blockquote')).toHaveLength(0);
      expect(proseText(out)).not.toContain('[!');
    }
  });

  it('keeps several body paragraphs and leaves plain quotes alone', async () => {
    const out = await html('> [!tip]\n> One.\n>\n> Two.\n\n> Just a quote.\n');
    expect(select(select(out, 'div', 'tip')[0]!, 'p')).toHaveLength(3);
    expect(select(out, 'blockquote')).toHaveLength(1);
  });
});
