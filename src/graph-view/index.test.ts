import { describe, expect, test } from 'vitest';
import { relationGraphView, systemDiagramView } from './index.ts';
import { bigGroupCatalog, bookingCatalog } from '../../test/support/graph-catalog.ts';

const options = { href: (path: string) => `/${path}`, moreHref: '#list' };

describe('graph views', () => {
  test('relation graph: title, description, every neighbour a node, nothing left out', () => {
    const catalog = bookingCatalog();
    const view = relationGraphView(catalog.get('component:default/booking-service'), catalog.lookup, options);
    expect(view?.svg.id).toBe('rg');
    expect(view?.svg.title).toBe('Relations of Booking Service');
    expect(view?.svg.description).toMatch(/^Booking Service: owned by Booking Team;/);
    expect(view?.svg.nodes).toHaveLength(7);
    expect(view?.note).toBe('');
  });

  test('no relations, no graph', () => {
    const catalog = bookingCatalog().add('component:default/alone');
    expect(relationGraphView(catalog.get('component:default/alone'), catalog.lookup, options)).toBeUndefined();
  });

  test('a big group: collapsed, and the note says what was left out', () => {
    const catalog = bigGroupCatalog(60, 0);
    const view = relationGraphView(catalog.get('group:default/big'), catalog.lookup, options);
    expect(view?.note).toBe('Not drawn: 49 more users (has member).');
  });

  test('system diagram: for systems and domains with parts only', () => {
    const catalog = bookingCatalog();
    const view = systemDiagramView(catalog.get('system:default/booking'), catalog.lookup, options);
    expect(view?.svg.id).toBe('sd');
    expect(view?.svg.title).toBe('System diagram of Booking');
    expect(view?.svg.frame?.title).toBe('Booking');
    expect(systemDiagramView(catalog.get('component:default/booking-service'), catalog.lookup, options)).toBeUndefined();
    expect(systemDiagramView(catalog.get('domain:default/transactions'), catalog.lookup, options)?.svg.nodes.map((n) => n.title)).toEqual(['Booking']);
  });
});
