/**
 * The renderer's public shapes, and the per-page state its plugins share.
 * Kept apart from the entry so plugins can import them without a cycle.
 */
import type { Nodes } from 'mdast';
import type { docsRenderRules } from '../../diagnostics/docs-rules.ts';
import type { Token } from './highlighter.ts';
import type { LineMap } from './source-lines.ts';

/** What the caller's resolver says about a relative link or image target. */
export type ResolvedRef = { url: string } | { missing: true; reason: string };

export type SnippetResult = { text: string } | { missing: true; reason: string };

export interface RenderContext {
  /** Repo-relative path of the .md file, e.g. `docs/guide/setup.md`. */
  page: string;
  /**
   * Called for every relative href/src written in Markdown (not raw HTML, as
   * MkDocs), with the decoded target including `?query`/`#fragment`. The
   * returned url is used as is; when it has no `#` the target's `#fragment`
   * is appended. `undefined` leaves the link unchanged.
   */
  resolve(target: string, kind: 'link' | 'image'): ResolvedRef | undefined;
  /** pymdownx.snippets: `path` as written; the caller applies base paths and repo containment. */
  readSnippet(path: string): SnippetResult;
  /** `default`: Python-Markdown toc slugify; `unicode`: pymdownx.slugs (keeps letters of any script). */
  slugify?: 'default' | 'unicode';
  /**
   * `limits.maxPageRenderMs`: a page whose render takes longer is returned as
   * escaped plain text with a `docs-render-timeout` diagnostic. Default
   * 10,000. `resolve` and `readSnippet` run inside this budget and may be
   * stopped at any point, so they must leave nothing half-updated.
   */
  maxRenderMs?: number;
}

export const DEFAULT_MAX_RENDER_MS = 10_000;

export type Severity = 'error' | 'warning' | 'info';

/** The renderer's rules; their severities and summaries are in src/diagnostics/docs-rules.ts. */
export type RuleId = keyof typeof docsRenderRules;

export interface RenderDiagnostic {
  rule: RuleId;
  severity: Severity;
  message: string;
  fix: string;
  /** 1-based, in the original source (front matter included). */
  line: number;
  column: number;
}

export interface RenderedHeading {
  depth: number;
  id: string;
  text: string;
}

export interface RenderedLink {
  target: string;
  line: number;
  column: number;
}

export interface RenderedMarkdown {
  html: string;
  /** Front matter `title`, else the text of the first h1. */
  title?: string;
  frontMatter: Record<string, unknown>;
  headings: RenderedHeading[];
  /** Internal links that carry a `#fragment` (relative or same-page), for cross-page anchor checks. */
  links: RenderedLink[];
  diagnostics: RenderDiagnostic[];
  hasMermaid: boolean;
}

/** The name some callers use for the same shape. */
export type RenderedPage = RenderedMarkdown;

/** A position in the preprocessed text; mapped back to the source before it is reported. */
export interface Place {
  line: number;
  column: number;
}

/** A block opened by `!!!`, `???` or `===` in the source; the pre-pass records it, the remark step builds it. */
export interface BlockSpec {
  kind: 'admonition' | 'details' | 'tab';
  /** Lower-cased type and extra classes (`note`, `tip inline end`); empty for tabs. */
  classes: string[];
  /** The title, summary or tab label ('' for none). */
  title: string;
  /** `???+` (details open) or `===+` (tab selected). */
  open: boolean;
  /** `===!`: start a new tab set even if the previous block was a tab. */
  newSet: boolean;
}

/** Per-page state shared by the plugins through `file.data`. */
export interface RenderState {
  ctx: RenderContext;
  lineMap: LineMap;
  /** Random per page, so text in the page can never pose as one of our markers. */
  nonce: string;
  blocks: BlockSpec[];
  abbreviations: Map<string, string>;
  diagnostics: RenderDiagnostic[];
  /** `rule` + what, so each problem is reported once per page. */
  reported: Set<string>;
  headings: RenderedHeading[];
  links: RenderedLink[];
  hasMermaid: boolean;
  tabSets: number;
  /** The page had critic marks, protected by `critic.ts` before parsing. */
  critic: boolean;
  /** The preprocessed text remark parses (plugins test it to skip work). */
  text: string;
  /** Tokens of each highlighted code node, found before the synchronous render (code-blocks.ts). */
  highlights: Map<Nodes, Token[][]>;
}

export interface DiagnosticInput {
  rule: RuleId;
  severity: Severity;
  message: string;
  fix: string;
}

/** Report at a place in the preprocessed text; with `dedupe`, only the first of a kind per page. */
export function report(state: RenderState, d: DiagnosticInput, at: Place | undefined, dedupe?: string): void {
  if (dedupe !== undefined) {
    const key = `${d.rule}\0${dedupe}`;
    if (state.reported.has(key)) return;
    state.reported.add(key);
  }
  const place = at ? state.lineMap.toSource(at) : { line: 0, column: 0 };
  state.diagnostics.push({ ...d, line: place.line, column: place.column });
}

/** Report at a place already in source coordinates (the snippet pass runs before any mapping exists). */
export function reportAtSource(state: RenderState, d: DiagnosticInput, place: Place): void {
  state.diagnostics.push({ ...d, line: place.line, column: place.column });
}
