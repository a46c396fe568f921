import { describe, expect, it } from 'vitest';
import { apiRecord, contextWith, kindsScoredBy } from '../../../test/support/health-entities.ts';
import { apiDefinitionValid } from './api-definition.ts';

const context = contextWith();

describe('api-definition-valid', () => {
  it("passes when the build's reading of the definition parsed", () => {
    expect(
      apiDefinitionValid.run(apiRecord({ type: 'openapi', definition: 'openapi: 3.0.0\ninfo: { title: Orders, version: 1.0.0 }\npaths: {}\n' }), context),
    ).toEqual({
      status: 'pass',
      message: 'The openapi definition is valid.',
    });
  });

  it("fails with the parser's error and line, linking to the edit page", () => {
    expect(apiDefinitionValid.run(apiRecord({ type: 'grpc', definition: 'syntax = "proto3";\nmessage {' }), context)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^The grpc definition is not valid \(line 2\): ./),
      fix: { url: 'https://github.com/acme/shop/edit/main/catalog-info.yaml' },
    });
    expect(apiDefinitionValid.run(apiRecord({ type: 'openapi', definition: 'swagger: nope\n' }), context)).toMatchObject({
      status: 'fail',
      message: 'The openapi definition is not valid: `swagger: nope` is not a version Frontdoor reads (2.0, or OpenAPI 3.0/3.1)',
    });
  });

  it('fails with a blank definition or a blank type', () => {
    expect(apiDefinitionValid.run(apiRecord({ type: 'openapi', definition: '  \n' }), context)).toMatchObject({
      status: 'fail',
      message: 'No definition: `spec.definition` is empty.',
    });
    expect(apiDefinitionValid.run(apiRecord({ type: ' ', definition: 'openapi: 3.0.0' }), context)).toMatchObject({
      status: 'fail',
      message: 'No API type: `spec.type` is not set.',
    });
  });

  it('is not applicable to types Frontdoor does not read (trpc, other)', () => {
    expect(apiDefinitionValid.run(apiRecord({ type: 'trpc', definition: 'router {}' }), context)).toEqual({
      status: 'not-applicable',
      message: 'Definitions of type trpc are not checked (only openapi, asyncapi, graphql and grpc).',
    });
  });

  it('applies to APIs only', () => {
    expect(kindsScoredBy(apiDefinitionValid.id)).toEqual(['api']);
  });
});
