import { describe, expect, it } from 'vitest';
import { contextWith, entityRecord } from '../../../test/support/health-entities.ts';
import { noDeprecatedDependencies } from './dependencies.ts';

const old = entityRecord({ name: 'currency-converter', lifecycle: 'deprecated' });
const legacyApi = entityRecord({ kind: 'API', name: 'legacy-api', lifecycle: 'Deprecated' });
const current = entityRecord({ kind: 'Resource', name: 'db', lifecycle: undefined });
const context = contextWith([old, legacyApi, current]);
const dependingOn = (...targets: [type: string, target: string][]) =>
  entityRecord({ relations: targets.map(([type, target]) => ({ type, target, exists: true })) });

describe('no-deprecated-dependencies', () => {
  it('passes when no dependency is deprecated', () => {
    expect(noDeprecatedDependencies.run(dependingOn(['dependsOn', 'resource:default/db']), context)).toEqual({
      status: 'pass',
      message: 'Its one dependency is not deprecated.',
    });
  });

  it('fails for a deprecated dependsOn or consumesApi target (any case), naming them', () => {
    const outcome = noDeprecatedDependencies.run(
      dependingOn(['dependsOn', 'component:default/currency-converter'], ['consumesApi', 'api:default/legacy-api'], ['dependsOn', 'resource:default/db']),
      context,
    );
    expect(outcome).toMatchObject({ status: 'fail', message: 'Depends on deprecated component:default/currency-converter, api:default/legacy-api.' });
    expect(outcome.fix?.url).toBe('https://github.com/acme/shop/edit/main/catalog-info.yaml');
  });

  it('ignores other relations to deprecated entities', () => {
    expect(noDeprecatedDependencies.run(dependingOn(['providesApi', 'api:default/legacy-api'], ['dependsOn', 'resource:default/db']), context).status).toBe(
      'pass',
    );
  });

  it('is not applicable without dependencies', () => {
    expect(noDeprecatedDependencies.run(dependingOn(['ownedBy', 'group:default/team-a']), context)).toEqual({
      status: 'not-applicable',
      message: 'Declares no dependencies or consumed APIs.',
    });
  });

  it('passes for a dangling dependency (the relation check reports it, not this one)', () => {
    expect(noDeprecatedDependencies.run(dependingOn(['dependsOn', 'resource:default/gone']), context).status).toBe('pass');
  });
});
