/**
 * The models API definitions are parsed into: one per format, plus the parts
 * they share (type expressions with links, schema properties, examples).
 * Plain serializable data: pages render it, tests compare it.
 *
 * Every operation, channel, message and type carries an `id`, unique within
 * its definition: the fragment id the definition page gives it, so other
 * pages can link to `definition/#<id>`.
 */

/**
 * One piece of a type expression. `target` is the `id` of a type in the same
 * model when the piece names one: `array of Booking` is
 * `[{ text: 'array of ' }, { text: 'Booking', target: 'schema-Booking' }]`.
 */
export interface TypePart {
  text: string;
  target?: string;
}

/** A type as people read it (`string (date-time)`, `[Place!]!`, `repeated Offer`), with links to named types. */
export type TypeRef = TypePart[];

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

/** An example value, as pretty-printed JSON (or the text itself when it is a string). */
export interface Example {
  name?: string;
  summary?: string;
  value: string;
  /** Made up from the schema because the definition gives none. */
  generated: boolean;
}

/** A schema under `components/schemas` (or `definitions` in Swagger 2.0). */
export interface NamedSchema {
  id: string;
  name: string;
  /** What the schema is: `object`, `string`, `Money & object`, … */
  type: TypeRef;
  description?: string;
  deprecated: boolean;
  enum?: string[];
  properties: SchemaProperty[];
  /** Variants of a `oneOf`/`anyOf` schema. */
  variants?: TypeRef[];
  example?: Example;
}

export interface ApiInfo {
  title?: string;
  version?: string;
  summary?: string;
  description?: string;
}

/* ----- OpenAPI / Swagger ----- */

export interface OpenApiParameter {
  name: string;
  /** `path`, `query`, `header`, `cookie` (or `formData` in Swagger 2.0). */
  in: string;
  required: boolean;
  deprecated: boolean;
  type: TypeRef;
  description?: string;
  enum?: string[];
  example?: string;
}

/** A request or response body in one media type. */
export interface OpenApiContent {
  mediaType: string;
  type?: TypeRef;
  properties: SchemaProperty[];
  examples: Example[];
}

export interface OpenApiResponse {
  /** `200`, `4XX`, `default`. */
  status: string;
  description?: string;
  headers: { name: string; type: TypeRef; description?: string }[];
  contents: OpenApiContent[];
}

export interface OpenApiOperation {
  id: string;
  /** Lowercase HTTP method. */
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; description?: string; contents: OpenApiContent[] };
  responses: OpenApiResponse[];
}

export interface OpenApiTagGroup {
  /** Empty for operations without a tag. */
  name: string;
  id: string;
  description?: string;
  operations: OpenApiOperation[];
}

export interface OpenApiModel {
  /** `OpenAPI 3.1.0`, `Swagger 2.0`. */
  label: string;
  specVersion: string;
  info: ApiInfo;
  servers: { url: string; description?: string }[];
  groups: OpenApiTagGroup[];
  schemas: NamedSchema[];
  operationCount: number;
  /** What could not be shown in full (caps reached, refs not followed). */
  notices: string[];
}

/* ----- AsyncAPI ----- */

/** v2 `publish`/`subscribe` (seen from the client), v3 `send`/`receive` (seen from the application). */
export type AsyncAction = 'publish' | 'subscribe' | 'send' | 'receive';

export interface AsyncMessage {
  id: string;
  name: string;
  title?: string;
  summary?: string;
  description?: string;
  contentType?: string;
  payload?: { type: TypeRef; properties: SchemaProperty[]; schemaFormat?: string };
  headers?: { type: TypeRef; properties: SchemaProperty[] };
  examples: Example[];
}

export interface AsyncOperation {
  id: string;
  name: string;
  action: AsyncAction;
  /** `id` of the channel in `channels`, when it resolves. */
  channel?: string;
  channelName?: string;
  summary?: string;
  description?: string;
  /** `id`s of messages in `messages`. */
  messages: string[];
}

export interface AsyncChannel {
  id: string;
  /** Key under `channels`. */
  name: string;
  /** v3 `address` (v2: the key itself). */
  address?: string;
  description?: string;
  parameters: { name: string; description?: string }[];
  operations: string[];
  messages: string[];
}

export interface AsyncApiModel {
  label: string;
  specVersion: string;
  info: ApiInfo;
  defaultContentType?: string;
  servers: { name: string; url: string; protocol?: string; description?: string }[];
  channels: AsyncChannel[];
  operations: AsyncOperation[];
  messages: AsyncMessage[];
  schemas: NamedSchema[];
  notices: string[];
}

/* ----- GraphQL ----- */

export interface GraphqlArgument {
  name: string;
  type: TypeRef;
  defaultValue?: string;
  description?: string;
  deprecated?: string;
}

export interface GraphqlField {
  /** Fields of the root types (the API's operations) have a fragment id too. */
  id?: string;
  name: string;
  type: TypeRef;
  args: GraphqlArgument[];
  description?: string;
  /** The deprecation reason (`No longer supported` when none is given). */
  deprecated?: string;
}

export type GraphqlTypeKind = 'object' | 'input' | 'interface' | 'enum' | 'union' | 'scalar';

export interface GraphqlType {
  id: string;
  name: string;
  kind: GraphqlTypeKind;
  description?: string;
  /** Interfaces an object or interface implements. */
  interfaces: TypeRef[];
  /** Fields of objects and interfaces; input fields (no args) of inputs. */
  fields: GraphqlField[];
  /** Enum values. */
  values: { name: string; description?: string; deprecated?: string }[];
  /** Union members. */
  members: TypeRef[];
}

export interface GraphqlRoot {
  operation: 'query' | 'mutation' | 'subscription';
  type: GraphqlType;
}

export interface GraphqlModel {
  label: string;
  description?: string;
  /** Query, Mutation, Subscription, in that order, when defined. */
  roots: GraphqlRoot[];
  /** Every other type, grouped by kind (object, interface, input, enum, union, scalar), in document order. */
  types: GraphqlType[];
  notices: string[];
}

/* ----- Protocol Buffers / gRPC ----- */

export interface ProtoMethod {
  id: string;
  name: string;
  requestType: TypeRef;
  responseType: TypeRef;
  clientStreaming: boolean;
  serverStreaming: boolean;
  deprecated: boolean;
  description?: string;
}

export interface ProtoService {
  id: string;
  name: string;
  fullName: string;
  description?: string;
  methods: ProtoMethod[];
}

export interface ProtoField {
  name: string;
  number: number;
  type: TypeRef;
  /** `repeated`, `optional` (explicit presence), `required` (proto2), `map`. */
  label?: 'repeated' | 'optional' | 'required' | 'map';
  /** The `oneof` group the field is part of. */
  oneof?: string;
  deprecated: boolean;
  description?: string;
}

export interface ProtoMessage {
  id: string;
  name: string;
  /** Name relative to the package, with enclosing messages: `Outer.Inner`. */
  fullName: string;
  description?: string;
  fields: ProtoField[];
  deprecated: boolean;
}

export interface ProtoEnum {
  id: string;
  name: string;
  fullName: string;
  description?: string;
  values: { name: string; number: number; description?: string }[];
}

export interface ProtobufModel {
  label: string;
  /** `proto2`, `proto3` or an edition such as `2023`. */
  syntax: string;
  package?: string;
  imports: string[];
  services: ProtoService[];
  /** Every message, nested ones right after their parent. */
  messages: ProtoMessage[];
  enums: ProtoEnum[];
  notices: string[];
}

export type ApiFormat = 'openapi' | 'asyncapi' | 'graphql' | 'grpc';

/** The model for each format. */
export interface ApiModels {
  openapi: OpenApiModel;
  asyncapi: AsyncApiModel;
  graphql: GraphqlModel;
  grpc: ProtobufModel;
}

/** A successfully parsed definition: narrow on `format` to get its model. */
export type ParsedApiOk = { [F in ApiFormat]: { ok: true; format: F; model: ApiModels[F] } }[ApiFormat];

export type ParsedApi =
  | ParsedApiOk
  /** The definition could not be read; `line` when the parser said where. */
  | { ok: false; format: ApiFormat | 'unknown'; error: string; line?: number };

/** What a format parser returns; `parseApiDefinition` adds the format. */
export type ParseResult<M> = { ok: true; model: M } | { ok: false; error: string; line?: number };
