/**
 * The short account of an API definition on its entity page: format and
 * version, counts, and one line per operation (capped), each pointing at its
 * anchor on the definition page. The full model is rendered there.
 */
import { typeText, type ParsedApi } from '../../api-docs/index.ts';

export interface SummaryEntry {
  /** Fragment id on the definition page. */
  id: string;
  /** `get`, `subscribe`, `query`, `rpc`… */
  tag: string;
  name: string;
  detail?: string;
  deprecated: boolean;
}

export interface ApiSummaryData {
  /** `OpenAPI 3.0.3 · 5 operations · 17 schemas`. */
  headline: string;
  title?: string;
  version?: string;
  /** What the entries are: `Operations`, `RPCs`, … */
  entriesHeading: string;
  entries: SummaryEntry[];
  /** Entries there are in all (more than `entries` when capped). */
  total: number;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** First line of a description, cut to one readable line. */
function oneLine(text: string | undefined): string | undefined {
  const first = text?.trim().split('\n')[0]?.trim();
  if (!first) return undefined;
  return first.length > 140 ? `${first.slice(0, 139)}…` : first;
}

function entry(id: string, tag: string, name: string, detail: string | undefined, deprecated: boolean): SummaryEntry {
  const line = oneLine(detail);
  return line ? { id, tag, name, detail: line, deprecated } : { id, tag, name, deprecated };
}

export function summarizeApi(parsed: Extract<ParsedApi, { ok: true }>, maxEntries = 25): ApiSummaryData {
  const { headline, title, version, entriesHeading, entries } = describe(parsed);
  const out: ApiSummaryData = { headline, entriesHeading, entries: entries.slice(0, maxEntries), total: entries.length };
  if (title) out.title = title;
  if (version) out.version = version;
  return out;
}

function describe(parsed: Extract<ParsedApi, { ok: true }>): Omit<ApiSummaryData, 'total'> {
  switch (parsed.format) {
    case 'openapi': {
      const m = parsed.model;
      const operations = m.groups.flatMap((g) => g.operations);
      return {
        headline: [m.label, plural(m.operationCount, 'operation'), plural(m.schemas.length, 'schema')].join(' · '),
        title: m.info.title,
        version: m.info.version,
        entriesHeading: 'Operations',
        entries: operations.map((op) => entry(op.id, op.method, op.path, op.summary ?? op.operationId, op.deprecated)),
      };
    }
    case 'asyncapi': {
      const m = parsed.model;
      return {
        headline: [m.label, plural(m.channels.length, 'channel'), plural(m.operations.length, 'operation'), plural(m.messages.length, 'message')].join(' · '),
        title: m.info.title,
        version: m.info.version,
        entriesHeading: m.operations.length > 0 ? 'Operations' : 'Messages',
        entries:
          m.operations.length > 0
            ? m.operations.map((op) => entry(op.id, op.action, op.channelName ?? op.name, op.summary ?? op.description, false))
            : m.messages.map((msg) => entry(msg.id, 'message', msg.name, msg.title ?? msg.summary, false)),
      };
    }
    case 'graphql': {
      const m = parsed.model;
      const counts = m.roots.map((r) =>
        plural(r.type.fields.length, r.operation === 'query' ? 'query' : r.operation, r.operation === 'query' ? 'queries' : `${r.operation}s`),
      );
      return {
        headline: [m.label, ...counts, plural(m.types.length, 'type')].join(' · '),
        entriesHeading: 'Operations',
        entries: m.roots.flatMap((r) =>
          r.type.fields.map((f) => {
            const args = f.args.length > 0 ? `(${f.args.map((a) => a.name).join(', ')})` : '';
            return entry(f.id ?? r.type.id, r.operation, `${f.name}${args}: ${typeText(f.type)}`, f.description, f.deprecated !== undefined);
          }),
        ),
      };
    }
    case 'grpc': {
      const m = parsed.model;
      const rpcs = m.services.flatMap((s) =>
        s.methods.map((r) => {
          const request = `${r.clientStreaming ? 'stream ' : ''}${typeText(r.requestType)}`;
          const response = `${r.serverStreaming ? 'stream ' : ''}${typeText(r.responseType)}`;
          return entry(r.id, 'rpc', `${s.name}.${r.name}(${request}) → ${response}`, r.description, r.deprecated);
        }),
      );
      return {
        headline: [
          `${m.label} (${m.syntax})`,
          plural(m.services.length, 'service'),
          plural(rpcs.length, 'RPC'),
          plural(m.messages.length, 'message'),
          plural(m.enums.length, 'enum'),
        ].join(' · '),
        title: m.package,
        entriesHeading: 'RPCs',
        entries: rpcs,
      };
    }
  }
}
