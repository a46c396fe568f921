import { describe, expect, test } from 'vitest';
import { diffCatalogs, isEmptyChange } from './diff.ts';
import { LISTED_PER_CHANGE } from './schema.ts';
import { component } from '../../test/support/backstage-entities.ts';

describe('diffCatalogs', () => {
  test('the same catalog: nothing changed, whatever uid, etag, relations or order say', () => {
    const before = [component('a'), component('b')];
    const after = [
      component('b', { metadata: { etag: 'other' } }),
      { ...component('a', { metadata: { uid: 'other' } }), relations: [{ type: 'ownedBy', targetRef: 'group:default/team-b' }] },
    ];
    const changes = diffCatalogs(before, after);
    expect(isEmptyChange(changes)).toBe(true);
    expect(changes.counts).toEqual({ added: 0, removed: 0, changed: 0, before: 2, after: 2 });
  });

  test('lists added and removed entities by ref, with their title', () => {
    const changes = diffCatalogs([component('old'), component('kept')], [component('kept'), component('new', { metadata: { title: 'New one' } })]);
    expect(changes.added).toEqual([{ ref: 'component:default/new', kind: 'Component', namespace: 'default', name: 'new', title: 'New one' }]);
    expect(changes.removed).toEqual([{ ref: 'component:default/old', kind: 'Component', namespace: 'default', name: 'old' }]);
    expect(changes.changed).toEqual([]);
  });

  test('an owner change names the field, the old and the new value', () => {
    const changes = diffCatalogs([component('a')], [component('a', { spec: { owner: 'team-b' } })]);
    expect(changes.changed).toEqual([
      { ref: 'component:default/a', kind: 'Component', namespace: 'default', name: 'a', changes: [{ field: 'spec.owner', from: 'team-a', to: 'team-b' }] },
    ]);
  });

  test('annotations and labels are compared key by key; added and removed fields have one side', () => {
    const changes = diffCatalogs(
      [component('a', { metadata: { description: 'Old.' } })],
      [
        component('a', {
          metadata: { annotations: { 'github.com/project-slug': 'acme/renamed', 'backstage.io/techdocs-ref': 'dir:.' } },
          spec: { system: 'shop' },
        }),
      ],
    );
    expect(changes.changed[0]?.changes).toEqual([
      { field: 'metadata.annotations[backstage.io/techdocs-ref]', to: 'dir:.' },
      { field: 'metadata.annotations[github.com/project-slug]', from: 'acme/a', to: 'acme/renamed' },
      { field: 'metadata.description', from: 'Old.' },
      { field: 'spec.system', to: 'shop' },
    ]);
  });

  test('a long value (an API definition) is named without its text; a list change without values', () => {
    const long = 'x'.repeat(5000);
    const changes = diffCatalogs(
      [component('a', { spec: { definition: long, providesApis: ['x'] } })],
      [component('a', { spec: { definition: `${long}y`, providesApis: ['y'] } })],
    );
    expect(changes.changed[0]?.changes).toEqual([{ field: 'spec.definition' }, { field: 'spec.providesApis' }]);
  });

  test(`lists at most ${LISTED_PER_CHANGE} of each, and counts them all`, () => {
    const many = Array.from({ length: LISTED_PER_CHANGE + 5 }, (_, i) => component(`c${String(i).padStart(4, '0')}`));
    const changes = diffCatalogs([], many);
    expect(changes.added).toHaveLength(LISTED_PER_CHANGE);
    expect(changes.counts.added).toBe(LISTED_PER_CHANGE + 5);
    expect(changes.added[0]?.name).toBe('c0000');
  });
});
