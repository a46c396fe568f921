import { describe, expect, test } from 'vitest';
import { describeNeighbourhood, describeSystem, listText, omissionNote } from './describe.ts';
import { neighbourhood } from './neighbourhood.ts';
import { systemDiagram } from './system-diagram.ts';
import { bigGroupCatalog, bookingCatalog } from '../../test/support/graph-catalog.ts';

describe('descriptions', () => {
  test('lists read as English', () => {
    expect(listText([])).toBe('');
    expect(listText(['a'])).toBe('a');
    expect(listText(['a', 'b'])).toBe('a and b');
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
  });

  test('a neighbourhood, read from the entity: its relations by type, dangling refs marked', () => {
    const catalog = bookingCatalog();
    const graph = neighbourhood(catalog.get('component:default/booking-service'), catalog.lookup);
    expect(describeNeighbourhood(graph)).toBe(
      'Booking Service: owned by Booking Team; part of Booking; provides API Booking API; consumes API Payments API; depends on Bookings DB and sms-provider (not found).',
    );
  });

  test('inverse relations are read from the entity too: a group has members, is owner of', () => {
    const catalog = bigGroupCatalog(2, 1);
    const graph = neighbourhood(catalog.get('group:default/big'), catalog.lookup);
    expect(describeNeighbourhood(graph)).toBe('Big Group: owner of service-000; child of Parent; has member user-000 and user-001.');
  });

  test('a collapsed neighbourhood says how many are left out, in the description and in the note', () => {
    const catalog = bigGroupCatalog(50, 0);
    const graph = neighbourhood(catalog.get('group:default/big'), catalog.lookup);
    expect(describeNeighbourhood(graph)).toContain('user-010 and 39 more users');
    expect(omissionNote(graph)).toBe('Not drawn: 39 more users (has member).');
  });

  test('nothing left out, no note', () => {
    const catalog = bookingCatalog();
    expect(omissionNote(neighbourhood(catalog.get('component:default/booking-service'), catalog.lookup))).toBe('');
  });

  test('a system: its parts by kind, the relations among them, its domain', () => {
    const catalog = bookingCatalog();
    const graph = systemDiagram(catalog.get('system:default/booking'), catalog.lookup);
    expect(describeSystem(graph)).toBe(
      'Booking (System) has 4 parts: components Booking Service and Ops Console; APIs Booking API; resources Bookings DB. ' +
        'Booking Service provides API Booking API. Booking Service depends on Bookings DB. Ops Console consumes API Booking API. ' +
        'Booking is part of Transactions.',
    );
  });
});
