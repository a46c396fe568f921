import { describe, expect, test } from 'vitest';
import { exactRef, parseQuery, searchTerm } from './query.ts';

/** The filter values a demo index knows, as Pagefind's `filters()` returns them. */
const known = {
  kind: { API: 4, Component: 9, System: 2 },
  owner: { 'team-payments': 5, 'group:other/team-x': 1 },
  lifecycle: { production: 8, deprecated: 1 },
  tag: { kafka: 2, 'event driven': 1 },
  section: { Catalog: 10, Docs: 20, API: 5 },
  system: { booking: 4 },
};

describe('parseQuery', () => {
  test('plain text stays text', () => {
    expect(parseQuery('booking service', known)).toEqual({ text: 'booking service', filters: {}, unknown: [] });
  });

  test('a prefix becomes a filter with the value as the index spells it', () => {
    expect(parseQuery('kind:api booking', known)).toMatchObject({ text: 'booking', filters: { kind: ['API'] } });
    expect(parseQuery('owner:team-payments', known)).toMatchObject({ text: '', filters: { owner: ['team-payments'] } });
    expect(parseQuery('lifecycle:deprecated', known).filters).toEqual({ lifecycle: ['deprecated'] });
  });

  test('keys and values are case-insensitive', () => {
    expect(parseQuery('KIND:Api Owner:TEAM-PAYMENTS', known).filters).toEqual({ kind: ['API'], owner: ['team-payments'] });
  });

  test('an owner may be written as a full ref', () => {
    expect(parseQuery('owner:group:default/team-payments', known).filters).toEqual({ owner: ['team-payments'] });
    expect(parseQuery('owner:group:other/team-x', known).filters).toEqual({ owner: ['group:other/team-x'] });
    // As the index spells owners (humanizeRef): namespace kept off `default`, kind kept when not a group.
    const indexed = { owner: { 'other/team-x': 1, 'user:jane': 2 } };
    expect(parseQuery('owner:group:other/team-x', indexed).filters).toEqual({ owner: ['other/team-x'] });
    expect(parseQuery('owner:user:default/jane', indexed).filters).toEqual({ owner: ['user:jane'] });
  });

  test('a quoted value may hold spaces', () => {
    expect(parseQuery('tag:"Event Driven" orders', known)).toMatchObject({ text: 'orders', filters: { tag: ['event driven'] } });
  });

  test('values of one key collect, without repeats', () => {
    expect(parseQuery('kind:api kind:component kind:API', known).filters).toEqual({ kind: ['API', 'Component'] });
  });

  test('an unknown key stays text', () => {
    expect(parseQuery('colour:red booking', known)).toMatchObject({ text: 'colour:red booking', filters: {} });
  });

  test('a value the index does not know is reported, not searched as text', () => {
    expect(parseQuery('kind:widget booking', known)).toMatchObject({ text: 'booking', filters: {}, unknown: [{ key: 'kind', value: 'widget' }] });
  });

  test('a prefix with no value yet is ignored while it is typed', () => {
    expect(parseQuery('booking kind:', known)).toMatchObject({ text: 'booking', filters: {}, unknown: [] });
  });

  test('an exact entity ref is noted and searched by its name', () => {
    const parsed = parseQuery('component:default/booking-service', known);
    expect(parsed.ref).toBe('component:default/booking-service');
    expect(searchTerm(parsed)).toBe('booking-service');
    expect(parseQuery('Component:Booking-Service', known).ref).toBe('component:default/booking-service');
  });

  test('system:x is a filter and may also be a System entity', () => {
    const parsed = parseQuery('system:booking', known);
    expect(parsed).toMatchObject({ text: '', filters: { system: ['booking'] }, ref: 'system:default/booking' });
    expect(searchTerm(parsed)).toBe('');
  });

  test('a prefix is not mistaken for a ref', () => {
    expect(parseQuery('kind:api', known).ref).toBeUndefined();
    expect(parseQuery('owner:team-payments', known).ref).toBeUndefined();
  });

  test('one word may be an entity name; several words are not', () => {
    expect(parseQuery('Booking-Service', known).name).toBe('booking-service');
    expect(parseQuery('kind:component booking-service', known).name).toBe('booking-service');
    expect(parseQuery('booking service', known).name).toBeUndefined();
  });
});

describe('exactRef', () => {
  test('needs a kind, takes the default namespace', () => {
    expect(exactRef('api:booking-api')).toBe('api:default/booking-api');
    expect(exactRef('group:other/team-x')).toBe('group:other/team-x');
    expect(exactRef('booking-api')).toBeUndefined();
    expect(exactRef('component:a b')).toBeUndefined();
  });
});
