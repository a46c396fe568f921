/**
 * Scorecards for every entity, with one entity's failure isolated. Scoring
 * runs over all records at once (the overview compares teams and systems), so
 * the common case stays one pass; only when it throws is each entity scored
 * alone to find the ones that fail, which are left out with a `repo-failed`
 * diagnostic before the org is scored again.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { isolate, type FailurePlace } from '../diagnostics/isolate.ts';
import { scoreEntities, type ScoreInput, type ScoreResult } from '../health/index.ts';
import type { EntityRecord } from '../entity-record/schema.ts';

export interface IsolatedScores extends ScoreResult {
  /** The entities that were scored (every input entity but the failed ones). */
  entities: EntityRecord[];
  failures: Diagnostic[];
}

export function scoreIsolated(input: ScoreInput, placeOf: (e: EntityRecord) => FailurePlace): IsolatedScores {
  const all = isolate({ repo: '', stage: 'scoring entities' }, () => scoreEntities(input));
  if (all.ok) return { ...all.value, entities: [...input.entities], failures: [] };

  const failures: Diagnostic[] = [];
  const entities = input.entities.filter((entity) => {
    const alone = isolate(placeOf(entity), () => scoreEntities({ ...input, entities: [entity] }));
    if (!alone.ok) failures.push(alone.diagnostic);
    return alone.ok;
  });
  const rest = isolate({ repo: '', stage: 'scoring entities' }, () => scoreEntities({ ...input, entities }));
  if (rest.ok) return { ...rest.value, entities, failures };
  // The failure needs several entities together: publish without scorecards rather than without a site.
  return { scorecards: new Map(), overview: scoreEntities({ ...input, entities: [] }).overview, entities, failures: [...failures, rest.diagnostic] };
}
