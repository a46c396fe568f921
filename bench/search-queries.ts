/**
 * Search query sets and how a ranking is scored against them.
 *
 * A query set is what a person types and the page they mean: entity names,
 * partial names, titles, owners, API names, tags, prefix queries and phrases
 * from docs, each with its expected top result. The demo org's set is a
 * fixture (bench/fixtures/search-queries-demo.json); the synthetic org's is
 * derived from the generated org (search-queries-synthetic.ts).
 *
 * Scoring: the rank of a query is the position of the expected page among the
 * distinct pages the results link to, in order, the first counting 1 (a
 * "Go to" entry is a result like any other, so it is 1 when it points to the
 * expected page). The mean reciprocal rank is the mean of 1/rank, 0 when the
 * page is not listed.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const queryKinds = ['name', 'ref', 'partial', 'title', 'owner', 'api', 'tag', 'prefix', 'docs'] as const;
export type QueryKind = (typeof queryKinds)[number];

/** Queries that are exactly an entity's name or ref: the entity must come first, every time. */
const exactKinds: ReadonlySet<QueryKind> = new Set(['name', 'ref', 'owner']);

export function isExactQuery(kind: QueryKind): boolean {
  return exactKinds.has(kind);
}

export const SearchQuerySchema = z
  .object({
    q: z
      .string()
      .min(1)
      .refine((q) => q.trim() === q, 'no leading or trailing spaces')
      .meta({ description: 'What a person types, e.g. `booking serv` or `component:default/booking-service`.' }),
    expect: z
      .string()
      .regex(/^(?!\/)[^?#]*\/$/, 'a page path relative to the base, ending in `/`, e.g. `catalog/default/component/booking-service/`')
      .meta({ description: 'The page that should come first, relative to the site base.' }),
    kind: z.enum(queryKinds).meta({ description: 'What sort of query it is; `name`, `ref` and `owner` are exact names or refs.' }),
    note: z.string().optional().meta({ description: 'Why this page is the right answer, when it is not obvious.' }),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const QuerySetSchema = z
  .object({
    org: z.string().meta({ description: 'Which org the set is for: `demo` or `synthetic-<repos>-<seed>`.' }),
    queries: z.array(SearchQuerySchema).min(1),
  })
  .strict();
export type QuerySet = z.infer<typeof QuerySetSchema>;

/** Parse a query set; the error names the file, the query and the field. */
export function parseQuerySet(text: string, file: string): QuerySet {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message}).`, { cause: error });
  }
  const parsed = QuerySetSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}.`);
  }
  const seen = new Set<string>();
  for (const query of parsed.data.queries) {
    if (seen.has(query.q)) throw new Error(`${file}: the query "${query.q}" is listed twice.`);
    seen.add(query.q);
  }
  return parsed.data;
}

export async function loadQuerySet(file: string): Promise<QuerySet> {
  return parseQuerySet(await readFile(file, 'utf8'), file);
}

/** A result link as a site path: `http://host/base/a/index.html#x` → `/base/a/`. */
export function pagePath(link: string): string {
  const { pathname } = new URL(link, 'http://site.invalid');
  return decodeURI(pathname.replace(/\/index\.html$/, '/'));
}

/** Position (1-based) of `expected` (relative to `base`) among the distinct pages of `links`; null when absent. */
export function rankOf(links: readonly string[], expected: string, base: string): number | null {
  const target = pagePath(`${base}${expected}`);
  const pages: string[] = [];
  for (const link of links) {
    const page = pagePath(link);
    if (!pages.includes(page)) pages.push(page);
  }
  const at = pages.indexOf(target);
  return at < 0 ? null : at + 1;
}

export function reciprocalRank(rank: number | null): number {
  return rank === null ? 0 : 1 / rank;
}

export interface RankedQuery extends SearchQuery {
  rank: number | null;
  /** The first few result pages, for the report of a miss. */
  top: string[];
}

export interface QualitySummary {
  queries: number;
  mrr: number;
  byKind: Partial<Record<QueryKind, { queries: number; mrr: number }>>;
  /** Exact name, ref and owner queries, and those whose entity did not come first. */
  exact: { queries: number; first: number; misses: RankedQuery[] };
  /** Queries whose page did not come first, worst first. */
  misses: RankedQuery[];
}

export function summarizeQuality(ranked: readonly RankedQuery[]): QualitySummary {
  const mean = (list: readonly RankedQuery[]) => (list.length === 0 ? 0 : list.reduce((sum, r) => sum + reciprocalRank(r.rank), 0) / list.length);
  const byKind: QualitySummary['byKind'] = {};
  for (const kind of queryKinds) {
    const list = ranked.filter((r) => r.kind === kind);
    if (list.length > 0) byKind[kind] = { queries: list.length, mrr: mean(list) };
  }
  const exact = ranked.filter((r) => isExactQuery(r.kind));
  const worst = (a: RankedQuery, b: RankedQuery) => reciprocalRank(a.rank) - reciprocalRank(b.rank);
  return {
    queries: ranked.length,
    mrr: mean(ranked),
    byKind,
    exact: { queries: exact.length, first: exact.filter((r) => r.rank === 1).length, misses: exact.filter((r) => r.rank !== 1) },
    misses: ranked.filter((r) => r.rank !== 1).sort(worst),
  };
}
