import { describe, expect, it } from 'vitest';
import { freshnessLine, safeLinks, sparklinePoints } from './section-view.ts';

describe('plugin section freshness line', () => {
  const view = { pluginTitle: 'SonarQube', asOf: '2025-05-01T06:00:00.000Z' };
  it('says when fresh data was read', () => {
    expect(freshnessLine({ ...view, freshness: 'fresh' }).text).toBe('Read from SonarQube at build time, 2025-05-01 06:00 UTC.');
  });
  it('says "data from <time>" and why after a failed read', () => {
    expect(freshnessLine({ ...view, freshness: 'stale', reason: 'timed out' })).toEqual({
      tone: 'warning',
      text: 'Data from 2025-05-01 06:00 UTC: the latest read failed (timed out).',
    });
  });
  it('says "unavailable" with the reason without data', () => {
    expect(freshnessLine({ pluginTitle: 'SonarQube', freshness: 'unavailable', reason: 'HTTP 404' }).text).toBe('Unavailable: HTTP 404.');
  });
  it('says demo data is recorded, not live, in demo mode', () => {
    expect(freshnessLine({ ...view, freshness: 'demo' }).text).toBe(
      'Demo data: recorded SonarQube responses replayed at build time, not read from a live service.',
    );
  });
});

describe('plugin section links and sparklines', () => {
  it('keeps only http(s) links', () => {
    expect(
      safeLinks({
        links: [
          { label: 'a', url: 'https://x.test/' },
          { label: 'b', url: 'javascript:alert(1)' },
        ],
      }),
    ).toEqual([{ label: 'a', url: 'https://x.test/' }]);
  });
  it('draws a series across the box, highest at the top, and a flat one mid-height', () => {
    expect(sparklinePoints([0, 10])).toBe('0,26 120,2');
    expect(sparklinePoints([5, 5, 5])).toBe('0,14 60,14 120,14');
  });
});
