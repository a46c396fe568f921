/**
 * Stage entry for API definitions: the text an API entity's `spec.definition`
 * holds, turned into a model pages can render (operations, channels, types,
 * services). Pure TypeScript: the build reads each API's definition once
 * (`readApiDefinition`, from src/portal-data), and portal data carries that
 * reading to the scorecard's "API definition is valid" check and to the pages.
 *
 * In: `spec.type` and the definition text. Out: `{ ok: true, format, model }`
 * (narrow on `format` for the model's type), or `{ ok: false, error, line? }`
 * saying what is wrong, so the page shows the source as text instead. Never
 * throws, and stays bounded on hostile input (see limits.ts, nesting.ts).
 */
import { parseAsyncApi } from './asyncapi.ts';
import { parseGraphql } from './graphql.ts';
import { LIMITS } from './limits.ts';
import type { ApiFormat, ParsedApi, ParseResult } from './model.ts';
import { parseOpenApi } from './openapi.ts';
import { parseProtobuf } from './protobuf.ts';

export type * from './model.ts';
export { ParsedApiSchema } from './model.ts';
export { typeText } from './type-text.ts';

const FORMATS: Record<string, ApiFormat> = {
  openapi: 'openapi',
  asyncapi: 'asyncapi',
  graphql: 'graphql',
  grpc: 'grpc',
};

/** The format Frontdoor renders for a `spec.type`, or undefined (`other`, `trpc`, …). */
export function apiFormatOf(type: string): ApiFormat | undefined {
  const key = type.trim().toLowerCase();
  return Object.hasOwn(FORMATS, key) ? FORMATS[key] : undefined;
}

/**
 * An API entity's definition, read once per build (src/portal-data) for the
 * scorecard and the pages alike: undefined when `spec.definition` is blank
 * (the kind schema makes it a string; blank is "no definition"), else its parse.
 */
export function readApiDefinition(spec: { type: string; definition: string }): ParsedApi | undefined {
  return spec.definition.trim() === '' ? undefined : parseApiDefinition(spec.type, spec.definition);
}

/** Parse a definition according to the API's `spec.type` (`openapi`, `asyncapi`, `graphql`, `grpc`). */
export function parseApiDefinition(type: string, text: string): ParsedApi {
  const format = apiFormatOf(type);
  if (!format) {
    return {
      ok: false,
      format: 'unknown',
      error: `Frontdoor renders openapi, asyncapi, graphql and grpc definitions, and this API's spec.type is "${type.slice(0, 100)}"`,
    };
  }
  if (text.trim() === '') return { ok: false, format, error: 'the definition is empty' };
  if (text.length > LIMITS.maxDefinitionChars) {
    return {
      ok: false,
      format,
      error: `the definition is ${text.length.toLocaleString('en')} characters long; Frontdoor renders definitions up to ${LIMITS.maxDefinitionChars.toLocaleString('en')}`,
    };
  }
  try {
    switch (format) {
      case 'openapi':
        return withFormat('openapi', parseOpenApi(text));
      case 'asyncapi':
        return withFormat('asyncapi', parseAsyncApi(text));
      case 'graphql':
        return withFormat('graphql', parseGraphql(text));
      case 'grpc':
        return withFormat('grpc', parseProtobuf(text));
    }
  } catch (error) {
    // The parsers are written not to throw; this keeps a bug in one from breaking the build.
    const message = error instanceof RangeError ? 'the definition is nested too deeply to read' : error instanceof Error ? error.message : String(error);
    return { ok: false, format, error: `the definition could not be read: ${message}` };
  }
}

function withFormat<F extends ApiFormat>(format: F, result: ParseResult<Extract<ParsedApi, { ok: true; format: F }>['model']>): ParsedApi {
  if (!result.ok) return result.line === undefined ? { ok: false, format, error: result.error } : { ok: false, format, error: result.error, line: result.line };
  return { ok: true, format, model: result.model } as ParsedApi;
}
