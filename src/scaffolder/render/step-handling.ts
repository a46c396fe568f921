/**
 * What Frontdoor does for each scaffolder action, with no backend: the fetch steps are rendered
 * (in the dry run and by the apply-template action), GitHub's create-from-template stands in for
 * `publish:*`, the nightly crawl for `catalog:register`; anything else is the user's to do.
 */
import type { StepHandling } from './types.ts';

export const FETCH_ACTIONS = new Set(['fetch:template', 'fetch:plain']);

export function stepHandling(action: string): { handling: StepHandling; note: string } {
  if (action === 'fetch:template') return { handling: 'rendered', note: 'Rendered in the dry run and by the apply-template action.' };
  if (action === 'fetch:plain') return { handling: 'rendered', note: 'Copied as it is, in the dry run and by the apply-template action.' };
  if (action === 'publish:github') return { handling: 'github-copy', note: "GitHub's create-from-template makes the repo." };
  if (action.startsWith('publish:'))
    return {
      handling: 'github-copy',
      note: `GitHub's create-from-template makes the repo; ${action} itself is not run, so do what it would do by hand.`,
    };
  if (action === 'catalog:register') return { handling: 'crawl', note: 'The nightly crawl registers the catalog-info.yaml.' };
  if (action === 'debug:log') return { handling: 'log', note: 'Shown here; it changes nothing.' };
  return { handling: 'manual', note: 'Not run; do this by hand, with the input below.' };
}
