import { describe, expect, it } from 'vitest';
import { childTags, html, select, textOf } from '../../../test/support/render-markdown.ts';

const TWO_TABS = '=== "Python"\n\n    ```python\n    print("hi")\n    ```\n\n=== "Bash"\n\n    Some *text*.\n';

describe('content tabs (pymdownx.tabbed, alternate style)', () => {
  it('renders radio inputs, labels and blocks that work without JavaScript', async () => {
    const out = await html(TWO_TABS);
    const [set] = select(out, 'div', 'tabbed-set', 'tabbed-alternate');
    expect(set?.properties['dataTabs']).toBe('1:2');
    expect(childTags(set!)).toEqual(['input', 'input', 'div.tabbed-labels', 'div.tabbed-content']);
    const inputs = select(set!, 'input');
    expect(inputs.map((i) => [i.properties['type'], i.properties['name'], i.properties['id'], i.properties['checked'] ?? false])).toEqual([
      ['radio', '__tabbed_1', '__tabbed_1_1', true],
      ['radio', '__tabbed_1', '__tabbed_1_2', false],
    ]);
    const labels = select(set!, 'label');
    expect(labels.map((l) => [l.properties['htmlFor'], textOf(l)])).toEqual([
      [['__tabbed_1_1'], 'Python'],
      [['__tabbed_1_2'], 'Bash'],
    ]);
    const blocks = select(set!, 'div', 'tabbed-block');
    expect(blocks).toHaveLength(2);
    expect(select(blocks[0]!, 'div', 'language-python')).toHaveLength(1);
    expect(select(blocks[1]!, 'em')).toHaveLength(1);
  });

  it('numbers sets per page, selects ===+ and splits at ===!', async () => {
    const out = await html('=== "A"\n    a\n\n=== "B"\n    b\n\nText\n\n=== "C"\n    c\n\n===+ "D"\n    d\n\n===! "E"\n    e\n');
    const sets = select(out, 'div', 'tabbed-set');
    expect(sets.map((s) => s.properties['dataTabs'])).toEqual(['1:2', '2:2', '3:1']);
    const checked = select(sets[1]!, 'input').map((i) => i.properties['checked'] ?? false);
    expect(checked).toEqual([false, true]);
  });

  it('renders Markdown in labels', async () => {
    const out = await html('=== "The `cli`"\n    x\n');
    expect(select(select(out, 'label')[0]!, 'code')).toHaveLength(1);
  });
});
