import { describe, expect, test } from 'vitest';
import { nextChangelog } from './history.ts';
import type { Changelog } from './schema.ts';
import { component } from '../../test/support/backstage-entities.ts';

const T1 = '2025-01-01T03:17:00.000Z';
const T2 = '2025-01-02T03:17:00.000Z';

describe('nextChangelog', () => {
  test('a first build: compared with nothing, no entries, no notes', () => {
    expect(nextChangelog({ current: [component('a')], generatedAt: T1 })).toEqual({ version: 1, generatedAt: T1, notes: [], entries: [] });
  });

  test('a build that changed the catalog puts its changes on top, since the previous deploy', () => {
    const previous: Changelog = { version: 1, generatedAt: T1, notes: [], entries: [] };
    const next = nextChangelog({
      current: [component('a'), component('b')],
      previous: { source: 'site', entities: [component('a')], changelog: previous },
      generatedAt: T2,
    });
    expect(next.comparedWith).toEqual({ source: 'site', generatedAt: T1 });
    expect(next.entries).toHaveLength(1);
    expect(next.entries[0]).toMatchObject({ generatedAt: T2, since: T1, counts: { added: 1, removed: 0, changed: 0, before: 1, after: 2 } });
    expect(next.entries[0]?.added.map((e) => e.ref)).toEqual(['component:default/b']);
  });

  test('a build that changed nothing adds no entry and keeps the history', () => {
    const first = nextChangelog({ current: [component('b')], previous: { source: 'site', entities: [component('a')] }, generatedAt: T1 });
    const second = nextChangelog({
      current: [component('b')],
      previous: { source: 'previous-output', entities: [component('b')], changelog: first },
      generatedAt: T2,
    });
    expect(second.entries).toEqual(first.entries);
    expect(second.comparedWith).toEqual({ source: 'previous-output', generatedAt: T1 });
  });

  test('keeps the newest builds only, up to the limit', () => {
    let changelog: Changelog | undefined;
    let entities = [component('a0')];
    for (let i = 1; i <= 5; i++) {
      const current = [...entities, component(`a${i}`)];
      changelog = nextChangelog({
        current,
        previous: { source: 'site', entities, ...(changelog ? { changelog } : {}) },
        generatedAt: `2025-01-0${i}T00:00:00.000Z`,
        limit: 3,
      });
      entities = current;
    }
    expect(changelog?.entries.map((e) => e.generatedAt)).toEqual(['2025-01-05T00:00:00.000Z', '2025-01-04T00:00:00.000Z', '2025-01-03T00:00:00.000Z']);
  });

  test('without the previous catalog, the history read alone is kept and the notes say why', () => {
    const history = nextChangelog({ current: [component('b')], previous: { source: 'site', entities: [component('a')] }, generatedAt: T1 });
    const next = nextChangelog({ current: [component('c')], history, notes: ['https://acme.example/api/entities.json: HTTP 500'], generatedAt: T2 });
    expect(next.comparedWith).toBeUndefined();
    expect(next.entries).toEqual(history.entries);
    expect(next.notes).toEqual(['https://acme.example/api/entities.json: HTTP 500']);
  });
});
