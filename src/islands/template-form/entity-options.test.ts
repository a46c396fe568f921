import { describe, expect, it } from 'vitest';
import type { ExplorerEntity } from '../explorer/catalog-index.ts';
import { completeEntityRef, entityPickerModel, findOption, humanizeEntityRef } from './entity-options.ts';

const e = (kind: string, name: string, extra: Partial<ExplorerEntity> = {}): ExplorerEntity => ({
  ref: `${kind.toLowerCase()}:${extra.namespace ?? 'default'}/${name}`,
  path: '',
  name,
  kind,
  namespace: 'default',
  tags: [],
  ...extra,
});

const catalog = [
  e('Group', 'payments', { type: 'team', title: 'Payments team' }),
  e('Group', 'platform', { type: 'department' }),
  e('User', 'ada'),
  e('System', 'booking', { owner: 'group:default/payments' }),
  e('Component', 'web', { type: 'website', owner: 'group:default/platform', tags: ['frontend'] }),
  e('API', 'booking-api', { type: 'openapi', namespace: 'travel', ref: 'api:travel/booking-api' }),
];
const refs = (model: { options: { ref: string }[] }) => model.options.map((o) => o.ref);

describe('entityPickerModel', () => {
  it('OwnerPicker offers groups and users by default, groups without their kind', () => {
    const model = entityPickerModel(catalog, 'OwnerPicker', undefined);
    expect(refs(model).sort()).toEqual(['group:default/payments', 'group:default/platform', 'user:default/ada']);
    expect(model.options.map((o) => o.label)).toEqual(['Payments team (payments)', 'platform', 'user:ada']);
    expect(model.defaultKind).toBe('Group');
  });

  it('honours catalogFilter: values are any-of, keys all-of, case-insensitive', () => {
    expect(refs(entityPickerModel(catalog, 'OwnerPicker', { catalogFilter: { kind: 'group', 'spec.type': 'team' } }))).toEqual(['group:default/payments']);
    expect(refs(entityPickerModel(catalog, 'EntityPicker', { catalogFilter: { kind: ['Component', 'API'] } })).sort()).toEqual([
      'api:travel/booking-api',
      'component:default/web',
    ]);
  });

  it('a list of filters matches when any does; exists and owner refs work', () => {
    const model = entityPickerModel(catalog, 'EntityPicker', { catalogFilter: [{ kind: 'System' }, { 'metadata.tags': 'frontend' }] });
    expect(refs(model).sort()).toEqual(['component:default/web', 'system:default/booking']);
    expect(refs(entityPickerModel(catalog, 'EntityPicker', { catalogFilter: { 'spec.owner': 'payments' } }))).toEqual(['system:default/booking']);
    expect(refs(entityPickerModel(catalog, 'EntityPicker', { catalogFilter: { 'spec.owner': { exists: true } } })).sort()).toEqual([
      'component:default/web',
      'system:default/booking',
    ]);
  });

  it('supports the deprecated allowedKinds', () => {
    expect(refs(entityPickerModel(catalog, 'EntityPicker', { allowedKinds: ['User'] }))).toEqual(['user:default/ada']);
  });

  it('reports filter keys catalog.json cannot answer instead of hiding every entity', () => {
    const model = entityPickerModel(catalog, 'EntityPicker', {
      catalogFilter: { kind: 'System', 'metadata.annotations.backstage.io/techdocs-ref': { exists: true } },
    });
    expect(refs(model)).toEqual(['system:default/booking']);
    expect(model.ignoredFilterKeys).toEqual(['metadata.annotations.backstage.io/techdocs-ref']);
  });

  it('allows arbitrary values unless the template says no', () => {
    expect(entityPickerModel(catalog, 'EntityPicker', {}).allowArbitraryValues).toBe(true);
    expect(entityPickerModel(catalog, 'EntityPicker', { allowArbitraryValues: false }).allowArbitraryValues).toBe(false);
  });
});

describe('refs', () => {
  it('completes a typed ref the way Backstage does on blur', () => {
    expect(completeEntityRef('payments', { defaultKind: 'Group' })).toBe('group:default/payments');
    expect(completeEntityRef('User:Ada', { defaultKind: 'Group' })).toBe('user:default/Ada');
    expect(completeEntityRef('travel/booking', { defaultKind: 'System', defaultNamespace: 'x' })).toBe('system:travel/booking');
    expect(completeEntityRef('no-kind', {})).toBe('no-kind');
  });

  it('humanizes refs leaving out the default kind and namespace', () => {
    expect(humanizeEntityRef({ kind: 'Group', namespace: 'default', name: 'a' }, { defaultKind: 'group' })).toBe('a');
    expect(humanizeEntityRef({ kind: 'API', namespace: 'travel', name: 'b' }, {})).toBe('api:travel/b');
  });

  it('finds the option for a stored value regardless of case', () => {
    const { options } = entityPickerModel(catalog, 'OwnerPicker', undefined);
    expect(findOption(options, 'Group:default/Payments')?.label).toBe('Payments team (payments)');
    expect(findOption(options, 'group:default/nobody')).toBeUndefined();
  });
});
