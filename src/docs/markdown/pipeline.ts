/**
 * The unified pipeline, built once per process, in two halves with the
 * page's code highlighted between them (asynchronously, outside the time
 * budget's vm: see render-markdown.ts). Per-page state travels in
 * `file.data.frontdoor`. Order matters:
 *   containers first (everything else must see admonitions/tabs as nodes),
 *   attr_list before anything that could eat `{…}` text, critic before code
 *   (to restore marks inside code), headings last on mdast (their text must
 *   be final), and the sanitizer after every plugin that adds markup.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { defListHastHandlers, remarkDefinitionList } from 'remark-definition-list';
import remarkEmoji from 'remark-emoji';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import type { VFile } from 'vfile';
import { applyAbbreviations } from './abbreviations.ts';
import { applyAlerts } from './alerts.ts';
import { applyAttrLists } from './attr-list.ts';
import { applyCodeBlocks } from './code-blocks.ts';
import { buildContainers } from './containers.ts';
import { applyCritic } from './critic.ts';
import { markExternalLink } from './external-links.ts';
import { applyFootnotes } from './footnotes.ts';
import { applyHeadings } from './headings.ts';
import { auditHtml } from './html-audit.ts';
import { applyIcons } from './icons.ts';
import { applyInlineExtensions } from './inline-extensions.ts';
import { applyLinks } from './links.ts';
import { listItem } from './list-items.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { disarmBrokenTargets } from './broken-targets.ts';
import { markScrollRegions } from './scroll-regions.ts';
import { applyTaskLists } from './task-lists.ts';
import type { RenderState } from './types.ts';

export function stateOf(file: VFile): RenderState {
  return (file.data as { frontdoor: RenderState }).frontdoor;
}

// Each step walks the whole tree, and a site has thousands of pages: a cheap look at the
// page text skips the steps whose syntax cannot occur.
const ALERT = /\[!(?:note|tip|important|warning|caution)\]/i;
const ICON = /:(?:material|fontawesome|octicons|simple)-/;
const SHORTCODE = /:[\w+-]+:/;
const INLINE = /==|\^|~|\+\+/;
const TASK = /\[[ xX]\]/;

function structure() {
  return (tree: MdastRoot, file: VFile) => {
    const state = stateOf(file);
    buildContainers(tree, state);
    if (ALERT.test(state.text)) applyAlerts(tree);
    if (state.critic) applyCritic(tree);
    if (state.text.includes('{')) applyAttrLists(tree);
    if (ICON.test(state.text)) applyIcons(tree);
  };
}

/** remark-emoji, skipped on pages without a `:shortcode:`. */
function emoji(this: Processor) {
  const transform = remarkEmoji.call(this, {}) as unknown as (tree: MdastRoot) => void;
  return (tree: MdastRoot, file: VFile) => {
    if (SHORTCODE.test(stateOf(file).text)) transform(tree);
  };
}

/** Inline syntax remark has no parser for; after this step no code node changes any more. */
function phrasing() {
  return (tree: MdastRoot, file: VFile) => {
    const state = stateOf(file);
    if (INLINE.test(state.text)) applyInlineExtensions(tree);
    applyAbbreviations(tree, state.abbreviations);
  };
}

/** Needs the code highlighted beforehand (`highlightCode`, into `state.highlights`). */
function content() {
  return (tree: MdastRoot, file: VFile) => {
    const state = stateOf(file);
    applyCodeBlocks(tree, state);
    applyLinks(tree, state, state.text.includes('!['));
    applyHeadings(tree, state);
  };
}

function html() {
  return (tree: HastRoot, file: VFile) => {
    const state = stateOf(file);
    if (state.text.includes('[^')) applyFootnotes(tree);
    if (TASK.test(state.text)) applyTaskLists(tree);
    auditHtml(tree, state, markExternalLink);
    markScrollRegions(tree);
    disarmBrokenTargets(tree);
  };
}

/** Markdown → mdast, every structure and inline step applied: the page's code is final. */
export const mdastPipeline = unified()
  .use(remarkParse)
  .use(remarkGfm, { singleTilde: false })
  .use(remarkDefinitionList)
  .use(structure)
  .use(emoji)
  .use(phrasing)
  .freeze();

/** That mdast → sanitized HTML. Every step is synchronous, so it runs whole inside the time budget. */
export const htmlPipeline = unified()
  .use(content)
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '', footnoteBackContent: '↩', handlers: { ...defListHastHandlers, listItem } })
  .use(rehypeRaw)
  .use(html)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify)
  .freeze();
