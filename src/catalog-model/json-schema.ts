/**
 * The JSON Schema of catalog-info.yaml for editors (yaml-language-server,
 * VS Code's YAML extension), generated from the same zod schemas the validator
 * uses. Format rules ride along as `pattern`s; what JSON Schema cannot say
 * (Backstage's ref parsing, cross-entity checks) stays in `npm run validate`.
 */
import { z } from 'zod';
import { builtinKinds, type KindDefinition } from './kinds/index.ts';
import { MetadataSchema } from './metadata.ts';

export const CATALOG_SCHEMA_ID = 'https://frontdoor.dev/schema/catalog-info.schema.json';

function entitySchema(def: KindDefinition) {
  return z
    .strictObject({
      apiVersion: z.enum(def.apiVersions as [string, ...string[]]),
      kind: z.literal(def.kind),
      metadata: MetadataSchema,
      spec: def.spec,
    })
    .meta({ title: def.kind, description: def.description });
}

type JsonSchema = z.core.JSONSchema.JSONSchema;

const placeholder: JsonSchema = {
  type: 'object',
  description: 'Replaced by the content of a file in the same repository, relative to this file.',
  minProperties: 1,
  maxProperties: 1,
  properties: {
    $text: { type: 'string', description: 'The file as text.' },
    $json: { type: 'string', description: 'The file parsed as JSON.' },
    $yaml: { type: 'string', description: 'The file parsed as YAML (one document).' },
  },
  additionalProperties: false,
};

export function catalogJsonSchema(): Record<string, unknown> {
  const union = z.union(builtinKinds.map(entitySchema) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  const schema = z.toJSONSchema(union, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  // Backstage substitutes placeholders before validating; editors see the raw file, so let
  // the field people load from files (an API's definition) be a placeholder too.
  const apiSpec = propertySchema(
    schema.anyOf?.find((s) => propertySchema(s, 'kind')?.const === 'API'),
    'spec',
  );
  const definition = propertySchema(apiSpec, 'definition');
  if (apiSpec?.properties && definition) apiSpec.properties['definition'] = { anyOf: [definition, placeholder], description: definition.description };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CATALOG_SCHEMA_ID,
    title: 'Backstage catalog entity (catalog-info.yaml)',
    description: "One document of a catalog-info.yaml file, as Backstage and Frontdoor accept it. Generated from Frontdoor's zod schemas.",
    anyOf: schema.anyOf,
    ...(schema['definitions'] ? { definitions: schema['definitions'] } : {}),
  };
}

/** The schema of an object schema's property `name`, when it declares one (a `true`/`false` schema is not one). */
function propertySchema(schema: JsonSchema | undefined, name: string): JsonSchema | undefined {
  const property = schema?.properties?.[name];
  return typeof property === 'object' ? property : undefined;
}
