/**
 * Relay connections as GitHub serves them: opaque keyset cursors (a cursor
 * names the item's sort key, not its offset, so deleting a repo between two
 * pages does not skip one), `totalCount`, `pageInfo`, `nodes` and `edges`.
 * Also the errors GitHub attaches to connections, in GitHub's shape: the
 * `type` is carried in `extensions.type` and lifted to the top level when the
 * response is written (see `formatGitHubError`).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** Per-request state the resolvers share (see resolvers.ts). */
export interface ResourceBudget {
  /** Page sizes, `nodes` id counts and aliased lookups above this fail with RESOURCE_LIMITS_EXCEEDED. */
  resourceLimit?: number | undefined;
}

export const RESOURCE_LIMITS_MESSAGE = 'Resource limits for this query exceeded.';

export function gitHubError(type: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

export function resourceLimitsError(): GraphQLError {
  return gitHubError('RESOURCE_LIMITS_EXCEEDED', RESOURCE_LIMITS_MESSAGE);
}

export interface GitHubFormattedError {
  type?: string;
  path?: readonly (string | number)[];
  locations?: GraphQLFormattedError['locations'];
  message: string;
  extensions?: Record<string, unknown>;
}

/** graphql-js error → GitHub's JSON shape: `{ type, path, locations, message }`. */
export function formatGitHubError(error: GraphQLError): GitHubFormattedError {
  const { type, ...extensions } = error.extensions as { type?: unknown };
  return {
    ...(typeof type === 'string' ? { type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
    ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
  };
}

function encodeCursor(key: string): string {
  return Buffer.from(`cursor:v2:${key}`, 'utf8').toString('base64');
}

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (!text.startsWith('cursor:v2:') || encodeCursor(text.slice(10)) !== cursor) {
    throw gitHubError('INVALID_CURSOR_ARGUMENTS', `\`${cursor}\` does not appear to be a valid cursor.`);
  }
  return text.slice(10);
}

export interface ConnectionOptions<T, N> {
  /** The connection's field name, for error messages. */
  field: string;
  /** Sort key of an item; `items` must be sorted by it (ascending, or descending when `descending`). */
  key: (item: T) => string;
  descending?: boolean;
  node: (item: T) => N;
  /** Extra edge fields, e.g. a member's `role`. */
  edge?: (item: T) => Record<string, unknown>;
}

export function checkPageSize(field: string, args: PageArgs, budget: ResourceBudget): number {
  const [name, size] = args.first != null ? ['first', args.first] : ['last', args.last];
  if (size == null)
    throw gitHubError('MISSING_PAGINATION_BOUNDARIES', `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`);
  if (size > 100)
    throw gitHubError('EXCESSIVE_PAGINATION', `Requesting ${size} records on the \`${field}\` connection exceeds the \`${name}\` limit of 100 records.`);
  if (size < 1) throw gitHubError('INVALID_PAGINATION', `\`${name}\` on the \`${field}\` connection must be between 1 and 100, got ${size}.`);
  if (budget.resourceLimit !== undefined && size > budget.resourceLimit) throw resourceLimitsError();
  return size;
}

export function connection<T, N>(items: readonly T[], args: PageArgs, options: ConnectionOptions<T, N>, budget: ResourceBudget) {
  checkPageSize(options.field, args, budget);
  const beyond = (key: string, cursorKey: string) => (options.descending ? key < cursorKey : key > cursorKey);
  let start = 0;
  let end = items.length;
  if (args.after != null) {
    const afterKey = decodeCursor(args.after);
    while (start < end && !beyond(options.key(items[start]!), afterKey)) start++;
  }
  if (args.before != null) {
    const beforeKey = decodeCursor(args.before);
    end = start;
    while (end < items.length && beyond(beforeKey, options.key(items[end]!))) end++;
  }
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  const page = items.slice(start, end);
  const cursors = page.map((item) => encodeCursor(options.key(item)));
  return {
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
    nodes: () => page.map(options.node),
    edges: () => page.map((item, i) => ({ cursor: cursors[i], node: options.node(item), ...options.edge?.(item) })),
  };
}
