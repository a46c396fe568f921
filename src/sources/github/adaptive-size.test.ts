import { describe, expect, it } from 'vitest';
import { AdaptiveSize } from './adaptive-size.ts';

describe('AdaptiveSize', () => {
  it('halves down to the minimum, then refuses', () => {
    const size = new AdaptiveSize(100, 10);
    expect([size.shrink(), size.current]).toEqual([true, 50]);
    size.shrink();
    size.shrink();
    expect(size.current).toBe(12);
    expect([size.shrink(), size.current]).toEqual([true, 10]);
    expect([size.shrink(), size.current]).toEqual([false, 10]);
  });

  it('grows back after a run of successes, never past the start', () => {
    const size = new AdaptiveSize(100, 10, 2);
    size.shrink();
    size.shrink();
    size.succeeded();
    expect(size.current).toBe(25);
    size.succeeded();
    expect(size.current).toBe(50);
    for (let i = 0; i < 10; i++) size.succeeded();
    expect(size.current).toBe(100);
    expect(size.changes.map((c) => c.to)).toEqual([50, 25, 50, 100]);
  });

  it('starts growing from zero again after a failure', () => {
    const size = new AdaptiveSize(100, 10, 2);
    size.shrink();
    size.succeeded();
    size.shrink();
    size.succeeded();
    expect(size.current).toBe(25);
  });
});
