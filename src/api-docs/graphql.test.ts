import { describe, expect, test } from 'vitest';
import { parseGraphql } from './graphql.ts';
import type { GraphqlModel } from './model.ts';
import { fixture, named } from '../../test/support/api-definitions.ts';
import { typeText } from './type-text.ts';

function model(source: string): GraphqlModel {
  const result = parseGraphql(source);
  if (!result.ok) throw new Error(`expected the schema to parse, got: ${result.error}`);
  return result.model;
}

describe('the demo traveller graph', () => {
  const m = model(fixture('traveller.graphql'));

  test('root operation types come first, with their fields, arguments and descriptions', () => {
    expect(m.description).toMatch(/^Fernway traveller graph\./);
    expect(m.roots.map((r) => [r.operation, r.type.name])).toEqual([
      ['query', 'Query'],
      ['mutation', 'Mutation'],
    ]);
    const query = m.roots[0]?.type;
    expect(query?.fields.map((f) => f.name)).toEqual(['node', 'placeSuggestions', 'searchFlights', 'flightSearch', 'hotelOffers', 'booking', 'myTrips']);
    const suggestions = named(query?.fields ?? [], 'placeSuggestions');
    expect(suggestions).toMatchObject({ description: 'Airports, cities and areas matching a prefix, for search boxes.' });
    expect(suggestions.type).toEqual([{ text: '[' }, { text: 'Place', target: 'type-Place' }, { text: '!' }, { text: ']' }, { text: '!' }]);
    expect(suggestions.args.map((a) => [a.name, typeText(a.type), a.defaultValue])).toEqual([
      ['query', 'String!', undefined],
      ['types', '[PlaceType!]', undefined],
      ['first', 'Int', '8'],
    ]);
    // Built-in scalars are not links.
    expect(suggestions.args[0]?.type.every((p) => p.target === undefined)).toBe(true);
  });

  test('other types are grouped by kind, in document order, and root types are not repeated', () => {
    const kinds = m.types.map((t) => t.kind);
    expect(kinds).toEqual(
      [...kinds].sort(
        (a, b) =>
          ['object', 'interface', 'input', 'enum', 'union', 'scalar'].indexOf(a) - ['object', 'interface', 'input', 'enum', 'union', 'scalar'].indexOf(b),
      ),
    );
    expect(m.types.map((t) => t.name)).not.toContain('Query');
    expect(named(m.types, 'Place').interfaces).toEqual([[{ text: 'Node', target: 'type-Node' }]]);
    expect(named(m.types, 'BookingItem').members.map(typeText)).toEqual(['FlightBookingItem', 'HotelBookingItem']);
    expect(named(m.types, 'Cabin').values.map((v) => v.name)).toEqual(['ECONOMY', 'PREMIUM_ECONOMY', 'BUSINESS', 'FIRST']);
    expect(named(m.types, 'Decimal')).toMatchObject({ kind: 'scalar', description: expect.stringMatching(/^Decimal number/) });
    expect(typeText(named(named(m.types, 'FlightSearchInput').fields, 'cabin').type)).toBe('Cabin = ECONOMY');
    expect(named(named(m.types, 'FlightSearch').fields, 'offers').args.map((a) => a.name)).toEqual(['sort', 'maxStops', 'first', 'after']);
    expect(m.notices).toEqual([]);
  });
});

describe('schema features', () => {
  test('extensions merge, deprecations carry their reason, default root names apply', () => {
    const m = model(`
"""A thing."""
type Thing { id: ID! old: String @deprecated }
type Query { thing(id: ID!): Thing }
extend type Query { things(first: Int = 10): [Thing!]! @deprecated(reason: "Use search.") }
type Subscription { thingChanged: Thing }
enum Color { RED GREEN @deprecated(reason: "Gone.") }
input Filter { color: Color = RED, name: String }
interface Named { name: String }
scalar JSON
`);
    expect(m.roots.map((r) => r.operation)).toEqual(['query', 'subscription']);
    expect(m.roots[0]?.type.fields.map((f) => [f.name, f.deprecated])).toEqual([
      ['thing', undefined],
      ['things', 'Use search.'],
    ]);
    expect(named(named(m.types, 'Thing').fields, 'old').deprecated).toBe('No longer supported');
    expect(named(m.types, 'Color').values[1]).toEqual({ name: 'GREEN', deprecated: 'Gone.' });
    expect(named(m.types, 'Thing').description).toBe('A thing.');
  });

  test('an explicit schema block names the roots', () => {
    const m = model('schema { query: Root }\ntype Root { a: Int }\ntype Query { b: Int }');
    expect(m.roots.map((r) => r.type.name)).toEqual(['Root']);
    expect(m.types.map((t) => t.name)).toEqual(['Query']);
  });

  test('an invalid but parseable schema renders, with what graphql finds wrong as a notice', () => {
    const m = model('type Query { a: Missing }');
    expect(m.roots[0]?.type.fields[0]?.type).toEqual([{ text: 'Missing' }]);
    expect(m.notices).toEqual(['The schema is not valid: Unknown type "Missing".']);
  });
});

describe('broken and hostile input', () => {
  test('syntax errors carry the line', () => {
    expect(parseGraphql('type Query {\n  a: Int\n  b: \n}\n')).toEqual({ ok: false, error: 'GraphQL syntax error: Expected Name, found "}".', line: 4 });
    expect(parseGraphql('query { a }')).toMatchObject({ ok: false, error: expect.stringMatching(/defines no types/) });
    expect(parseGraphql('')).toMatchObject({ ok: false });
  });

  test('deep nesting and token floods are refused', () => {
    expect(parseGraphql(`type Q { a: ${'['.repeat(5_000)}Int${']'.repeat(5_000)} }`)).toMatchObject({ ok: false, error: expect.stringMatching(/levels deep/) });
    const flood = `type Q { ${Array.from({ length: 120_000 }, (_, i) => `f${i}: Int`).join(' ')} }`;
    expect(parseGraphql(flood)).toMatchObject({ ok: false, error: 'the schema has more than 200,000 tokens; Frontdoor reads schemas up to that size' });
  });

  test('many fields are capped', () => {
    const m = model(`type Query { ${Array.from({ length: 800 }, (_, i) => `f${i}: Int`).join(' ')} }`);
    expect(m.roots[0]?.type.fields).toHaveLength(500);
  });
});
