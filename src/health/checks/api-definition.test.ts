import { describe, expect, it } from 'vitest';
import { scoreEntities } from '../index.ts';
import { contextWith, entityRecord, NOW } from '../test-entities.ts';
import { apiDefinitionValid } from './api-definition.ts';

const api = (spec: Record<string, unknown>) => entityRecord({ kind: 'API', name: 'orders-api', spec });
const context = contextWith();

describe('api-definition-valid', () => {
  it('passes when parseApiDefinition says ok', () => {
    expect(apiDefinitionValid.run(api({ type: 'openapi', definition: 'openapi: 3.0.0\ninfo: {}\n' }), context)).toEqual({
      status: 'pass',
      message: 'The openapi definition is valid.',
    });
  });

  it("fails with the parser's error and line", () => {
    expect(apiDefinitionValid.run(api({ type: 'openapi', definition: 'swagger: nope\n' }), context)).toMatchObject({
      status: 'fail',
      message: 'The openapi definition is not valid (line 2): expected an `openapi` field',
      fix: { url: 'https://github.com/acme/shop/edit/main/catalog-info.yaml' },
    });
  });

  it('gives an inline (mapping) definition to the parser as JSON text', () => {
    let seen = '';
    const spy = contextWith([], { parseApi: (_type, text) => ((seen = text), { ok: true as const }) });
    expect(apiDefinitionValid.run(api({ type: 'openapi', definition: { openapi: '3.0.0' } }), spy).status).toBe('pass');
    expect(JSON.parse(seen)).toEqual({ openapi: '3.0.0' });
  });

  it('fails without a definition or without a type', () => {
    expect(apiDefinitionValid.run(api({ type: 'openapi' }), context)).toMatchObject({ status: 'fail', message: 'No definition: `spec.definition` is empty.' });
    expect(apiDefinitionValid.run(api({ type: 'openapi', definition: '  ' }), context)).toMatchObject({ status: 'fail' });
    expect(apiDefinitionValid.run(api({ definition: 'openapi: 3.0.0' }), context)).toMatchObject({ status: 'fail', message: 'No API type: `spec.type` is not set.' });
  });

  it('turns a parser that throws into a failure instead of a failed build', () => {
    const throwing = contextWith([], { parseApi: () => { throw new Error('boom'); } });
    expect(apiDefinitionValid.run(api({ type: 'grpc', definition: 'syntax = "proto3";' }), throwing)).toMatchObject({ status: 'fail', message: 'The grpc definition is not valid: boom' });
  });

  it('is not applicable to types Frontdoor does not read (trpc, other)', () => {
    expect(apiDefinitionValid.run(api({ type: 'trpc', definition: 'router {}' }), context)).toEqual({
      status: 'not-applicable',
      message: 'Definitions of type trpc are not checked (only openapi, asyncapi, graphql and grpc).',
    });
  });

  it('uses the real parseApiDefinition through scoreEntities by default', () => {
    const { scorecards } = scoreEntities({ entities: [api({ type: 'openapi', definition: 'openapi: [' })], diagnostics: [], now: NOW, staleAfterDays: 180 });
    expect(scorecards.get('api:default/orders-api')?.checks.find((c) => c.id === 'api-definition-valid')?.status).toBe('fail');
  });

  it('applies to APIs only', () => {
    expect(apiDefinitionValid.kinds).toEqual(['api']);
  });
});
