/** A small but real OpenAPI 3 document: two resources' paths and their schemas. */
import { stringify } from 'yaml';
import type { Random } from './prng.ts';
import { titleCase } from './org-names.ts';
import { objects } from './org-words.ts';

export function openApi(login: string, apiName: string, description: string, random: Random): string {
  const [first, second] = random.sample(objects, 2) as [string, string];
  const schema = (plural: string) => titleCase(plural.replace(/s$/, ''));
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const errorResponse = { description: 'The request was rejected.', content: { 'application/json': { schema: ref('Error') } } };
  const item = (plural: string) => ({
    type: 'object',
    required: ['id', 'createdAt'],
    properties: {
      id: { type: 'string', example: `${plural.slice(0, 3)}_${random.int(10_000, 99_999)}` },
      createdAt: { type: 'string', format: 'date-time' },
      status: { type: 'string', enum: ['pending', 'active', 'done'] },
      size: { type: 'integer', minimum: 0 },
    },
  });
  const doc = {
    openapi: '3.0.3',
    info: { title: titleCase(apiName), version: `${random.int(1, 4)}.${random.int(0, 12)}.${random.int(0, 9)}`, description },
    servers: [{ url: `https://${apiName}.internal.${login}.example`, description: 'Production' }],
    paths: {
      [`/v1/${first}`]: {
        get: {
          operationId: `list${schema(first)}s`,
          summary: `List ${first}`,
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100, default: 20 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: `A page of ${first}.`, content: { 'application/json': { schema: ref(`${schema(first)}Page`) } } },
            '400': errorResponse,
          },
        },
        post: {
          operationId: `create${schema(first)}`,
          summary: `Create a ${first.replace(/s$/, '')}`,
          requestBody: { required: true, content: { 'application/json': { schema: ref(schema(first)) } } },
          responses: { '201': { description: 'Created.', content: { 'application/json': { schema: ref(schema(first)) } } }, '409': errorResponse },
        },
      },
      [`/v1/${first}/{id}/${second}`]: {
        get: {
          operationId: `get${schema(first)}${schema(second)}s`,
          summary: `The ${second} of one ${first.replace(/s$/, '')}`,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'OK.', content: { 'application/json': { schema: { type: 'array', items: ref(schema(second)) } } } },
            '404': errorResponse,
          },
        },
      },
    },
    components: {
      schemas: {
        [schema(first)]: item(first),
        [`${schema(first)}Page`]: {
          type: 'object',
          required: ['items'],
          properties: { items: { type: 'array', items: ref(schema(first)) }, nextCursor: { type: 'string', nullable: true } },
        },
        [schema(second)]: item(second),
        Error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
      },
    },
  };
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
