/**
 * An API entity's definition as the entity page (summary) and the definition
 * page (full model) show it: the text, and the reading the build made of it
 * once (src/portal-data), which its scorecard checked. Pages never parse.
 */
import type { ParsedApi } from '../api-docs/index.ts';
import type { EntityRecord } from '../entity-record/schema.ts';

export interface ApiDefinition {
  /** `spec.type` as written (`openapi`, `other`, …); empty when blank. */
  type: string;
  text: string;
  parsed: ParsedApi;
}

/** An API entity's definition and its parse, or undefined when the entity is not an API or has no definition. */
export function apiDefinitionOf(entity: EntityRecord): ApiDefinition | undefined {
  if (entity.kind !== 'API' || !entity.parsedDefinition) return undefined;
  const { type, definition } = entity.spec;
  return { type: type.trim() === '' ? '' : type, text: definition, parsed: entity.parsedDefinition };
}
