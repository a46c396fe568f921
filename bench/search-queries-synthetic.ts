/**
 * The search query set of a synthetic org, derived from the same plan the
 * generator writes (org-plan.ts, render-repo.ts): the same summary gives the
 * same queries, so nothing about 1,000 generated names is written by hand.
 *
 * In: the org's summary (login, seed, repos, teams, users). Out: a QuerySet
 * of names, refs, partial names, titles, owners, API titles, prefix queries
 * and docs pages, each with the page that should come first. A query is only
 * asked when that page is the one answer a person would expect: partial
 * names and prefix queries are kept only when no other entity's name has the
 * same words. No tag queries: the synthetic tags come from a shared list of
 * some twenty words, so no tag names one page (the demo set has them).
 */
import { planOrg } from './org-plan.ts';
import { titleCase } from './org-names.ts';
import { Random } from './prng.ts';
import { renderRepo } from './render-repo.ts';
import type { QueryKind, QuerySet, SearchQuery } from './search-queries.ts';
import type { SyntheticOrgSummary } from './synthetic-org.ts';

export type SyntheticOrgShape = Pick<SyntheticOrgSummary, 'login' | 'seed' | 'repos' | 'teams' | 'users'>;

export const defaultQueryCounts: Record<Exclude<QueryKind, 'tag'>, number> = {
  name: 15,
  ref: 10,
  partial: 10,
  title: 10,
  owner: 5,
  api: 8,
  prefix: 9,
  docs: 12,
};

interface Entity {
  kind: 'component' | 'api' | 'resource' | 'system' | 'domain' | 'group' | 'user';
  name: string;
  /** The repo the entity is declared in (components, APIs, resources). */
  repo?: string;
  lifecycle?: string;
}

const entityPath = (e: Entity) => `catalog/default/${e.kind}/${e.name}/`;
const words = (name: string) => name.split(/[-.]/).filter(Boolean);

export function syntheticQuerySet(org: SyntheticOrgShape, counts = defaultQueryCounts): QuerySet {
  const plan = planOrg({ repos: org.repos, teams: org.teams, users: org.users, seed: org.seed, login: org.login });
  const random = Random.derive(org.seed, 'search-queries');
  const healthy = plan.repos.filter((r) => r.role === 'component' && r.component && !r.component.problem);
  const entities: Entity[] = [
    ...healthy.map((r): Entity => ({ kind: 'component', name: r.name, repo: r.name, lifecycle: r.component!.lifecycle })),
    ...healthy.flatMap((r): Entity[] =>
      r.component!.api ? [{ kind: 'api', name: r.component!.api.name, repo: r.name, lifecycle: r.component!.lifecycle }] : [],
    ),
    ...healthy.flatMap((r) => r.component!.resources.map((x): Entity => ({ kind: 'resource', name: x.name, repo: r.name }))),
    ...plan.systems.map((s): Entity => ({ kind: 'system', name: s.name })),
    ...plan.domains.map((d): Entity => ({ kind: 'domain', name: d.name })),
    ...plan.yamlGroups.map((g): Entity => ({ kind: 'group', name: g })),
    ...plan.yamlUsers.map((u): Entity => ({ kind: 'user', name: u })),
  ];
  const named = new Map<string, number>();
  for (const e of entities) named.set(e.name, (named.get(e.name) ?? 0) + 1);
  const unique = entities.filter((e) => named.get(e.name) === 1);
  /** Entities among `pool` whose name has every word of `q` (the last as a prefix, as Pagefind matches it). */
  const matching = (q: string, pool: readonly Entity[]) => {
    const terms = q.toLowerCase().split(' ');
    return pool.filter((e) => {
      const w = words(e.name);
      return terms.every((t, i) => (i === terms.length - 1 ? w.some((x) => x.startsWith(t)) : w.includes(t)));
    });
  };
  const of = (...kinds: Entity['kind'][]) => unique.filter((e) => kinds.includes(e.kind));
  const take = <T>(list: readonly T[], n: number) => random.sample(list, n);

  const queries: SearchQuery[] = [];
  const add = (q: string, expect: string, kind: QueryKind) => {
    if (!queries.some((x) => x.q === q)) queries.push({ q, expect, kind });
  };

  for (const e of take(of('component', 'api', 'resource', 'system', 'user'), counts.name)) add(e.name, entityPath(e), 'name');
  for (const e of take(unique, counts.ref)) add(`${e.kind}:default/${e.name}`, entityPath(e), 'ref');
  const partials = of('component').flatMap((e) => {
    const w = words(e.name);
    if (w.length < 3) return [];
    const q = w.slice(0, -1).join(' ');
    return matching(q, entities).length === 1 ? [{ e, q }] : [];
  });
  for (const { e, q } of take(partials, counts.partial)) add(q, entityPath(e), 'partial');
  for (const e of take(of('component', 'resource', 'system'), counts.title)) add(titleCase(e.name), entityPath(e), 'title');
  for (const e of take(of('group'), counts.owner)) add(e.name, entityPath(e), 'owner');
  for (const e of take(of('api'), counts.api)) add(titleCase(e.name), entityPath(e), 'api');
  for (const { q, e } of take(prefixQueries(of, matching), counts.prefix)) add(q, entityPath(e), 'prefix');
  for (const { q, expect } of take(docsQueries(plan, org.seed, healthy), counts.docs)) add(q, expect, 'docs');
  return { org: `synthetic-${org.repos}-${org.seed}`, queries };
}

type Of = (...kinds: Entity['kind'][]) => Entity[];
type Matching = (q: string, pool: readonly Entity[]) => Entity[];

/** `kind:api <words>`, `kind:system <word>`, `lifecycle:deprecated <words>`: the filter leaves one entity with those words. */
function prefixQueries(of: Of, matching: Matching): { q: string; e: Entity }[] {
  const firstWords = (e: Entity, n: number) =>
    words(e.repo ?? e.name)
      .slice(0, n)
      .join(' ');
  const apis = of('api');
  const systems = of('system');
  const deprecated = of('component', 'api').filter((e) => e.lifecycle === 'deprecated');
  const one = (prefix: string, e: Entity, q: string, pool: readonly Entity[]) => (matching(q, pool).length === 1 ? [{ q: `${prefix} ${q}`, e }] : []);
  const byKind = [
    apis.flatMap((e) => one('kind:api', e, firstWords(e, 2), apis)),
    systems.flatMap((e) => one('kind:system', e, firstWords(e, 1), systems)),
    deprecated.filter((e) => e.kind === 'component').flatMap((e) => one('lifecycle:deprecated', e, firstWords(e, 2), deprecated)),
  ];
  // A third of each sort, in a stable order: the caller samples from the whole list.
  return byKind.flatMap((list) => list.slice(0, 6));
}

/** `<repo words> <page title>` for a docs page that is not the home or getting-started page every site has. */
function docsQueries(plan: ReturnType<typeof planOrg>, seed: number, healthy: typeof plan.repos): { q: string; expect: string }[] {
  const out: { q: string; expect: string }[] = [];
  for (const repo of healthy.filter((r) => r.component!.docs)) {
    const files = renderRepo(plan, repo, seed);
    const nav = files['mkdocs.yml'] ?? '';
    for (const path of Object.keys(files).filter((p) => p.startsWith('docs/') && p.endsWith('.md'))) {
      const page = path.slice('docs/'.length, -'.md'.length);
      if (page === 'index' || page === 'getting-started' || page === 'reference/api') continue;
      const title = new RegExp(`^\\s*- ([^:]+): ${page.replace(/[/.]/g, '\\$&')}\\.md$`, 'm').exec(nav)?.[1];
      if (title) out.push({ q: `${words(repo.name).join(' ')} ${title.toLowerCase()}`, expect: `docs/default/component/${repo.name}/${page}/` });
    }
  }
  return out;
}
