/**
 * The render model of a drawing: exactly what the SVG markup needs, in short
 * strings and whole numbers, so the component only prints it. Text from repo
 * content (names, kinds) stays plain text here; the component prints it as
 * text (escaped), never as markup. Hrefs come from the site's `href` function
 * (base path) and only ever point at entity pages or a fragment of this page.
 */
import type { EntityGraph, GraphNode } from './graph-model.ts';
import type { GraphLayout, Point } from './layout.ts';
import { frameTitle, nodeText, NODE } from './node-text.ts';

export interface SvgNode {
  /** Link to the entity's page; absent for the centre and for dangling refs. */
  href?: string;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Space-separated classes: role and kind. */
  cls: string;
  kind: string;
  title: string;
  /** Whole name of a cut title, for the tooltip. */
  full?: string;
  /** Text positions (absolute, like everything else). */
  cx: number;
  kindY: number;
  titleY: number;
}

export interface SvgEdge {
  /** Path data, arrowhead at its end. */
  d: string;
  label: string;
  lx: number;
  ly: number;
}

export interface SvgFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  kind: string;
  title: string;
  /** Title line position and where the name starts after the kind. */
  tx: number;
  ty: number;
  nameX: number;
}

export interface SvgModel {
  /** Prefix of the ids inside the SVG (title, description, arrowhead); unique on the page. */
  id: string;
  width: number;
  height: number;
  viewBox: string;
  /** Classes of the `<svg>`: `gv` and the minimum-width class that keeps text readable on a phone. */
  cls: string;
  /** Accessible name and description. */
  title: string;
  description: string;
  edges: SvgEdge[];
  nodes: SvgNode[];
  frame?: SvgFrame;
}

export interface SvgOptions {
  id: string;
  title: string;
  description: string;
  /** Base-path-aware URL of a base-relative page path. */
  href: (path: string) => string;
  /** Where a "+N more" node links: the section of the page that lists everything. */
  moreHref: string;
}

/** Drawn narrower than this fraction of its size, 13 px text gets too small to read: scroll instead. */
const MIN_SCALE = 0.7;

/** Classes of the kinds the stylesheet colours. */
const KIND_CLASSES: ReadonlyMap<string, string> = new Map([
  ['component', 'kc'],
  ['api', 'ka'],
  ['resource', 'kr'],
  ['system', 'ks'],
  ['domain', 'kd'],
  ['group', 'kg'],
  ['user', 'ku'],
]);

const ROLE_CLASSES = { centre: 'gc', entity: '', missing: 'gm', more: 'gx' } as const;

/** Minimum-width class: `gw4` (400 px) … `gw14` (1400 px), at least MIN_SCALE of the width; none for narrow drawings. */
export function minWidthClass(width: number): string {
  const hundreds = Math.min(14, Math.ceil((width * MIN_SCALE) / 100));
  return hundreds >= 4 ? `gw${hundreds}` : '';
}

function nodeModel(node: GraphNode, box: { x: number; y: number; width: number; height: number }, options: SvgOptions): SvgNode {
  const text = nodeText(node);
  const middle = Math.round((box.height - NODE.height) / 2);
  const cls = ['gn', ROLE_CLASSES[node.role], KIND_CLASSES.get(node.kind.toLowerCase()) ?? ''].filter(Boolean).join(' ');
  const href = node.role === 'more' ? options.moreHref : node.role === 'entity' && node.path !== undefined ? options.href(node.path) : undefined;
  return {
    ...(href === undefined ? {} : { href }),
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
    cls,
    kind: text.kind,
    title: text.title,
    ...(text.full === undefined ? {} : { full: text.full }),
    // Text centred vertically: a centre node may be taller than the others.
    cx: box.x + Math.round(box.width / 2),
    kindY: box.y + NODE.kindBaseline + middle,
    titleY: box.y + (node.role === 'more' ? NODE.soloBaseline : NODE.titleBaseline) + middle,
  };
}

/** How round an edge's bends are, at most, in px. */
const BEND_RADIUS = 14;

/**
 * Path through dagre's points: straight pieces with rounded bends. It passes
 * by every point dagre placed (the labels sit at those), never overshoots,
 * and ends exactly at the box border, heading where the arrowhead points.
 * One decimal at most.
 */
export function edgePath(points: readonly Point[]): string {
  const n = (v: number) => String(Math.round(v * 10) / 10);
  const at = (p: Point) => `${n(p.x)} ${n(p.y)}`;
  const [first] = points;
  if (!first) return '';
  let d = `M${at(first)}`;
  for (let i = 1; i < points.length; i++) {
    const here = points[i] ?? first;
    const next = points[i + 1];
    if (!next) {
      d += `L${at(here)}`;
      break;
    }
    const before = points[i - 1] ?? first;
    const inLength = Math.hypot(here.x - before.x, here.y - before.y);
    const outLength = Math.hypot(next.x - here.x, next.y - here.y);
    const r = Math.min(BEND_RADIUS, inLength / 2, outLength / 2);
    if (r < 0.5) continue;
    const enter = { x: here.x - ((here.x - before.x) / inLength) * r, y: here.y - ((here.y - before.y) / inLength) * r };
    const leave = { x: here.x + ((next.x - here.x) / outLength) * r, y: here.y + ((next.y - here.y) / outLength) * r };
    d += `L${at(enter)}Q${at(here)} ${at(leave)}`;
  }
  return d;
}

export function svgModel(graph: EntityGraph, layout: GraphLayout, options: SvgOptions): SvgModel {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes: SvgNode[] = [];
  for (const box of layout.nodes) {
    const node = byId.get(box.id);
    if (node) nodes.push(nodeModel(node, box, options));
  }
  const edges = layout.edges.map((e) => ({ d: edgePath(e.points), label: e.edge.label, lx: e.label.x, ly: e.label.y + 4 }));
  const centre = byId.get(graph.centre);
  let frame: SvgFrame | undefined;
  if (layout.frame && centre) {
    const { x, y, width, height } = layout.frame;
    const line = frameTitle(centre.kind, centre.title);
    const tx = x + 12;
    frame = { x, y, width, height, kind: line.kind, title: line.title, tx, ty: y + 21, nameX: tx + line.nameOffset };
  }
  return {
    id: options.id,
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    cls: ['gv', minWidthClass(layout.width)].filter(Boolean).join(' '),
    title: options.title,
    description: options.description,
    edges,
    nodes,
    ...(frame ? { frame } : {}),
  };
}

/** Text and attribute values for markup: every character that could open or close markup escaped. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The `<svg>` element, as one string (printing it with Astro expressions cost
 * about 1.4 ms a page, 15 s of a 10,000-entity build). Every string from the
 * model goes through escapeMarkup; numbers are numbers.
 *
 * Screen readers get the title, the description (who relates to whom, in
 * words) and the node links; edge lines and labels are hidden from them, the
 * description says it all. `role="group"`, not "img": an img's children are
 * presentational, so links inside one are lost to some screen readers (axe's
 * nested-interactive rule).
 */
export function renderSvg(model: SvgModel): string {
  const e = escapeMarkup;
  const id = e(model.id);
  const out: string[] = [
    `<svg class="${e(model.cls)}" width="${model.width}" height="${model.height}" viewBox="${e(model.viewBox)}" role="group" aria-labelledby="${id}-t" aria-describedby="${id}-d">`,
    `<title id="${id}-t">${e(model.title)}</title><desc id="${id}-d">${e(model.description)}</desc>`,
    `<defs><marker id="${id}-a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0 1L10 5L0 9z"/></marker></defs>`,
  ];
  const frame = model.frame;
  if (frame) {
    out.push(
      `<g class="gf"><rect x="${frame.x}" y="${frame.y}" width="${frame.width}" height="${frame.height}"/>`,
      `<text class="gk" x="${frame.tx}" y="${frame.ty}">${e(frame.kind)}</text><text class="gt" x="${frame.nameX}" y="${frame.ty}">${e(frame.title)}</text></g>`,
    );
  }
  out.push(`<g class="ge" marker-end="url(#${id}-a)" aria-hidden="true">`);
  for (const edge of model.edges) out.push(`<path d="${e(edge.d)}"/>`);
  out.push('</g><g class="gl" aria-hidden="true">');
  for (const edge of model.edges) out.push(`<text x="${edge.lx}" y="${edge.ly}">${e(edge.label)}</text>`);
  out.push('</g>');
  for (const n of model.nodes) {
    const open = n.href === undefined ? `<g class="${e(n.cls)}">` : `<a href="${e(n.href)}" class="${e(n.cls)}">`;
    out.push(
      open,
      n.full === undefined ? '' : `<title>${e(n.full)}</title>`,
      `<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}"/>`,
      n.kind === '' ? '' : `<text class="gk" x="${n.cx}" y="${n.kindY}">${e(n.kind)}</text>`,
      `<text x="${n.cx}" y="${n.titleY}">${e(n.title)}</text>`,
      n.href === undefined ? '</g>' : '</a>',
    );
  }
  out.push('</svg>');
  return out.join('');
}
