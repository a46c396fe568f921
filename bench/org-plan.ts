/**
 * The synthetic org as data, before any file is written: people, domains,
 * systems, and per repo its role, metadata and entities with their references.
 * References only point at entities that will load, except the deliberate
 * dangling ones listed in `danglingRefs`.
 */
import { Random } from './prng.ts';
import { planPeople, type People, type PlannedTeam } from './org-people.ts';
import { claimName, titleCase } from './org-names.ts';
import { planRepoShells, type PlannedRepo } from './org-repos.ts';
import { businessNouns, domains as domainWords, resourceKinds, systemSuffixes, verbs, objects } from './org-words.ts';

export type { PlannedRepo } from './org-repos.ts';

export interface PlannedDomain {
  name: string;
  description: string;
  owner: string;
}

export interface PlannedSystem {
  name: string;
  description: string;
  domain: string;
  owner: string;
  department: string;
}

export interface OrgPlan {
  login: string;
  people: People;
  domains: PlannedDomain[];
  systems: PlannedSystem[];
  repos: PlannedRepo[];
  /** Canonical refs (`api:default/x`) written on purpose to point at nothing. */
  danglingRefs: string[];
  /** Group and User names the `org` repo declares in YAML as well. */
  yamlGroups: string[];
  yamlUsers: string[];
}

export interface PlanOptions {
  repos: number;
  teams: number;
  users: number;
  seed: number;
  login: string;
}

export function planOrg(options: PlanOptions): OrgPlan {
  const { seed, login } = options;
  const people = planPeople(Random.derive(seed, 'people'), login, options.teams, options.users);
  const random = Random.derive(seed, 'architecture');
  const { domains, systems } = planArchitecture(random, people, options.repos);
  const repos = planRepoShells(Random.derive(seed, 'repos'), { ...options, people, systems });
  const danglingRefs = planReferences(Random.derive(seed, 'references'), repos);
  const { yamlGroups, yamlUsers } = pickYamlDeclared(login, people);
  return { login, people, domains, systems, repos, danglingRefs, yamlGroups, yamlUsers };
}

function planArchitecture(random: Random, people: People, repoCount: number): { domains: PlannedDomain[]; systems: PlannedSystem[] } {
  const { departments, teamsByDepartment } = people;
  const domainCount = Math.max(2, Math.min(domainWords.length, Math.round(Math.sqrt(repoCount) / 4)));
  const domains: PlannedDomain[] = domainWords.slice(0, domainCount).map((name, i) => ({
    name,
    description: `The ${titleCase(name)} business capabilities, with ${titleCase(departments[i % departments.length]!.slug)} accountable for them.`,
    owner: departments[i % departments.length]!.slug,
  }));
  const taken = new Set<string>();
  const systems: PlannedSystem[] = [];
  for (let i = 0; i < Math.max(2, Math.round(repoCount / 20)); i++) {
    // Every domain gets a system before any gets a second.
    const domain = i < domains.length ? domains[i]! : random.pick(domains);
    const owner: PlannedTeam = random.pick(teamsByDepartment.get(domain.owner)!);
    const name = claimName(
      taken,
      `${random.pick(businessNouns)}-${random.pick(systemSuffixes)}`,
      () => `${random.pick(businessNouns)}-${random.pick(systemSuffixes)}`,
    );
    systems.push({
      name,
      domain: domain.name,
      owner: owner.slug,
      department: owner.department,
      description: `${titleCase(name)} ${random.pick(verbs)} ${random.pick(objects)} for the ${titleCase(domain.name)} domain.`,
    });
  }
  return { domains, systems };
}

/**
 * Second pass once every repo's own entities are known: dependsOn and
 * consumesApis between repos, only to entities that load (never to a broken
 * repo), then a few deliberately dangling refs.
 */
function planReferences(random: Random, repos: PlannedRepo[]): string[] {
  const healthy = repos.filter((r) => r.component && !r.component.problem);
  const apis = healthy.flatMap((r) => (r.component!.api ? [r.component!.api.name] : []));
  const libraries = healthy.filter((r) => r.component!.type === 'library').map((r) => r.name);
  const components = healthy.map((r) => r.name);
  const resources = healthy.flatMap((r) => r.component!.resources.map((x) => x.name));
  for (const repo of repos) {
    const c = repo.component;
    if (!c) continue;
    const own = new Set([repo.name, c.api?.name]);
    const add = (list: string[], value: string) => {
      if (!list.includes(value)) list.push(value);
    };
    for (const r of c.resources) add(c.dependsOn, `resource:${r.name}`);
    const uses = c.type === 'library' ? libraries : random.chance(0.5) ? libraries : components;
    for (const name of random.sample(uses, random.int(0, 2))) if (!own.has(name)) add(c.dependsOn, `component:${name}`);
    if (c.type !== 'library' && resources.length > 0 && random.chance(0.1)) add(c.dependsOn, `resource:${random.pick(resources)}`);
    const consumeCount = c.type === 'website' ? random.int(1, 3) : c.type === 'service' && random.chance(0.6) ? random.int(1, 3) : 0;
    for (const name of random.sample(apis, consumeCount)) if (!own.has(name)) add(c.consumesApis, name);
  }

  const taken = new Set([...apis, ...components, ...resources]);
  const dangling: string[] = [];
  const count = Math.max(2, Math.round(repos.length / 100));
  for (const repo of random.sample(healthy, count)) {
    const c = repo.component!;
    const noun = random.pick(businessNouns);
    if (dangling.length % 2 === 0) {
      const name = claimName(taken, `retired-${noun}-api`);
      c.consumesApis.push(name);
      dangling.push(`api:default/${name}`);
    } else {
      const name = claimName(taken, `retired-${noun}-${random.pick(resourceKinds).suffix}`);
      c.dependsOn.push(`resource:${name}`);
      dangling.push(`resource:default/${name}`);
    }
  }
  return dangling.sort();
}

/** The org root, the first two departments and two teams, with their maintainers and a few members. */
function pickYamlDeclared(login: string, people: People): { yamlGroups: string[]; yamlUsers: string[] } {
  const teams = [...people.departments.slice(0, 2), ...people.teams.filter((t) => t.level === 'team').slice(0, 2)];
  const users = new Set<string>();
  for (const team of teams) for (const m of team.members.filter((m) => m.role === 'MAINTAINER').slice(0, 2)) users.add(m.login);
  for (const team of teams.slice(2)) for (const m of team.members.slice(0, 2)) users.add(m.login);
  return { yamlGroups: [login, ...teams.map((t) => t.slug)], yamlUsers: [...users] };
}
