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
import { loadLanguages, resolveLanguage, tokenize } from './highlighter.ts';
import { fdInline, fdRaw } from './mdast-nodes.ts';
import { report, type RenderState } from './types.ts';

const INLINE_HILITE = /^#!([\w+#.-]+) ([\s\S]*)$/;
const PLANTUML = new Set(['plantuml', 'puml']);

export async function applyCodeBlocks(tree: Root, state: RenderState): Promise<void> {
  const found: { node: Code | InlineCode; index: number; parent: Parent }[] = [];
  const wanted = new Set<string>();
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'code' && node.type !== 'inlineCode') || !parent || index === undefined) return;
    const lang = node.type === 'code' ? parseCodeMeta(node.lang, node.meta).lang : INLINE_HILITE.exec(node.value)?.[1];
    if (node.type === 'inlineCode' && lang === undefined) return;
    found.push({ node, index, parent });
    const id = resolveLanguage(lang);
    if (id) wanted.add(id);
  });
  if (wanted.size > 0) await loadLanguages(wanted);
  // Rendered in page order (diagnostics), spliced back to front so no index shifts under another.
  const replacements = found.map(({ node }) => (node.type === 'code' ? renderCode(node, state) : [inlineHilite(node)!]));
  for (let k = found.length - 1; k >= 0; k--) {
    const { index, parent } = found[k]!;
    (parent.children as RootContent[]).splice(index, 1, ...(replacements[k] as RootContent[]));
  }
}

function renderCode(node: Code, state: RenderState): RootContent[] {
  const meta = parseCodeMeta(node.lang, node.meta);
  const lang = meta.lang?.toLowerCase();
  if (lang === 'mermaid') {
    state.hasMermaid = true;
    return [fdRaw('pre', { className: ['mermaid'] }, [h('code', node.value)])];
  }
  const block = fdRaw('div', codeProperties(meta), [codeTable(node.value, meta)]);
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

function codeProperties(meta: CodeMeta) {
  const lang = meta.lang?.toLowerCase() || 'text';
  return { className: [`language-${lang}`, 'highlight', ...meta.classes], id: meta.id };
}

export function codeTable(value: string, meta: CodeMeta): Element {
  const id = resolveLanguage(meta.lang);
  const source = value.split('\n');
  const tokens = id ? tokenize(value, id) : undefined;
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

function inlineHilite(node: InlineCode) {
  const m = INLINE_HILITE.exec(node.value);
  if (!m) return undefined;
  const [, lang = '', code = ''] = m;
  const id = resolveLanguage(lang);
  const tokens = id ? tokenize(code, id) : undefined;
  const parts: ElementContent[] = (tokens ?? [[{ content: code }]]).flatMap((line, i) => [
    ...(i > 0 ? [{ type: 'text' as const, value: '\n' }] : []),
    ...line.map((t): ElementContent => ('className' in t && t.className ? h('span', { className: [t.className] }, t.content) : { type: 'text', value: t.content })),
  ]);
  const inline = fdInline('code', { className: [`language-${lang.toLowerCase()}`, 'highlight'] });
  inline.data.hChildren = parts;
  return inline;
}
