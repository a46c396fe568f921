/**
 * `repo-failed` for the docs stage, saying exactly what was left out: an
 * entity's docs (its catalog page stays) or one page (its site stays). The
 * generic `repoFailed` (src/diagnostics/isolate.ts) says the entity is left
 * out, which is not true here and would send people looking in the wrong place.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { logText } from '../diagnostics/log-text.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';

/** A thrown value can be anything, of any size: one bounded line. */
const MAX_ERROR_TEXT = 300;

export interface DocsFailure {
  repo: string;
  ref: string;
  /** The repo file being handled: the page, or the site's config/folder. */
  path: string;
  /** The page that failed; absent when the whole site did. */
  page?: string | undefined;
}

export function docsFailed(failure: DocsFailure, error: unknown): Diagnostic {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const text = logText(raw.length > MAX_ERROR_TEXT ? `${raw.slice(0, MAX_ERROR_TEXT)}…` : raw);
  const message = failure.page
    ? `Frontdoor failed while rendering the docs page ${logText(failure.page)} of ${failure.ref} (docs stage): ${text}. The page is left out; the rest of the site and of the org was built. Change the page, or report a Frontdoor bug if it looks valid.`
    : `Frontdoor failed while building the docs of ${failure.ref} (docs stage): ${text}. Its docs are left out of the portal; its catalog page and the rest of the org were built. Change the docs named here, or report a Frontdoor bug if they look valid.`;
  return makeDiagnostic('repo-failed', { repo: failure.repo, path: failure.path, line: 0, column: 0 }, message, failure.ref);
}
