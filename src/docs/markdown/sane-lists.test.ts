import { describe, expect, it } from 'vitest';
import { html, select } from '../../../test/support/render-markdown.ts';

describe('2-space nested lists (mdx_truly_sane_lists)', () => {
  it('nests under bullet items', async () => {
    const out = await html('- a\n  - b\n    - c\n- d\n');
    expect(select(out, 'ul')).toHaveLength(3);
    expect(select(select(out, 'li')[0]!, 'li')).toHaveLength(2);
  });

  it('nests 2-space items under ordered items and wide markers, where CommonMark would not', async () => {
    const out = await html('1. first\n  - sub one\n  - sub two\n2. second\n\n-   wide\n  - nested\n');
    const [ol] = select(out, 'ol');
    expect(select(ol!, 'li').length).toBe(4);
    expect(select(select(ol!, 'li')[0]!, 'ul')).toHaveLength(1);
    const outer = select(out, 'ul').at(-2);
    expect(select(outer!, 'ul')).toHaveLength(1);
  });

  it('leaves code blocks in lists alone', async () => {
    const out = await html('1. step\n\n    ```\n      - not a list\n    ```\n');
    expect(out).toContain('  - not a list');
  });

  // At 20,000 items, timed: bench/markdown-stress.ts.
  it('reads a run of items indented 2 spaces, with no parent, as one list', async () => {
    const out = await html('  - x\n'.repeat(200));
    expect(select(out, 'ul')).toHaveLength(1);
    expect(select(out, 'li')).toHaveLength(200);
  });
});
