/**
 * How the PR check reads: catalog changes as annotations (a rename or removal that other repos
 * still refer to is a warning on the entity's line; other changes are notices), and the job
 * summary (`$GITHUB_STEP_SUMMARY`): counts, the org-wide check's status, problems and changes.
 * Everything quoted comes from repo content or the published catalog: table cells are escaped,
 * so a path or message can neither end a cell nor inject HTML.
 */
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { logText } from '../diagnostics/log-text.ts';
import type { DisplayPath } from '../cli/report/display-path.ts';
import type { CatalogChange, Referrer } from './catalog-changes.ts';

/** The rule id change annotations carry (a title, not a validation rule: nothing is wrong with the file). */
export const CHANGE_RULE = 'catalog-change';

export type OrgCheck = { status: 'checked'; url: string; entities: number } | { status: 'skipped'; reason: string };

export function describeChange(change: CatalogChange): string {
  switch (change.type) {
    case 'added':
      return `added ${change.ref}`;
    case 'removed':
      return `removed ${change.ref}${stillReferred(change.referredBy)}`;
    case 'renamed':
      return `renamed ${change.from} to ${change.ref}${stillReferred(change.referredBy)}`;
    case 'owner-changed':
      return `owner of ${change.ref} changed from ${change.from ?? 'none'} to ${change.to ?? 'none'}`;
  }
}

function stillReferred(referrers: readonly Referrer[]): string {
  if (referrers.length === 0) return '';
  const shown = referrers.slice(0, 10).map((r) => `${r.ref} (spec.${r.field}${r.location ? `, ${r.location}` : ''})`);
  const more = referrers.length > shown.length ? ` and ${referrers.length - shown.length} more` : '';
  return `; still referred to elsewhere in the org by ${shown.join(', ')}${more}: update them when this merges, or keep the old name`;
}

/** Changes as diagnostics, so they print (and are escaped) exactly like validation's annotations. */
export function changeDiagnostics(changes: readonly CatalogChange[], repo: string): Diagnostic[] {
  return changes
    .filter((c) => c.type !== 'added')
    .map((change) => {
      const place = change.type === 'removed' ? { path: change.basePath, line: 0, column: 0 } : change.place;
      const referred = change.type !== 'owner-changed' && change.referredBy.length > 0;
      return {
        repo,
        ...place,
        severity: referred ? 'warning' : 'info',
        rule: CHANGE_RULE,
        ref: change.ref,
        message: describeChange(change),
      } satisfies Diagnostic;
    });
}

export function orgCheckLine(check: OrgCheck): string {
  return check.status === 'checked'
    ? `References were checked against the whole org: ${check.entities} entities published at ${check.url}.`
    : `References to other repos were not checked: ${check.reason}.`;
}

const MAX_ROWS = 200;
const icon = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ notice' } as const;

export function stepSummary(diagnostics: readonly Diagnostic[], changes: readonly CatalogChange[], check: OrgCheck, display: DisplayPath): string {
  const counts = countBySeverity(diagnostics.filter((d) => d.rule !== CHANGE_RULE));
  const lines = [
    '## Catalog check',
    '',
    '| Errors | Warnings | Catalog changes |',
    '| ---: | ---: | ---: |',
    `| ${counts.error} | ${counts.warning} | ${changes.length} |`,
    '',
    cell(orgCheckLine(check)),
  ];
  const problems = diagnostics.filter((d) => d.rule !== CHANGE_RULE && d.severity !== 'info');
  if (problems.length > 0) {
    lines.push('', '### Problems', '', '| Severity | File | Rule | Message |', '| --- | --- | --- | --- |');
    for (const d of problems.slice(0, MAX_ROWS)) {
      const where = `${display(d.repo, d.path)}${d.line > 0 ? `:${d.line}:${d.column}` : ''}`;
      lines.push(`| ${icon[d.severity]} | ${cell(where)} | ${cell(d.rule)} | ${cell(d.message)} |`);
    }
    if (problems.length > MAX_ROWS) lines.push('', `… and ${problems.length - MAX_ROWS} more in the job log.`);
  }
  if (changes.length > 0) {
    lines.push('', '### Catalog changes', '', '| Change | Entity | Details |', '| --- | --- | --- |');
    for (const change of changes.slice(0, MAX_ROWS)) lines.push(`| ${change.type} | ${cell(change.ref)} | ${cell(describeChange(change))} |`);
    if (changes.length > MAX_ROWS) lines.push('', `… and ${changes.length - MAX_ROWS} more in the job log.`);
  }
  return `${lines.join('\n')}\n`;
}

/** One table cell of untrusted text: one line, no HTML, no cell break, no Markdown emphasis or links. */
export function cell(text: string): string {
  return logText(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>"|\\`*_[\]~]/g, (c) => `&#${c.charCodeAt(0)};`);
}
