import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenceOpening } from './fences.ts';

/** The opening pattern before its list-marker spaces were made unambiguous (exponential on `-  -  -  … x`). */
const OLD = /^((?: *(?:[-*+]|\d{1,9}[.)]) +)* *)(`{3,}|~{3,})(.*)$/;

describe('fenceOpening', () => {
  it('finds fences after list markers, as before', () => {
    expect(fenceOpening('- ```py')).toEqual({ char: '`', length: 3, indent: 2 });
    expect(fenceOpening('  1.   - ~~~~')).toEqual({ char: '~', length: 4, indent: 9 });
    expect(fenceOpening('-```')).toBeUndefined();
    const line = fc.array(fc.constantFrom(' ', '  ', '-', '1.', '*', '```', '~~~', '`', 'x'), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(line, (text) => {
        const m = OLD.exec(text);
        const expected =
          m && !((m[2] ?? '')[0] === '`' && (m[3] ?? '').includes('`')) ? { char: m[2]![0], length: m[2]!.length, indent: m[1]!.length } : undefined;
        expect(fenceOpening(text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('answers at once on a line of 10,000 list markers with two spaces each', () => {
    expect(fenceOpening(`${'-  '.repeat(10_000)}x`)).toBeUndefined();
    expect(fenceOpening(`${'-  '.repeat(10_000)}\`\`\``)).toEqual({ char: '`', length: 3, indent: 30_000 });
  });
});
