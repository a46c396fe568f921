import { describe, expect, test } from 'vitest';
import { apiFormatOf, parseApiDefinition, ParsedApiSchema, readApiDefinition } from './index.ts';
import { fixture } from '../../test/support/api-definitions.ts';

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

describe('readApiDefinition', () => {
  test('a blank definition is no definition; any other text is parsed', () => {
    expect(readApiDefinition({ type: 'openapi', definition: ' \n ' })).toBeUndefined();
    expect(readApiDefinition({ type: 'openapi', definition: 'nope' })).toMatchObject({ ok: false, format: 'openapi' });
    expect(readApiDefinition({ type: 'graphql', definition: fixture('traveller.graphql') })).toMatchObject({ ok: true, format: 'graphql' });
  });
});

describe('ParsedApiSchema', () => {
  // Portal data carries the parse to the pages: a field the schema does not know would be dropped on the way.
  test.each([
    ['openapi', 'booking-openapi.yaml'],
    ['openapi', 'petstore-openapi-3.1.yaml'],
    ['openapi', 'petstore-swagger-2.0.json'],
    ['openapi', 'search-openapi-3.1.yaml'],
    ['asyncapi', 'booking-asyncapi.yaml'],
    ['asyncapi', 'orders-asyncapi-3.0.yaml'],
    ['graphql', 'traveller.graphql'],
    ['grpc', 'pricing.proto'],
  ])('keeps every field of a parsed %s definition (%s) through JSON', (type, file) => {
    const parsed = parseApiDefinition(type, fixture(file));
    expect(parsed.ok).toBe(true);
    expect(ParsedApiSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  test('keeps a failure with its line', () => {
    const failed = parseApiDefinition('grpc', 'syntax = "proto3";\nmessage {');
    expect(ParsedApiSchema.parse(JSON.parse(JSON.stringify(failed)))).toEqual(failed);
  });
});
