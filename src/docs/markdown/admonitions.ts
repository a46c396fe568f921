/**
 * The HTML Python-Markdown `admonition` and pymdownx `details` produce, which
 * Material's CSS (and so TechDocs') styles by type class:
 *
 *     <div class="admonition note"><p class="admonition-title">Title</p>…</div>
 *     <details class="info" open><summary>Title</summary>…</details>
 *
 * An empty title (`!!! tip ""`) means no title paragraph.
 */
import type { BlockContent, DefinitionContent, Paragraph, PhrasingContent } from 'mdast';
import { fdBlock, fdInline, type FdBlock } from './mdast-nodes.ts';
import type { BlockSpec } from './types.ts';

type Flow = BlockContent | DefinitionContent;

export function buildAdmonition(spec: BlockSpec, title: PhrasingContent[], body: Flow[]): FdBlock {
  if (spec.kind === 'details') {
    const props = spec.classes.length > 0 ? { className: spec.classes, open: spec.open } : { open: spec.open };
    const summary = fdInline('summary', {}, title) as unknown as Flow;
    return fdBlock('details', props, [summary, ...body]);
  }
  const head: Flow[] = [];
  if (title.length > 0) {
    const p: Paragraph = { type: 'paragraph', children: title, data: { hProperties: { className: ['admonition-title'] } } };
    head.push(p);
  }
  return fdBlock('div', { className: ['admonition', ...spec.classes] }, [...head, ...body]);
}
