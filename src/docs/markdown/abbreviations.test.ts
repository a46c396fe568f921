import { describe, expect, it } from 'vitest';
import { html, proseText, select, textOf } from './test-helpers.ts';

describe('abbreviations (abbr)', () => {
  it('wraps whole-word uses in <abbr title> and removes the definition lines', async () => {
    const out = await html('The HTML spec, by the W3C. HTMLX is not one.\n\n*[HTML]: Hyper Text Markup Language\n*[W3C]: World Wide Web Consortium\n');
    expect(select(out, 'abbr').map((a) => [textOf(a), a.properties['title']])).toEqual([
      ['HTML', 'Hyper Text Markup Language'],
      ['W3C', 'World Wide Web Consortium'],
    ]);
    expect(proseText(out)).not.toContain('*[');
  });

  it('leaves code alone, in text and in fences', async () => {
    const out = await html('`HTML` here.\n\n```\n*[HTML]: stays\n```\n\n*[HTML]: Hyper Text\n');
    expect(select(out, 'abbr')).toHaveLength(0);
    expect(out).toContain('*[HTML]: stays');
  });

  it('works with definitions that come from a snippet', async () => {
    const out = await html('TDP rocks.\n\n--8<-- "docs/abbr.md"\n', { snippets: { 'docs/abbr.md': '*[TDP]: Tanzu Developer Portal\n' } });
    expect(select(out, 'abbr')[0]?.properties['title']).toBe('Tanzu Developer Portal');
  });
});
