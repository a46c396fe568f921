import { describe, expect, it } from 'vitest';
import { render, select, textOf } from '../../../test/support/render-markdown.ts';

describe('diagrams', () => {
  it('emits Mermaid source for the client-side renderer', async () => {
    const r = await render('```mermaid\ngraph TD;\n  A-->B<script>;\n```\n');
    expect(r.hasMermaid).toBe(true);
    const [pre] = select(r.html, 'pre', 'mermaid');
    expect(textOf(pre!)).toBe('graph TD;\n  A-->B<script>;');
    expect(r.html).toContain('&#x3C;script>');
    expect(select(r.html, 'table')).toHaveLength(0);
  });

  it('has no Mermaid flag without Mermaid', async () => {
    expect((await render('```js\nx\n```\n')).hasMermaid).toBe(false);
  });

  it('shows PlantUML as source with a note and an info diagnostic', async () => {
    const r = await render('# T\n\n```plantuml format="svg" title="Seq"\nUser -> SCM: stores\n```\n\n```puml\nA -> B\n```\n');
    expect(select(r.html, 'div', 'language-plantuml', 'highlight')).toHaveLength(1);
    expect(select(r.html, 'div', 'language-puml', 'highlight')).toHaveLength(1);
    expect(select(r.html, 'p', 'diagram-note').map(textOf)).toEqual(['PlantUML diagrams are shown as source.', 'PlantUML diagrams are shown as source.']);
    expect(r.diagnostics).toMatchObject([{ rule: 'docs-plantuml', severity: 'info', line: 3, column: 1 }]);
  });
});
