import { describe, expect, test } from 'vitest';
import { edgeLabelSize, frameTitle, NODE, nodeText, textWidth, truncate } from './node-text.ts';

describe('text sizes', () => {
  test('widths grow with the text, wide letters more than narrow ones', () => {
    expect(textWidth('', 13)).toBe(0);
    expect(textWidth('mmmm', 13)).toBeGreaterThan(textWidth('iiii', 13));
    expect(textWidth('Booking', 26)).toBeCloseTo(2 * textWidth('Booking', 13));
    expect(textWidth('Booking', 13, true)).toBeGreaterThan(textWidth('Booking', 13));
    expect(textWidth('予約', 13)).toBe(26);
  });

  test('truncate cuts at a character with "…" and fits the width', () => {
    const long = 'events-kafka (Amazon MSK managed cluster)';
    const cut = truncate(long, 120, 13);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 13)).toBeLessThanOrEqual(120);
    expect(truncate('Short', 120, 13)).toBe('Short');
    expect(truncate('🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀', 50, 13)).toMatch(/^(🚀)+…$/u);
  });
});

describe('nodeText', () => {
  test('boxes fit their text, within the minimum and maximum, in steps of 8 px', () => {
    const small = nodeText({ id: 'api:default/x', role: 'entity', kind: 'API', title: 'X' });
    expect(small.width).toBe(NODE.minWidth);
    const medium = nodeText({ id: 'c', role: 'entity', kind: 'Component', title: 'Booking Service' });
    expect(medium.width % NODE.widthStep).toBe(0);
    expect(medium.width).toBeGreaterThanOrEqual(textWidth('Booking Service', NODE.titleSize) + 2 * NODE.padX);
    const long = nodeText({ id: 'c', role: 'entity', kind: 'Component', title: 'A very long component name that nobody can read in one go' });
    expect(long.width).toBe(NODE.maxWidth);
    expect(long.title.endsWith('…')).toBe(true);
    expect(long.full).toBe('A very long component name that nobody can read in one go');
    expect(medium.full).toBeUndefined();
  });

  test('the kind line says "not found" for a dangling ref, nothing for a summary', () => {
    expect(nodeText({ id: 'r', role: 'missing', kind: 'Resource', title: 'sms-provider' }).kind).toBe('Resource · not found');
    expect(nodeText({ id: 'm', role: 'more', kind: '', title: '+3 more users' }).kind).toBe('');
  });

  test('edge labels and frame titles are measured too', () => {
    expect(edgeLabelSize('owned by')).toEqual({ width: Math.ceil(textWidth('owned by', 11) + 6), height: 14 });
    const title = frameTitle('System', 'Booking');
    expect(title.nameOffset).toBeGreaterThan(0);
    expect(title.width).toBeGreaterThan(title.nameOffset);
    expect(frameTitle('System', 'x'.repeat(200)).title.endsWith('…')).toBe(true);
  });
});
