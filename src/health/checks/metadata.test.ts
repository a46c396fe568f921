import { describe, expect, it } from 'vitest';
import { contextWith, entityRecord, kindsScoredBy } from '../../../test/support/health-entities.ts';
import { descriptionPresent, docsPresent, lifecycleSet, TECHDOCS_REF_DOCS } from './metadata.ts';

const context = contextWith();

describe('description-present', () => {
  it('passes with a description', () => {
    expect(descriptionPresent.run(entityRecord(), context).status).toBe('pass');
  });

  it.each([undefined, '', '   '])('fails for description %j, linking to the edit page', (description) => {
    expect(descriptionPresent.run(entityRecord({ description }), context)).toMatchObject({
      status: 'fail',
      message: '`metadata.description` is empty.',
      fix: { url: 'https://github.com/acme/shop/edit/main/catalog-info.yaml' },
    });
  });
});

describe('lifecycle-set', () => {
  it('passes with a lifecycle, naming it', () => {
    expect(lifecycleSet.run(entityRecord({ lifecycle: 'experimental' }), context)).toEqual({ status: 'pass', message: 'Lifecycle is experimental.' });
  });

  it('fails without one', () => {
    expect(lifecycleSet.run(entityRecord({ lifecycle: undefined }), context)).toMatchObject({
      status: 'fail',
      message: 'No lifecycle: `spec.lifecycle` is not set.',
    });
  });

  it('fails for "unknown" (what an inferred entity gets)', () => {
    expect(lifecycleSet.run(entityRecord({ lifecycle: 'unknown' }), context)).toMatchObject({ status: 'fail', message: 'Lifecycle is "unknown".' });
  });

  it('applies to the kinds that have one: Component, API, Template', () => {
    expect(kindsScoredBy(lifecycleSet.id)).toEqual(['api', 'component', 'template']);
  });
});

describe('docs-present', () => {
  it('passes with the TechDocs the build rendered, showing the techdocs-ref', () => {
    expect(docsPresent.run(entityRecord(), context)).toEqual({ status: 'pass', message: 'Has TechDocs (`backstage.io/techdocs-ref: dir:.`).' });
  });

  it('passes with a README published as docs, and for an API with a definition page', () => {
    expect(docsPresent.run(entityRecord({ annotations: {}, docs: { path: 'docs/default/component/web/', from: 'readme' } }), context)).toEqual({
      status: 'pass',
      message: 'Its README is published as its docs.',
    });
    expect(
      docsPresent.run(entityRecord({ kind: 'API', annotations: {}, docs: { path: 'catalog/default/api/web/definition/', from: 'api-definition' } }), context),
    ).toEqual({ status: 'pass', message: 'Its definition page documents it.' });
  });

  it('fails when a techdocs-ref is set but no docs were built from it', () => {
    expect(docsPresent.run(entityRecord({ docs: undefined }), context)).toMatchObject({
      status: 'fail',
      message: 'No docs: `backstage.io/techdocs-ref: dir:.` is set, but no docs could be built from it (see its problems).',
    });
  });

  it('fails without docs, linking to the techdocs-ref documentation', () => {
    expect(docsPresent.run(entityRecord({ docs: undefined, annotations: {} }), context)).toMatchObject({
      status: 'fail',
      message: 'No docs: no TechDocs (`backstage.io/techdocs-ref`) and no README next to its catalog file.',
      fix: { url: TECHDOCS_REF_DOCS },
    });
  });

  it('applies to Components, APIs and Systems', () => {
    expect(kindsScoredBy(docsPresent.id)).toEqual(['api', 'component', 'system']);
  });
});
