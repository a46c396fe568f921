/**
 * Diagnostic rules of the docs stage: the site model's (mkdocs.yml, nav,
 * files; severities follow MkDocs: what aborts `mkdocs build` or the monorepo
 * plugin is an error, what it logs as WARNING a warning, INFO an info), the
 * Markdown renderer's (links, images, snippets, HTML), and the stage's own
 * (where docs come from, anchors, published files). They are registered with
 * every other rule in rules.ts; the docs code takes its rule ids from these
 * tables, so the registry never imports the stage it describes.
 */
import type { Severity } from './diagnostic.ts';

interface DocsRuleInfo {
  severity: Severity;
  summary: string;
}

export const docsSiteRules = {
  'docs-config-unreadable': {
    severity: 'error',
    summary: "mkdocs.yml is binary, too large, outside the repo or unreadable; Backstage's default config is used.",
  },
  'docs-config-yaml': { severity: 'error', summary: 'mkdocs.yml does not parse as YAML, or is not a mapping.' },
  'docs-config-yaml-limit': { severity: 'error', summary: 'mkdocs.yml expands too many aliases or nests too deeply; the rest was not read.' },
  'docs-config-duplicate': { severity: 'info', summary: 'Both mkdocs.yaml and mkdocs.yml exist; Backstage reads mkdocs.yaml.' },
  'docs-config-field': { severity: 'error', summary: 'A mkdocs.yml field has the wrong type or is missing (site_name); MkDocs refuses the config.' },
  'docs-dir-outside': { severity: 'error', summary: 'docs_dir is absolute or leaves the folder of mkdocs.yml; Backstage refuses to build.' },
  'docs-dir-missing': { severity: 'error', summary: 'docs_dir holds no file.' },
  'docs-file-refused': { severity: 'error', summary: 'A docs file is a symlink out of the repo or could not be read; it is left out.' },
  'docs-page-unreadable': { severity: 'warning', summary: 'A Markdown page is binary or too large; its title comes from its file name.' },
  'docs-readme-conflict': { severity: 'warning', summary: 'README.md and index.md (or two files with the same URL) in one folder; MkDocs drops the first.' },
  'docs-nav-invalid': { severity: 'error', summary: 'A nav entry is not a string or a one-key mapping; it is skipped.' },
  'docs-nav-not-list': { severity: 'warning', summary: 'A nav section is a mapping instead of a list.' },
  'docs-nav-target-missing': { severity: 'warning', summary: 'A nav entry names a path that is not a page of the site; it becomes a plain link.' },
  'docs-nav-absolute-link': { severity: 'info', summary: 'A nav entry is an absolute path; it is kept as a link.' },
  'docs-page-not-in-nav': { severity: 'info', summary: 'A page exists in docs_dir but not in nav; it is built without a nav entry.' },
  'docs-monorepo-include': {
    severity: 'error',
    summary: 'A monorepo `!include`/`*include` cannot be followed (missing file, no site_name, bad path, nested include, cycle).',
  },
  'docs-monorepo-duplicate-alias': { severity: 'error', summary: 'Two included sites have the same site_name (alias); the later one is not merged.' },
  'docs-site-internal': { severity: 'error', summary: 'An unexpected failure while modelling the site; no docs are shown for the entity.' },
  'docs-monorepo-no-match': {
    severity: 'warning',
    summary: 'A `*include` glob matched no config; the monorepo plugin then drops the whole nav and MkDocs builds the automatic one.',
  },
  // Where files are published (src/docs/site/published-paths.ts): decided with the site, before anything is written.
  'docs-path-renamed': {
    severity: 'info',
    summary:
      'A docs file name cannot be a URL as written (a `%`, a control character, an `.html` suffix, a reserved name); its page is published under a safe URL.',
  },
  'docs-path-conflict': {
    severity: 'warning',
    summary: 'Two docs files would be published at the same URL (`foo.md` and `foo/index.md`, or names differing only in case); one is left out.',
  },
  'docs-path-too-long': { severity: 'warning', summary: "A docs file's published path would be longer than the output allows; it is left out." },
} as const satisfies Record<string, DocsRuleInfo>;

export const docsRenderRules = {
  'docs-link-broken': {
    severity: 'warning',
    summary: 'A relative link in a docs page leads to no page or file of the repo (or out of it); the page renders with the link marked.',
  },
  'docs-image-missing': { severity: 'warning', summary: 'A relative image in a docs page is not in the repo.' },
  'docs-snippet-missing': { severity: 'warning', summary: 'A `--8<--` snippet names a file that is missing or outside the repo; a note shows in its place.' },
  'docs-html-removed': {
    severity: 'warning',
    summary: 'Raw HTML in a docs page had something unsafe removed (script, event handler, javascript: URL, iframe, form, style).',
  },
  'docs-plantuml': { severity: 'info', summary: 'A PlantUML diagram is shown as source: drawing it needs a PlantUML server at build time.' },
  'docs-render-failed': { severity: 'error', summary: 'A docs page could not be rendered and is shown as plain text (a renderer bug: please report it).' },
  'docs-render-timeout': { severity: 'warning', summary: 'A docs page took longer than `limits.maxPageRenderMs` to render; it is published as plain text.' },
} as const satisfies Record<string, DocsRuleInfo>;

const stageRules = {
  'docs-source-missing': {
    severity: 'warning',
    summary:
      '`backstage.io/techdocs-ref` names no docs Frontdoor can read: a folder without mkdocs.yml or docs/, a path out of the repo, a repo not in the portal, or an unsupported type.',
  },
  'docs-anchor-missing': { severity: 'warning', summary: 'A docs link points at a #fragment no heading or element of the target page has.' },
  'docs-asset-unsafe': {
    severity: 'warning',
    summary: 'A docs file a browser would run (HTML, XML, JavaScript, or an SVG with scripts) is not published on the portal.',
  },
  'docs-asset-too-large': { severity: 'warning', summary: 'A docs image or download is over `limits.maxFileBytes`; it is not copied into the site.' },
  'docs-tree-truncated': {
    severity: 'warning',
    summary: 'A docs folder holds more files than `limits.maxDocsFiles`; index pages, nav targets and Markdown were kept first, the rest left out.',
  },
  'repo-output-budget': {
    severity: 'warning',
    summary: "A repo's docs would add more than `limits.maxRepoOutputBytes` to the site; what does not fit is left out.",
  },
} as const satisfies Record<string, DocsRuleInfo>;

export const docsRules = { ...docsSiteRules, ...docsRenderRules, ...stageRules } as const satisfies Record<string, DocsRuleInfo>;
