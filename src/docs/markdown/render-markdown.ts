/**
 * TechDocs Markdown → HTML, as MkDocs + mkdocs-techdocs-core would render it
 * (Python-Markdown with admonition, pymdownx.*, attr_list, toc, abbr,
 * footnotes, md_in_html, gh-admonitions), sanitized for the portal.
 *
 * In: the page's text and a context that resolves links and reads snippets.
 * Out: HTML plus what the site needs around it (title, headings, anchored
 * links, diagnostics with source positions, whether Mermaid is used).
 *
 * Text passes first rewrite what CommonMark cannot parse (snippets, critic,
 * abbreviations, md_in_html, 2-space lists, indented blocks), keeping a map
 * back to source lines; then the unified pipeline (`pipeline.ts`) does the
 * rest. Never throws: a page that breaks the pipeline, or takes longer than
 * its time budget (`time-budget.ts`), is shown as text.
 */
import type { Root as MdastRoot } from 'mdast';
import { extractAbbreviations } from './abbreviations.ts';
import { markBlocks } from './block-markers.ts';
import { highlightCode } from './code-blocks.ts';
import { protectCritic } from './critic.ts';
import { splitFrontMatter } from './front-matter.ts';
import { expandMarkdownInHtml } from './md-in-html.ts';
import { htmlPipeline, mdastPipeline } from './pipeline.ts';
import { nestTwoSpaceLists } from './sane-lists.ts';
import { expandSnippets } from './snippets.ts';
import { joinLines, lineMapOf, splitLines } from './source-lines.ts';
import { RenderTimeout, timeBudget } from './time-budget.ts';
import { DEFAULT_MAX_RENDER_MS, type RenderContext, type RenderDiagnostic, type RenderedMarkdown, type RenderState } from './types.ts';

export type {
  RenderContext,
  RenderDiagnostic,
  RenderedHeading,
  RenderedLink,
  RenderedMarkdown,
  ResolvedRef,
  RuleId,
  Severity,
  SnippetResult,
} from './types.ts';

export async function renderMarkdown(source: string, ctx: RenderContext): Promise<RenderedMarkdown> {
  const text = typeof source === 'string' ? source : '';
  const state = newState(ctx);
  const limitMs = ctx.maxRenderMs ?? DEFAULT_MAX_RENDER_MS;
  const budget = timeBudget(limitMs);
  let frontMatter: Record<string, unknown> = {};
  let html: string;
  try {
    // The plugins read `file.data`; unified makes a VFile of this per call, all sharing `data`.
    const file = { value: '', data: { frontdoor: state } };
    const tree = budget.run(() => {
      const split = splitFrontMatter(text);
      frontMatter = split.data;
      file.value = preprocess(split.body, state);
      return mdastPipeline.runSync(mdastPipeline.parse(file), file) as MdastRoot;
    });
    state.highlights = await highlightCode(tree, budget);
    html = budget.run(() => htmlPipeline.stringify(htmlPipeline.runSync(tree, file), file));
  } catch (error) {
    html = `<pre class="render-failed">${escapeHtml(text)}</pre>`;
    state.diagnostics.push(error instanceof RenderTimeout ? timedOut(limitMs) : failed(error));
    state.headings = [];
    state.links = [];
    state.hasMermaid = false;
  }
  const fmTitle = frontMatter['title'];
  const title = typeof fmTitle === 'string' && fmTitle.trim() ? fmTitle.trim() : state.headings.find((h) => h.depth === 1)?.text;
  return {
    html,
    ...(title ? { title } : {}),
    frontMatter,
    headings: state.headings,
    links: state.links,
    diagnostics: state.diagnostics,
    hasMermaid: state.hasMermaid,
  };
}

/** The text passes: what remark parses, with `state` holding what they found. */
function preprocess(body: string, state: RenderState): string {
  let lines = splitLines(body);
  lines = expandSnippets(lines, state);
  const critic = protectCritic(lines);
  if (critic) {
    lines = critic;
    state.critic = true;
  }
  lines = extractAbbreviations(lines, state.abbreviations);
  lines = expandMarkdownInHtml(lines);
  lines = nestTwoSpaceLists(lines);
  lines = markBlocks(lines, state);
  state.lineMap = lineMapOf(lines);
  state.text = joinLines(lines);
  return state.text;
}

function timedOut(limitMs: number): RenderDiagnostic {
  return {
    rule: 'docs-render-timeout',
    severity: 'warning',
    message: `The page took longer than ${limitMs} ms to render (limits.maxPageRenderMs); it is shown as plain text.`,
    fix: 'Split the page into smaller ones or simplify its Markdown (very long lists, tables or repeated constructs), or raise limits.maxPageRenderMs in portal.config.yaml.',
    line: 0,
    column: 0,
  };
}

function failed(error: unknown): RenderDiagnostic {
  return {
    rule: 'docs-render-failed',
    severity: 'error',
    message: `The page could not be rendered (${error instanceof Error ? error.message : String(error)}); it is shown as plain text.`,
    fix: 'Report this page to the portal maintainers; meanwhile simplify the Markdown around the construct that fails.',
    line: 0,
    column: 0,
  };
}

function newState(ctx: RenderContext): RenderState {
  return {
    ctx,
    lineMap: lineMapOf([]),
    nonce: Math.random().toString(36).slice(2, 10),
    blocks: [],
    abbreviations: new Map(),
    diagnostics: [],
    reported: new Set(),
    headings: [],
    links: [],
    hasMermaid: false,
    tabSets: 0,
    critic: false,
    text: '',
    highlights: new Map(),
  };
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
