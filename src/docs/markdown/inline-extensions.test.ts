import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { applyInlineExtensions } from './inline-extensions.ts';
import { childTags, html, proseText, select, textOf } from '../../../test/support/render-markdown.ts';

describe('pymdownx inline extensions', () => {
  it('renders ==mark==, ^^insert^^, ^sup^ and ~sub~', async () => {
    const out = await html('==marked== ^^inserted^^ A^T^A H~2~O\n');
    expect(select(out, 'mark').map(textOf)).toEqual(['marked']);
    expect(select(out, 'ins').map(textOf)).toEqual(['inserted']);
    expect(select(out, 'sup').map(textOf)).toEqual(['T']);
    expect(select(out, 'sub').map(textOf)).toEqual(['2']);
  });

  it('spans other inline markup and ignores spaced or coded delimiters', async () => {
    const out = await html('==**bold** words== and a == b == c and `==code==`\n');
    expect(select(out, 'mark').map(textOf)).toEqual(['bold words']);
    expect(select(select(out, 'mark')[0]!, 'strong')).toHaveLength(1);
    expect(proseText(out)).toContain('a == b == c');
  });

  it('renders ++keys++ as pymdownx.keys does', async () => {
    const out = await html('Press ++ctrl+alt+del++ or ++"Hello"++; ++nosuchkey++ stays.\n');
    const [keys] = select(out, 'span', 'keys');
    expect(childTags(keys!)).toEqual(['kbd.key-control', 'span', 'kbd.key-alt', 'span', 'kbd.key-delete']);
    expect(textOf(keys!)).toBe('Ctrl+Alt+Del');
    expect(select(out, 'span', 'keys').map(textOf)).toEqual(['Ctrl+Alt+Del', 'Hello']);
    expect(proseText(out)).toContain('++nosuchkey++');
  });
});

describe('critic markup (pymdownx.critic, view mode)', () => {
  it('renders insertions, deletions, substitutions, highlights and comments', async () => {
    const out = await html('Text {--deleted--} and {++added++}, {~~one~>a single~~} op. {==Highlight==} {>>comment<<}\n');
    expect(select(out, 'del', 'critic').map(textOf)).toEqual(['deleted', 'one']);
    expect(select(out, 'ins', 'critic').map(textOf)).toEqual(['added', 'a single']);
    expect(select(out, 'mark', 'critic').map(textOf)).toEqual(['Highlight']);
    expect(select(out, 'span', 'critic', 'comment').map(textOf)).toEqual(['comment']);
    expect(proseText(out)).not.toMatch(/[{}]|~>/);
  });

  it('wraps blocks when the marks stand alone', async () => {
    const out = await html('{==\n\nFormatting applied to blocks.\n\n==}\n');
    const [block] = select(out, 'mark', 'critic', 'block');
    expect(childTags(block!)).toEqual(['p']);
  });

  it('keeps marks written inside code as they are', async () => {
    const out = await html('`{++x++}` and {++y++}\n\n```\n{--z--}\n```\n');
    expect(out).toContain('<code>{++x++}</code>');
    expect(select(out, 'code').map(textOf).join('')).toContain('{--z--}');
    expect(select(out, 'ins').map(textOf)).toEqual(['y']);
  });

  // At 50,000 of each, timed: bench/markdown-stress.ts.
  it('leaves a run of `==` that never close alone, and wraps every pair that does', () => {
    const paragraph = (children: PhrasingContent[]): Root => ({ type: 'root', children: [{ type: 'paragraph', children }] });
    const open = paragraph([{ type: 'text', value: `p ${'==a '.repeat(200)}` }]);
    applyInlineExtensions(open);
    expect((open.children[0] as Paragraph).children).toHaveLength(1);
    const spans: PhrasingContent[] = [];
    for (let i = 0; i < 200; i++) spans.push({ type: 'text', value: '==a== ' }, { type: 'emphasis', children: [{ type: 'text', value: 'b' }] });
    const closed = paragraph(spans);
    applyInlineExtensions(closed);
    expect((closed.children[0] as Paragraph).children.filter((c) => c.data?.hName === 'mark')).toHaveLength(200);
  });
});
