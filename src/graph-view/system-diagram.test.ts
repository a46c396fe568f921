import { describe, expect, test } from 'vitest';
import { hasSystemDiagram, systemDiagram } from './system-diagram.ts';
import { TestCatalog, bookingCatalog } from '../../test/support/graph-catalog.ts';

describe('systemDiagram', () => {
  test('a system: its parts in a frame, the relations among them, its domain above', () => {
    const catalog = bookingCatalog();
    const graph = systemDiagram(catalog.get('system:default/booking'), catalog.lookup);
    expect(graph.centre).toBe('system:default/booking');
    // Components first (connected ones before the rest), then APIs, then resources.
    expect(graph.frame).toEqual({
      parts: ['component:default/booking-service', 'component:default/ops-console', 'api:default/booking-api', 'resource:default/bookings-db'],
      parents: ['domain:default/transactions'],
    });
    expect(graph.edges.map((e) => `${e.source} ${e.label} ${e.target}${e.flip ? ' (drawn above)' : ''}`).sort()).toEqual([
      'component:default/booking-service depends on resource:default/bookings-db',
      'component:default/booking-service provides API api:default/booking-api',
      'component:default/ops-console consumes API api:default/booking-api',
      'system:default/booking part of domain:default/transactions (drawn above)',
    ]);
  });

  test('relations to entities outside the system are left out (payments-api, the owner)', () => {
    const catalog = bookingCatalog();
    const graph = systemDiagram(catalog.get('system:default/booking'), catalog.lookup);
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).not.toContain('api:default/payments-api');
    expect(ids).not.toContain('group:default/booking-team');
  });

  test('a domain: its systems and subdomains, its parent domain above', () => {
    const catalog = new TestCatalog()
      .add('domain:default/travel')
      .add('domain:default/shopping')
      .add('domain:default/deals')
      .add('system:default/search')
      .add('system:default/pricing')
      .relate('domain:default/shopping', 'partOf', 'domain:default/travel')
      .relate('domain:default/deals', 'partOf', 'domain:default/shopping')
      .relate('system:default/search', 'partOf', 'domain:default/shopping')
      .relate('system:default/pricing', 'partOf', 'domain:default/shopping');
    const graph = systemDiagram(catalog.get('domain:default/shopping'), catalog.lookup);
    expect(graph.frame).toEqual({
      parts: ['system:default/pricing', 'system:default/search', 'domain:default/deals'],
      parents: ['domain:default/travel'],
    });
  });

  test('a system with 60 components and 20 APIs: at most 30 parts drawn, the rest summed up per kind, no edges to summaries', () => {
    const catalog = new TestCatalog().add('system:default/big');
    for (let i = 0; i < 60; i++) {
      const ref = `component:default/c${String(i).padStart(2, '0')}`;
      catalog.add(ref).relate(ref, 'partOf', 'system:default/big');
    }
    for (let i = 0; i < 20; i++) {
      const ref = `api:default/a${String(i).padStart(2, '0')}`;
      catalog.add(ref).relate(ref, 'partOf', 'system:default/big');
      catalog.relate(`component:default/c${String(i * 3).padStart(2, '0')}`, 'providesApi', ref);
    }
    const graph = systemDiagram(catalog.get('system:default/big'), catalog.lookup);
    expect(graph.frame?.parts.length).toBeLessThanOrEqual(30);
    expect(graph.omitted.map((o) => `${o.count} ${o.noun}`)).toEqual(['49 components', '9 APIs']);
    const summaries = new Set(graph.omitted.map((o) => o.nodeId));
    expect(graph.edges.some((e) => summaries.has(e.source) || summaries.has(e.target))).toBe(false);
    // Connected components are the ones drawn.
    expect(graph.frame?.parts.slice(0, 11).every((id) => graph.edges.some((e) => e.source === id))).toBe(true);
  });

  test('only systems and domains have one', () => {
    expect(hasSystemDiagram('System')).toBe(true);
    expect(hasSystemDiagram('domain')).toBe(true);
    expect(hasSystemDiagram('Component')).toBe(false);
  });
});
