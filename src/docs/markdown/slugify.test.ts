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
});
