/**
 * This build's changelog from the previous deploy's: the diff of the two catalogs becomes a new
 * entry at the top when it found something, and the list keeps the newest CHANGELOG_LIMIT.
 * Pure: reading the previous deploy is previous-deploy.ts's job.
 */
import type { BackstageEntity } from '../static-api/index.ts';
import { diffCatalogs, isEmptyChange } from './diff.ts';
import { CHANGELOG_LIMIT, type Changelog } from './schema.ts';

export interface PreviousDeploy {
  /** Where it was read from. */
  source: NonNullable<Changelog['comparedWith']>['source'];
  /** Its api/entities.json. */
  entities: readonly BackstageEntity[];
  /** Its changelog.json, when it had one (a deploy from before the changelog existed has none). */
  changelog?: Changelog;
}

export interface ChangelogInput {
  /** This build's catalog, as api/entities.json publishes it. */
  current: readonly BackstageEntity[];
  /** The previous deploy; absent on a first build or when it could not be read (see `notes`). */
  previous?: PreviousDeploy;
  /** A changelog to keep when the previous catalog could not be read but its history could. */
  history?: Changelog;
  /** When this build ran (ISO 8601). */
  generatedAt: string;
  notes?: readonly string[];
  limit?: number;
}

export function nextChangelog(input: ChangelogInput): Changelog {
  const { previous, generatedAt } = input;
  const history = previous?.changelog ?? input.history;
  // A build run again at the same time (a re-run of the same data) replaces its own entry.
  const kept = (history?.entries ?? []).filter((e) => e.generatedAt !== generatedAt);
  const since = previous?.changelog?.generatedAt;
  const changes = previous ? diffCatalogs(previous.entities, input.current) : undefined;
  const entries = changes && !isEmptyChange(changes) ? [{ generatedAt, ...(since ? { since } : {}), ...changes }, ...kept] : kept;
  return {
    version: 1,
    generatedAt,
    ...(previous ? { comparedWith: { source: previous.source, ...(since ? { generatedAt: since } : {}) } } : {}),
    notes: [...(input.notes ?? [])],
    entries: entries.slice(0, input.limit ?? CHANGELOG_LIMIT),
  };
}
