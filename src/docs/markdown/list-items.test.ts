import { describe, expect, it } from 'vitest';
import { html, select } from '../../../test/support/render-markdown.ts';

describe('list items (mdast-util-to-hast, judged loose once per list)', () => {
  it('keeps a tight list tight and a loose one loose, whichever item makes it loose', async () => {
    expect(select(await html('- a\n- b\n- c\n'), 'p')).toHaveLength(0);
    expect(select(await html('- a\n- b\n\n- c\n'), 'p')).toHaveLength(3);
    expect(select(await html('- a\n\n  more\n- b\n'), 'p')).toHaveLength(3);
  });

  // At 20,000 items, timed: bench/markdown-stress.ts.
  it('renders every item of a long tight list without paragraphs', async () => {
    const out = await html('- x\n'.repeat(200));
    expect(select(out, 'li')).toHaveLength(200);
    expect(select(out, 'p')).toHaveLength(0);
  });
});
