/**
 * The org health overview: scorecards rolled up by team and by system, and
 * the lists a platform team works from (orphans, stale entities, deprecated
 * entities still in use, errors per team). Computed once, at build time.
 */
import { splitCanonicalRef } from '../catalog-model/refs.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { EntityRecord } from '../entity-record/schema.ts';
import { CHECKS } from './checks/index.ts';
import { daysSince } from './checks/repo.ts';
import { LEVELS, levelOf } from './levels.ts';
import type { HealthOverview, ScoreGroup } from './schema.ts';
import type { Scorecard } from '../entity-record/scorecard.ts';

export interface OverviewInput {
  entities: readonly EntityRecord[];
  /** The same entities by ref. */
  byRef: ReadonlyMap<string, EntityRecord>;
  scorecards: ReadonlyMap<string, Scorecard>;
  diagnostics: readonly Diagnostic[];
  now: Date;
  staleAfterDays: number;
  /** The plugins' checks, counted after the registry's. */
  extraChecks?: { definitions: readonly { id: string; title: string }[] };
}

const byRefOrder = (a: { ref: string }, b: { ref: string }) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

export function healthOverview(input: OverviewInput): HealthOverview {
  const { entities, byRef, scorecards } = input;
  const scored = entities.filter((e) => scorecards.has(e.ref));
  /** The owner a scored entity is counted under: an existing Group or User. */
  const teamOf = (entity: EntityRecord) => (entity.owner && byRef.has(entity.owner) && isPerson(entity.owner) ? entity.owner : undefined);

  const levelCounts = new Map(LEVELS.map((l) => [l.level, 0]));
  for (const e of scored) {
    const level = scorecards.get(e.ref)!.level;
    levelCounts.set(level, (levelCounts.get(level) ?? 0) + 1);
  }

  return {
    staleAfterDays: input.staleAfterDays,
    scored: scored.length,
    averageScore: average(scored.map((e) => scorecards.get(e.ref)!.score)),
    levels: LEVELS.map((l) => ({ level: l.level, entities: levelCounts.get(l.level) ?? 0 })),
    byTeam: scoreGroups(scored, scorecards, (e) => [teamOf(e)]),
    bySystem: scoreGroups(scored, scorecards, (e) => [
      e.system && byRef.has(e.system) ? e.system : undefined,
      e.kind.toLowerCase() === 'system' ? e.ref : undefined,
    ]),
    byCheck: [...CHECKS, ...(input.extraChecks?.definitions ?? [])]
      .map((check) => {
        const counts = { passed: 0, failed: 0, notApplicable: 0 };
        for (const e of scored) {
          const status = scorecards.get(e.ref)!.checks.find((c) => c.id === check.id)?.status;
          if (status === 'pass') counts.passed++;
          else if (status === 'fail') counts.failed++;
          else if (status === 'not-applicable') counts.notApplicable++;
        }
        return { id: check.id, title: check.title, ...counts };
      })
      .filter((c) => c.passed + c.failed + c.notApplicable > 0),
    orphans: orphans(scored, byRef),
    stale: staleEntities(scored, input.now, input.staleAfterDays),
    deprecatedInUse: deprecatedInUse(entities, byRef),
    ...errorsByOwner(input.diagnostics, byRef, teamOf),
  };
}

function isPerson(ref: string): boolean {
  const { kind } = splitCanonicalRef(ref);
  return kind === 'group' || kind === 'user';
}

/** Mean, rounded down (so only an all-gold group averages 100). */
function average(scores: readonly number[]): number {
  return scores.length === 0 ? 0 : Math.floor(scores.reduce((sum, s) => sum + s, 0) / scores.length);
}

/** Groups scored entities under the keys `keysOf` gives (undefined keys skipped), highest average first. */
function scoreGroups(
  scored: readonly EntityRecord[],
  scorecards: ReadonlyMap<string, Scorecard>,
  keysOf: (e: EntityRecord) => (string | undefined)[],
): ScoreGroup[] {
  const groups = new Map<string, number[]>();
  for (const entity of scored) {
    for (const key of new Set(keysOf(entity))) {
      if (key === undefined) continue;
      const scores = groups.get(key) ?? [];
      scores.push(scorecards.get(entity.ref)!.score);
      groups.set(key, scores);
    }
  }
  return [...groups.entries()]
    .map(([ref, scores]): ScoreGroup => {
      const averageScore = average(scores);
      return { ref, entities: scores.length, averageScore, level: levelOf(averageScore) };
    })
    .sort((a, b) => b.averageScore - a.averageScore || byRefOrder(a, b));
}

function orphans(scored: readonly EntityRecord[], byRef: ReadonlyMap<string, EntityRecord>): HealthOverview['orphans'] {
  const list: HealthOverview['orphans'] = [];
  for (const e of scored) {
    if (!e.owner) list.push({ ref: e.ref, reason: 'missing' });
    else if (!isPerson(e.owner)) list.push({ ref: e.ref, owner: e.owner, reason: 'wrong-kind' });
    else if (!byRef.has(e.owner)) list.push({ ref: e.ref, owner: e.owner, reason: 'dangling' });
  }
  return list.sort(byRefOrder);
}

function staleEntities(scored: readonly EntityRecord[], now: Date, staleAfterDays: number): HealthOverview['stale'] {
  const list: HealthOverview['stale'] = [];
  for (const e of scored) {
    const repo = e.repo;
    if (!repo) continue;
    const date = repo.lastCommit?.date;
    const days = date === undefined ? undefined : daysSince(date, now);
    const inactive = date !== undefined && days !== undefined && days > staleAfterDays ? { date, days } : undefined;
    if (!repo.archived && !inactive && !repo.staleSince) continue;
    list.push({
      ref: e.ref,
      repo: repo.name,
      archived: repo.archived,
      ...(inactive ? { inactive } : {}),
      ...(repo.staleSince ? { crawlFailedSince: repo.staleSince } : {}),
    });
  }
  return list.sort(byRefOrder);
}

/** Deprecated entities with existing dependants or consumers (their inverse relations), and who they are. */
function deprecatedInUse(entities: readonly EntityRecord[], byRef: ReadonlyMap<string, EntityRecord>): HealthOverview['deprecatedInUse'] {
  const list: HealthOverview['deprecatedInUse'] = [];
  for (const e of entities) {
    if (e.lifecycle?.trim().toLowerCase() !== 'deprecated') continue;
    const usedBy = [
      ...new Set(e.relations.filter((r) => (r.type === 'dependencyOf' || r.type === 'apiConsumedBy') && byRef.has(r.target)).map((r) => r.target)),
    ].sort();
    if (usedBy.length > 0) list.push({ ref: e.ref, usedBy });
  }
  return list.sort((a, b) => b.usedBy.length - a.usedBy.length || byRefOrder(a, b));
}

/**
 * Error diagnostics counted once each: under the team that owns the entity
 * they name, else under their repo (no entity, an entity not in the catalog,
 * or one without a resolvable owner).
 */
function errorsByOwner(
  diagnostics: readonly Diagnostic[],
  byRef: ReadonlyMap<string, EntityRecord>,
  teamOf: (e: EntityRecord) => string | undefined,
): Pick<HealthOverview, 'errorsByTeam' | 'errorsWithoutTeam'> {
  const teams = new Map<string, { errors: number; entities: Set<string> }>();
  const repos = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const entity = d.ref === undefined ? undefined : byRef.get(d.ref);
    const team = entity && teamOf(entity);
    if (entity && team) {
      const entry = teams.get(team) ?? { errors: 0, entities: new Set<string>() };
      entry.errors++;
      entry.entities.add(entity.ref);
      teams.set(team, entry);
    } else {
      repos.set(d.repo, (repos.get(d.repo) ?? 0) + 1);
    }
  }
  return {
    errorsByTeam: [...teams.entries()]
      .map(([ref, t]) => ({ ref, errors: t.errors, entities: t.entities.size }))
      .sort((a, b) => b.errors - a.errors || byRefOrder(a, b)),
    errorsWithoutTeam: [...repos.entries()]
      .map(([repo, errors]) => ({ repo, errors }))
      .sort((a, b) => b.errors - a.errors || (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0)),
  };
}
