import { describe, expect, it } from 'vitest';
import type { EntitySummary } from '../entity-record/schema.ts';
import { apiDefinitionPageIndex, docsPageIndex, entityPageIndex, SEARCH_WEIGHTS, sectionOf, type PageIndex } from './page-index.ts';

/** One entity with every field the search reads; each test changes what it is about. */
const bookingService: EntitySummary = {
  ref: 'component:default/booking-service',
  kind: 'Component',
  namespace: 'default',
  name: 'booking-service',
  title: 'Booking Service',
  description: 'Takes bookings for trips.',
  type: 'service',
  lifecycle: 'production',
  owner: 'group:default/team-payments',
  system: 'system:default/booking',
  tags: ['kafka', 'java'],
  path: 'catalog/default/component/booking-service/',
};

const entityPage = (changes: Partial<EntitySummary> = {}, displayTitle = changes.title ?? bookingService.title ?? '') =>
  entityPageIndex({ entity: { ...bookingService, ...changes }, displayTitle });

const weightOf = (index: PageIndex, text: string) => index.weighted.find((w) => w.text === text)?.weight;

describe('entity pages', () => {
  it('expose the entity as filters, with the values the portal shows', () => {
    expect(entityPage().filters).toEqual({
      section: ['Catalog'],
      kind: ['Component'],
      type: ['service'],
      lifecycle: ['production'],
      owner: ['team-payments'],
      system: ['booking'],
      namespace: ['default'],
      tag: ['kafka', 'java'],
    });
  });

  it('put each kind in its section', () => {
    const sections = Object.fromEntries(
      ['Component', 'Resource', 'System', 'Domain', 'Location', 'API', 'Group', 'User', 'Template'].map((kind) => [kind, entityPage({ kind }).filters.section]),
    );
    expect(sections).toEqual({
      Component: ['Catalog'],
      Resource: ['Catalog'],
      System: ['Catalog'],
      Domain: ['Catalog'],
      Location: ['Catalog'],
      API: ['API'],
      Group: ['People'],
      User: ['People'],
      Template: ['Template'],
    });
    expect(sectionOf('api')).toBe('API');
  });

  it('keep the kind and namespace of an owner or system only where they are not the default (humanizeRef)', () => {
    const page = entityPage({ owner: 'group:other/team-x', system: 'system:other/legacy' });
    expect(page.filters.owner).toEqual(['other/team-x']);
    expect(page.filters.system).toEqual(['other/legacy']);
    expect(page.meta['owner']).toBe('other/team-x');
    expect(entityPage({ owner: 'user:default/jane' }).filters.owner).toEqual(['user:jane']);
  });

  it('leave out filters and meta the entity has no value for, blank ones included', () => {
    const page = entityPage({ type: undefined, lifecycle: '  ', owner: undefined, system: undefined, description: undefined, tags: [' '] });
    expect(Object.keys(page.filters)).toEqual(['section', 'kind', 'namespace']);
    expect(Object.keys(page.meta).sort()).toEqual(['kind', 'name', 'ref', 'section', 'title']);
  });

  it('give each tag its own filter value, once, with repo whitespace collapsed', () => {
    expect(entityPage({ tags: ['kafka', 'event\n  sourcing', 'kafka'] }).filters.tag).toEqual(['kafka', 'event sourcing']);
  });

  it('describe the result: title, ref, name, kind, humanized owner, description, section', () => {
    expect(entityPage().meta).toEqual({
      title: 'Booking Service',
      ref: 'component:default/booking-service',
      name: 'booking-service',
      kind: 'Component',
      owner: 'team-payments',
      description: 'Takes bookings for trips.',
      section: 'Catalog',
    });
  });

  it('title a result with the page title: a person by their display name, an entity without a title by its name', () => {
    expect(entityPage({ kind: 'User', title: undefined }, 'Elena Petrova').meta['title']).toBe('Elena Petrova');
    expect(entityPage({ title: undefined }, ' ').meta['title']).toBe('booking-service');
  });

  it('weight the name, title and ref above everything, tags and owner above prose, the description a little', () => {
    const page = entityPage();
    expect(page.weighted.slice(0, 3)).toEqual([
      { text: 'Booking Service', weight: SEARCH_WEIGHTS.identity },
      { text: 'booking-service', weight: SEARCH_WEIGHTS.identity },
      { text: 'component:default/booking-service', weight: SEARCH_WEIGHTS.identity },
    ]);
    expect(weightOf(page, 'kafka')).toBe(5);
    expect(weightOf(page, 'java')).toBe(5);
    expect(weightOf(page, 'team-payments')).toBe(5);
    expect(weightOf(page, 'Takes bookings for trips.')).toBe(2);
    expect(SEARCH_WEIGHTS.identity).toBe(10);
    expect(SEARCH_WEIGHTS.identity).toBeGreaterThan(7); // a docs page's h1 mentioning the entity
    expect(SEARCH_WEIGHTS.facet).toBeGreaterThan(SEARCH_WEIGHTS.body);
    expect(SEARCH_WEIGHTS.description).toBeGreaterThan(SEARCH_WEIGHTS.body);
  });

  it('index the kind, type, lifecycle and system as words too, at body weight', () => {
    const page = entityPage({ lifecycle: 'deprecated' });
    expect(['Component', 'service', 'deprecated', 'booking'].map((text) => weightOf(page, text))).toEqual([1, 1, 1, 1]);
  });

  it("index a person's or team's email at body weight, and no email when there is none", () => {
    const person = entityPageIndex({ entity: { ...bookingService, kind: 'User' }, displayTitle: 'Jane Doe', email: 'jane.doe@acme.example' });
    expect(weightOf(person, 'jane.doe@acme.example')).toBe(SEARCH_WEIGHTS.body);
    expect(entityPage().weighted.some((w) => w.text.includes('@'))).toBe(false);
  });

  it('index a name once when the title is the name', () => {
    const page = entityPage({ title: undefined }, 'booking-service');
    expect(page.weighted.filter((w) => w.weight === SEARCH_WEIGHTS.identity).map((w) => w.text)).toEqual([
      'booking-service',
      'component:default/booking-service',
    ]);
  });
});

describe('API definition pages', () => {
  const api: EntitySummary = {
    ...bookingService,
    ref: 'api:default/booking-api',
    kind: 'API',
    name: 'booking-api',
    title: 'Booking API',
    type: 'openapi',
    path: 'catalog/default/api/booking-api/',
  };
  const page = apiDefinitionPageIndex({ entity: api, displayTitle: 'Booking API' });

  it('are in the API section, with the API filters', () => {
    expect(page.filters).toMatchObject({ section: ['API'], kind: ['API'], type: ['openapi'], owner: ['team-payments'], tag: ['kafka', 'java'] });
    expect(page.filters.docs).toBeUndefined();
  });

  it('are titled "<API> definition", and name the API they belong to', () => {
    expect(page.meta).toEqual({ title: 'Booking API definition', entity: 'Booking API', kind: 'API', owner: 'team-payments', section: 'API' });
  });

  it("do not repeat the API's name, ref or description (metadata is searched too), so its entity page stays first for them", () => {
    expect(page.weighted).toEqual([]);
    expect(page.meta).not.toHaveProperty('name');
    expect(page.meta).not.toHaveProperty('ref');
    expect(page.meta).not.toHaveProperty('description');
  });
});

describe('TechDocs pages', () => {
  const site = { siteName: 'Booking Service docs', entityRef: 'component:default/booking-service', entityTitle: 'Booking Service' };
  const page = docsPageIndex({ pageTitle: 'Runbook', site, entity: bookingService });

  it('are in the Docs section, filtered by the canonical ref of the entity they document', () => {
    expect(page.filters.section).toEqual(['Docs']);
    expect(page.filters.docs).toEqual(['component:default/booking-service']);
  });

  it("carry the documented entity's kind, owner, system and tags as filters", () => {
    expect(page.filters).toMatchObject({ kind: ['Component'], owner: ['team-payments'], system: ['booking'], tag: ['kafka', 'java'] });
  });

  it('are titled by the page, and name the entity and the docs site', () => {
    expect(page.meta).toEqual({
      title: 'Runbook',
      kind: 'Component',
      owner: 'team-payments',
      entity: 'Booking Service',
      site: 'Booking Service docs',
      section: 'Docs',
    });
  });

  it("weight nothing beyond their own headings, and leave the entity's name and ref to its page, so that page stays first for them", () => {
    expect(page.weighted).toEqual([]);
    expect(page.meta).not.toHaveProperty('name');
    expect(page.meta).not.toHaveProperty('ref');
  });

  it("read the entity's kind and name from the site's ref when the catalog lacks the entity", () => {
    const orphan = docsPageIndex({
      pageTitle: 'Runbook',
      site: { siteName: 'Kafka docs', entityRef: 'resource:ops/events-kafka', entityTitle: 'Events Kafka' },
    });
    expect(orphan.filters).toEqual({ section: ['Docs'], kind: ['Resource'], namespace: ['ops'], docs: ['resource:ops/events-kafka'] });
    expect(orphan.meta).toEqual({ title: 'Runbook', kind: 'Resource', entity: 'Events Kafka', site: 'Kafka docs', section: 'Docs' });
  });
});
