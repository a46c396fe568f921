import { describe, expect, it } from 'vitest';
import validator from '@rjsf/validator-ajv8';
import type { ExplorerEntity } from '../explorer/catalog-index.ts';
import { formDataFromQuery, initialFormData, withSingleOptionPicks } from './defaults.ts';
import { templateSteps } from './steps.ts';

const steps = templateSteps([
  {
    properties: {
      name: { type: 'string' },
      tier: { type: 'string', enum: ['1', '2'], default: '2' },
      kafka: { type: 'boolean', default: false },
      owner: { type: 'string', 'ui:field': 'OwnerPicker', 'ui:options': { catalogFilter: { kind: 'Group' } } },
    },
  },
  { properties: { repoUrl: { type: 'string', 'ui:field': 'RepoUrlPicker', 'ui:options': { allowedOwners: ['fernway'] } } } },
]);

describe('initialFormData', () => {
  it('fills every step’s defaults up front, and points the repo picker at the allowed owner', () => {
    expect(initialFormData(steps, validator, { org: 'acme' })).toEqual({ tier: '2', kafka: false, repoUrl: 'github.com?owner=fernway' });
  });

  it('keeps prefilled values over defaults', () => {
    const values = initialFormData(steps, validator, { org: 'acme', prefill: { tier: '1', name: 'x', repoUrl: 'github.com?owner=fernway&repo=x' } });
    expect(values).toMatchObject({ tier: '1', name: 'x', repoUrl: 'github.com?owner=fernway&repo=x' });
  });
});

describe('formDataFromQuery', () => {
  it('reads Backstage’s ?formData=<json> and ignores anything else', () => {
    expect(formDataFromQuery(`?formData=${encodeURIComponent('{"name":"x"}')}`)).toEqual({ name: 'x' });
    expect(formDataFromQuery('?formData=not-json')).toEqual({});
    expect(formDataFromQuery('?formData=[1]')).toEqual({});
    expect(formDataFromQuery('')).toEqual({});
  });
});

describe('withSingleOptionPicks', () => {
  const group: ExplorerEntity = { ref: 'group:default/payments', path: '', name: 'payments', kind: 'Group', namespace: 'default', tags: [] };
  it('picks the only option of an empty picker, like Backstage', () => {
    expect(withSingleOptionPicks(steps, {}, [group]).owner).toBe('group:default/payments');
    expect(withSingleOptionPicks(steps, { owner: 'group:default/other' }, [group]).owner).toBe('group:default/other');
    expect(withSingleOptionPicks(steps, {}, [group, { ...group, ref: 'group:default/b', name: 'b' }]).owner).toBeUndefined();
  });
});
