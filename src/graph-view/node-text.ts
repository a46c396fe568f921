/**
 * Text sizes without a browser: node boxes are sized from the length of their
 * labels, measured with the advance widths of DejaVu Sans (what `system-ui`
 * resolves to on most Linux machines, and wider than the Mac and Windows
 * system fonts, so text fits everywhere). Long names are cut with "…".
 */
import type { GraphNode } from './graph-model.ts';

/** Advance widths of U+0020…U+007E in hundredths of an em (DejaVu Sans Book, measured in Chromium). */
const ASCII_WIDTHS = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58,
  77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97,
  63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
];

/** Bold text (the highlighted entity) is about this much wider. */
const BOLD_FACTOR = 1.1;

function charWidth(code: number): number {
  if (code >= 32 && code < 127) return ASCII_WIDTHS[code - 32] ?? 64;
  // CJK, Hangul, fullwidth forms and emoji take a whole em; other scripts about 0.7.
  return code >= 0x2e80 ? 100 : 70;
}

/** Width in px of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let hundredths = 0;
  for (const char of text) hundredths += charWidth(char.codePointAt(0) ?? 0);
  return (hundredths / 100) * fontSize * (bold ? BOLD_FACTOR : 1);
}

/** `text`, cut at a character boundary with "…" so that it is at most `maxWidth` px wide. */
export function truncate(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  let width = textWidth('…', fontSize, bold);
  let end = 0;
  for (; end < chars.length; end++) {
    const w = textWidth(chars[end] ?? '', fontSize, bold);
    if (width + w > maxWidth) break;
    width += w;
  }
  return `${chars.slice(0, end).join('').trimEnd()}…`;
}

/** Sizes of a node box and its two lines of text, in px. */
export const NODE = {
  titleSize: 13,
  kindSize: 10,
  padX: 10,
  minWidth: 96,
  maxWidth: 200,
  height: 40,
  /** Baselines of the kind line and the title, from the box's top. */
  kindBaseline: 15,
  titleBaseline: 31,
  /** Baseline of a summary node's only line. */
  soloBaseline: 24,
  /** Widths are rounded up to a multiple of this, so graphs of the same shape share a layout. */
  widthStep: 8,
} as const;

export const EDGE_LABEL = { size: 11, height: 14, padX: 3 } as const;

export interface NodeText {
  /** Small line above the title (drawn in capitals): the kind, "· not found" for a dangling ref; empty for summaries. */
  kind: string;
  /** The title as drawn, cut to fit. */
  title: string;
  /** Set when `title` was cut: the whole name, for the tooltip. */
  full?: string;
  width: number;
  height: number;
}

export function nodeText(node: GraphNode): NodeText {
  const bold = node.role === 'centre';
  const kind = node.role === 'more' ? '' : node.role === 'missing' ? `${node.kind} · not found` : node.kind;
  const room = NODE.maxWidth - 2 * NODE.padX;
  const title = truncate(node.title, room, NODE.titleSize, bold);
  // Drawn in capitals by the stylesheet (the text itself keeps its case for screen readers).
  const kindUpper = truncate(kind.toUpperCase(), room, NODE.kindSize, false);
  const kindLine = kindUpper === kind.toUpperCase() ? kind : `${[...kind].slice(0, [...kindUpper].length - 1).join('')}…`;
  const natural = Math.max(textWidth(title, NODE.titleSize, bold), textWidth(kindUpper, NODE.kindSize)) + 2 * NODE.padX;
  const width = Math.min(NODE.maxWidth, Math.max(NODE.minWidth, Math.ceil(natural / NODE.widthStep) * NODE.widthStep));
  return { kind: kindLine, title, ...(title === node.title ? {} : { full: node.title }), width, height: NODE.height };
}

/** Size of an edge label box, in px. */
export function edgeLabelSize(label: string): { width: number; height: number } {
  return { width: Math.ceil(textWidth(label, EDGE_LABEL.size) + 2 * EDGE_LABEL.padX), height: EDGE_LABEL.height };
}

/** Longest frame title (a system diagram's system or domain name), in px. */
const FRAME_TITLE_MAX = 360;

export interface FrameTitle {
  kind: string;
  title: string;
  /** Where the name starts after the kind, from the title line's start. */
  nameOffset: number;
  width: number;
}

/** A frame's title line: the kind in small capitals, then the name in bold, cut to fit. */
export function frameTitle(kind: string, name: string): FrameTitle {
  const nameOffset = Math.round(textWidth(kind.toUpperCase(), NODE.kindSize) + 8);
  const title = truncate(name, FRAME_TITLE_MAX, NODE.titleSize, true);
  return { kind, title, nameOffset, width: nameOffset + Math.ceil(textWidth(title, NODE.titleSize, true)) };
}
