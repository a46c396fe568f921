import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify, uniqueId } from './slugify.ts';

describe('slugify (Python-Markdown toc)', () => {
  it('lower-cases, drops punctuation and joins words with -', () => {
    expect(slugify('Section A')).toBe('section-a');
    expect(slugify('What is `mkdocs.yml`?')).toBe('what-is-mkdocsyml');
    expect(slugify('  Spaces -- and   dashes ')).toBe('spaces-and-dashes');
  });
  it('decomposes accents and drops other non-ASCII letters (verified: Überblick & Ziele → uberblick-ziele)', () => {
    expect(slugify('Überblick & Ziele')).toBe('uberblick-ziele');
    expect(slugify('Назначение сервиса')).toBe('');
  });
  it('keeps underscores and digits', () => {
    expect(slugify('step_1 of 2')).toBe('step_1-of-2');
  });
});

describe('slugify unicode (pymdownx.slugs, case=lower)', () => {
  it('keeps Cyrillic letters and turns each space into -', () => {
    expect(slugify('Назначение сервиса', 'unicode')).toBe('назначение-сервиса');
    expect(slugify('API: Описание', 'unicode')).toBe('api-описание');
  });

  it('strips tags as its regex did, and a heading of 400,000 `<` in linear time', () => {
    const TAGS = /<\/?[^>]*>/g;
    const text = fc.array(fc.constantFrom('<', '>', '/', 'a', ' ', 'b'), { maxLength: 16 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(slugify(t, 'unicode')).toBe(
          t
            .normalize('NFC')
            .replace(TAGS, '')
            .trim()
            .toLowerCase()
            .replace(/[^\p{L}\p{N}_\- ]/gu, '')
            .replace(/ /g, '-'),
        );
      }),
      { numRuns: 2000 },
    );
    expect(slugify(`Title ${'<'.repeat(400_000)}`, 'unicode')).toBe('title-');
  });
});

describe('uniqueId (toc unique())', () => {
  it('numbers duplicates _1, _2 and turns an empty slug into _1', () => {
    const used = new Set<string>();
    expect(uniqueId('intro', used)).toBe('intro');
    expect(uniqueId('intro', used)).toBe('intro_1');
    expect(uniqueId('intro', used)).toBe('intro_2');
    expect(uniqueId('', used)).toBe('_1');
    expect(uniqueId('', used)).toBe('_2');
  });
  it('skips ids authors used, and counts on from a literal x_N', () => {
    const used = new Set(['x_1', 'x_3']);
    expect(uniqueId('x', used)).toBe('x');
    expect(uniqueId('x', used)).toBe('x_2');
    expect(uniqueId('x', used)).toBe('x_4');
    expect(uniqueId('x_3', used)).toBe('x_5');
    expect(uniqueId('x_01', used)).toBe('x_01');
    expect(uniqueId('x_01', used)).toBe('x_6');
    expect(uniqueId('x_99999999999999999999', used)).toBe('x_99999999999999999999');
    expect(uniqueId('x_99999999999999999999', used)).toBe('x_100000000000000000000');
  });

  it('numbers 20,000 equal ids h, h_1, … h_19999 (each probe resumes where the last stopped)', () => {
    const used = new Set<string>();
    const ids = Array.from({ length: 20_000 }, () => uniqueId('h', used));
    expect(ids[0]).toBe('h');
    expect(ids.slice(1)).toEqual(Array.from({ length: 19_999 }, (_, i) => `h_${i + 1}`));
  });

  it('stays fast when every id is a distinct taken x_N (each would probe to the end)', () => {
    const used = new Set<string>();
    for (let i = 1; i <= 20_000; i++) uniqueId(`x_${i}`, used);
    const again = Array.from({ length: 20_000 }, (_, i) => uniqueId(`x_${i + 1}`, used));
    expect(again).toEqual(Array.from({ length: 20_000 }, (_, i) => `x_${20_001 + i}`));
  });

  it('gives exactly what toc unique() gives, for any ids and any ids reserved in between', () => {
    const idArb = fc.constantFrom('', 'x', 'x_1', 'x_2', 'x_3', 'x_1_1', 'x_1_2', '_1', '_2', 'x_01', 'x_0', 'y');
    const op = fc.record({ reserve: fc.boolean(), id: idArb });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const fast = new Set<string>();
        const slow = new Set<string>();
        for (const { reserve, id } of ops) {
          if (reserve) {
            fast.add(id);
            slow.add(id);
          } else {
            expect(uniqueId(id, fast)).toBe(tocUnique(id, slow));
          }
        }
      }),
    );
  });
});

/** Python-Markdown 3.x `toc.unique()`, transcribed as the reference. */
function tocUnique(start: string, ids: Set<string>): string {
  let id = start;
  while (ids.has(id) || !id) {
    const m = /^(.*)_([0-9]+)$/.exec(id);
    id = m ? `${m[1]}_${BigInt(m[2]!) + 1n}` : `${id}_1`;
  }
  ids.add(id);
  return id;
}
