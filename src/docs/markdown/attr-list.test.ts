import { describe, expect, it } from 'vitest';
import { parseAttributes } from './attr-list.ts';
import { html, proseText, select } from './test-helpers.ts';

describe('attr_list', () => {
  it('parses ids, classes, quoted and bare values', () => {
    expect(parseAttributes('#x .a .b width="300" align=left download')).toEqual({
      id: 'x',
      className: ['a', 'b'],
      width: 300,
      align: 'left',
      download: true,
    });
    expect(parseAttributes('not: json')).toBeUndefined();
    expect(parseAttributes('')).toBeUndefined();
  });

  it('sets id and class on headings', async () => {
    const out = await html('## Heading { #custom-id .cls }\n');
    const [h2] = select(out, 'h2', 'cls');
    expect(h2?.properties['id']).toBe('custom-id');
    expect(proseText(out)).toBe('Heading¶');
  });

  it('sets attributes on images and links it directly follows', async () => {
    const out = await html('![Alt text](https://x.org/pic.png){ width="300" .center }\n\n[Download](https://x.org/f.pdf){: download }\n\n[Subscribe](#){ .md-button }\n');
    expect(select(out, 'img', 'center')[0]?.properties).toMatchObject({ width: 300, alt: 'Alt text' });
    expect(select(out, 'a').find((a) => a.properties['download'] !== undefined)?.properties['href']).toBe('https://x.org/f.pdf');
    expect(select(out, 'a', 'md-button')).toHaveLength(1);
    expect(out).not.toContain('{');
  });

  it('applies a last-line block form to the paragraph', async () => {
    const out = await html('Some text\n{: .lead #intro }\n');
    expect(select(out, 'p', 'lead')[0]?.properties['id']).toBe('intro');
    expect(proseText(out)).toBe('Some text');
  });

  it('applies trailing attributes to list items', async () => {
    const out = await html('- first {: .done }\n- second\n');
    expect(select(out, 'li', 'done')).toHaveLength(1);
    expect(proseText(out)).not.toContain('{');
  });

  it('applies a block form on its own line to the block before it', async () => {
    const out = await html('| a |\n|---|\n| b |\n\n{: .wide }\n');
    expect(select(out, 'table', 'wide')).toHaveLength(1);
    expect(proseText(out)).not.toContain('{:');
  });

  it('leaves braces that are not attribute lists alone', async () => {
    expect(proseText(await html('Use {"a": 1} and { curly words }.\n'))).toContain('{"a": 1} and { curly words }');
  });
});
