/**
 * The collector every step of the docs site model writes its problems to. The
 * rules (severities follow MkDocs) are in src/diagnostics/docs-rules.ts, with
 * every other rule.
 */
import type { Place } from '../../sources/mkdocs/yaml-tree.ts';
import { docsSiteRules } from '../../diagnostics/docs-rules.ts';
import type { DocsDiagnostic } from './types.ts';

export type DocsSiteRule = keyof typeof docsSiteRules;

/** Where in a repo file something is: the YAML reader's place, which every docs diagnostic uses too. */
export type { Place };

export const nowhere = (path: string): Place => ({ path, line: 0, column: 0 });

export class Problems {
  readonly list: DocsDiagnostic[] = [];

  add(rule: DocsSiteRule, at: Place, message: string): void {
    this.list.push({ path: at.path, line: at.line, column: at.column, rule, severity: docsSiteRules[rule].severity, message });
  }
}
