/**
 * Diagnostic rules of the docs stage: the site model's (mkdocs.yml, nav,
 * files), the Markdown renderer's (links, images, snippets, HTML), and the
 * stage's own (where docs come from, anchors, published files). Registered
 * with every other rule in src/diagnostics/rules.ts.
 */
import type { Severity } from '../diagnostics/diagnostic.ts';
import type { RuleId as RenderRuleId } from './markdown/types.ts';
import { docsSiteRules } from './site/problems.ts';

interface DocsRuleInfo {
  severity: Severity;
  summary: string;
}

const renderRules = {
  'docs-link-broken': { severity: 'warning', summary: 'A relative link in a docs page leads to no page or file of the repo (or out of it); the page renders with the link marked.' },
  'docs-image-missing': { severity: 'warning', summary: 'A relative image in a docs page is not in the repo.' },
  'docs-snippet-missing': { severity: 'warning', summary: 'A `--8<--` snippet names a file that is missing or outside the repo; a note shows in its place.' },
  'docs-html-removed': { severity: 'warning', summary: 'Raw HTML in a docs page had something unsafe removed (script, event handler, javascript: URL, iframe, form, style).' },
  'docs-plantuml': { severity: 'info', summary: 'A PlantUML diagram is shown as source: drawing it needs a PlantUML server at build time.' },
  'docs-render-failed': { severity: 'error', summary: 'A docs page could not be rendered and is shown as plain text (a renderer bug: please report it).' },
  'docs-render-timeout': { severity: 'warning', summary: 'A docs page took longer than `limits.maxPageRenderMs` to render; it is published as plain text.' },
} as const satisfies Record<RenderRuleId, DocsRuleInfo>;

const stageRules = {
  'docs-source-missing': { severity: 'warning', summary: '`backstage.io/techdocs-ref` names no docs Frontdoor can read: a folder without mkdocs.yml or docs/, a path out of the repo, a repo not in the portal, or an unsupported type.' },
  'docs-anchor-missing': { severity: 'warning', summary: 'A docs link points at a #fragment no heading or element of the target page has.' },
  'docs-asset-unsafe': { severity: 'warning', summary: 'A docs file a browser would run (HTML, XML, JavaScript, or an SVG with scripts) is not published on the portal.' },
  'docs-asset-too-large': { severity: 'warning', summary: 'A docs image or download is over `limits.maxFileBytes`; it is not copied into the site.' },
  'docs-tree-truncated': { severity: 'warning', summary: 'A docs folder holds more files than `limits.maxDocsFiles`; index pages, nav targets and Markdown were kept first, the rest left out.' },
  'repo-output-budget': { severity: 'warning', summary: 'A repo\'s docs would add more than `limits.maxRepoOutputBytes` to the site; what does not fit is left out.' },
} as const satisfies Record<string, DocsRuleInfo>;

export const docsRules = { ...docsSiteRules, ...renderRules, ...stageRules } as const satisfies Record<string, DocsRuleInfo>;
