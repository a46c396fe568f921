/**
 * pymdownx.tabbed with `alternate_style: true` (TechDocs' default): one set
 * per run of adjacent `===` blocks. Radio inputs come first so Material's
 * CSS (`input:nth-child(n):checked ~ .tabbed-content > :nth-child(n)`)
 * switches tabs without JavaScript:
 *
 *     <div class="tabbed-set tabbed-alternate" data-tabs="1:2">
 *       <input checked id="__tabbed_1_1" name="__tabbed_1" type="radio">…
 *       <div class="tabbed-labels"><label for="__tabbed_1_1">Python</label>…</div>
 *       <div class="tabbed-content"><div class="tabbed-block">…</div>…</div>
 *     </div>
 */
import type { BlockContent, DefinitionContent, PhrasingContent } from 'mdast';
import { fdBlock, fdInline, type FdBlock } from './mdast-nodes.ts';
import type { BlockSpec } from './types.ts';

type Flow = BlockContent | DefinitionContent;

export interface Tab {
  spec: BlockSpec;
  title: PhrasingContent[];
  body: Flow[];
}

/** `setNumber` is 1-based and unique in the page (it names the radio group). */
export function buildTabSet(tabs: Tab[], setNumber: number): FdBlock {
  const selected = Math.max(
    0,
    tabs.findIndex((t) => t.spec.open),
  );
  const id = (k: number) => `__tabbed_${setNumber}_${k + 1}`;
  const inputs = tabs.map((_, k) => fdBlock('input', { type: 'radio', name: `__tabbed_${setNumber}`, id: id(k), checked: k === selected }));
  const labels = tabs.map((t, k) => fdInline('label', { htmlFor: [id(k)] }, t.title) as unknown as Flow);
  const blocks = tabs.map((t) => fdBlock('div', { className: ['tabbed-block'] }, t.body));
  return fdBlock('div', { className: ['tabbed-set', 'tabbed-alternate'], dataTabs: `${setNumber}:${tabs.length}` }, [
    ...inputs,
    fdBlock('div', { className: ['tabbed-labels'] }, labels),
    fdBlock('div', { className: ['tabbed-content'] }, blocks),
  ]);
}
