import { describe, expect, it } from 'vitest';
import { html, select, UNHURRIED } from '../../../test/support/render-markdown.ts';

describe('list items (mdast-util-to-hast, judged loose once per list)', () => {
  it('keeps a tight list tight and a loose one loose, whichever item makes it loose', async () => {
    expect(select(await html('- a\n- b\n- c\n'), 'p')).toHaveLength(0);
    expect(select(await html('- a\n- b\n\n- c\n'), 'p')).toHaveLength(3);
    expect(select(await html('- a\n\n  more\n- b\n'), 'p')).toHaveLength(3);
  });

  it('renders a tight list of 20,000 items (each item scanned the list again)', async () => {
    const out = await html('- x\n'.repeat(20_000), { maxRenderMs: UNHURRIED });
    expect(select(out, 'li')).toHaveLength(20_000);
    expect(select(out, 'p')).toHaveLength(0);
  }, 120_000);
});
