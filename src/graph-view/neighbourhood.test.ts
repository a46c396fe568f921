import { describe, expect, test } from 'vitest';
import { neighbourhood } from './neighbourhood.ts';
import { bigGroupCatalog, bookingCatalog } from '../../test/support/graph-catalog.ts';

describe('neighbourhood', () => {
  test('the entity at the centre, its neighbours, each relation once in its forward direction', () => {
    const catalog = bookingCatalog();
    const graph = neighbourhood(catalog.get('component:default/booking-service'), catalog.lookup);
    expect(graph.centre).toBe('component:default/booking-service');
    expect(graph.nodes[0]).toMatchObject({ id: 'component:default/booking-service', role: 'centre', title: 'Booking Service' });
    expect(graph.edges.map((e) => `${e.source} ${e.label} ${e.target}`)).toEqual([
      'component:default/booking-service owned by group:default/booking-team',
      'component:default/booking-service part of system:default/booking',
      'component:default/booking-service provides API api:default/booking-api',
      'component:default/booking-service consumes API api:default/payments-api',
      'component:default/booking-service depends on resource:default/bookings-db',
      'component:default/booking-service depends on resource:default/sms-provider',
    ]);
    expect(graph.omitted).toEqual([]);
  });

  test('inverse relations point at the centre: a system has parts, drawn as part → system "part of"', () => {
    const catalog = bookingCatalog();
    const graph = neighbourhood(catalog.get('system:default/booking'), catalog.lookup);
    const partOf = graph.edges.filter((e) => e.type === 'partOf');
    expect(partOf.map((e) => [e.source, e.target])).toEqual([
      ['system:default/booking', 'domain:default/transactions'],
      ['api:default/booking-api', 'system:default/booking'],
      ['component:default/booking-service', 'system:default/booking'],
      ['component:default/ops-console', 'system:default/booking'],
      ['resource:default/bookings-db', 'system:default/booking'],
    ]);
    expect(graph.edges.some((e) => e.type === 'hasPart' || e.type === 'ownerOf')).toBe(false);
  });

  test('a dangling target is a "missing" node with no page', () => {
    const catalog = bookingCatalog();
    const graph = neighbourhood(catalog.get('component:default/booking-service'), catalog.lookup);
    expect(graph.nodes.find((n) => n.id === 'resource:default/sms-provider')).toEqual({
      id: 'resource:default/sms-provider',
      role: 'missing',
      kind: 'Resource',
      title: 'sms-provider',
    });
  });

  test('a group with 50 members and 37 components: collapsed to at most 30 neighbours, with summary nodes', () => {
    const catalog = bigGroupCatalog(50, 37);
    const graph = neighbourhood(catalog.get('group:default/big'), catalog.lookup);
    expect(graph.nodes.length - 1).toBeLessThanOrEqual(30);
    expect(graph.nodes.find((n) => n.id === 'group:default/parent')).toBeDefined();
    expect(graph.omitted.map((o) => [o.type, o.noun])).toEqual([
      ['ownerOf', 'components'],
      ['hasMember', 'users'],
    ]);
    const shownMembers = graph.edges.filter((e) => e.type === 'memberOf' && !e.source.startsWith('more:')).length;
    const members = graph.omitted.find((o) => o.type === 'hasMember');
    expect(shownMembers + (members?.count ?? 0)).toBe(50);
    // The summary node is linked like the entities it stands for.
    expect(graph.edges).toContainEqual({ source: members?.nodeId, target: 'group:default/big', type: 'memberOf', label: 'member of' });
  });

  test('depth 2 reaches the neighbours of neighbours, still each relation once', () => {
    const catalog = bookingCatalog();
    const graph = neighbourhood(catalog.get('component:default/ops-console'), catalog.lookup, { depth: 2 });
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toContain('component:default/booking-service');
    expect(ids).toContain('domain:default/transactions');
    const keys = graph.edges.map((e) => `${e.source}|${e.type}|${e.target}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('an entity with no relations is a graph of one node and no edges', () => {
    const catalog = bookingCatalog().add('component:default/alone');
    const graph = neighbourhood(catalog.get('component:default/alone'), catalog.lookup);
    expect(graph.nodes).toHaveLength(1);
    expect(graph.edges).toEqual([]);
  });
});
