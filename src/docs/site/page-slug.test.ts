import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anyFileName, CONTROL } from './fixtures/file-names.ts';
import { overBudget, PATH_BUDGET, publishedOfUrl, publishedPath, slugSegment, unslugSegment, urlOfPublished } from './page-slug.ts';

describe('slugSegment', () => {
  test.each([
    ['guide', 'guide'],
    ['Über uns', 'Über uns'],
    ['a%20b', 'a~2520b'],
    ['100%', '100~25'],
    ['ctrl\u001bname', 'ctrl~1Bname'],
    ['tab\there', 'tab~09here'],
    ['del\u007f', 'del~7F'],
    ['what?#', 'what~3F~23'],
    ['back\\slash', 'back~5Cslash'],
    ['a~b', 'a~7Eb'],
    ['CON', '~43ON'],
    ['nul', '~6Eul'],
    ['..', '.~2E'],
    ['x.', 'x~2E'],
    ['e\u0301', 'é'],
  ])('%j → %j', (name, slug) => {
    expect(slugSegment(name, 'folder')).toBe(slug);
  });

  test('a folder may not end in .html (Astro reads x.html/ as x); a file keeps its extension', () => {
    expect(slugSegment('index.html', 'folder')).toBe('index~2Ehtml');
    expect(slugSegment('page.HTM', 'folder')).toBe('page~2EHTM');
    expect(slugSegment('report.html', 'file')).toBe('report.html');
  });

  test("the portal's own folders are reserved at a site's top level only", () => {
    expect(slugSegment('_astro', 'folder', true)).toBe('~5Fastro');
    expect(slugSegment('_astro', 'folder', false)).toBe('_astro');
  });

  test('pages get a folder, files keep their name; URLs are percent-encoded and read back exactly', () => {
    expect(publishedPath([], 'page')).toBe('');
    expect(publishedPath(['guide', 'a;b+c'], 'page')).toBe('guide/a;b+c/');
    expect(publishedPath(['img', 'x%.png'], 'file')).toBe('img/x~25.png');
    const url = urlOfPublished('guide/a;b+c/');
    expect(url).toBe('guide/a%3Bb%2Bc/');
    // decodeURI would keep %3B and %2B, and write the file where no link points.
    expect(publishedOfUrl(url)).toBe('guide/a;b+c/');
  });

  test('the length budget counts bytes per name and the whole URL with the site prefix', () => {
    expect(overBudget('docs/default/component/x/', 'guide/', 'page')).toBeUndefined();
    expect(overBudget('', `${'é'.repeat(128)}/`, 'page')).toMatch(/256 bytes/);
    expect(overBudget('docs/default/component/x/', `${'a/'.repeat(1100)}`, 'page')).toMatch(/URL would be \d+ bytes/);
  });

  test('property: the budget is measured on the URL and the bytes actually written', () => {
    // Published names never hold a lone surrogate (it is escaped), which pyQuote would pass through unencoded.
    const segment = fc.string({ unit: 'binary', maxLength: 300 }).filter((s) => !/\p{Cs}/u.test(s));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 12 }), (segments) => {
        const path = segments.join('/');
        const fits = urlOfPublished(`x/${path}`).length <= PATH_BUDGET.urlBytes && segments.every((s) => Buffer.byteLength(s) <= PATH_BUDGET.segmentBytes);
        expect(overBudget('x/', path, 'file') === undefined).toBe(fits);
      }),
      { numRuns: 500 },
    );
  });

  test('property: a slug is non-empty, safe, never . or .., never ends in .html, and reads back to its name', () => {
    fc.assert(
      fc.property(anyFileName, fc.constantFrom('folder' as const, 'file' as const), fc.boolean(), (name, role, top) => {
        const slug = slugSegment(name, role, top);
        expect(slug.length).toBeGreaterThan(0);
        expect(slug).not.toMatch(CONTROL);
        expect(slug).not.toMatch(/[%?#\\/<>:"|*]/);
        expect(slug).not.toMatch(/\p{Cs}/u);
        expect(['.', '..']).not.toContain(slug);
        expect(slug).not.toMatch(/[. ]$/);
        if (role === 'folder') expect(slug).not.toMatch(/\.html?$/i);
        // Percent-encoded consistently: the URL decodes to exactly the path written to disk.
        expect(publishedOfUrl(urlOfPublished(slug))).toBe(slug);
        expect(decodeURIComponent(encodeURIComponent(slug))).toBe(slug);
        expect(unslugSegment(slug)).toBe(name.normalize('NFC'));
      }),
      { numRuns: 2000 },
    );
  });
});
