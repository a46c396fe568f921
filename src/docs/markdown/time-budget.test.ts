import { describe, expect, it } from 'vitest';
import { RenderTimeout, timeBudget } from './time-budget.ts';

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('timeBudget', () => {
  it('returns what the function returns and passes its errors through', () => {
    const budget = timeBudget(10_000);
    expect(budget.run(() => 42)).toBe(42);
    const error = new Error('boom');
    expect(() =>
      budget.run(() => {
        throw error;
      }),
    ).toThrow(error);
  });

  it('stops a synchronous function that outruns the budget', () => {
    const budget = timeBudget(20);
    expect(() => budget.run(() => spin(10_000))).toThrow(RenderTimeout);
    // And stays spent, for the checks between steps.
    expect(() => budget.check()).toThrow(RenderTimeout);
  });

  it('stops a regex that backtracks without end', () => {
    expect(() => timeBudget(20).run(() => /^(a+)+$/.test(`${'a'.repeat(40)}b`))).toThrow(RenderTimeout);
  });

  it('runs normally again after a timeout', () => {
    expect(() => timeBudget(5).run(() => spin(5_000))).toThrow(RenderTimeout);
    expect(timeBudget(10_000).run(() => 'next page')).toBe('next page');
  });

  it('counts time across steps, but not time spent in exclude', async () => {
    let clock = 0;
    const budget = timeBudget(60, () => clock);
    clock = 40;
    budget.check();
    await budget.exclude(
      Promise.resolve().then(() => {
        clock = 140;
      }),
    );
    budget.check();
    clock = 161;
    expect(() => budget.check()).toThrow(RenderTimeout);
    expect(() => budget.run(() => 'never runs')).toThrow(RenderTimeout);
  });
});
