/**
 * A realistic organization of N repos written to disk, deterministic from a
 * seed: repo folders as `--source local:<dir>` reads them, plus the
 * `.github-org.json` sidecar (teams, users, repo metadata) the fake GitHub
 * serves. Used by `npm run bench` and by tests that build the same org through
 * the local source and through the GitHub crawler.
 *
 * In: a folder and { repos, teams?, seed?, login? }. Out: the files, and a
 * summary of what was written (counts, the deliberately broken repos and
 * dangling refs) for tests to assert against.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ORG_SIDECAR_FILE, type OrgSidecar } from '../test/fakes/github/org-model.ts';
import { MEMBERS_PER_PAGE } from './org-people.ts';
import { byString } from './org-names.ts';
import { planOrg, type OrgPlan, type PlannedRepo } from './org-plan.ts';
import type { Problem } from './org-repos.ts';
import { renderRepo } from './render-repo.ts';

export interface SyntheticOrgOptions {
  /** Number of repos, at least 10 (org and architecture repos and templates included). */
  repos: number;
  /** Number of GitHub teams, departments included; default 15% of repos (150 for 1,000). */
  teams?: number;
  seed?: number;
  /** Organization login; default `acme`. */
  login?: string;
}

export type EntityKind = 'Component' | 'API' | 'Resource' | 'System' | 'Domain' | 'Group' | 'User' | 'Location' | 'Template';

export interface SyntheticOrgSummary {
  login: string;
  seed: number;
  repos: number;
  reposWithCatalog: number;
  reposWithoutCatalog: number;
  reposWithDocs: number;
  templates: number;
  archived: number;
  forks: number;
  /** Repos whose catalog file has one deliberate mistake. */
  broken: number;
  brokenRepos: { repo: string; problem: Problem }[];
  teams: number;
  /** Teams with more members than GitHub returns on one page. */
  largeTeams: number;
  users: number;
  /** Entities that load without errors, by kind (broken documents excluded). */
  entities: Record<EntityKind, number>;
  /** Canonical refs that deliberately point at nothing. */
  danglingRefs: string[];
  /** Names declared in the org repo's YAML as well as (for non-root groups and users) in the sidecar. */
  yamlGroups: string[];
  yamlUsers: string[];
  files: number;
  bytes: number;
}

export async function generateSyntheticOrg(dir: string, options: SyntheticOrgOptions): Promise<SyntheticOrgSummary> {
  const seed = options.seed ?? 1;
  const login = options.login ?? 'acme';
  if (!Number.isInteger(options.repos) || options.repos < 10) throw new RangeError(`repos must be an integer of at least 10; got ${options.repos}.`);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(login)) throw new RangeError(`login must be lowercase letters, digits and single dashes; got "${login}".`);
  const teams = options.teams ?? Math.max(4, Math.round(options.repos * 0.15));
  if (!Number.isInteger(teams) || teams < 4) throw new RangeError(`teams must be an integer of at least 4; got ${teams}.`);

  const plan = planOrg({ repos: options.repos, teams, users: options.repos, seed, login });
  await prepareDir(dir);
  let files = 0;
  let bytes = 0;
  await inPool(plan.repos, 16, async (repo) => {
    const repoFiles = renderRepo(plan, repo, seed);
    const paths = Object.keys(repoFiles).sort(byString);
    const folders = [...new Set(paths.map((p) => dirname(join(repo.name, p))))];
    // Only the deepest folders: `mkdir -p` makes their parents.
    const leaves = folders.filter((f) => !folders.some((g) => g.startsWith(`${f}/`)));
    await Promise.all(leaves.map((f) => mkdir(join(dir, f), { recursive: true })));
    await Promise.all(paths.map((p) => writeFile(join(dir, repo.name, p), repoFiles[p]!)));
    files += paths.length;
    for (const p of paths) bytes += Buffer.byteLength(repoFiles[p]!);
  });
  const sidecar = `${JSON.stringify(toSidecar(plan), null, 2)}\n`;
  await writeFile(join(dir, ORG_SIDECAR_FILE), sidecar);
  return summarize(plan, seed, files + 1, bytes + Buffer.byteLength(sidecar));
}

/** Create the folder; clear it only when it holds a previous synthetic org (it has a sidecar), never anything else. */
async function prepareDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const entries = await readdir(dir);
  if (entries.length === 0) return;
  if (!entries.includes(ORG_SIDECAR_FILE)) {
    throw new Error(`${dir} is not empty and has no ${ORG_SIDECAR_FILE}, so it is not a previous synthetic org. Pick an empty or new folder.`);
  }
  await Promise.all(entries.map((e) => rm(join(dir, e), { recursive: true, force: true })));
}

function toSidecar(plan: OrgPlan): OrgSidecar {
  const repos: OrgSidecar['repos'] = {};
  for (const repo of [...plan.repos].sort((a, b) => byString(a.name, b.name))) {
    repos[repo.name] = {
      description: repo.description,
      topics: repo.topics,
      visibility: repo.visibility,
      isArchived: repo.archived,
      isFork: repo.fork,
      isTemplate: repo.role === 'template',
      ...(repo.language ? { primaryLanguage: repo.language.name } : {}),
      defaultBranch: 'main',
      createdAt: repo.createdAt,
      committedDate: repo.committedDate,
    };
  }
  return {
    login: plan.login,
    teams: plan.people.teams.map((t) => ({
      slug: t.slug,
      name: t.name,
      description: t.description,
      ...(t.parent ? { parent: t.parent } : {}),
      members: t.members,
    })),
    users: [...plan.people.users].sort((a, b) => byString(a.login, b.login)).map((u) => ({ login: u.login, name: u.name, email: u.email })),
    repos,
  };
}

function summarize(plan: OrgPlan, seed: number, files: number, bytes: number): SyntheticOrgSummary {
  const entities: Record<EntityKind, number> = {
    Component: 0,
    API: 0,
    Resource: 0,
    System: plan.systems.length,
    Domain: plan.domains.length,
    Group: plan.yamlGroups.length,
    User: plan.yamlUsers.length,
    Location: 2,
    Template: 0,
  };
  const brokenRepos: SyntheticOrgSummary['brokenRepos'] = [];
  for (const repo of plan.repos) {
    if (repo.role === 'template') entities.Template++;
    const c = repo.component;
    if (!c) continue;
    if (c.problem) brokenRepos.push({ repo: repo.name, problem: c.problem });
    if (c.problem === 'yaml-syntax') continue; // the whole file is rejected
    if (!c.problem) entities.Component++;
    if (c.api) entities.API++;
    if (c.api?.viaLocation) entities.Location++;
    entities.Resource += c.resources.length;
  }
  const count = (test: (r: PlannedRepo) => boolean) => plan.repos.filter(test).length;
  return {
    login: plan.login,
    seed,
    repos: plan.repos.length,
    reposWithCatalog: count((r) => r.role !== 'no-catalog'),
    reposWithoutCatalog: count((r) => r.role === 'no-catalog'),
    reposWithDocs: count((r) => r.component?.docs === true),
    templates: entities.Template,
    archived: count((r) => r.archived),
    forks: count((r) => r.fork),
    broken: brokenRepos.length,
    brokenRepos: brokenRepos.sort((a, b) => byString(a.repo, b.repo)),
    teams: plan.people.teams.length,
    largeTeams: plan.people.teams.filter((t) => t.members.length > MEMBERS_PER_PAGE).length,
    users: plan.people.users.length,
    entities,
    danglingRefs: plan.danglingRefs,
    yamlGroups: plan.yamlGroups,
    yamlUsers: plan.yamlUsers,
    files,
    bytes,
  };
}

/** Run `work` over items, at most `size` at a time. */
async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
