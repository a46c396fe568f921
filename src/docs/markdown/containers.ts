/**
 * Second half of `block-markers.ts`: in the parsed tree, the nodes between
 * an open and a close marker (siblings, since both markers share the
 * block's indentation) become the admonition, details or tab. Runs before
 * every other remark step so they all see the finished structure. A marker
 * that lost its partner (the author's indentation put it in code) is
 * dropped, never shown.
 */
import type { BlockContent, DefinitionContent, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { buildAdmonition } from './admonitions.ts';
import { text } from './mdast-nodes.ts';
import { buildTabSet, type Tab } from './tabs.ts';
import type { RenderState } from './types.ts';

type Flow = BlockContent | DefinitionContent;

const titleParser = unified().use(remarkParse).use(remarkGfm, { singleTilde: false }).freeze();

export function buildContainers(tree: Root, state: RenderState): void {
  if (state.blocks.length === 0) return;
  const marker = new RegExp(`^<!--fd:${state.nonce}:(open|close):(\\d+)-->$`);
  visit(tree, (node) => {
    if ('children' in node && node.children.some((c) => c.type === 'html' && marker.test(c.value.trim()))) {
      node.children = rebuild(node.children as RootContent[], state, marker);
    } else if ((node.type === 'code' || node.type === 'html') && node.value.includes(`<!--fd:${state.nonce}:`)) {
      node.value = node.value
        .split('\n')
        .filter((l) => !marker.test(l.trim()))
        .join('\n');
    }
  });
}

function rebuild(children: RootContent[], state: RenderState, marker: RegExp): RootContent[] {
  const out: RootContent[] = [];
  let tabs: Tab[] = [];
  const flush = () => {
    if (tabs.length > 0) out.push(buildTabSet(tabs, ++state.tabSets));
    tabs = [];
  };
  const marks = children.map((c) => (c.type === 'html' ? marker.exec(c.value.trim()) : null));
  // Where each block's close marker sits, found once: searching from every open marker was quadratic.
  const closes = new Map<string, number[]>();
  marks.forEach((m, j) => {
    if (m?.[1] !== 'close') return;
    const at = closes.get(m[2]!);
    if (at) at.push(j);
    else closes.set(m[2]!, [j]);
  });
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    const m = marks[i];
    if (!m) {
      flush();
      out.push(node);
      continue;
    }
    const id = Number(m[2]);
    const spec = state.blocks[id];
    const end = m[1] === 'open' ? (closes.get(m[2]!)?.find((j) => j > i) ?? -1) : -1;
    if (!spec || end < 0) continue;
    const body = children.slice(i + 1, end) as Flow[];
    const title = parseTitle(spec.title ?? '', node.position);
    if (spec.kind === 'tab') {
      if (spec.newSet) flush();
      tabs.push({ spec, title, body });
    } else {
      flush();
      const built = buildAdmonition(spec, title, body);
      const endPosition = children[end]!.position;
      if (node.position && endPosition) built.position = { start: node.position.start, end: endPosition.end };
      out.push(built);
    }
    i = end;
  }
  flush();
  return out;
}

/** Titles and labels may hold inline Markdown; it is parsed on its own and placed at the marker line. */
export function parseTitle(title: string, at: Position | undefined): PhrasingContent[] {
  if (!title) return [];
  if (!/[*_`[\]<>!~=^+:{&\\]/.test(title)) return [withPosition(text(title), at)];
  const root = titleParser.parse(title);
  const first = root.children[0];
  const nodes = root.children.length === 1 && first?.type === 'paragraph' ? first.children : [text(title)];
  for (const n of nodes) {
    visit(n, (d: Nodes) => {
      if (at) d.position = at;
      else delete d.position;
    });
  }
  return nodes;
}

function withPosition<T extends Nodes>(node: T, at: Position | undefined): T {
  if (at) node.position = at;
  return node;
}
