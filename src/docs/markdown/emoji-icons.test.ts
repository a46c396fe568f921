import { describe, expect, it } from 'vitest';
import { html, proseText, select } from '../../../test/support/render-markdown.ts';

describe('emoji and icon shortcodes', () => {
  it('turns emoji shortcodes into Unicode', async () => {
    expect(proseText(await html(':smile: and :heart:\n'))).toBe('😄 and ❤️');
  });

  it('turns Material icon shortcodes into labelled placeholders', async () => {
    const out = await html(':material-check: :fontawesome-brands-github: :octicons-mark-github-16: :simple-kubernetes:\n');
    expect(select(out, 'span', 'twemoji', 'icon-placeholder').map((s) => s.properties['title'])).toEqual([
      'material-check',
      'fontawesome-brands-github',
      'octicons-mark-github-16',
      'simple-kubernetes',
    ]);
    expect(proseText(out)).not.toContain(':');
  });

  it('leaves unknown shortcodes and code alone', async () => {
    const out = await html(':no-such-thing: and `:smile:`\n');
    expect(proseText(out)).toContain(':no-such-thing:');
    expect(out).toContain('<code>:smile:</code>');
  });
});
