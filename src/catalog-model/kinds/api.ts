import { z } from 'zod';
import { lifecycle, owner, system, text } from '../fields.ts';
import { ownerField, systemField } from '../relations.ts';
import { BACKSTAGE_API_VERSIONS, type KindDefinition } from './definition.ts';

export const ApiSpecSchema = z.looseObject({
  type: text('The API format: `openapi`, `asyncapi`, `graphql`, `grpc`, …', 'openapi'),
  lifecycle: lifecycle(),
  owner: owner('API'),
  system: system('API').optional(),
  definition: text(
    'The API definition as text, usually loaded from a file in the same repo: `definition: {$text: ./openapi.yaml}`.',
    '{ $text: ./openapi.yaml }',
  ),
});

export const apiKind: KindDefinition<'API', typeof ApiSpecSchema> = {
  kind: 'API',
  apiVersions: BACKSTAGE_API_VERSIONS,
  spec: ApiSpecSchema,
  description: 'An interface a component provides: OpenAPI, AsyncAPI, GraphQL, gRPC…',
  relationFields: [ownerField, systemField],
};
