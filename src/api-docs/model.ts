/**
 * The models API definitions are parsed into: one per format, plus the parts
 * they share (type expressions with links, schema properties, examples).
 * Plain serializable data: pages render it, tests compare it, and portal data
 * carries it (src/entity-record/schema.ts), so the site renders the same parse
 * the scorecard checked. The zod schemas below are the types' only source.
 *
 * Every operation, channel, message and type carries an `id`, unique within
 * its definition: the fragment id the definition page gives it, so other
 * pages can link to `definition/#<id>`.
 */
import { z } from 'zod';

/**
 * One piece of a type expression. `target` is the `id` of a type in the same
 * model when the piece names one: `array of Booking` is
 * `[{ text: 'array of ' }, { text: 'Booking', target: 'schema-Booking' }]`.
 */
export const TypePartSchema = z.object({
  text: z.string(),
  target: z.string().optional(),
});
export type TypePart = z.infer<typeof TypePartSchema>;

/** A type as people read it (`string (date-time)`, `[Place!]!`, `repeated Offer`), with links to named types. */
export const TypeRefSchema = z.array(TypePartSchema);
export type TypeRef = z.infer<typeof TypeRefSchema>;

/** A field of an object schema (OpenAPI, AsyncAPI payloads and headers). */
export interface SchemaProperty {
  name: string;
  type: TypeRef;
  required: boolean;
  deprecated: boolean;
  description?: string;
  /** Allowed values, as JSON text (`"confirmed"`, `3`). */
  enum?: string[];
  /** An inline object's own properties, one level deep; deeper objects are summarized by `type`. */
  properties?: SchemaProperty[];
}
// Recursive, so the type is written out once for zod to check the schema against.
export const SchemaPropertySchema: z.ZodType<SchemaProperty> = z.object({
  name: z.string(),
  type: TypeRefSchema,
  required: z.boolean(),
  deprecated: z.boolean(),
  description: z.string().optional(),
  enum: z.array(z.string()).optional(),
  get properties() {
    return z.array(SchemaPropertySchema).optional();
  },
});

/** An example value, as pretty-printed JSON (or the text itself when it is a string). */
export const ExampleSchema = z.object({
  name: z.string().optional(),
  summary: z.string().optional(),
  value: z.string(),
  /** Made up from the schema because the definition gives none. */
  generated: z.boolean(),
});
export type Example = z.infer<typeof ExampleSchema>;

/** A schema under `components/schemas` (or `definitions` in Swagger 2.0). */
export const NamedSchemaSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** What the schema is: `object`, `string`, `Money & object`, … */
  type: TypeRefSchema,
  description: z.string().optional(),
  deprecated: z.boolean(),
  enum: z.array(z.string()).optional(),
  properties: z.array(SchemaPropertySchema),
  /** Variants of a `oneOf`/`anyOf` schema. */
  variants: z.array(TypeRefSchema).optional(),
  example: ExampleSchema.optional(),
});
export type NamedSchema = z.infer<typeof NamedSchemaSchema>;

export const ApiInfoSchema = z.object({
  title: z.string().optional(),
  version: z.string().optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
});
export type ApiInfo = z.infer<typeof ApiInfoSchema>;

/* ----- OpenAPI / Swagger ----- */

export const OpenApiParameterSchema = z.object({
  name: z.string(),
  /** `path`, `query`, `header`, `cookie` (or `formData` in Swagger 2.0). */
  in: z.string(),
  required: z.boolean(),
  deprecated: z.boolean(),
  type: TypeRefSchema,
  description: z.string().optional(),
  enum: z.array(z.string()).optional(),
  example: z.string().optional(),
});
export type OpenApiParameter = z.infer<typeof OpenApiParameterSchema>;

/** A request or response body in one media type. */
export const OpenApiContentSchema = z.object({
  mediaType: z.string(),
  type: TypeRefSchema.optional(),
  properties: z.array(SchemaPropertySchema),
  examples: z.array(ExampleSchema),
});
export type OpenApiContent = z.infer<typeof OpenApiContentSchema>;

export const OpenApiResponseSchema = z.object({
  /** `200`, `4XX`, `default`. */
  status: z.string(),
  description: z.string().optional(),
  headers: z.array(z.object({ name: z.string(), type: TypeRefSchema, description: z.string().optional() })),
  contents: z.array(OpenApiContentSchema),
});
export type OpenApiResponse = z.infer<typeof OpenApiResponseSchema>;

export const OpenApiOperationSchema = z.object({
  id: z.string(),
  /** Lowercase HTTP method. */
  method: z.string(),
  path: z.string(),
  operationId: z.string().optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  deprecated: z.boolean(),
  parameters: z.array(OpenApiParameterSchema),
  requestBody: z.object({ required: z.boolean(), description: z.string().optional(), contents: z.array(OpenApiContentSchema) }).optional(),
  responses: z.array(OpenApiResponseSchema),
});
export type OpenApiOperation = z.infer<typeof OpenApiOperationSchema>;

export const OpenApiTagGroupSchema = z.object({
  /** Empty for operations without a tag. */
  name: z.string(),
  id: z.string(),
  description: z.string().optional(),
  operations: z.array(OpenApiOperationSchema),
});
export type OpenApiTagGroup = z.infer<typeof OpenApiTagGroupSchema>;

export const OpenApiModelSchema = z.object({
  /** `OpenAPI 3.1.0`, `Swagger 2.0`. */
  label: z.string(),
  specVersion: z.string(),
  info: ApiInfoSchema,
  servers: z.array(z.object({ url: z.string(), description: z.string().optional() })),
  groups: z.array(OpenApiTagGroupSchema),
  schemas: z.array(NamedSchemaSchema),
  operationCount: z.number(),
  /** What could not be shown in full (caps reached, refs not followed). */
  notices: z.array(z.string()),
});
export type OpenApiModel = z.infer<typeof OpenApiModelSchema>;

/* ----- AsyncAPI ----- */

/** v2 `publish`/`subscribe` (seen from the client), v3 `send`/`receive` (seen from the application). */
export const AsyncActionSchema = z.enum(['publish', 'subscribe', 'send', 'receive']);
export type AsyncAction = z.infer<typeof AsyncActionSchema>;

export const AsyncMessageSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  contentType: z.string().optional(),
  payload: z.object({ type: TypeRefSchema, properties: z.array(SchemaPropertySchema), schemaFormat: z.string().optional() }).optional(),
  headers: z.object({ type: TypeRefSchema, properties: z.array(SchemaPropertySchema) }).optional(),
  examples: z.array(ExampleSchema),
});
export type AsyncMessage = z.infer<typeof AsyncMessageSchema>;

export const AsyncOperationSchema = z.object({
  id: z.string(),
  name: z.string(),
  action: AsyncActionSchema,
  /** `id` of the channel in `channels`, when it resolves. */
  channel: z.string().optional(),
  channelName: z.string().optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  /** `id`s of messages in `messages`. */
  messages: z.array(z.string()),
});
export type AsyncOperation = z.infer<typeof AsyncOperationSchema>;

export const AsyncChannelSchema = z.object({
  id: z.string(),
  /** Key under `channels`. */
  name: z.string(),
  /** v3 `address` (v2: the key itself). */
  address: z.string().optional(),
  description: z.string().optional(),
  parameters: z.array(z.object({ name: z.string(), description: z.string().optional() })),
  operations: z.array(z.string()),
  messages: z.array(z.string()),
});
export type AsyncChannel = z.infer<typeof AsyncChannelSchema>;

export const AsyncApiModelSchema = z.object({
  label: z.string(),
  specVersion: z.string(),
  info: ApiInfoSchema,
  defaultContentType: z.string().optional(),
  servers: z.array(z.object({ name: z.string(), url: z.string(), protocol: z.string().optional(), description: z.string().optional() })),
  channels: z.array(AsyncChannelSchema),
  operations: z.array(AsyncOperationSchema),
  messages: z.array(AsyncMessageSchema),
  schemas: z.array(NamedSchemaSchema),
  notices: z.array(z.string()),
});
export type AsyncApiModel = z.infer<typeof AsyncApiModelSchema>;

/* ----- GraphQL ----- */

export const GraphqlArgumentSchema = z.object({
  name: z.string(),
  type: TypeRefSchema,
  defaultValue: z.string().optional(),
  description: z.string().optional(),
  deprecated: z.string().optional(),
});
export type GraphqlArgument = z.infer<typeof GraphqlArgumentSchema>;

export const GraphqlFieldSchema = z.object({
  /** Fields of the root types (the API's operations) have a fragment id too. */
  id: z.string().optional(),
  name: z.string(),
  type: TypeRefSchema,
  args: z.array(GraphqlArgumentSchema),
  description: z.string().optional(),
  /** The deprecation reason (`No longer supported` when none is given). */
  deprecated: z.string().optional(),
});
export type GraphqlField = z.infer<typeof GraphqlFieldSchema>;

export const GraphqlTypeKindSchema = z.enum(['object', 'input', 'interface', 'enum', 'union', 'scalar']);
export type GraphqlTypeKind = z.infer<typeof GraphqlTypeKindSchema>;

export const GraphqlTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: GraphqlTypeKindSchema,
  description: z.string().optional(),
  /** Interfaces an object or interface implements. */
  interfaces: z.array(TypeRefSchema),
  /** Fields of objects and interfaces; input fields (no args) of inputs. */
  fields: z.array(GraphqlFieldSchema),
  /** Enum values. */
  values: z.array(z.object({ name: z.string(), description: z.string().optional(), deprecated: z.string().optional() })),
  /** Union members. */
  members: z.array(TypeRefSchema),
});
export type GraphqlType = z.infer<typeof GraphqlTypeSchema>;

export const GraphqlRootSchema = z.object({
  operation: z.enum(['query', 'mutation', 'subscription']),
  type: GraphqlTypeSchema,
});
export type GraphqlRoot = z.infer<typeof GraphqlRootSchema>;

export const GraphqlModelSchema = z.object({
  label: z.string(),
  description: z.string().optional(),
  /** Query, Mutation, Subscription, in that order, when defined. */
  roots: z.array(GraphqlRootSchema),
  /** Every other type, grouped by kind (object, interface, input, enum, union, scalar), in document order. */
  types: z.array(GraphqlTypeSchema),
  notices: z.array(z.string()),
});
export type GraphqlModel = z.infer<typeof GraphqlModelSchema>;

/* ----- Protocol Buffers / gRPC ----- */

export const ProtoMethodSchema = z.object({
  id: z.string(),
  name: z.string(),
  requestType: TypeRefSchema,
  responseType: TypeRefSchema,
  clientStreaming: z.boolean(),
  serverStreaming: z.boolean(),
  deprecated: z.boolean(),
  description: z.string().optional(),
});
export type ProtoMethod = z.infer<typeof ProtoMethodSchema>;

export const ProtoServiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  fullName: z.string(),
  description: z.string().optional(),
  methods: z.array(ProtoMethodSchema),
});
export type ProtoService = z.infer<typeof ProtoServiceSchema>;

export const ProtoFieldSchema = z.object({
  name: z.string(),
  number: z.number(),
  type: TypeRefSchema,
  /** `repeated`, `optional` (explicit presence), `required` (proto2), `map`. */
  label: z.enum(['repeated', 'optional', 'required', 'map']).optional(),
  /** The `oneof` group the field is part of. */
  oneof: z.string().optional(),
  deprecated: z.boolean(),
  description: z.string().optional(),
});
export type ProtoField = z.infer<typeof ProtoFieldSchema>;

export const ProtoMessageSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Name relative to the package, with enclosing messages: `Outer.Inner`. */
  fullName: z.string(),
  description: z.string().optional(),
  fields: z.array(ProtoFieldSchema),
  deprecated: z.boolean(),
});
export type ProtoMessage = z.infer<typeof ProtoMessageSchema>;

export const ProtoEnumSchema = z.object({
  id: z.string(),
  name: z.string(),
  fullName: z.string(),
  description: z.string().optional(),
  values: z.array(z.object({ name: z.string(), number: z.number(), description: z.string().optional() })),
});
export type ProtoEnum = z.infer<typeof ProtoEnumSchema>;

export const ProtobufModelSchema = z.object({
  label: z.string(),
  /** `proto2`, `proto3` or an edition such as `2023`. */
  syntax: z.string(),
  package: z.string().optional(),
  imports: z.array(z.string()),
  services: z.array(ProtoServiceSchema),
  /** Every message, nested ones right after their parent. */
  messages: z.array(ProtoMessageSchema),
  enums: z.array(ProtoEnumSchema),
  notices: z.array(z.string()),
});
export type ProtobufModel = z.infer<typeof ProtobufModelSchema>;

/* ----- Any format ----- */

export const ApiFormatSchema = z.enum(['openapi', 'asyncapi', 'graphql', 'grpc']);
export type ApiFormat = z.infer<typeof ApiFormatSchema>;

/** The model for each format. */
export interface ApiModels {
  openapi: OpenApiModel;
  asyncapi: AsyncApiModel;
  graphql: GraphqlModel;
  grpc: ProtobufModel;
}

const parsedOk = <F extends ApiFormat, M extends z.ZodType>(format: F, model: M) => z.object({ ok: z.literal(true), format: z.literal(format), model });

/** A successfully parsed definition: narrow on `format` to get its model. */
export const ParsedApiOkSchema = z.union([
  parsedOk('openapi', OpenApiModelSchema),
  parsedOk('asyncapi', AsyncApiModelSchema),
  parsedOk('graphql', GraphqlModelSchema),
  parsedOk('grpc', ProtobufModelSchema),
]);
export type ParsedApiOk = z.infer<typeof ParsedApiOkSchema>;

/** The outcome of reading a definition: its model, or why it could not be read (`line` when the parser said where). */
export const ParsedApiSchema = z.union([
  ParsedApiOkSchema,
  z.object({ ok: z.literal(false), format: z.union([ApiFormatSchema, z.literal('unknown')]), error: z.string(), line: z.number().optional() }),
]);
export type ParsedApi = z.infer<typeof ParsedApiSchema>;

/** What a format parser returns; `parseApiDefinition` adds the format. */
export type ParseResult<M> = { ok: true; model: M } | { ok: false; error: string; line?: number };
