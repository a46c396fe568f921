/**
 * A diagnostic: one problem found anywhere in the pipeline, placed in a repo
 * file, with a stable rule id and a message that says what is wrong and how to
 * fix it. The validate command, the build log and the portal's diagnostics page
 * all print these.
 */
import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const DiagnosticSchema = z.object({
  /** Repository name ('' for problems not tied to a repo, such as configuration). */
  repo: z.string(),
  /** Repo-relative file path ('' when the problem concerns the whole repo). */
  path: z.string(),
  /** 1-based; 0 when there is no position. */
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  severity: SeveritySchema,
  /** Stable rule id, e.g. `entity-name-format`. Documented in docs/rules.md. */
  rule: z.string(),
  /** Lowercase entity ref (`kind:namespace/name`) when the problem concerns a known entity. */
  ref: z.string().optional(),
  /** What is wrong, then how to fix it. */
  message: z.string(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for output: by repo, file, position, then severity. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.repo.localeCompare(b.repo) ||
    a.path.localeCompare(b.path) ||
    a.line - b.line ||
    a.column - b.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    a.rule.localeCompare(b.rule)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
