import { describe, expect, test } from 'vitest';
import { edgeLabel, forwardEdge, kindName, pluralKind, targetNode } from './graph-model.ts';
import { bookingCatalog } from '../../test/support/graph-catalog.ts';

describe('forwardEdge', () => {
  test('keeps a forward relation as it is', () => {
    expect(forwardEdge('component:default/a', 'ownedBy', 'group:default/t')).toEqual({
      source: 'component:default/a',
      target: 'group:default/t',
      type: 'ownedBy',
      label: 'owned by',
    });
  });

  test('turns every inverse type around: B ownerOf A is drawn as A → B "owned by"', () => {
    const pairs = [
      ['ownerOf', 'ownedBy'],
      ['hasPart', 'partOf'],
      ['apiProvidedBy', 'providesApi'],
      ['apiConsumedBy', 'consumesApi'],
      ['dependencyOf', 'dependsOn'],
      ['parentOf', 'childOf'],
      ['hasMember', 'memberOf'],
    ];
    for (const [inverse, forward] of pairs) {
      const edge = forwardEdge('b', inverse!, 'a');
      expect(edge, inverse).toMatchObject({ source: 'a', target: 'b', type: forward });
    }
  });

  test('draws an unknown relation type from the entity, labelled with its name', () => {
    expect(forwardEdge('a', 'mentors', 'b')).toEqual({ source: 'a', target: 'b', type: 'mentors', label: 'mentors' });
  });
});

describe('labels and kinds', () => {
  test('edge labels are lowercase but keep acronyms', () => {
    expect(edgeLabel('providesApi')).toBe('provides API');
    expect(edgeLabel('memberOf')).toBe('member of');
  });

  test('kinds are spelled as the catalog spells them, plurals read naturally', () => {
    expect(kindName('api')).toBe('API');
    expect(kindName('component')).toBe('Component');
    expect(kindName('widget')).toBe('Widget');
    expect(pluralKind('API')).toBe('APIs');
    expect(pluralKind('Component')).toBe('components');
    expect(pluralKind(undefined)).toBe('entities');
  });

  test('a dangling ref becomes a "missing" node named by its short ref, with no page', () => {
    const catalog = bookingCatalog();
    expect(targetNode('resource:default/sms-provider', catalog.lookup)).toEqual({
      id: 'resource:default/sms-provider',
      role: 'missing',
      kind: 'Resource',
      title: 'sms-provider',
    });
    expect(targetNode('resource:ops/queue', catalog.lookup).title).toBe('ops/queue');
    expect(targetNode('api:default/booking-api', catalog.lookup)).toMatchObject({
      role: 'entity',
      title: 'Booking API',
      path: 'catalog/default/api/booking-api/',
    });
  });
});
