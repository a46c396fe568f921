/**
 * API definitions of the catalog's API entities, parsed once per build and
 * shared by the entity page (summary) and the definition page (full model).
 */
import { parseApiDefinition, type ParsedApi } from '../api-docs/index.ts';
import type { EntityRecord } from '../portal-data/schema.ts';
import { apiDefinitionText, specString } from '../view/spec.ts';

export interface ApiDefinition {
  /** `spec.type` as written (`openapi`, `other`, …). */
  type: string;
  text: string;
  parsed: ParsedApi;
}

const parsedByRef = new Map<string, ApiDefinition | undefined>();

/** An API entity's definition and its parse, or undefined when the entity is not an API or has no definition. */
export function apiDefinitionOf(entity: EntityRecord): ApiDefinition | undefined {
  if (parsedByRef.has(entity.ref)) return parsedByRef.get(entity.ref);
  const text = entity.kind.toLowerCase() === 'api' ? apiDefinitionText(entity.spec) : undefined;
  const type = specString(entity.spec, 'type') ?? '';
  const definition = text === undefined || text.trim() === '' ? undefined : { type, text, parsed: parseApiDefinition(type, text) };
  parsedByRef.set(entity.ref, definition);
  return definition;
}
