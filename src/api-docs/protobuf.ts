/**
 * A `.proto` file (gRPC API) → `ProtobufModel`: package, services with their
 * rpcs, messages (nested ones flattened after their parent) and enums, with
 * comments. Parsed by protobufjs without loading imports, so types from other
 * files (google.protobuf.Timestamp, …) are shown by name, unlinked; names
 * defined in the file are resolved with protobuf's scoping rules and linked.
 */
import protobuf from 'protobufjs';
import { idFactory, type IdFactory } from './ids.ts';
import { LIMITS } from './limits.ts';
import type { ParseResult, ProtobufModel, ProtoEnum, ProtoField, ProtoMessage, ProtoService, TypeRef } from './model.ts';
import { tooDeep } from './nesting.ts';
import { clip } from './read.ts';

const SCALARS = new Set([
  'double',
  'float',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
  'bool',
  'string',
  'bytes',
]);

interface Walk {
  ids: IdFactory;
  /** Package prefix (`fernway.pricing.v1.`) stripped from displayed names. */
  prefix: string;
  /** Absolute name (no leading dot) → page id, for links. */
  targets: Map<string, string>;
  model: ProtobufModel;
  /** Reflection objects in model order, read once every name is known. */
  pending: { messages: [protobuf.Type, ProtoMessage][]; services: [protobuf.Service, ProtoService][] };
  count: number;
}

export function parseProtobuf(source: string): ParseResult<ProtobufModel> {
  const deep = tooDeep(source, false);
  if (deep) return { ok: false, error: deep };
  let parsed: protobuf.IParserResult;
  try {
    parsed = protobuf.parse(source, new protobuf.Root(), { keepCase: true, alternateCommentMode: true });
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, error: 'the file is nested too deeply to read' };
    const message = error instanceof Error ? error.message : String(error);
    const line = /\(line (\d+)\)/.exec(message)?.[1];
    const text = `Protobuf syntax error: ${message.replace(/\s*\(line \d+\)/, '')}`;
    return line === undefined ? { ok: false, error: text } : { ok: false, error: text, line: Number(line) };
  }

  const model: ProtobufModel = {
    label: 'Protocol Buffers',
    syntax: syntaxOf(source),
    imports: [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])].slice(0, 200),
    services: [],
    messages: [],
    enums: [],
    notices: [],
  };
  if (parsed.package) model.package = parsed.package;
  const walk: Walk = {
    ids: idFactory(),
    prefix: parsed.package ? `${parsed.package}.` : '',
    targets: new Map(),
    model,
    pending: { messages: [], services: [] },
    count: 0,
  };
  visit(walk, parsed.root, 0);
  if (walk.model.services.length + walk.model.messages.length + walk.model.enums.length === 0) {
    return { ok: false, error: 'the file defines no service, message or enum' };
  }
  for (const [type, message] of walk.pending.messages) message.fields = fieldsOf(walk, type);
  for (const [service, out] of walk.pending.services) out.methods = methodsOf(walk, service);
  return { ok: true, model };
}

function syntaxOf(source: string): string {
  const edition = /^\s*edition\s*=\s*["']([^"']+)["']/m.exec(source)?.[1];
  if (edition) return `edition ${edition}`;
  return /^\s*syntax\s*=\s*["'](proto[23])["']/m.exec(source)?.[1] ?? 'proto2';
}

/** Depth-first, in declaration order: each message is followed by its nested messages and enums. */
function visit(walk: Walk, ns: protobuf.NamespaceBase, depth: number): void {
  if (depth > LIMITS.maxNesting) return;
  for (const child of ns.nestedArray) {
    if (walk.count >= LIMITS.maxTypes) {
      if (!walk.model.notices.length) walk.model.notices.push(`Only the first ${LIMITS.maxTypes} services, messages and enums are shown.`);
      return;
    }
    const absolute = child.fullName.replace(/^\./, '');
    const fullName = absolute.startsWith(walk.prefix) ? absolute.slice(walk.prefix.length) : absolute;
    const description = clip(child.comment ?? undefined);
    if (child instanceof protobuf.Type) {
      walk.count++;
      const message: ProtoMessage = {
        id: walk.ids('message', fullName),
        name: child.name,
        fullName,
        fields: [],
        deprecated: child.options?.['deprecated'] === true,
      };
      if (description) message.description = description;
      walk.targets.set(absolute, message.id);
      walk.model.messages.push(message);
      walk.pending.messages.push([child, message]);
      visit(walk, child, depth + 1);
    } else if (child instanceof protobuf.Enum) {
      walk.count++;
      const e = enumOf(walk, child, fullName, description);
      walk.targets.set(absolute, e.id);
      walk.model.enums.push(e);
    } else if (child instanceof protobuf.Service) {
      walk.count++;
      const service: ProtoService = { id: walk.ids('service', fullName), name: child.name, fullName, methods: [] };
      if (description) service.description = description;
      walk.model.services.push(service);
      walk.pending.services.push([child, service]);
    } else if (child instanceof protobuf.Namespace) {
      visit(walk, child, depth + 1);
    }
  }
}

function enumOf(walk: Walk, e: protobuf.Enum, fullName: string, description: string | undefined): ProtoEnum {
  const out: ProtoEnum = { id: walk.ids('enum', fullName), name: e.name, fullName, values: [] };
  if (description) out.description = description;
  for (const [name, number] of Object.entries(e.values).slice(0, LIMITS.maxFields)) {
    const value: ProtoEnum['values'][number] = { name, number };
    const comment = clip(e.comments[name] ?? undefined);
    if (comment) value.description = comment;
    out.values.push(value);
  }
  return out;
}

function fieldsOf(walk: Walk, type: protobuf.Type): ProtoField[] {
  const scope = type.fullName.replace(/^\./, '');
  return type.fieldsArray.slice(0, LIMITS.maxFields).map((f) => {
    const options = f.options ?? {};
    const map = f instanceof protobuf.MapField;
    const out: ProtoField = {
      name: f.name,
      number: f.id,
      type: map ? [{ text: `map<${f.keyType}, ` }, ...typeRef(walk, f.type, scope), { text: '>' }] : typeRef(walk, f.type, scope),
      deprecated: options['deprecated'] === true,
    };
    const label = map ? 'map' : f.repeated ? 'repeated' : f.rule === 'required' ? 'required' : options['proto3_optional'] === true ? 'optional' : undefined;
    if (label) out.label = label;
    // proto3 `optional` is a synthetic one-field oneof: not a oneof the author wrote.
    if (f.partOf && options['proto3_optional'] !== true) out.oneof = f.partOf.name;
    const comment = clip(f.comment ?? undefined);
    if (comment) out.description = comment;
    return out;
  });
}

function methodsOf(walk: Walk, service: protobuf.Service): ProtoService['methods'] {
  const scope = service.parent?.fullName.replace(/^\./, '') ?? '';
  return service.methodsArray.slice(0, LIMITS.maxFields).map((m) => {
    const out: ProtoService['methods'][number] = {
      id: walk.ids('rpc', `${service.name}.${m.name}`),
      name: m.name,
      requestType: typeRef(walk, m.requestType, scope),
      responseType: typeRef(walk, m.responseType, scope),
      clientStreaming: m.requestStream === true,
      serverStreaming: m.responseStream === true,
      deprecated: m.options?.['deprecated'] === true,
    };
    const comment = clip(m.comment ?? undefined);
    if (comment) out.description = comment;
    return out;
  });
}

/**
 * A type name as written, linked when it names a message or enum of this file.
 * Protobuf resolves `B` inside `a.b.C` as `a.b.C.B`, then `a.b.B`, `a.B`, `B`;
 * a leading dot makes it absolute.
 */
function typeRef(walk: Walk, name: string, scope: string): TypeRef {
  if (SCALARS.has(name)) return [{ text: name }];
  const candidates: string[] = [];
  if (name.startsWith('.')) candidates.push(name.slice(1));
  else {
    const parts = scope === '' ? [] : scope.split('.');
    for (let i = parts.length; i >= 0; i--) candidates.push([...parts.slice(0, i), name].join('.'));
  }
  for (const candidate of candidates) {
    const target = walk.targets.get(candidate);
    if (target) return [{ text: name, target }];
  }
  return [{ text: name }];
}
