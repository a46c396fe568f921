import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { EntityRecord } from '../entity-record/schema.ts';
import { scoreEntities } from './index.ts';
import { HealthOverviewSchema } from './schema.ts';
import { entityRecord, NOW, shop, teamA } from '../../test/support/health-entities.ts';

const repo = entityRecord().repo!;
const teamB = entityRecord({ kind: 'Group', name: 'team-b', ref: 'group:default/team-b', owner: undefined, system: undefined, relations: [] });
const ada = entityRecord({ kind: 'User', name: 'ada', ref: 'user:default/ada', owner: undefined, system: undefined, relations: [] });
/** 100: passes everything. */
const web = entityRecord();
/** Depends on the deprecated converter; team-b; stale repo. */
const cart = entityRecord({
  name: 'cart',
  owner: 'group:default/team-b',
  relations: [
    { type: 'dependsOn', target: 'component:default/converter', exists: true },
    { type: 'partOf', target: 'system:default/shop', exists: true },
  ],
  repo: { ...repo, name: 'cart', lastCommit: { sha: 'b', date: '2023-01-01T00:00:00Z' } },
});
const converter = entityRecord({
  name: 'converter',
  lifecycle: 'deprecated',
  owner: 'group:default/team-b',
  system: undefined,
  relations: [{ type: 'dependencyOf', target: 'component:default/cart', exists: true }],
  repo: { ...repo, name: 'converter', archived: true, staleSince: '2024-05-30T00:00:00Z' },
});
/** Orphans: a dangling owner, no owner, an owner of the wrong kind. */
const lost = entityRecord({ kind: 'Resource', name: 'lost-db', owner: 'group:default/team-gone', docs: undefined });
const nobody = entityRecord({ kind: 'Domain', name: 'nowhere', owner: undefined, system: undefined });
const odd = entityRecord({ kind: 'System', name: 'odd', owner: 'component:default/web', system: undefined });
const ops = entityRecord({ name: 'ops', owner: 'user:default/ada', system: undefined, relations: [] });

const diagnostic = (repo: string, ref?: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
  repo,
  path: 'catalog-info.yaml',
  line: 1,
  column: 1,
  severity,
  rule: 'some-rule',
  message: 'Something is wrong.',
  ...(ref ? { ref } : {}),
});
const diagnostics = [
  diagnostic('shop', 'component:default/web'),
  diagnostic('shop', 'component:default/web'),
  diagnostic('shop', 'component:default/web', 'warning'),
  diagnostic('cart', 'component:default/cart'),
  diagnostic('cart', 'component:default/converter'),
  diagnostic('broken', 'component:default/not-loaded'),
  diagnostic('broken'),
  diagnostic('', undefined),
  diagnostic('infra', 'resource:default/lost-db'),
];

const entities: EntityRecord[] = [teamA, teamB, ada, shop, web, cart, converter, lost, nobody, odd, ops];
const { scorecards, overview } = scoreEntities({ entities, diagnostics, now: NOW, staleAfterDays: 180 });
const score = (ref: string) => scorecards.get(ref)!.score;

describe('scoreEntities', () => {
  it('scores every owned kind and no Group or User', () => {
    expect([...scorecards.keys()].sort()).toEqual(
      [
        'component:default/cart',
        'component:default/converter',
        'component:default/ops',
        'component:default/web',
        'domain:default/nowhere',
        'resource:default/lost-db',
        'system:default/odd',
        'system:default/shop',
      ].sort(),
    );
    expect(score('component:default/web')).toBe(100);
  });

  it('produces an overview that validates', () => {
    expect(HealthOverviewSchema.parse(JSON.parse(JSON.stringify(overview)))).toEqual(overview);
  });
});

describe('health overview', () => {
  it('counts scored entities, their average, and entities per level in level order', () => {
    expect(overview.scored).toBe(8);
    const mean = Math.floor([...scorecards.values()].reduce((sum, c) => sum + c.score, 0) / 8);
    expect(overview.averageScore).toBe(mean);
    expect(overview.levels.map((l) => l.level)).toEqual(['gold', 'silver', 'bronze', 'below-bronze']);
    expect(overview.levels.reduce((sum, l) => sum + l.entities, 0)).toBe(8);
  });

  it('averages by owning team (Groups and Users that exist), best first', () => {
    const teamAMembers = ['component:default/web', 'system:default/shop'];
    const teamBMembers = ['component:default/cart', 'component:default/converter'];
    const avg = (refs: string[]) => Math.floor(refs.reduce((sum, r) => sum + score(r), 0) / refs.length);
    expect(overview.byTeam).toEqual(
      [
        { ref: 'group:default/team-a', entities: 2, averageScore: avg(teamAMembers) },
        { ref: 'group:default/team-b', entities: 2, averageScore: avg(teamBMembers) },
        { ref: 'user:default/ada', entities: 1, averageScore: score('component:default/ops') },
      ]
        .map((g) => ({ ...g, level: expect.any(String) }))
        .sort((a, b) => b.averageScore - a.averageScore || a.ref.localeCompare(b.ref)),
    );
  });

  it('averages by system: the system itself and its parts; a dangling system is skipped', () => {
    const shopGroup = overview.bySystem.find((g) => g.ref === 'system:default/shop');
    // shop itself, web, cart and lost-db (whose owner is dangling, but whose system exists).
    expect(shopGroup?.entities).toBe(4);
    expect(overview.bySystem.map((g) => g.ref).sort()).toEqual(['system:default/odd', 'system:default/shop']);
  });

  it('tallies each check across the org, leaving out checks no entity ran', () => {
    const owner = overview.byCheck.find((c) => c.id === 'owner-resolves');
    expect(owner).toEqual({ id: 'owner-resolves', title: 'Owner is a real team or person', passed: 5, failed: 3, notApplicable: 0 });
    expect(overview.byCheck.some((c) => c.id === 'api-definition-valid')).toBe(false);
  });

  it('lists orphans with the reason', () => {
    expect(overview.orphans).toEqual([
      { ref: 'domain:default/nowhere', reason: 'missing' },
      { ref: 'resource:default/lost-db', owner: 'group:default/team-gone', reason: 'dangling' },
      { ref: 'system:default/odd', owner: 'component:default/web', reason: 'wrong-kind' },
    ]);
  });

  it('lists stale entities: inactive beyond the threshold, archived, or stale after a failed crawl', () => {
    expect(overview.stale).toEqual([
      { ref: 'component:default/cart', repo: 'cart', archived: false, inactive: { date: '2023-01-01T00:00:00Z', days: 517 } },
      { ref: 'component:default/converter', repo: 'converter', archived: true, crawlFailedSince: '2024-05-30T00:00:00Z' },
    ]);
  });

  it('lists deprecated entities still in use, and by whom', () => {
    expect(overview.deprecatedInUse).toEqual([{ ref: 'component:default/converter', usedBy: ['component:default/cart'] }]);
  });

  it('counts errors under the team owning the entity, and the rest (no entity, unknown entity, orphan) under the repo', () => {
    expect(overview.errorsByTeam).toEqual([
      { ref: 'group:default/team-a', errors: 2, entities: 1 },
      { ref: 'group:default/team-b', errors: 2, entities: 2 },
    ]);
    expect(overview.errorsWithoutTeam).toEqual([
      { repo: 'broken', errors: 2 },
      { repo: '', errors: 1 },
      { repo: 'infra', errors: 1 },
    ]);
  });

  it('is the same for the same input (no clock, stable order)', () => {
    const again = scoreEntities({ entities: [...entities].reverse(), diagnostics, now: NOW, staleAfterDays: 180 });
    expect(again.overview).toEqual(overview);
  });

  it('is empty but valid for an org with nothing to score', () => {
    const empty = scoreEntities({ entities: [teamA], diagnostics: [], now: NOW, staleAfterDays: 180 }).overview;
    expect(empty).toMatchObject({ scored: 0, averageScore: 0, byTeam: [], bySystem: [], orphans: [], stale: [], deprecatedInUse: [] });
    expect(empty.levels.every((l) => l.entities === 0)).toBe(true);
  });
});
