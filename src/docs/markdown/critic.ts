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
  insOpen: '\uE000',
  insClose: '\uE001',
  delOpen: '\uE002',
  delClose: '\uE003',
  markOpen: '\uE004',
  markClose: '\uE005',
  comOpen: '\uE006',
  comClose: '\uE007',
  subOpen: '\uE008',
  subDelClose: '\uE009',
  subInsOpen: '\uE00A',
  subClose: '\uE00B',
};
// What closes a mark, by the character doubled after its `{`; `{~~` also needs its `~>` first.
const CLOSE = new Map([
  ['+', '++}'],
  ['-', '--}'],
  ['=', '==}'],
  ['>', '<<}'],
  ['~', '~~}'],
]);
const ANY = /[\uE000-\uE00B]/;

/** Replace critic marks outside fenced code; returns undefined when the page has none. */
export function protectCritic(lines: SourceLine[]): SourceLine[] | undefined {
  if (!lines.some((l) => /\{(?:\+\+|--|==|>>|~~)/.test(l.text))) return undefined;
  const fences = createFenceTracker();
  const code = lines.map((l) => fences.inFence(l.text));
  const out = [...lines];
  let changed = false;
  for (let start = 0; start < lines.length;) {
    let end = start;
    while (end < lines.length && code[end] === code[start]) end++;
    if (!code[start]) {
      const joined = lines
        .slice(start, end)
        .map((l) => l.text)
        .join('\n');
      const replaced = replaceMarks(joined);
      if (replaced !== joined) {
        changed = true;
        replaced.split('\n').forEach((t, k) => (out[start + k] = { ...lines[start + k]!, text: t }));
      }
    }
    start = end;
  }
  return changed ? out : undefined;
}

/**
 * Every `{++ins++}`, `{--del--}`, `{==mark==}`, `{>>comment<<}` and
 * `{~~old~>new~~}` in `text` swapped for placeholders; what the regex
 * `\{(?:\+\+([\s\S]*?)\+\+|…|~~([\s\S]*?)~>([\s\S]*?)~~)\}` with
 * `replace` gives, whose lazy groups re-read the rest of the page for every
 * mark left open (quadratic, cubic for `{~~`). Whether a close follows does
 * not depend on where the mark opened, so once a kind finds none, no later
 * mark of that kind can: each kind reads to the end at most once.
 */
export function replaceMarks(text: string): string {
  const exhausted = new Set<string>();
  let out = '';
  let copied = 0;
  for (let at = text.indexOf('{'); at >= 0; at = text.indexOf('{', at + 1)) {
    const kind = text[at + 1] ?? '';
    const close = CLOSE.get(kind);
    if (!close || text[at + 2] !== kind || exhausted.has(kind)) continue;
    const from = at + 3;
    const arrow = kind === '~' ? text.indexOf('~>', from) : -1;
    const end = kind !== '~' ? text.indexOf(close, from) : arrow < 0 ? -1 : text.indexOf(close, arrow + 2);
    if (end < 0) {
      exhausted.add(kind);
      continue;
    }
    out += text.slice(copied, at) + placeholders(kind, text.slice(from, kind === '~' ? arrow : end), text.slice(arrow + 2, end));
    copied = end + close.length;
    at = copied - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function placeholders(kind: string, body: string, replacement: string): string {
  const r = (c: string) => c.repeat(3);
  if (kind === '+') return r(P.insOpen) + body + r(P.insClose);
  if (kind === '-') return r(P.delOpen) + body + r(P.delClose);
  if (kind === '=') return r(P.markOpen) + body + r(P.markClose);
  if (kind === '>') return r(P.comOpen) + body + r(P.comClose);
  return r(P.subOpen) + body + P.subDelClose + P.subInsOpen + replacement + r(P.subClose);
}

const critic =
  (tag: string, extra: string[] = []) =>
  (children: PhrasingContent[]) =>
    fdInline(tag, { className: ['critic', ...extra] }, children);

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

const OPENERS = BLOCKS.map(([open]) => open.repeat(3));
const CLOSERS = BLOCKS.map(([, close]) => close.repeat(3));

/** `{==` and `==}` alone in their paragraphs wrap the blocks between them (`<mark class="critic block">`). */
function wrapBlocks(parent: Parent): void {
  const children = parent.children;
  const texts = children.map(onlyText);
  if (!texts.some((t) => t !== undefined && OPENERS.includes(t))) return;
  // Each kind's closers in page order, read with a cursor: searching from every opener was quadratic.
  const closers = CLOSERS.map((close) => texts.flatMap((t, j) => (t === close ? [j] : [])));
  const cursors = CLOSERS.map(() => 0);
  const out: RootContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const k = texts[i] === undefined ? -1 : OPENERS.indexOf(texts[i]!);
    let end: number | undefined;
    if (k >= 0) {
      const list = closers[k]!;
      while (cursors[k]! < list.length && list[cursors[k]!]! <= i) cursors[k]!++;
      end = list[cursors[k]!];
    }
    if (end === undefined) {
      out.push(children[i]!);
      continue;
    }
    const inner = children.slice(i + 1, end) as Parameters<typeof fdBlock>[2];
    out.push(fdBlock(BLOCKS[k]![2], { className: ['critic', 'block'] }, inner));
    i = end;
  }
  parent.children = out;
}

function onlyText(node: RootContent | undefined): string | undefined {
  if (node?.type !== 'paragraph' || node.children.length !== 1) return undefined;
  const only = node.children[0];
  return only?.type === 'text' ? only.value.trim() : undefined;
}

const RESTORE: [RegExp, string][] = [
  [/\uE000{3}/g, '{++'],
  [/\uE001{3}/g, '++}'],
  [/\uE002{3}/g, '{--'],
  [/\uE003{3}/g, '--}'],
  [/\uE004{3}/g, '{=='],
  [/\uE005{3}/g, '==}'],
  [/\uE006{3}/g, '{>>'],
  [/\uE007{3}/g, '<<}'],
  [/\uE008{3}/g, '{~~'],
  [/\uE009\uE00A/g, '~>'],
  [/\uE00B{3}/g, '~~}'],
];

/** Put the author's marks back (inside code, or where a mark did not pair up). */
export function restore(value: string): string {
  let out = value;
  for (const [re, mark] of RESTORE) out = out.replace(re, mark);
  return out;
}
