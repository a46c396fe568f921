import { describe, expect, it } from 'vitest';
import { entityRecord } from '../../test/support/health-entities.ts';
import { locationTargets, profileOf, templateParameterTitles, templateSteps } from './spec.ts';

const template = (spec: Partial<Parameters<typeof templateSteps>[0]>) => templateSteps({ type: 'service', steps: [], ...spec });

describe('what entity pages print from a spec', () => {
  it("shows a Template's steps without blank ids, names or actions", () => {
    expect(template({ steps: [{ id: 'fetch', name: ' ', action: 'fetch:template' }, { action: '  ' }] })).toEqual([
      { id: 'fetch', name: undefined, action: 'fetch:template' },
      { id: undefined, name: undefined, action: undefined },
    ]);
  });

  it("titles a Template's parameter pages, one page or a list, `Step <n>` where a page has no printable title", () => {
    expect(templateParameterTitles({ type: 'service', steps: [], parameters: { title: 'Name the service' } })).toEqual(['Name the service']);
    expect(
      templateParameterTitles({ type: 'service', steps: [], parameters: [{ title: 'Basics' }, { title: ' ' }, { title: 2 }, { title: { nested: true } }] }),
    ).toEqual(['Basics', 'Step 2', '2', 'Step 4']);
    expect(templateParameterTitles({ type: 'service', steps: [] })).toEqual([]);
  });

  it("lists a Location's target, then its targets, blank ones left out", () => {
    expect(locationTargets({ target: './a.yaml', targets: ['./b.yaml', ' '] })).toEqual(['./a.yaml', './b.yaml']);
    expect(locationTargets({})).toEqual([]);
  });

  it('reads a profile from Groups and Users only', () => {
    expect(profileOf(entityRecord({ kind: 'User', spec: { memberOf: [], profile: { displayName: 'Ada' } } }))).toEqual({ displayName: 'Ada' });
    expect(profileOf(entityRecord({ spec: { type: 'service', lifecycle: 'production', profile: { displayName: 'Not a profile' } } }))).toBeUndefined();
  });
});
