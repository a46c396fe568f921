import { describe, expect, it } from 'vitest';
import { contextWith, entityRecord, kindsScoredBy } from '../../../test/support/health-entities.ts';
import { ownerResolves, systemSet } from './ownership.ts';

const EDIT = 'https://github.com/acme/shop/edit/main/catalog-info.yaml';

describe('owner-resolves', () => {
  it('passes when the owner is a Group in the catalog', () => {
    expect(ownerResolves.run(entityRecord(), contextWith())).toEqual({ status: 'pass', message: 'Owned by group:default/team-a.' });
  });

  it('passes for a User owner in the catalog', () => {
    const ada = entityRecord({ kind: 'User', name: 'ada', ref: 'user:default/ada' });
    expect(ownerResolves.run(entityRecord({ owner: 'user:default/ada' }), contextWith([ada])).status).toBe('pass');
  });

  it('fails when no owner is set, with a link to edit the catalog file', () => {
    expect(ownerResolves.run(entityRecord({ owner: undefined }), contextWith())).toMatchObject({
      status: 'fail',
      message: 'No owner: `spec.owner` is not set.',
      fix: { url: EDIT },
    });
  });

  it('fails when the owner is dangling, naming it', () => {
    const outcome = ownerResolves.run(entityRecord({ owner: 'group:default/payments-team' }), contextWith());
    expect(outcome).toMatchObject({ status: 'fail', message: 'Owner group:default/payments-team is not in the catalog.', fix: { url: EDIT } });
    expect(outcome.fix?.text).toMatch(/spec\.owner/);
  });

  it('fails when the owner is another kind, naming the kind', () => {
    const other = entityRecord({ name: 'cart' });
    expect(ownerResolves.run(entityRecord({ owner: 'component:default/cart' }), contextWith([other]))).toMatchObject({
      status: 'fail',
      message: 'Owner component:default/cart is a Component, not a Group or User.',
    });
  });

  it('links an inferred entity to its register page instead of an edit page', () => {
    const inferred = entityRecord({
      owner: undefined,
      origin: { kind: 'inferred', registerUrl: 'https://github.com/acme/shop/new/main?filename=catalog-info.yaml' },
    });
    expect(ownerResolves.run(inferred, contextWith()).fix).toMatchObject({
      url: 'https://github.com/acme/shop/new/main?filename=catalog-info.yaml',
      label: 'Create catalog-info.yaml',
    });
  });

  it('gives no link when the repo has no web URL', () => {
    const local = entityRecord({ owner: undefined, source: { repo: 'shop', path: 'catalog-info.yaml', document: 0, line: 1 } });
    expect(ownerResolves.run(local, contextWith()).fix?.url).toBeUndefined();
  });
});

describe('system-set', () => {
  it('passes when the system exists', () => {
    expect(systemSet.run(entityRecord(), contextWith())).toEqual({ status: 'pass', message: 'Part of system:default/shop.' });
  });

  it('fails when the system is not in the catalog', () => {
    expect(systemSet.run(entityRecord({ system: 'system:default/retired' }), contextWith())).toMatchObject({
      status: 'fail',
      message: 'System system:default/retired is not in the catalog.',
      fix: { url: EDIT },
    });
  });

  it('fails when no system is set', () => {
    expect(systemSet.run(entityRecord({ system: undefined, relations: [] }), contextWith())).toMatchObject({
      status: 'fail',
      message: 'No system: `spec.system` is not set.',
    });
  });

  it("passes for a subcomponent through its parent's system", () => {
    const web = entityRecord();
    const cart = entityRecord({ name: 'cart', system: undefined, relations: [{ type: 'partOf', target: 'component:default/web', exists: true }] });
    expect(systemSet.run(cart, contextWith([web]))).toEqual({
      status: 'pass',
      message: 'Subcomponent of component:default/web, which is part of system:default/shop.',
    });
  });

  it('applies to Components, APIs and Resources only', () => {
    expect(kindsScoredBy(systemSet.id)).toEqual(['api', 'component', 'resource']);
  });
});
