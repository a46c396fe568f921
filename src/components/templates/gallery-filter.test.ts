import { describe, expect, it } from 'vitest';
import { filterStatus, matchesFilter } from './gallery-filter.ts';

const card = { type: 'service', owner: 'group:default/platform', tags: ['java', 'recommended'] };

describe('matchesFilter', () => {
  it('matches every chosen facet, and everything when none is chosen', () => {
    expect(matchesFilter(card, { type: '', tag: '', owner: '' })).toBe(true);
    expect(matchesFilter(card, { type: 'service', tag: 'java', owner: 'group:default/platform' })).toBe(true);
    expect(matchesFilter(card, { type: 'library', tag: '', owner: '' })).toBe(false);
    expect(matchesFilter(card, { type: '', tag: 'go', owner: '' })).toBe(false);
  });
  it('says how many match', () => {
    expect(filterStatus(3, 3)).toBe('3 templates');
    expect(filterStatus(1, 3)).toBe('1 of 3 templates match');
  });
});
