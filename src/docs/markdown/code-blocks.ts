/**
 * Fenced and indented code as pymdownx.highlight renders it in TechDocs
 * (`linenums: true` for every block, Pygments table layout):
 *
 *     <div class="language-python highlight"><table class="highlighttable">
 *       [<tr><th colspan="2" class="filename"><span class="filename">hello.py</span></th></tr>]
 *       <tr><td class="linenos"><div class="linenodiv"><pre><span class="normal">1</span>…</pre></div></td>
 *           <td class="code"><div><pre><code>…<span class="hll">…</span></code></pre></div></td></tr>
 *     </table></div>
 *
 * Mermaid fences become `<pre class="mermaid"><code>` for the client-side
 * renderer; PlantUML stays source with a note (no offline renderer exists).
 * Inline `` `#!python range(10)` `` is pymdownx.inlinehilite.
 */
import type { Element, ElementContent } from 'hast';
import type { Code, InlineCode, Paragraph, Parent, Root, RootContent } from 'mdast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { parseCodeMeta, type CodeMeta } from './code-meta.ts';
import { loadLanguages, resolveLanguage, tokenize, type Token } from './highlighter.ts';
import { fdInline, fdRaw } from './mdast-nodes.ts';
import type { TimeBudget } from './time-budget.ts';
import { report, type RenderState } from './types.ts';

const INLINE_HILITE = /^#!([\w+#.-]+) ([\s\S]*)$/;
const PLANTUML = new Set(['plantuml', 'puml']);

/** Each highlighted code node's tokens, one list per line. */
export type Highlights = RenderState['highlights'];

interface Found {
  node: Code | InlineCode;
  index: number;
  parent: Parent;
  /** The author's language, as written. */
  lang: string | undefined;
}

function findCode(tree: Root): Found[] {
  const found: Found[] = [];
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'code' && node.type !== 'inlineCode') || !parent || index === undefined) return;
    const lang = node.type === 'code' ? parseCodeMeta(node.lang, node.meta, 0).lang : INLINE_HILITE.exec(node.value)?.[1];
    if (node.type === 'inlineCode' && lang === undefined) return;
    found.push({ node, index, parent, lang });
  });
  return found;
}

/**
 * Loads the grammars a page needs and tokenizes its code, before the
 * synchronous render and outside its vm timeout: loading awaits, and
 * tokenizing runs oniguruma's WebAssembly, which a timeout must never cut
 * short (see highlighter.ts). The budget is checked between steps instead.
 */
export async function highlightCode(tree: Root, budget: Pick<TimeBudget, 'check' | 'exclude'>): Promise<Highlights> {
  const found = findCode(tree).filter((f) => f.node.type === 'inlineCode' || f.lang?.toLowerCase() !== 'mermaid');
  const wanted = new Set(found.map((f) => resolveLanguage(f.lang)).filter((id) => id !== undefined));
  const highlights: Highlights = new Map();
  if (wanted.size === 0) return highlights;
  await budget.exclude(loadLanguages(wanted));
  for (const { node, lang } of found) {
    const id = resolveLanguage(lang);
    if (!id) continue;
    budget.check();
    const code = node.type === 'code' ? node.value : (INLINE_HILITE.exec(node.value)?.[2] ?? '');
    const tokens = tokenize(code, id, budget.check);
    if (tokens) highlights.set(node, tokens);
  }
  return highlights;
}

/** Code nodes become pymdownx.highlight markup, with the tokens `highlightCode` found for them. */
export function applyCodeBlocks(tree: Root, state: RenderState): void {
  const found = findCode(tree);
  // Rendered in page order (diagnostics); each parent's children rebuilt once (a splice per block was quadratic).
  const replaced = new Map<Parent, Map<number, RootContent[]>>();
  for (const { node, index, parent } of found) {
    const replacement = node.type === 'code' ? renderCode(node, state) : [inlineHilite(node, state.highlights.get(node))!];
    let at = replaced.get(parent);
    if (!at) replaced.set(parent, (at = new Map<number, RootContent[]>()));
    at.set(index, replacement);
  }
  for (const [parent, at] of replaced) {
    const children: RootContent[] = [];
    parent.children.forEach((child, i) => children.push(...(at.get(i) ?? [child])));
    parent.children = children;
  }
}

function renderCode(node: Code, state: RenderState): RootContent[] {
  const meta = parseCodeMeta(node.lang, node.meta, lineCount(node.value));
  const lang = meta.lang?.toLowerCase();
  if (lang === 'mermaid') {
    state.hasMermaid = true;
    return [fdRaw('pre', { className: ['mermaid'] }, [h('code', node.value)])];
  }
  const block = fdRaw('div', codeProperties(meta), [codeTable(node.value, meta, state.highlights.get(node))]);
  block.position = node.position;
  if (!lang || !PLANTUML.has(lang)) return [block];
  report(
    state,
    {
      rule: 'docs-plantuml',
      severity: 'info',
      message: 'PlantUML diagram shown as source: the portal has no PlantUML renderer.',
      fix: 'Use a ```mermaid fence for a drawn diagram, or commit the exported SVG and link it as an image.',
    },
    node.position?.start,
    'plantuml',
  );
  const note: Paragraph = {
    type: 'paragraph',
    children: [{ type: 'text', value: 'PlantUML diagrams are shown as source.' }],
    data: { hProperties: { className: ['diagram-note'] } },
  };
  return [block, note];
}

function lineCount(value: string): number {
  let n = 1;
  for (let at = value.indexOf('\n'); at >= 0; at = value.indexOf('\n', at + 1)) n++;
  return n;
}

function codeProperties(meta: CodeMeta) {
  const lang = meta.lang?.toLowerCase() || 'text';
  return { className: [`language-${lang}`, 'highlight', ...meta.classes], id: meta.id };
}

export function codeTable(value: string, meta: CodeMeta, tokens?: Token[][]): Element {
  const source = value.split('\n');
  const codeLines: ElementContent[] = [];
  const numbers: ElementContent[] = [];
  source.forEach((line, i) => {
    const parts: ElementContent[] = tokens?.[i]
      ? tokens[i].map((t) => (t.className ? h('span', { className: [t.className] }, t.content) : { type: 'text', value: t.content }))
      : [{ type: 'text', value: line }];
    parts.push({ type: 'text', value: '\n' });
    if (meta.highlight.has(i + 1)) codeLines.push(h('span', { className: ['hll'] }, parts));
    else codeLines.push(...parts);
    if (i > 0) numbers.push({ type: 'text', value: '\n' });
    numbers.push(h('span', { className: ['normal'] }, String(meta.lineStart + i)));
  });
  const rows: Element[] = [];
  if (meta.title) rows.push(h('tr', [h('th', { colSpan: 2, className: ['filename'] }, [h('span', { className: ['filename'] }, meta.title)])]));
  rows.push(
    h('tr', [
      h('td', { className: ['linenos'] }, [h('div', { className: ['linenodiv'] }, [h('pre', numbers)])]),
      h('td', { className: ['code'] }, [h('div', [h('pre', [h('code', codeLines)])])]),
    ]),
  );
  return h('table', { className: ['highlighttable'] }, rows);
}

function inlineHilite(node: InlineCode, tokens: Token[][] | undefined) {
  const m = INLINE_HILITE.exec(node.value);
  if (!m) return undefined;
  const [, lang = '', code = ''] = m;
  const parts: ElementContent[] = (tokens ?? [[{ content: code }]]).flatMap((line, i) => [
    ...(i > 0 ? [{ type: 'text' as const, value: '\n' }] : []),
    ...line.map((t): ElementContent =>
      'className' in t && t.className ? h('span', { className: [t.className] }, t.content) : { type: 'text', value: t.content },
    ),
  ]);
  const inline = fdInline('code', { className: [`language-${lang.toLowerCase()}`, 'highlight'] });
  inline.data.hChildren = parts;
  return inline;
}
