import { describe, expect, it } from 'vitest';
import { CHECKS, checksFor } from './checks/index.ts';
import { LEVELS, levelOf } from './levels.ts';
import { percent, scorecardOf } from './scorecard.ts';
import { contextWith, entityRecord, teamA } from '../../test/support/health-entities.ts';

const context = contextWith();

describe('scorecardOf', () => {
  it('scores an entity that passes everything 100, gold; not-applicable checks do not count', () => {
    const card = scorecardOf(entityRecord(), context)!;
    // no-deprecated-dependencies is not applicable: the fixture declares no dependencies.
    expect(card).toMatchObject({ score: 100, level: 'gold', passed: 8, applicable: 8 });
    expect(card.checks.map((c) => c.id)).toEqual(
      checksFor('Component')
        .map((c) => c.id)
        .filter((id) => id !== 'no-deprecated-dependencies')
        .concat('no-deprecated-dependencies'),
    );
    expect(card.checks.at(-1)?.status).toBe('not-applicable');
  });

  it('lists failing checks first, then passing, then not applicable, each in registry order', () => {
    const card = scorecardOf(entityRecord({ description: '', docs: undefined, repo: { ...entityRecord().repo!, codeowners: undefined } }), context)!;
    expect(card.checks.map((c) => `${c.status} ${c.id}`)).toEqual([
      'fail description-present',
      'fail docs-present',
      'fail codeowners-present',
      'pass owner-resolves',
      'pass lifecycle-set',
      'pass system-set',
      'pass repo-not-archived',
      'pass recent-activity',
      'not-applicable no-deprecated-dependencies',
    ]);
    expect(card).toMatchObject({ passed: 5, applicable: 8, score: 62, level: 'bronze' });
    expect(card.checks.filter((c) => c.status === 'fail').every((c) => c.fix !== undefined)).toBe(true);
    expect(card.checks.filter((c) => c.status !== 'fail').every((c) => c.fix === undefined)).toBe(true);
  });

  it('runs only the checks of the kind: a Domain gets owner and description', () => {
    const domain = entityRecord({ kind: 'Domain', name: 'commerce', description: undefined });
    expect(scorecardOf(domain, context)).toMatchObject({ score: 50, level: 'below-bronze', passed: 1, applicable: 2 });
  });

  it('gives Groups, Users and Locations no scorecard', () => {
    expect(scorecardOf(teamA, context)).toBeUndefined();
    expect(scorecardOf(entityRecord({ kind: 'User', name: 'ada' }), context)).toBeUndefined();
    expect(scorecardOf(entityRecord({ kind: 'Location', name: 'org' }), context)).toBeUndefined();
  });

  it('runs every check for some kind, and each check id once', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of CHECKS) {
      expect(check.kinds.length).toBeGreaterThan(0);
      // Chart labels on a phone hold 18 characters (src/view/bar-chart.ts).
      expect(check.short.length, check.id).toBeLessThanOrEqual(18);
    }
  });
});

describe('score and level', () => {
  it('rounds down, so only all-pass reaches 100 (gold)', () => {
    expect(percent(8, 9)).toBe(88);
    expect(percent(9, 9)).toBe(100);
    expect(percent(0, 0)).toBe(0);
  });

  it.each([
    [100, 'gold'],
    [99, 'silver'],
    [80, 'silver'],
    [79, 'bronze'],
    [60, 'bronze'],
    [59, 'below-bronze'],
    [0, 'below-bronze'],
  ])('score %i is %s', (score, level) => {
    expect(levelOf(score)).toBe(level);
  });

  it('defines levels best first, down to 0', () => {
    expect(LEVELS.map((l) => l.minScore)).toEqual([...LEVELS.map((l) => l.minScore)].sort((a, b) => b - a));
    expect(LEVELS.at(-1)?.minScore).toBe(0);
  });
});
