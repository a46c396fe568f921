/**
 * Phase C of a crawl: the organization's teams (with their parents, for the
 * hierarchy) and the teams' members, who become Group and User entities as
 * Backstage's GitHub org provider makes them. Teams come with their first
 * members in one page; a team with more members continues on its own.
 */
import { parseWebUrl } from '../checked-values.ts';
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

/** The org's people, and notes on what GitHub gave that could not be used. */
export async function listPeople(client: GitHubClient, options: PeopleOptions): Promise<{ people: OrgPeople; notes: string[] }> {
  const teams: OrgPeople['teams'] = [];
  const users = new Map<string, OrgPeople['users'][number]>();
  // URLs are checked where they enter: a page may then link them and show avatars without a second look.
  let invalidUrls = 0;
  const webUrl = (key: 'url' | 'avatarUrl', value: string | null) => {
    if (!value) return {};
    const url = parseWebUrl(value);
    if (!url) invalidUrls++;
    return url ? { [key]: url } : {};
  };
  const addMembers = (nodes: Member[]) => {
    for (const m of nodes) {
      if (users.has(m.login)) continue;
      users.set(m.login, {
        login: m.login,
        ...(m.name ? { name: m.name } : {}),
        ...(m.email ? { email: m.email } : {}),
        ...webUrl('avatarUrl', m.avatarUrl),
        ...webUrl('url', m.url),
      });
    }
  };
  let cursor: string | null = null;
  for (;;) {
    let page: TeamsPage;
    try {
      page = (
        await client.query<TeamsPage>(ORG_TEAMS_PAGE, {
          org: options.org,
          pageSize: options.teamsPageSize.current,
          membersPageSize: options.membersPageSize.current,
          cursor,
        })
      ).data;
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
        const rest: TeamMembersData = (
          await client.query<TeamMembersData>(TEAM_MEMBERS_PAGE, {
            org: options.org,
            slug: team.slug,
            pageSize: options.membersPageSize.current,
            cursor: more.endCursor,
          })
        ).data;
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
        ...webUrl('url', team.url),
        ...webUrl('avatarUrl', team.avatarUrl),
      });
    }
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    cursor = connection.pageInfo.endCursor;
  }
  const orgUrl = options.orgUrl ? webUrl('url', options.orgUrl) : {};
  const people = { org: options.org, ...orgUrl, teams, users: [...users.values()].sort((a, b) => a.login.localeCompare(b.login)) };
  const notes = invalidUrls
    ? [`GitHub gave ${invalidUrls} team, member or avatar URL(s) of ${options.org} that are not valid http(s) URLs; they are left out (no link, no picture).`]
    : [];
  return { people, notes };
}
