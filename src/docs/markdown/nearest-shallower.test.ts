import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestShallower } from './nearest-shallower.ts';

describe('nearestShallower', () => {
  it('finds the nearest earlier line indented below N', () => {
    const lines = nearestShallower<string>();
    lines.add(0, 'a');
    lines.add(4, 'b');
    lines.add(2, 'c');
    expect(lines.below(5)).toBe('c');
    expect(lines.below(3)).toBe('c');
    expect(lines.below(2)).toBe('a');
    expect(lines.below(0)).toBeUndefined();
  });

  it('answers as walking back line by line would', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(12), { maxLength: 80 }), fc.array(fc.nat(14), { maxLength: 20 }), (indents, queries) => {
        const lines = nearestShallower<number>();
        indents.forEach((indent, i) => lines.add(indent, i));
        for (const q of queries) {
          let expected: number | undefined;
          for (let j = indents.length - 1; j >= 0; j--) {
            if (indents[j]! < q) {
              expected = j;
              break;
            }
          }
          expect(lines.below(q)).toBe(expected);
        }
      }),
    );
  });
});
