import { describe, expect, test } from 'vitest';
import type { PagefindResultData } from './pagefind-api.ts';
import { parseQuery } from './query.ts';
import { excerptParts, findGoto, gotoFromRef, highlightWords, safeResultUrl, toResultView } from './results.ts';

/** Result data as the index stores it for an entity page (see the search contract). */
const entityPage: PagefindResultData = {
  url: '/catalog/default/component/booking-service/',
  excerpt: 'The <mark>booking</mark> service takes reservations.',
  meta: {
    title: 'Booking Service',
    ref: 'component:default/booking-service',
    name: 'booking-service',
    kind: 'Component',
    owner: 'team-payments',
    section: 'Catalog',
  },
  filters: { section: ['Catalog'], kind: ['Component'] },
  sub_results: [{ title: 'Relations', url: '/catalog/default/component/booking-service/#relations', excerpt: '' }],
};

const docsPage: PagefindResultData = {
  url: '/docs/default/component/booking-service/getting-started/',
  excerpt: 'Run the <mark>booking</mark> tests.',
  meta: {
    title: 'Getting started',
    entity: 'Booking Service',
    site: 'Booking Service',
    ref: 'component:default/booking-service',
    name: 'booking-service',
    kind: 'Component',
    owner: 'team-payments',
    section: 'Docs',
  },
  filters: { section: ['Docs'] },
  sub_results: [
    { title: 'Getting started', url: '/docs/default/component/booking-service/getting-started/', excerpt: '' },
    { title: 'Getting started¶', url: '/docs/default/component/booking-service/getting-started/#getting-started', excerpt: '' },
    { title: 'Install¶', url: '/docs/default/component/booking-service/getting-started/#install', excerpt: '' },
    { title: 'Test', url: '/docs/default/component/booking-service/getting-started/#test', excerpt: '' },
    { title: 'Deploy', url: '/docs/default/component/booking-service/getting-started/#deploy', excerpt: '' },
  ],
};

const definitionPage: PagefindResultData = {
  url: '/catalog/default/api/booking-api/definition/',
  excerpt: '',
  meta: { title: 'Booking API definition', entity: 'Booking API', ref: 'api:default/booking-api', name: 'booking-api', kind: 'API', section: 'API' },
};

describe('excerptParts', () => {
  test('splits highlighted matches from the text around them', () => {
    expect(excerptParts('a <mark>b</mark> c')).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
      { text: ' c', mark: false },
    ]);
  });

  test('every tag but <mark> is text, never markup', () => {
    expect(excerptParts('<img src=x onerror=alert(1)><MARK>hit</MARK>')).toEqual([
      { text: '<img src=x onerror=alert(1)>', mark: false },
      { text: 'hit', mark: true },
    ]);
  });

  test('entities are decoded once, to be shown as text', () => {
    expect(excerptParts('&lt;b&gt; &amp;amp; &#39;x&#x27;')).toEqual([{ text: "<b> &amp; 'x'", mark: false }]);
  });

  test('a stray closing mark does not highlight the rest', () => {
    expect(excerptParts('a</mark>b')).toEqual([{ text: 'ab', mark: false }]);
  });
});

describe('toResultView', () => {
  test('an entity page shows its title, kind, owner and excerpt, and no headings', () => {
    expect(toResultView(entityPage, 3)).toEqual({
      url: '/catalog/default/component/booking-service/',
      title: 'Booking Service',
      label: 'Component',
      owner: 'team-payments',
      excerpt: [
        { text: 'The ', mark: false },
        { text: 'booking', mark: true },
        { text: ' service takes reservations.', mark: false },
      ],
      subResults: [],
    });
  });

  test('a docs page reads "Page title — Entity name" and lists the headings its matches are under, not its own title', () => {
    const view = toResultView(docsPage, 2);
    expect(view?.title).toBe('Getting started — Booking Service');
    expect(view?.label).toBe('Component docs');
    expect(view?.subResults).toEqual([
      { title: 'Install', url: '/docs/default/component/booking-service/getting-started/#install' },
      { title: 'Test', url: '/docs/default/component/booking-service/getting-started/#test' },
    ]);
  });

  test('a docs home page titled like its entity is not named twice', () => {
    expect(toResultView({ ...docsPage, meta: { ...docsPage.meta, title: 'Booking Service' } }, 3)?.title).toBe('Booking Service');
  });

  test('an API definition page keeps its own title', () => {
    expect(toResultView(definitionPage, 3)).toMatchObject({ title: 'Booking API definition', label: 'API' });
  });

  test('a URL that leaves the site is dropped', () => {
    expect(toResultView({ ...entityPage, url: 'javascript:alert(1)' }, 3)).toBeUndefined();
    expect(safeResultUrl('//evil.example/')).toBeUndefined();
    expect(safeResultUrl('/catalog/')).toBe('/catalog/');
  });
});

describe('findGoto', () => {
  const known = {};

  test('an exact name goes to the entity page, not its docs', () => {
    expect(findGoto(parseQuery('booking-service', known), [docsPage, entityPage])).toEqual({
      url: '/catalog/default/component/booking-service/',
      title: 'Booking Service',
      kind: 'Component',
      owner: 'team-payments',
    });
  });

  test('an exact ref found only on a docs page goes to its entity page', () => {
    expect(findGoto(parseQuery('component:default/booking-service', known), [docsPage])?.url).toBe('/catalog/default/component/booking-service/');
  });

  test('a definition page leads to its API', () => {
    expect(findGoto(parseQuery('api:booking-api', known), [definitionPage])).toMatchObject({ url: '/catalog/default/api/booking-api/', title: 'Booking API' });
  });

  test('a partial name or several words offer no "Go to"', () => {
    expect(findGoto(parseQuery('booking', known), [entityPage])).toBeUndefined();
    expect(findGoto(parseQuery('booking service', known), [entityPage])).toBeUndefined();
  });

  test('a ref of another kind or namespace does not match', () => {
    expect(findGoto(parseQuery('api:default/booking-service', known), [entityPage])).toBeUndefined();
    expect(findGoto(parseQuery('component:other/booking-service', known), [entityPage])).toBeUndefined();
  });

  test('a ref none of the results carries gets the page it would have', () => {
    expect(gotoFromRef('group:default/team-payments')).toMatchObject({ url: '/catalog/default/group/team-payments/', title: 'team-payments' });
  });
});

describe('an entity page excerpt', () => {
  test("is the entity's description with the query's words marked, not the name and tags block Pagefind cut it from", () => {
    const page = {
      ...entityPage,
      excerpt: 'Booking Service. <mark>booking</mark>-service. component:default/booking-service.',
      meta: { ...entityPage.meta, description: 'Takes bookings; Booking is its job.' },
    };
    expect(toResultView(page, 3, ['booking'])?.excerpt).toEqual([
      { text: 'Takes ', mark: false },
      { text: 'bookings', mark: true },
      { text: '; ', mark: false },
      { text: 'Booking', mark: true },
      { text: ' is its job.', mark: false },
    ]);
  });

  test("is Pagefind's excerpt when the entity has no description, and always for docs pages", () => {
    expect(toResultView(entityPage, 3, ['booking'])?.excerpt).toEqual(excerptParts(entityPage.excerpt));
    const docs = { ...docsPage, meta: { ...docsPage.meta, description: 'not shown' } };
    expect(toResultView(docs, 3, ['install'])?.excerpt).toEqual(excerptParts(docsPage.excerpt));
  });

  test('marks a word, not the punctuation after it', () => {
    expect(highlightWords('Holds bookings. booking.events.v1 too', ['booking'])).toEqual([
      { text: 'Holds ', mark: false },
      { text: 'bookings', mark: true },
      { text: '. ', mark: false },
      { text: 'booking.events.v1', mark: true },
      { text: ' too', mark: false },
    ]);
  });

  test('keeps markup-looking text as plain runs (they are rendered as text nodes)', () => {
    expect(highlightWords('<b>x</b> booking', ['booking'])).toEqual([
      { text: '<b>x</b> ', mark: false },
      { text: 'booking', mark: true },
    ]);
  });
});
