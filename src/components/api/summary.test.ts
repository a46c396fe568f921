import { describe, expect, test } from 'vitest';
import { parseApiDefinition } from '../../api-docs/index.ts';
import { fixture } from '../../../test/support/api-definitions.ts';
import { summarizeApi } from './summary.ts';

function summary(type: string, file: string, max?: number) {
  const parsed = parseApiDefinition(type, fixture(file));
  if (!parsed.ok) throw new Error(parsed.error);
  return summarizeApi(parsed, max);
}

describe('summarizeApi', () => {
  test('OpenAPI: version, counts and one line per operation', () => {
    const s = summary('openapi', 'booking-openapi.yaml');
    expect(s.headline).toBe('OpenAPI 3.0.3 · 5 operations · 17 schemas');
    expect(s).toMatchObject({ title: 'Fernway Booking API', version: '1.8.0', entriesHeading: 'Operations', total: 5 });
    expect(s.entries[0]).toEqual({
      id: 'op-createBooking',
      tag: 'post',
      name: '/v1/bookings',
      detail: 'Create a booking from a priced offer',
      deprecated: false,
    });
  });

  test('AsyncAPI, GraphQL and gRPC', () => {
    expect(summary('asyncapi', 'booking-asyncapi.yaml').headline).toBe('AsyncAPI 2.6.0 · 1 channel · 1 operation · 4 messages');
    expect(summary('asyncapi', 'booking-asyncapi.yaml').entries[0]).toMatchObject({ tag: 'subscribe', name: 'booking.events.v1' });

    const graph = summary('graphql', 'traveller.graphql');
    expect(graph.headline).toBe('GraphQL schema · 7 queries · 3 mutations · 38 types');
    expect(graph.entries[1]).toEqual({
      id: 'type-Query-placeSuggestions',
      tag: 'query',
      name: 'placeSuggestions(query, types, first): [Place!]!',
      detail: 'Airports, cities and areas matching a prefix, for search boxes.',
      deprecated: false,
    });

    const grpc = summary('grpc', 'pricing.proto');
    expect(grpc.headline).toBe('Protocol Buffers (proto3) · 1 service · 4 RPCs · 16 messages · 1 enum');
    expect(grpc.entries[0]?.name).toBe('PricingService.QuoteFlights(QuoteFlightsRequest) → QuoteFlightsResponse');
  });

  test('caps the entries but keeps the total', () => {
    const s = summary('graphql', 'traveller.graphql', 4);
    expect(s.entries).toHaveLength(4);
    expect(s.total).toBe(10);
  });
});
