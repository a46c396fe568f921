import { describe, expect, it } from 'vitest';
import { kindLabel, orphanReason, passRate, staleReasons } from './health-view.ts';

describe('health page wording', () => {
  it('says why an entity is an orphan', () => {
    expect(orphanReason('missing')).toBe('No owner set');
    expect(orphanReason('dangling')).toBe('Owner is not in the catalog');
    expect(orphanReason('wrong-kind')).toBe('Owner is not a Group or User');
  });

  it('lists every reason an entity is stale, archived first', () => {
    expect(
      staleReasons({
        ref: 'component:default/a',
        repo: 'a',
        archived: true,
        inactive: { date: '2023-01-01T00:00:00Z', days: 517 },
        crawlFailedSince: '2024-05-30T08:00:00Z',
      }),
    ).toEqual(['Repository archived', 'No commit for 517 days (last 2023-01-01)', 'Crawl failing since 2024-05-30: content may be out of date']);
    expect(staleReasons({ ref: 'component:default/a', repo: 'a', archived: false })).toEqual([]);
  });

  it('gives a pass rate over applicable results only, rounded down', () => {
    expect(passRate({ passed: 2, failed: 1 })).toBe(66);
    expect(passRate({ passed: 0, failed: 0 })).toBe(0);
  });

  it('writes kinds as the catalog does', () => {
    expect(['api', 'component', 'template'].map(kindLabel)).toEqual(['API', 'Component', 'Template']);
  });
});
