import { describe, expect, test } from 'vitest';
import { mergeFilters, parseSearchState, serializeSearchState, toggleFilter } from './state.ts';

describe('search state in the URL', () => {
  test('reads the text and the filters', () => {
    expect(parseSearchState('?q=booking&kind=API&kind=Component&owner=team-payments')).toEqual({
      q: 'booking',
      filters: { kind: ['API', 'Component'], owner: ['team-payments'] },
    });
  });

  test('keeps prefixes in the text as typed', () => {
    expect(parseSearchState('?q=kind%3Aapi+booking').q).toBe('kind:api booking');
  });

  test('carries the docs scope', () => {
    expect(parseSearchState('?docs=component%3Adefault%2Fbooking-service').filters).toEqual({ docs: ['component:default/booking-service'] });
  });

  test('drops unknown keys, empty values and repeats', () => {
    expect(parseSearchState('?q=&colour=red&kind=&kind=API&kind=API')).toEqual({ q: '', filters: { kind: ['API'] } });
  });

  test('caps what a crafted link can make it search', () => {
    const state = parseSearchState(`?q=${'a'.repeat(5000)}&${Array.from({ length: 100 }, (_, i) => `tag=t${i}`).join('&')}`);
    expect(state.q).toHaveLength(200);
    expect(state.filters.tag).toHaveLength(20);
  });

  test('writes a stable query string that reads back the same', () => {
    const state = { q: ' kind:api booking ', filters: { owner: ['team-payments'], kind: ['Component', 'API'] } };
    const text = serializeSearchState(state);
    expect(text).toBe('?q=kind%3Aapi+booking&kind=API&kind=Component&owner=team-payments');
    expect(parseSearchState(text)).toEqual({ q: 'kind:api booking', filters: { kind: ['API', 'Component'], owner: ['team-payments'] } });
  });

  test('an empty search is the bare page', () => {
    expect(serializeSearchState({ q: '  ', filters: {} })).toBe('');
  });
});

describe('filters', () => {
  test('a chip turns its value on and off', () => {
    const on = toggleFilter({}, 'kind', 'API');
    expect(on).toEqual({ kind: ['API'] });
    expect(toggleFilter(on, 'kind', 'Component')).toEqual({ kind: ['API', 'Component'] });
    expect(toggleFilter(on, 'kind', 'API')).toEqual({});
  });

  test('chips and prefixes add up per key', () => {
    expect(mergeFilters({ kind: ['API'] }, { kind: ['API', 'Component'], owner: ['a'] })).toEqual({ kind: ['API', 'Component'], owner: ['a'] });
  });
});
