import { describe, expect, test } from 'vitest';
import { apiFormatOf, parseApiDefinition } from './index.ts';
import { fixture } from './test-helpers.ts';

describe('parseApiDefinition', () => {
  test('dispatches on spec.type (any case) and narrows the model by format', () => {
    const parsed = parseApiDefinition('OpenAPI', fixture('booking-openapi.yaml'));
    expect(parsed).toMatchObject({ ok: true, format: 'openapi' });
    if (parsed.ok && parsed.format === 'openapi') expect(parsed.model.operationCount).toBe(5);
    expect(parseApiDefinition('asyncapi', fixture('booking-asyncapi.yaml'))).toMatchObject({ ok: true, format: 'asyncapi' });
    expect(parseApiDefinition('graphql', fixture('traveller.graphql'))).toMatchObject({ ok: true, format: 'graphql' });
    expect(parseApiDefinition('grpc', fixture('pricing.proto'))).toMatchObject({ ok: true, format: 'grpc' });
  });

  test('unknown types are not parsed, and say so', () => {
    expect(apiFormatOf('trpc')).toBeUndefined();
    expect(parseApiDefinition('other', 'anything')).toEqual({
      ok: false,
      format: 'unknown',
      error: 'Frontdoor renders openapi, asyncapi, graphql and grpc definitions, and this API\'s spec.type is "other"',
    });
  });

  test('failures keep the format and the line', () => {
    expect(parseApiDefinition('grpc', 'syntax = "proto3";\nmessage {')).toMatchObject({ ok: false, format: 'grpc', line: 2 });
    expect(parseApiDefinition('graphql', '   \n')).toEqual({ ok: false, format: 'graphql', error: 'the definition is empty' });
    expect(parseApiDefinition('openapi', 'x'.repeat(2_000_001))).toMatchObject({ ok: false, error: expect.stringMatching(/2,000,001 characters long/) });
  });

  test('a definition of the wrong format fails with what was expected', () => {
    expect(parseApiDefinition('openapi', fixture('booking-asyncapi.yaml'))).toMatchObject({ ok: false, error: expect.stringMatching(/no `openapi` field/) });
    expect(parseApiDefinition('graphql', fixture('pricing.proto'))).toMatchObject({ ok: false, error: expect.stringMatching(/^GraphQL syntax error/) });
  });
});
