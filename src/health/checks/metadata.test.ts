import { describe, expect, it } from 'vitest';
import { contextWith, entityRecord } from '../test-entities.ts';
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
    expect(lifecycleSet.run(entityRecord({ lifecycle: undefined }), context)).toMatchObject({ status: 'fail', message: 'No lifecycle: `spec.lifecycle` is not set.' });
  });

  it('fails for "unknown" (what an inferred entity gets)', () => {
    expect(lifecycleSet.run(entityRecord({ lifecycle: 'unknown' }), context)).toMatchObject({ status: 'fail', message: 'Lifecycle is "unknown".' });
  });

  it('applies to the kinds that have one: Component, API, Template', () => {
    expect(lifecycleSet.kinds).toEqual(['component', 'api', 'template']);
  });
});

describe('docs-present', () => {
  it('passes with a techdocs-ref, showing it', () => {
    expect(docsPresent.run(entityRecord(), context)).toEqual({ status: 'pass', message: 'Has TechDocs (`backstage.io/techdocs-ref: dir:.`).' });
  });

  it('fails without one, linking to the techdocs-ref documentation', () => {
    expect(docsPresent.run(entityRecord({ hasDocs: false, annotations: {} }), context)).toMatchObject({
      status: 'fail',
      fix: { url: TECHDOCS_REF_DOCS },
    });
  });

  it('applies to Components, APIs and Systems', () => {
    expect(docsPresent.kinds).toEqual(['component', 'api', 'system']);
  });
});
