import { describe, expect, it } from 'vitest';
import { apiRecord, entityRecord } from '../../test/support/health-entities.ts';
import { apiDefinitionOf } from './api-definitions.ts';

describe('apiDefinitionOf', () => {
  it("gives the pages the build's reading of the definition, the one the scorecard checked", () => {
    const api = apiRecord({ type: 'grpc', definition: 'syntax = "proto3";\nmessage {' });
    expect(apiDefinitionOf(api)).toEqual({ type: 'grpc', text: 'syntax = "proto3";\nmessage {', parsed: api.parsedDefinition });
  });

  it('has no definition for a blank one (no definition page, "This API has no definition"), nor for other kinds', () => {
    expect(apiDefinitionOf(apiRecord({ definition: '  ' }))).toBeUndefined();
    expect(apiDefinitionOf(entityRecord())).toBeUndefined();
  });
});
