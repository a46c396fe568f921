/**
 * OpenAPI 3.0/3.1 and Swagger 2.0 (YAML or JSON) → `OpenApiModel`: info,
 * servers, operations grouped by tag, and the named schemas. Only local
 * `#/…` refs are followed (see schema-refs.ts); Swagger 2.0's body and
 * formData parameters become request bodies, as in OpenAPI 3.
 */
import { idFactory, type IdFactory } from './ids.ts';
import { LIMITS } from './limits.ts';
import type { Example, OpenApiContent, OpenApiModel, OpenApiOperation, OpenApiParameter, OpenApiResponse, OpenApiTagGroup, ParseResult } from './model.ts';
import { clip, compact, entries, field, isRecord, isTrue, list, record, text, type JsonRecord } from './read.ts';
import { describeNamedSchemas, enumOf, propertiesOf, typeOf } from './schema-describe.ts';
import { exampleFrom, exampleText } from './schema-example.ts';
import { deref, pointerTo, resolvedRecord, schemaContext, type SchemaContext } from './schema-refs.ts';
import { parseStructuredText } from './structured-text.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Method = (typeof METHODS)[number];

interface Reader {
  ctx: SchemaContext;
  ids: IdFactory;
  /** Swagger 2.0: media types from `consumes`/`produces`. */
  v2: boolean;
  consumes: string[];
  produces: string[];
}

export function parseOpenApi(source: string): ParseResult<OpenApiModel> {
  const parsed = parseStructuredText(source);
  if (!parsed.ok) return parsed;
  const doc = parsed.model;
  if (!isRecord(doc))
    return { ok: false, error: 'the document is not a mapping; an OpenAPI definition starts with `openapi: 3.x` (or `swagger: "2.0"`) and `info`' };
  const openapi = text(doc, 'openapi');
  const swagger = text(doc, 'swagger');
  if (!openapi && !swagger) return { ok: false, error: 'the document has no `openapi` field (or `swagger` for 2.0), so it is not an OpenAPI definition' };
  if (openapi && !/^3\.[01]\b/.test(openapi))
    return { ok: false, error: `\`openapi: ${openapi}\` is not a version Frontdoor reads (3.0, 3.1, or Swagger 2.0)` };
  if (!openapi && swagger && !/^2\.0\b/.test(swagger))
    return { ok: false, error: `\`swagger: ${swagger}\` is not a version Frontdoor reads (2.0, or OpenAPI 3.0/3.1)` };
  const v2 = !openapi;

  const ctx = schemaContext(doc);
  const ids = idFactory();
  const schemaBase = v2 ? '#/definitions' : '#/components/schemas';
  const schemaMap = v2 ? field(doc, 'definitions') : field(record(doc, 'components'), 'schemas');
  const schemaEntries = entries(schemaMap, LIMITS.maxSchemas).map(([name, schema]): [string, unknown, string] => {
    const id = ids('schema', name);
    ctx.named.set(pointerTo(schemaBase, name), { name, id });
    return [name, schema, id];
  });
  if (isRecord(schemaMap) && Object.keys(schemaMap).length > LIMITS.maxSchemas) ctx.notices.add(`Only the first ${LIMITS.maxSchemas} schemas are shown.`);

  const reader: Reader = { ctx, ids, v2, consumes: strings(doc, 'consumes'), produces: strings(doc, 'produces') };
  const { groups, operationCount } = readOperations(reader, doc);
  const info = record(doc, 'info');
  const model: OpenApiModel = {
    label: v2 ? `Swagger ${swagger}` : `OpenAPI ${openapi}`,
    specVersion: (v2 ? swagger : openapi) ?? '',
    info: compact({ title: text(info, 'title'), version: text(info, 'version'), summary: text(info, 'summary'), description: clip(text(info, 'description')) }),
    servers: v2
      ? swaggerServers(doc)
      : list(doc, 'servers')
          .slice(0, 20)
          .filter(isRecord)
          .flatMap((s) => {
            const url = text(s, 'url');
            return url ? [compact({ url, description: text(s, 'description') })] : [];
          }),
    groups,
    schemas: describeNamedSchemas(ctx, schemaEntries),
    operationCount,
    notices: [],
  };
  model.notices = [...ctx.notices];
  return { ok: true, model };
}

function readOperations(reader: Reader, doc: JsonRecord): { groups: OpenApiTagGroup[]; operationCount: number } {
  const byTag = new Map<string, OpenApiOperation[]>();
  const declared = list(doc, 'tags').filter(isRecord);
  for (const tag of declared) {
    const name = text(tag, 'name');
    if (name && !byTag.has(name)) byTag.set(name, []);
  }
  let count = 0;
  let total = 0;
  // Every path is counted (the text is size-capped), only the first operations are read.
  for (const [path, rawItem] of entries(field(doc, 'paths'), Number.MAX_SAFE_INTEGER)) {
    const item = resolvedRecord(reader.ctx, rawItem);
    if (!item) continue;
    // Methods in the order the document lists them, as its author grouped them.
    for (const method of Object.keys(item).filter((key): key is Method => (METHODS as readonly string[]).includes(key))) {
      const op = record(item, method);
      if (!op) continue;
      total++;
      if (count >= LIMITS.maxOperations) continue;
      count++;
      const operation = readOperation(reader, path, method, item, op);
      const tag = list(op, 'tags').find((t): t is string => typeof t === 'string' && t.trim() !== '') ?? '';
      const group = byTag.get(tag);
      if (group) group.push(operation);
      else byTag.set(tag, [operation]);
    }
  }
  if (total > count) reader.ctx.notices.add(`Only the first ${LIMITS.maxOperations} of ${total} operations are shown.`);
  const groups: OpenApiTagGroup[] = [];
  for (const [name, operations] of byTag) {
    if (operations.length === 0 || name === '') continue;
    const description = text(
      declared.find((t) => text(t, 'name') === name),
      'description',
    );
    groups.push(compact({ name, id: reader.ids('tag', name), description, operations }));
  }
  const untagged = byTag.get('');
  if (untagged && untagged.length > 0) groups.push({ name: '', id: reader.ids('tag', 'other'), operations: untagged });
  return { groups, operationCount: count };
}

function readOperation(reader: Reader, path: string, method: string, item: JsonRecord, op: JsonRecord): OpenApiOperation {
  const operationId = text(op, 'operationId');
  const operation: OpenApiOperation = {
    id: reader.ids('op', operationId ?? `${method}-${path}`),
    method,
    path,
    deprecated: isTrue(op, 'deprecated'),
    parameters: [],
    responses: [],
  };
  if (operationId) operation.operationId = operationId;
  const summary = text(op, 'summary');
  if (summary) operation.summary = summary;
  const description = clip(text(op, 'description'));
  if (description) operation.description = description;

  // Operation parameters override path-level ones with the same name and location.
  const byKey = new Map<string, JsonRecord>();
  for (const raw of [...list(item, 'parameters'), ...list(op, 'parameters')].slice(0, LIMITS.maxParameters * 2)) {
    const param = resolvedRecord(reader.ctx, raw);
    const name = text(param, 'name');
    if (param && name) byKey.set(`${text(param, 'in') ?? ''}:${name}`, param);
  }
  const params = [...byKey.values()].slice(0, LIMITS.maxParameters);
  const body = params.find((p) => text(p, 'in') === 'body');
  const form = params.filter((p) => text(p, 'in') === 'formData');
  operation.parameters = params.filter((p) => p !== body && !form.includes(p)).map((p) => readParameter(reader, p));

  if (reader.v2) {
    const consumes = strings(op, 'consumes').length > 0 ? strings(op, 'consumes') : reader.consumes;
    if (body) operation.requestBody = swaggerBody(reader, body, consumes);
    else if (form.length > 0) operation.requestBody = swaggerForm(reader, form, consumes);
  } else {
    const requestBody = resolvedRecord(reader.ctx, field(op, 'requestBody'));
    if (requestBody) {
      operation.requestBody = compact({
        required: isTrue(requestBody, 'required'),
        description: clip(text(requestBody, 'description')),
        contents: contents(reader, record(requestBody, 'content')),
      });
    }
  }
  const produces = strings(op, 'produces').length > 0 ? strings(op, 'produces') : reader.produces;
  operation.responses = entries(field(op, 'responses'), LIMITS.maxResponses).map(([status, raw]) => readResponse(reader, status, raw, produces));
  return operation;
}

function readParameter(reader: Reader, p: JsonRecord): OpenApiParameter {
  // Swagger 2.0 describes the type on the parameter itself; OpenAPI 3 in `schema` (or in `content`).
  const schema = reader.v2 ? p : (field(p, 'schema') ?? field(Object.values(record(p, 'content') ?? {})[0], 'schema'));
  const parameter: OpenApiParameter = {
    name: text(p, 'name') ?? '',
    in: text(p, 'in') ?? '',
    required: isTrue(p, 'required') || text(p, 'in') === 'path',
    deprecated: isTrue(p, 'deprecated'),
    type: schema === undefined ? [{ text: 'any' }] : typeOf(reader.ctx, schema),
  };
  const description = clip(text(p, 'description'));
  if (description) parameter.description = description;
  const found = deref(reader.ctx, schema, new Set());
  const values = found.kind === 'value' ? enumOf(reader.ctx, found.value) : undefined;
  if (values) parameter.enum = values;
  const example = field(p, 'example') ?? field(found.kind === 'value' ? found.value : undefined, 'example');
  if (example !== undefined) parameter.example = exampleText(example);
  return parameter;
}

function readResponse(reader: Reader, status: string, raw: unknown, produces: string[]): OpenApiResponse {
  const r = resolvedRecord(reader.ctx, raw);
  const response: OpenApiResponse = { status, headers: [], contents: [] };
  const description = clip(text(r, 'description'));
  if (description) response.description = description;
  response.headers = entries(field(r, 'headers'), LIMITS.maxParameters).map(([name, rawHeader]) => {
    const h = resolvedRecord(reader.ctx, rawHeader);
    return compact({ name, type: typeOf(reader.ctx, reader.v2 ? h : field(h, 'schema')), description: clip(text(h, 'description')) });
  });
  if (reader.v2) {
    const schema = field(r, 'schema');
    const given = record(r, 'examples');
    const types = produces.length > 0 ? produces : ['application/json'];
    if (schema !== undefined || given) {
      response.contents = types.slice(0, LIMITS.maxMediaTypes).map((mediaType) => {
        const example = field(given, mediaType);
        return content(reader, mediaType, schema, example === undefined ? [] : [{ value: exampleText(example), generated: false }]);
      });
    }
  } else {
    response.contents = contents(reader, record(r, 'content'));
  }
  return response;
}

/** OpenAPI 3 `content`: one entry per media type. */
function contents(reader: Reader, map: JsonRecord | undefined): OpenApiContent[] {
  return entries(map, LIMITS.maxMediaTypes).map(([mediaType, raw]) => {
    const media = resolvedRecord(reader.ctx, raw);
    const examples: Example[] = [];
    if (media && Object.hasOwn(media, 'example')) examples.push({ value: exampleText(media['example']), generated: false });
    for (const [name, rawExample] of entries(field(media, 'examples'), LIMITS.maxExamples)) {
      const example = resolvedRecord(reader.ctx, rawExample);
      const external = text(example, 'externalValue');
      const value = field(example, 'value');
      if (value === undefined && !external) continue;
      examples.push(
        compact({ name, summary: text(example, 'summary'), value: value === undefined ? `See ${external}` : exampleText(value), generated: false }),
      );
    }
    return content(reader, mediaType, field(media, 'schema'), examples);
  });
}

/**
 * A body in one media type. A body that is a named schema links to it (its
 * rows and example are with the schema, once, not repeated per operation); an
 * inline one gets its property rows here, and a generated example when the
 * definition gives none.
 */
function content(reader: Reader, mediaType: string, schema: unknown, examples: Example[]): OpenApiContent {
  const out: OpenApiContent = { mediaType, properties: [], examples };
  if (schema === undefined) return out;
  out.type = typeOf(reader.ctx, schema);
  if (deref(reader.ctx, schema, new Set()).kind !== 'value') return out;
  out.properties = propertiesOf(reader.ctx, schema);
  if (examples.length === 0) {
    const example = exampleFrom(reader.ctx, schema);
    if (example) out.examples = [example];
  }
  return out;
}

function swaggerBody(reader: Reader, body: JsonRecord, consumes: string[]): NonNullable<OpenApiOperation['requestBody']> {
  const types = consumes.length > 0 ? consumes : ['application/json'];
  return compact({
    required: isTrue(body, 'required'),
    description: clip(text(body, 'description')),
    contents: types.slice(0, LIMITS.maxMediaTypes).map((mediaType) => content(reader, mediaType, field(body, 'schema'), [])),
  });
}

/** Swagger 2.0 `formData` parameters, shown as the properties of a form body. */
function swaggerForm(reader: Reader, form: JsonRecord[], consumes: string[]): NonNullable<OpenApiOperation['requestBody']> {
  const mediaType = consumes.find((c) => c.includes('form')) ?? 'application/x-www-form-urlencoded';
  const schema = {
    type: 'object',
    properties: Object.fromEntries(form.map((p) => [text(p, 'name') ?? '', p])),
    required: form.filter((p) => isTrue(p, 'required')).map((p) => text(p, 'name')),
  };
  return { required: form.some((p) => isTrue(p, 'required')), contents: [content(reader, mediaType, schema, [])] };
}

function swaggerServers(doc: JsonRecord): { url: string }[] {
  const host = text(doc, 'host');
  if (!host) return [];
  const basePath = text(doc, 'basePath') ?? '';
  const schemes = strings(doc, 'schemes');
  return (schemes.length > 0 ? schemes : ['https']).slice(0, 4).map((scheme) => ({ url: `${scheme}://${host}${basePath}` }));
}

function strings(value: unknown, key: string): string[] {
  return list(value, key).filter((s): s is string => typeof s === 'string');
}
