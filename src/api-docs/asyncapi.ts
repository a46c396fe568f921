/**
 * AsyncAPI 2.x and 3.x (YAML or JSON) → `AsyncApiModel`: channels,
 * operations, messages and named schemas. In 2.x operations live inside
 * channels (`publish`/`subscribe`); in 3.x they are top-level (`send`/
 * `receive`) and point at a channel and its messages. Messages are shared by
 * identity, so one referenced from several places is listed once.
 */
import { idFactory, type IdFactory } from './ids.ts';
import { LIMITS } from './limits.ts';
import type { AsyncAction, AsyncApiModel, AsyncChannel, AsyncMessage, AsyncOperation, Example, ParseResult } from './model.ts';
import { clip, compact, entries, field, isRecord, list, record, text, type JsonRecord } from './read.ts';
import { describeNamedSchemas, propertiesOf, typeOf } from './schema-describe.ts';
import { exampleText, generatedExample } from './schema-example.ts';
import { pointerTo, resolvedRecord, schemaContext, type SchemaContext } from './schema-refs.ts';
import { parseStructuredText } from './structured-text.ts';

/** Schema formats whose payloads are JSON Schema (the rest, e.g. Avro, are shown as they are). */
const JSON_SCHEMA_FORMAT = /^application\/(vnd\.aai\.asyncapi|schema\+json|schema\+yaml)|^$/;

interface Reader {
  ctx: SchemaContext;
  ids: IdFactory;
  doc: JsonRecord;
  /** Resolved message object → its entry in `messages`. */
  messageIds: Map<object, string>;
  messages: AsyncMessage[];
}

export function parseAsyncApi(source: string): ParseResult<AsyncApiModel> {
  const parsed = parseStructuredText(source);
  if (!parsed.ok) return parsed;
  const doc = parsed.model;
  if (!isRecord(doc)) return { ok: false, error: 'the document is not a mapping; an AsyncAPI definition starts with `asyncapi: 2.x` or `3.x` and `info`' };
  const version = text(doc, 'asyncapi');
  if (!version) return { ok: false, error: 'the document has no `asyncapi` field, so it is not an AsyncAPI definition' };
  const major = /^([23])\./.exec(version)?.[1];
  if (!major) return { ok: false, error: `\`asyncapi: ${version}\` is not a version Frontdoor reads (2.x or 3.x)` };

  const ctx = schemaContext(doc);
  const ids = idFactory();
  const components = record(doc, 'components');
  const schemaEntries = entries(field(components, 'schemas'), LIMITS.maxSchemas).map(([name, schema]): [string, unknown, string] => {
    const id = ids('schema', name);
    ctx.named.set(pointerTo('#/components/schemas', name), { name, id });
    return [name, schema, id];
  });
  const reader: Reader = { ctx, ids, doc, messageIds: new Map(), messages: [] };
  for (const [key, raw] of entries(field(components, 'messages'), LIMITS.maxSchemas)) addMessage(reader, raw, key);

  const { channels, operations } = major === '2' ? readV2(reader) : readV3(reader);
  const info = record(doc, 'info');
  const model: AsyncApiModel = {
    label: `AsyncAPI ${version}`,
    specVersion: version,
    info: compact({ title: text(info, 'title'), version: text(info, 'version'), description: clip(text(info, 'description')) }),
    servers: entries(field(doc, 'servers'), 20).flatMap(([name, raw]) => {
      const server = resolvedRecord(ctx, raw);
      const url = text(server, 'url') ?? [text(server, 'host'), text(server, 'pathname')].filter(Boolean).join('');
      return url ? [compact({ name, url, protocol: text(server, 'protocol'), description: text(server, 'description') })] : [];
    }),
    channels,
    operations,
    messages: reader.messages,
    schemas: describeNamedSchemas(ctx, schemaEntries),
    notices: [],
  };
  const defaultContentType = text(doc, 'defaultContentType');
  if (defaultContentType) model.defaultContentType = defaultContentType;
  model.notices = [...ctx.notices];
  return { ok: true, model };
}

/** 2.x: each channel holds its `publish` and `subscribe` operations, each with a message (or `oneOf` several). */
function readV2(reader: Reader): { channels: AsyncChannel[]; operations: AsyncOperation[] } {
  const channels: AsyncChannel[] = [];
  const operations: AsyncOperation[] = [];
  for (const [name, raw] of entries(field(reader.doc, 'channels'), LIMITS.maxOperations)) {
    const item = resolvedRecord(reader.ctx, raw) ?? {};
    const channel = newChannel(reader, name, item);
    for (const action of ['publish', 'subscribe'] as const) {
      const op = record(item, action);
      if (!op) continue;
      const message = resolvedRecord(reader.ctx, field(op, 'message'));
      const variants = message && list(message, 'oneOf').length > 0 ? list(message, 'oneOf') : message ? [message] : [];
      const operationId = text(op, 'operationId');
      const messageIds = variants
        .slice(0, LIMITS.maxSchemas)
        .flatMap((m, i) => addMessage(reader, m, `${operationId ?? `${action}-${name}`}-message${variants.length > 1 ? `-${i + 1}` : ''}`) ?? []);
      const operation = newOperation(reader, operationId ?? `${action} ${name}`, action, op, channel, messageIds);
      operations.push(operation);
      channel.operations.push(operation.id);
      for (const id of messageIds) if (!channel.messages.includes(id)) channel.messages.push(id);
    }
    channels.push(channel);
  }
  return { channels, operations };
}

/** 3.x: channels hold messages; top-level operations point at a channel and some of its messages. */
function readV3(reader: Reader): { channels: AsyncChannel[]; operations: AsyncOperation[] } {
  const channels: AsyncChannel[] = [];
  const byPointer = new Map<string, AsyncChannel>();
  for (const [name, raw] of entries(field(reader.doc, 'channels'), LIMITS.maxOperations)) {
    const item = resolvedRecord(reader.ctx, raw) ?? {};
    const channel = newChannel(reader, name, item);
    const address = text(item, 'address');
    if (address) channel.address = address;
    for (const [key, message] of entries(field(item, 'messages'), LIMITS.maxSchemas)) {
      const id = addMessage(reader, message, key);
      if (id && !channel.messages.includes(id)) channel.messages.push(id);
    }
    channels.push(channel);
    byPointer.set(pointerTo('#/channels', name), channel);
  }
  const operations: AsyncOperation[] = [];
  for (const [key, raw] of entries(field(reader.doc, 'operations'), LIMITS.maxOperations)) {
    const op = resolvedRecord(reader.ctx, raw);
    if (!op) continue;
    const actionText = text(op, 'action');
    const action: AsyncAction = actionText === 'receive' ? 'receive' : 'send';
    const channelRef = text(record(op, 'channel'), '$ref');
    const channel = channelRef ? byPointer.get(decodeRef(channelRef)) : undefined;
    const listed = list(op, 'messages');
    const messageIds = listed.length > 0 ? listed.slice(0, LIMITS.maxSchemas).flatMap((m) => addMessage(reader, m, key) ?? []) : [...(channel?.messages ?? [])];
    const operation = newOperation(reader, key, action, op, channel, messageIds);
    if (!channel && channelRef) operation.channelName = channelRef;
    operations.push(operation);
    channel?.operations.push(operation.id);
  }
  return { channels, operations };
}

function decodeRef(ref: string): string {
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref;
  }
}

function newChannel(reader: Reader, name: string, item: JsonRecord): AsyncChannel {
  return compact({
    id: reader.ids('channel', name),
    name,
    description: clip(text(item, 'description')),
    parameters: entries(field(item, 'parameters'), LIMITS.maxParameters).map(([param, raw]) =>
      compact({ name: param, description: clip(text(resolvedRecord(reader.ctx, raw), 'description')) }),
    ),
    operations: [],
    messages: [],
  });
}

function newOperation(
  reader: Reader,
  name: string,
  action: AsyncAction,
  op: JsonRecord,
  channel: AsyncChannel | undefined,
  messages: string[],
): AsyncOperation {
  return compact({
    id: reader.ids('op', name),
    name,
    action,
    channel: channel?.id,
    channelName: channel ? (channel.address ?? channel.name) : undefined,
    summary: text(op, 'summary') ?? text(op, 'title'),
    description: clip(text(op, 'description')),
    messages,
  });
}

/** Registers a message (once per resolved object) and returns its id; undefined when it does not resolve. */
function addMessage(reader: Reader, raw: unknown, fallbackName: string): string | undefined {
  const message = resolvedRecord(reader.ctx, raw);
  if (!message) return undefined;
  const known = reader.messageIds.get(message);
  if (known) return known;
  if (reader.messages.length >= LIMITS.maxSchemas) return undefined;
  const m = withTraits(reader.ctx, message);
  const name = text(m, 'name') ?? text(m, 'messageId') ?? fallbackName;
  const out: AsyncMessage = compact({
    id: reader.ids('message', name),
    name,
    title: text(m, 'title'),
    summary: text(m, 'summary'),
    description: clip(text(m, 'description')),
    contentType: text(m, 'contentType') ?? text(reader.doc, 'defaultContentType'),
    examples: [],
  });
  reader.messageIds.set(message, out.id);
  reader.messages.push(out);

  const { schema: payload, format } = payloadSchema(m);
  if (payload !== undefined) {
    out.payload = JSON_SCHEMA_FORMAT.test(format)
      ? { type: typeOf(reader.ctx, payload), properties: propertiesOf(reader.ctx, payload) }
      : { type: [{ text: `${format} schema` }], properties: [], schemaFormat: format };
  }
  const headers = field(m, 'headers');
  if (headers !== undefined) out.headers = { type: typeOf(reader.ctx, headers), properties: propertiesOf(reader.ctx, headers) };
  out.examples = messageExamples(reader.ctx, m, payload, format);
  return out.id;
}

/** v2 `schemaFormat` on the message, or v3's multi-format `{ schemaFormat, schema }` payload. */
function payloadSchema(m: JsonRecord): { schema: unknown; format: string } {
  const payload = field(m, 'payload');
  if (isRecord(payload) && typeof payload['schemaFormat'] === 'string' && Object.hasOwn(payload, 'schema')) {
    return { schema: payload['schema'], format: payload['schemaFormat'] };
  }
  return { schema: payload, format: text(m, 'schemaFormat') ?? '' };
}

/** Message traits fill in what the message itself leaves out (the message wins). */
function withTraits(ctx: SchemaContext, message: JsonRecord): JsonRecord {
  const traits = list(message, 'traits');
  if (traits.length === 0) return message;
  const merged: JsonRecord = {};
  for (const raw of traits.slice(0, LIMITS.maxCompositionMembers)) {
    // 2.x allows a trait as [trait, overrides]; take the trait.
    const trait = resolvedRecord(ctx, Array.isArray(raw) ? raw[0] : raw);
    for (const [key, value] of entries(trait, 100)) if (!Object.hasOwn(merged, key)) merged[key] = value;
  }
  for (const [key, value] of entries(message, 100)) if (key !== 'traits') merged[key] = value;
  return merged;
}

function messageExamples(ctx: SchemaContext, m: JsonRecord, payload: unknown, format: string): Example[] {
  const examples: Example[] = list(m, 'examples')
    .slice(0, LIMITS.maxExamples)
    .map((raw) => resolvedRecord(ctx, raw))
    .filter((e): e is JsonRecord => e !== undefined && (Object.hasOwn(e, 'payload') || Object.hasOwn(e, 'headers')))
    .map((e) => {
      const value = Object.hasOwn(e, 'headers') ? { headers: e['headers'], payload: e['payload'] } : e['payload'];
      return compact({ name: text(e, 'name'), summary: text(e, 'summary'), value: exampleText(value), generated: false });
    });
  if (examples.length > 0 || payload === undefined || !JSON_SCHEMA_FORMAT.test(format)) return examples;
  const generated = generatedExample(ctx, payload);
  return generated ? [generated] : [];
}
