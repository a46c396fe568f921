import { describe, expect, it } from 'vitest';
import { isSupportedUiField, uiFieldsIn, unsupportedUiFields } from './custom-fields.ts';

const parameters = [
  { properties: { owner: { type: 'string', 'ui:field': 'OwnerPicker' }, name: { type: 'string', 'ui:field': 'EntityNamePicker' } } },
  {
    properties: {
      repoUrl: { type: 'string', 'ui:field': 'RepoUrlPicker' },
      mine: { type: 'string', 'ui:field': 'OwnedEntityPicker' },
      deps: { type: 'array', items: { type: 'object', properties: { ref: { type: 'string', 'ui:field': 'OwnedEntityPicker' } } } },
      token: { type: 'string', 'ui:field': 'acme:VaultPicker' },
    },
  },
];

describe('ui:field inventory', () => {
  it('lists every ui:field with the properties that use it', () => {
    expect(uiFieldsIn(parameters)).toEqual([
      { field: 'OwnerPicker', paths: ['0.owner'] },
      { field: 'EntityNamePicker', paths: ['0.name'] },
      { field: 'RepoUrlPicker', paths: ['1.repoUrl'] },
      { field: 'OwnedEntityPicker', paths: ['1.mine', '1.deps.items.ref'] },
      { field: 'acme:VaultPicker', paths: ['1.token'] },
    ]);
  });

  it('names the fields the form draws as plain fields, so the template page can say so', () => {
    expect(unsupportedUiFields(parameters).map((u) => u.field)).toEqual(['OwnedEntityPicker', 'acme:VaultPicker']);
    expect(unsupportedUiFields({ properties: { a: { type: 'string' } } })).toEqual([]);
  });

  it('knows the four fields it draws', () => {
    expect(['OwnerPicker', 'EntityPicker', 'RepoUrlPicker', 'EntityNamePicker'].every(isSupportedUiField)).toBe(true);
    expect(isSupportedUiField('MultiEntityPicker')).toBe(false);
  });
});
