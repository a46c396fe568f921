/**
 * Teams and people of the synthetic org: departments under the org root,
 * teams under departments, some sub-teams under teams (depth 3–4 counting the
 * org), and users who belong to one or two teams. A few teams are much larger
 * than the rest so the GitHub crawler's member paging (50 per page) is used.
 */
import type { Random } from './prng.ts';
import { businessNouns, departments as departmentWords, firstNames, lastNames, teamSuffixes } from './org-words.ts';
import { byString, claimName, titleCase } from './org-names.ts';

export interface PlannedTeam {
  slug: string;
  name: string;
  description: string;
  parent?: string;
  /** Slug of the department this team sits in (itself for a department). */
  department: string;
  level: 'department' | 'team' | 'sub-team';
  members: { login: string; role: 'MEMBER' | 'MAINTAINER' }[];
}

export interface PlannedUser {
  login: string;
  name: string;
  email: string;
  /** Teams, primary first. */
  teams: string[];
}

export interface People {
  teams: PlannedTeam[];
  users: PlannedUser[];
  departments: PlannedTeam[];
  /** Teams (not departments) of each department: the candidates for owning things. */
  teamsByDepartment: Map<string, PlannedTeam[]>;
}

/** GitHub returns team members 50 to a page. */
export const MEMBERS_PER_PAGE = 50;

export function planPeople(random: Random, login: string, teamCount: number, userCount: number): People {
  const taken = new Set<string>([login]);
  const departmentCount = Math.max(2, Math.min(departmentWords.length, Math.round(teamCount / 12)));
  const teams: PlannedTeam[] = [];
  for (let i = 0; i < departmentCount; i++) {
    const slug = claimName(taken, departmentWords[i]!);
    teams.push({
      slug,
      name: titleCase(slug),
      description: `${titleCase(slug)}: the department's managers and its teams.`,
      department: slug,
      level: 'department',
      members: [],
    });
  }
  const departments = [...teams];
  const topTeams: PlannedTeam[] = [];
  for (let i = departmentCount; i < teamCount; i++) {
    const slug = claimName(
      taken,
      `${random.pick(businessNouns)}-${random.pick(teamSuffixes)}`,
      () => `${random.pick(businessNouns)}-${random.pick(teamSuffixes)}`,
    );
    // Every department gets a team first; later ones are a quarter sub-teams.
    const asSubTeam = i >= departmentCount * 2 && topTeams.length > 0 && random.chance(0.25);
    const parent = asSubTeam ? random.pick(topTeams) : i < departmentCount * 2 ? departments[i - departmentCount]! : random.pick(departments);
    const team: PlannedTeam = {
      slug,
      name: titleCase(slug),
      description: `Builds and runs ${slug.split('-')[0]} systems in ${titleCase(parent.department)}.`,
      parent: parent.slug,
      department: parent.department,
      level: asSubTeam ? 'sub-team' : 'team',
      members: [],
    };
    teams.push(team);
    if (!asSubTeam) topTeams.push(team);
  }

  const users = planUsers(random, login, Math.max(userCount, teamCount));
  assignMembers(random, teams, users);

  const teamsByDepartment = new Map<string, PlannedTeam[]>(departments.map((d) => [d.slug, []]));
  for (const team of teams) if (team.level !== 'department') teamsByDepartment.get(team.department)!.push(team);
  return { teams, users, departments, teamsByDepartment };
}

function planUsers(random: Random, org: string, count: number): PlannedUser[] {
  const logins = new Set<string>();
  const users: PlannedUser[] = [];
  for (let i = 0; i < count; i++) {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const f = ascii(first);
    const l = ascii(last);
    const style = random.int(0, 2);
    const base = style === 0 ? `${f[0]}${l}` : style === 1 ? `${f}-${l}` : `${f}${l}`;
    const login = claimName(logins, base, undefined, '');
    users.push({ login, name: `${first} ${last}`, email: `${login === base ? `${f}.${l}` : login}@${org}.example`, teams: [] });
  }
  return users;
}

/**
 * Every team gets a maintainer first (so none is empty), then each user a
 * primary team and, for a third of them, a second one. One team in twelve is
 * weighted fifteen times heavier: those overflow GitHub's first member page.
 */
function assignMembers(random: Random, teams: PlannedTeam[], users: PlannedUser[]): void {
  const big = new Set(
    random
      .sample(
        teams.filter((t) => t.level !== 'department'),
        Math.max(1, Math.round(teams.length / 12)),
      )
      .map((t) => t.slug),
  );
  const weight = (t: PlannedTeam) => (big.has(t.slug) ? 15 : 1);
  const nonDepartments = teams.filter((t) => t.level !== 'department');
  const join = (user: PlannedUser, team: PlannedTeam, role: 'MEMBER' | 'MAINTAINER') => {
    user.teams.push(team.slug);
    team.members.push({ login: user.login, role });
  };
  users.forEach((user, i) => {
    if (i < teams.length) join(user, teams[i]!, 'MAINTAINER');
    else join(user, random.weighted(nonDepartments, weight), random.chance(0.08) ? 'MAINTAINER' : 'MEMBER');
    if (random.chance(0.33)) {
      const second = random.weighted(teams, weight);
      if (!user.teams.includes(second.slug)) join(user, second, 'MEMBER');
    }
  });
  for (const team of teams) team.members.sort((a, b) => byString(a.login, b.login));
}

/** `Zoë Müller` → `zoe`, `muller`: logins and emails are ASCII. */
function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
