/**
 * Teams and users of a fake org as GraphQL objects: `Organization.teams`,
 * `Organization.team`, `Team.members` (IMMEDIATE / CHILD_TEAM / ALL) and
 * `Organization.membersWithRole`. Ids and database ids are derived from
 * names, so they are stable across loads.
 */
import { createHash } from 'node:crypto';
import { connection, type PageArgs, type ResourceBudget } from './connection.ts';
import type { FakeOrg, FakeTeam, FakeUser } from './org-model.ts';

const FIXED_DATE = '2020-01-01T00:00:00Z';

function digest(text: string): Buffer {
  return createHash('sha1').update(text).digest();
}

/** A positive 31-bit integer derived from a node id. */
export function databaseIdOf(nodeId: string): number {
  return digest(nodeId).readUInt32BE(0) & 0x7fffffff || 1;
}

export function teamNodeId(org: FakeOrg, slug: string): string {
  return `T_${digest(`team:${org.login}/${slug}`).toString('base64url')}`;
}

export function userNodeId(login: string): string {
  return `U_${digest(`user:${login.toLowerCase()}`).toString('base64url')}`;
}

/** Position keys keep the model's own order for connections that have no sort field. */
const positionKey = (index: number) => String(index).padStart(8, '0');
const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

function findUser(org: FakeOrg, login: string): FakeUser | undefined {
  return org.users.find((user) => user.login.toLowerCase() === login.toLowerCase());
}

export function userObject(org: FakeOrg, login: string) {
  const user = findUser(org, login) ?? { login };
  const id = userNodeId(user.login);
  const databaseId = databaseIdOf(id);
  return {
    __typename: 'User',
    id,
    databaseId,
    login: user.login,
    name: user.name ?? null,
    // GitHub returns "" when the public email is hidden.
    email: user.email ?? '',
    avatarUrl: () => user.avatarUrl ?? `https://avatars.githubusercontent.com/u/${databaseId}?v=4`,
    url: `https://github.com/${user.login}`,
    resourcePath: `/${user.login}`,
    company: null,
    bio: null,
    location: null,
    websiteUrl: null,
    twitterUsername: null,
    createdAt: FIXED_DATE,
    updatedAt: FIXED_DATE,
    organizationVerifiedDomainEmails: () => (user.email ? [user.email] : []),
  };
}

/** Users listed in the sidecar first, then team members it does not list (GitHub: every team member is an org member). */
function orgMemberLogins(org: FakeOrg): string[] {
  const logins = org.users.map((user) => user.login);
  const known = new Set(logins.map((login) => login.toLowerCase()));
  for (const team of org.teams) {
    for (const member of team.members) {
      if (!known.has(member.login.toLowerCase())) {
        known.add(member.login.toLowerCase());
        logins.push(member.login);
      }
    }
  }
  return logins;
}

export function isOrgMember(org: FakeOrg, login: string): boolean {
  return orgMemberLogins(org).some((member) => member.toLowerCase() === login.toLowerCase());
}

export function orgMembers(org: FakeOrg, args: PageArgs, budget: ResourceBudget) {
  const logins = orgMemberLogins(org).map((login, index) => ({ login, index }));
  return connection(
    logins,
    args,
    {
      field: 'membersWithRole',
      key: (member) => positionKey(member.index),
      node: (member) => userObject(org, member.login),
      edge: (member) => ({ role: findUser(org, member.login)?.role ?? 'MEMBER', hasTwoFactorEnabled: null }),
    },
    budget,
  );
}

interface TeamMembersArgs extends PageArgs {
  membership?: 'IMMEDIATE' | 'CHILD_TEAM' | 'ALL';
  role?: 'MEMBER' | 'MAINTAINER' | null;
  query?: string | null;
  orderBy?: { field: 'LOGIN' | 'CREATED_AT'; direction: 'ASC' | 'DESC' } | null;
}

function childTeams(org: FakeOrg, team: FakeTeam): FakeTeam[] {
  return org.teams.filter((other) => other.parent === team.slug);
}

function descendants(org: FakeOrg, team: FakeTeam, seen = new Set<string>([team.slug])): FakeTeam[] {
  const result: FakeTeam[] = [];
  for (const child of childTeams(org, team)) {
    if (seen.has(child.slug)) continue;
    seen.add(child.slug);
    result.push(child, ...descendants(org, child, seen));
  }
  return result;
}

function teamMembers(org: FakeOrg, team: FakeTeam, args: TeamMembersArgs, budget: ResourceBudget) {
  const membership = args.membership ?? 'ALL';
  const sources = [...(membership === 'CHILD_TEAM' ? [] : [team]), ...(membership === 'IMMEDIATE' ? [] : descendants(org, team))];
  // A login in several of these teams counts once, with its first role.
  const byLogin = new Map<string, FakeTeam['members'][number]>();
  for (const member of sources.flatMap((source) => source.members)) {
    if (!byLogin.has(member.login.toLowerCase())) byLogin.set(member.login.toLowerCase(), member);
  }
  let members = [...byLogin.values()];
  if (args.role) members = members.filter((member) => member.role === args.role);
  if (args.query) {
    const query = args.query.toLowerCase();
    members = members.filter((member) => member.login.toLowerCase().includes(query) || (findUser(org, member.login)?.name ?? '').toLowerCase().includes(query));
  }
  let items = members.map((member, index) => ({ ...member, key: positionKey(index) }));
  if (args.orderBy?.field === 'LOGIN')
    items = items.map((item) => ({ ...item, key: `${item.login.toLowerCase()}\0${item.key}` })).sort(byKey((item) => item.key));
  const descending = args.orderBy?.direction === 'DESC';
  if (descending) items.reverse();
  return connection(
    items,
    args,
    {
      field: 'members',
      key: (item) => item.key,
      descending,
      node: (item) => userObject(org, item.login),
      edge: (item) => ({ role: item.role }),
    },
    budget,
  );
}

export function teamObject(org: FakeOrg, team: FakeTeam, budget: ResourceBudget): Record<string, unknown> {
  const id = teamNodeId(org, team.slug);
  const databaseId = databaseIdOf(id);
  return {
    __typename: 'Team',
    id,
    databaseId,
    slug: team.slug,
    combinedSlug: `${org.login}/${team.slug}`,
    name: team.name,
    description: team.description ?? null,
    privacy: 'VISIBLE',
    url: `https://github.com/orgs/${org.login}/teams/${team.slug}`,
    resourcePath: `/orgs/${org.login}/teams/${team.slug}`,
    avatarUrl: () => `https://avatars.githubusercontent.com/t/${databaseId}?s=400&v=4`,
    createdAt: FIXED_DATE,
    updatedAt: FIXED_DATE,
    parentTeam: () => {
      const parent = org.teams.find((other) => other.slug === team.parent);
      return parent ? teamObject(org, parent, budget) : null;
    },
    members: (args: TeamMembersArgs) => teamMembers(org, team, args, budget),
    childTeams: (args: PageArgs & { immediateOnly?: boolean }) =>
      teamConnection(org, args.immediateOnly === false ? descendants(org, team) : childTeams(org, team), args, 'childTeams', budget),
  };
}

interface TeamsArgs extends PageArgs {
  orderBy?: { field: 'NAME'; direction: 'ASC' | 'DESC' } | null;
  privacy?: 'SECRET' | 'VISIBLE' | null;
  query?: string | null;
  rootTeamsOnly?: boolean;
  userLogins?: string[] | null;
}

function teamConnection(org: FakeOrg, teams: FakeTeam[], args: TeamsArgs, field: string, budget: ResourceBudget) {
  const key = (team: FakeTeam) => `${team.name.toLowerCase()}\0${team.slug}`;
  const sorted = [...teams].sort(byKey(key));
  const descending = args.orderBy?.direction === 'DESC';
  if (descending) sorted.reverse();
  return connection(sorted, args, { field, key, descending, node: (team) => teamObject(org, team, budget) }, budget);
}

export function orgTeams(org: FakeOrg, args: TeamsArgs, budget: ResourceBudget) {
  let teams = org.teams;
  if (args.privacy === 'SECRET') teams = [];
  if (args.rootTeamsOnly) teams = teams.filter((team) => !team.parent);
  if (args.query) {
    const query = args.query.toLowerCase();
    teams = teams.filter((team) => team.name.toLowerCase().includes(query) || team.slug.includes(query));
  }
  if (args.userLogins?.length) {
    const logins = new Set(args.userLogins.map((login) => login.toLowerCase()));
    teams = teams.filter((team) => team.members.some((member) => logins.has(member.login.toLowerCase())));
  }
  return teamConnection(org, teams, args, 'teams', budget);
}

export function findTeam(org: FakeOrg, slug: string): FakeTeam | undefined {
  return org.teams.find((team) => team.slug === slug);
}
