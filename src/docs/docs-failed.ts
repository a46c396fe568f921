/**
 * `repo-failed` for the docs stage, saying exactly what was left out: an
 * entity's docs (its catalog page stays) or one page (its site stays), not
 * the entity, which is what the generic message would say.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { repoFailed } from '../diagnostics/isolate.ts';
import { logText } from '../diagnostics/log-text.ts';

export interface DocsFailure {
  repo: string;
  ref: string;
  /** The repo file being handled: the page, or the site's config/folder. */
  path: string;
  /** The page that failed; absent when the whole site did. */
  page?: string | undefined;
}

export function docsFailed(failure: DocsFailure, error: unknown): Diagnostic {
  const { repo, ref, path, page } = failure;
  return page
    ? repoFailed(
        { repo, ref, path, stage: `rendering the docs page ${logText(page)} of ${ref} (docs stage)`, leftOut: 'The page (the rest of its site stays)' },
        error,
      )
    : repoFailed({ repo, ref, path, stage: `building the docs of ${ref} (docs stage)`, leftOut: `The docs site of ${ref} (its catalog page stays)` }, error);
}
