import { expect, test } from 'vitest';
import { nextIndex } from './combobox.ts';

test('arrow keys start at the top (Down) or the bottom (Up) and wrap around', () => {
  expect(nextIndex(-1, 1, 3)).toBe(0);
  expect(nextIndex(-1, -1, 3)).toBe(2);
  expect(nextIndex(0, 1, 3)).toBe(1);
  expect(nextIndex(2, 1, 3)).toBe(0);
  expect(nextIndex(0, -1, 3)).toBe(2);
  expect(nextIndex(-1, 1, 0)).toBe(-1);
});
