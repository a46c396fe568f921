/**
 * pymdownx.critic (view mode): `{++ins++}`, `{--del--}`, `{~~old~>new~~}`,
 * `{==mark==}`, `{>>comment<<}`. The marks are swapped for private-use
 * characters of the same length before parsing, so remark's own syntax
 * (`~~` strikethrough!) cannot claim them and columns stay exact; the remark
 * step turns them into `<ins class="critic">` etc. and puts the original
 * text back wherever they ended up inside code.
 */
import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { createFenceTracker } from './fences.ts';
import { fdBlock, fdInline } from './mdast-nodes.ts';
import { wrapDelimited, type Delimiter } from './phrasing.ts';
import type { SourceLine } from './source-lines.ts';

// One character per mark, repeated to the mark's length.
const P = {
  insOpen: '\uE000', insClose: '\uE001', delOpen: '\uE002', delClose: '\uE003',
  markOpen: '\uE004', markClose: '\uE005', comOpen: '\uE006', comClose: '\uE007',
  subOpen: '\uE008', subDelClose: '\uE009', subInsOpen: '\uE00A', subClose: '\uE00B',
};
const CRITIC = /\{(?:\+\+([\s\S]*?)\+\+|--([\s\S]*?)--|==([\s\S]*?)==|>>([\s\S]*?)<<|~~([\s\S]*?)~>([\s\S]*?)~~)\}/g;
const ANY = /[\uE000-\uE00B]/;

/** Replace critic marks outside fenced code; returns undefined when the page has none. */
export function protectCritic(lines: SourceLine[]): SourceLine[] | undefined {
  if (!lines.some((l) => /\{(?:\+\+|--|==|>>|~~)/.test(l.text))) return undefined;
  const fences = createFenceTracker();
  const code = lines.map((l) => fences.inFence(l.text));
  const out = [...lines];
  let changed = false;
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (end < lines.length && code[end] === code[start]) end++;
    if (!code[start]) {
      const joined = lines.slice(start, end).map((l) => l.text).join('\n');
      const replaced = joined.replace(CRITIC, placeholders);
      if (replaced !== joined) {
        changed = true;
        replaced.split('\n').forEach((t, k) => (out[start + k] = { ...lines[start + k]!, text: t }));
      }
    }
    start = end;
  }
  return changed ? out : undefined;
}

function placeholders(match: string, ins?: string, del?: string, mark?: string, com?: string, old?: string, neu?: string): string {
  const r = (c: string) => c.repeat(3);
  if (ins !== undefined) return r(P.insOpen) + ins + r(P.insClose);
  if (del !== undefined) return r(P.delOpen) + del + r(P.delClose);
  if (mark !== undefined) return r(P.markOpen) + mark + r(P.markClose);
  if (com !== undefined) return r(P.comOpen) + com + r(P.comClose);
  if (old !== undefined && neu !== undefined) return r(P.subOpen) + old + P.subDelClose + P.subInsOpen + neu + r(P.subClose);
  return match;
}

const critic = (tag: string, extra: string[] = []) => (children: PhrasingContent[]) => fdInline(tag, { className: ['critic', ...extra] }, children);

const DELIMITERS: Delimiter[] = [
  { open: P.subOpen.repeat(3), close: P.subDelClose, tight: false, build: critic('del') },
  { open: P.subInsOpen, close: P.subClose.repeat(3), tight: false, build: critic('ins') },
  { open: P.insOpen.repeat(3), close: P.insClose.repeat(3), tight: false, build: critic('ins') },
  { open: P.delOpen.repeat(3), close: P.delClose.repeat(3), tight: false, build: critic('del') },
  { open: P.markOpen.repeat(3), close: P.markClose.repeat(3), tight: false, build: critic('mark') },
  { open: P.comOpen.repeat(3), close: P.comClose.repeat(3), tight: false, build: critic('span', ['comment']) },
];

const BLOCKS: [string, string, string][] = [
  [P.insOpen, P.insClose, 'ins'],
  [P.delOpen, P.delClose, 'del'],
  [P.markOpen, P.markClose, 'mark'],
];

export function applyCritic(tree: Root): void {
  visit(tree, (node) => {
    if ('children' in node) {
      wrapBlocks(node);
      if (node.children.some((c) => c.type === 'text' && ANY.test(c.value))) for (const d of DELIMITERS) wrapDelimited(node, d);
    } else if ('value' in node && typeof node.value === 'string' && ANY.test(node.value)) {
      node.value = restore(node.value);
    }
  });
}

/** `{==` and `==}` alone in their paragraphs wrap the blocks between them (`<mark class="critic block">`). */
function wrapBlocks(parent: Parent): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const kind = BLOCKS.find(([open]) => onlyText(children[i]) === open.repeat(3));
    if (!kind) continue;
    const end = children.findIndex((c, j) => j > i && onlyText(c) === kind[1].repeat(3));
    if (end < 0) continue;
    const inner = children.slice(i + 1, end) as Parameters<typeof fdBlock>[2];
    children.splice(i, end - i + 1, fdBlock(kind[2], { className: ['critic', 'block'] }, inner));
  }
}

function onlyText(node: RootContent | undefined): string | undefined {
  if (node?.type !== 'paragraph' || node.children.length !== 1) return undefined;
  const only = node.children[0];
  return only?.type === 'text' ? only.value.trim() : undefined;
}

const RESTORE: [RegExp, string][] = [
  [/\uE000{3}/g, '{++'], [/\uE001{3}/g, '++}'], [/\uE002{3}/g, '{--'], [/\uE003{3}/g, '--}'],
  [/\uE004{3}/g, '{=='], [/\uE005{3}/g, '==}'], [/\uE006{3}/g, '{>>'], [/\uE007{3}/g, '<<}'],
  [/\uE008{3}/g, '{~~'], [/\uE009\uE00A/g, '~>'], [/\uE00B{3}/g, '~~}'],
];

/** Put the author's marks back (inside code, or where a mark did not pair up). */
export function restore(value: string): string {
  let out = value;
  for (const [re, mark] of RESTORE) out = out.replace(re, mark);
  return out;
}
