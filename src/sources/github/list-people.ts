/**
 * Phase C of a crawl: the organization's teams (with their parents, for the
 * hierarchy) and the teams' members, who become Group and User entities as
 * Backstage's GitHub org provider makes them. Teams come with their first
 * members in one page; a team with more members continues on its own.
 */
import type { OrgPeople } from '../snapshot.ts';
import { AdaptiveSize } from './adaptive-size.ts';
import { QueryTooBigError, type GitHubClient } from './client.ts';
import { ORG_TEAMS_PAGE, TEAM_MEMBERS_PAGE } from './queries.ts';

interface Member {
  login: string;
  name: string | null;
  email: string | null;
  avatarUrl: string | null;
  url: string | null;
}

interface MembersConnection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Member[];
}

interface TeamsPage {
  organization: {
    teams: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: {
        slug: string;
        name: string;
        description: string | null;
        url: string | null;
        avatarUrl: string | null;
        parentTeam: { slug: string } | null;
        members: MembersConnection;
      }[];
    };
  } | null;
}

interface TeamMembersData {
  organization: { team: { members: MembersConnection } | null } | null;
}

export interface PeopleOptions {
  org: string;
  orgUrl?: string;
  teamsPageSize: AdaptiveSize;
  membersPageSize: AdaptiveSize;
}

export async function listPeople(client: GitHubClient, options: PeopleOptions): Promise<OrgPeople> {
  const teams: OrgPeople['teams'] = [];
  const users = new Map<string, OrgPeople['users'][number]>();
  const addMembers = (nodes: Member[]) => {
    for (const m of nodes) {
      if (users.has(m.login)) continue;
      users.set(m.login, {
        login: m.login,
        ...(m.name ? { name: m.name } : {}),
        ...(m.email ? { email: m.email } : {}),
        ...(m.avatarUrl ? { avatarUrl: m.avatarUrl } : {}),
        ...(m.url ? { url: m.url } : {}),
      });
    }
  };
  let cursor: string | null = null;
  for (;;) {
    let page: TeamsPage;
    try {
      page = (await client.query<TeamsPage>(ORG_TEAMS_PAGE, { org: options.org, pageSize: options.teamsPageSize.current, membersPageSize: options.membersPageSize.current, cursor })).data;
    } catch (error) {
      // Too big: fewer teams per page first, then fewer members per team.
      if (error instanceof QueryTooBigError && (options.teamsPageSize.shrink() || options.membersPageSize.shrink())) continue;
      throw error;
    }
    options.teamsPageSize.succeeded();
    options.membersPageSize.succeeded();
    const connection = page.organization?.teams;
    if (!connection) break;
    for (const team of connection.nodes) {
      const members = team.members.nodes.map((m) => m.login);
      addMembers(team.members.nodes);
      let more = team.members.pageInfo;
      while (more.hasNextPage && more.endCursor) {
        const rest: TeamMembersData = (await client.query<TeamMembersData>(TEAM_MEMBERS_PAGE, { org: options.org, slug: team.slug, pageSize: options.membersPageSize.current, cursor: more.endCursor })).data;
        const next = rest.organization?.team?.members;
        if (!next) break;
        members.push(...next.nodes.map((m) => m.login));
        addMembers(next.nodes);
        more = next.pageInfo;
      }
      teams.push({
        slug: team.slug,
        name: team.name,
        ...(team.description ? { description: team.description } : {}),
        ...(team.parentTeam ? { parent: team.parentTeam.slug } : {}),
        members,
        ...(team.url ? { url: team.url } : {}),
        ...(team.avatarUrl ? { avatarUrl: team.avatarUrl } : {}),
      });
    }
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    cursor = connection.pageInfo.endCursor;
  }
  return {
    org: options.org,
    ...(options.orgUrl ? { url: options.orgUrl } : {}),
    teams,
    users: [...users.values()].sort((a, b) => a.login.localeCompare(b.login)),
  };
}
