/**
 * Diagnostic rules of the docs site model, and the collector every step
 * writes to. Severities follow MkDocs: what aborts `mkdocs build` (or the
 * monorepo plugin) is an error, what it logs as WARNING a warning, INFO an info.
 */
import type { DocsDiagnostic, DocsSeverity } from './types.ts';

export const docsSiteRules = {
  'docs-config-unreadable': { severity: 'error', summary: 'mkdocs.yml is binary, too large, outside the repo or unreadable; Backstage\'s default config is used.' },
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
  'docs-monorepo-include': { severity: 'error', summary: 'A monorepo `!include`/`*include` cannot be followed (missing file, no site_name, bad path, nested include, cycle).' },
  'docs-monorepo-duplicate-alias': { severity: 'error', summary: 'Two included sites have the same site_name (alias); the later one is not merged.' },
  'docs-site-internal': { severity: 'error', summary: 'An unexpected failure while modelling the site; no docs are shown for the entity.' },
  'docs-monorepo-no-match': { severity: 'warning', summary: 'A `*include` glob matched no config; the monorepo plugin then drops the whole nav and MkDocs builds the automatic one.' },
  // Where files are published (published-paths.ts): decided with the site, before anything is written.
  'docs-path-renamed': { severity: 'info', summary: 'A docs file name cannot be a URL as written (a `%`, a control character, an `.html` suffix, a reserved name); its page is published under a safe URL.' },
  'docs-path-conflict': { severity: 'warning', summary: 'Two docs files would be published at the same URL (`foo.md` and `foo/index.md`, or names differing only in case); one is left out.' },
  'docs-path-too-long': { severity: 'warning', summary: 'A docs file\'s published path would be longer than the output allows; it is left out.' },
} as const satisfies Record<string, { severity: DocsSeverity; summary: string }>;

export type DocsSiteRule = keyof typeof docsSiteRules;

/** Where in a repo file something is (1-based line/column, 0 when unknown). */
export interface Place {
  path: string;
  line: number;
  column: number;
}

export const nowhere = (path: string): Place => ({ path, line: 0, column: 0 });

export class Problems {
  readonly list: DocsDiagnostic[] = [];

  add(rule: DocsSiteRule, at: Place, message: string): void {
    this.list.push({ path: at.path, line: at.line, column: at.column, rule, severity: docsSiteRules[rule].severity, message });
  }
}
