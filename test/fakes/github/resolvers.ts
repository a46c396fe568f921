/**
 * Resolvers over the live `FakeOrg` models: the root fields, Organization and
 * Repository (teams and users are in people.ts, git objects in
 * git-objects.ts). Objects are plain objects whose fields are values or
 * functions of the field's arguments, read by `fakeFieldResolver`; a field
 * the fake does not model fails with "not implemented in the fake GitHub"
 * instead of silently returning null. Interfaces (Node, GitObject,
 * RepositoryOwner) resolve through each object's `__typename`.
 */
import { createHash } from 'node:crypto';
import { GraphQLError, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { connection, gitHubError, resourceLimitsError, type PageArgs, type ResourceBudget } from './connection.ts';
import { lastChangeOf, resolveExpression, rootTree } from './git-objects.ts';
import type { FakeOrg, FakeRepo } from './org-model.ts';
import { databaseIdOf, findTeam, isOrgMember, orgMembers, orgTeams, teamNodeId, teamObject, userNodeId, userObject } from './people.ts';

export interface FakeRateLimitView {
  limit: number;
  cost: number;
  remaining: number;
  used: number;
  resetAt: string;
  nodeCount: number;
}

/** Per-request state. */
export interface FakeContext extends ResourceBudget {
  orgs: readonly FakeOrg[];
  /** What `rateLimit { … }` answers for this request (after charging it). */
  rateLimit: FakeRateLimitView;
  /** `repository`/`node` root fields resolved so far, for the resource limit. */
  lookups: number;
  nodeIndex?: Map<string, () => unknown>;
}

/** A field of the fake's model that is a function resolves like a resolver: of the query's arguments. */
type FieldFunction = (args: Record<string, unknown>, context: FakeContext, info: GraphQLResolveInfo) => unknown;

export const fakeFieldResolver: GraphQLFieldResolver<unknown, FakeContext, Record<string, unknown>> = (source, args, context, info) => {
  if (source === null || typeof source !== 'object' || !(info.fieldName in source)) {
    throw new GraphQLError(`${info.parentType.name}.${info.fieldName} is not implemented in the fake GitHub (test/fakes/github/resolvers.ts).`);
  }
  const value = (source as Record<string, unknown>)[info.fieldName];
  return typeof value === 'function' ? (value as FieldFunction)(args, context, info) : value;
};

const LANGUAGE_COLORS: Record<string, string> = {
  'C#': '#178600',
  Go: '#00ADD8',
  Java: '#b07219',
  JavaScript: '#f1e05a',
  Kotlin: '#A97BFF',
  Python: '#3572A5',
  Ruby: '#701516',
  Rust: '#dea584',
  Shell: '#89e051',
  TypeScript: '#3178c6',
};

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const later = (a: string, b: string) => (a > b ? a : b);
const hashId = (prefix: string, text: string) => `${prefix}_${createHash('sha1').update(text).digest('base64url')}`;

function findOrg(context: FakeContext, login: string): FakeOrg | undefined {
  return context.orgs.find((org) => same(org.login, login));
}

function countLookup(context: FakeContext): void {
  context.lookups++;
  if (context.resourceLimit !== undefined && context.lookups > context.resourceLimit) throw resourceLimitsError();
}

interface HistoryArgs extends PageArgs {
  path?: string | null;
  since?: string | null;
  until?: string | null;
  author?: unknown;
}

/** The HEAD commit, or (with `date`) the older commit of that date, known only by its date: no tree, no history. */
function commitObject(org: FakeOrg, repo: FakeRepo, context: FakeContext, date?: string): Record<string, unknown> {
  const head = date === undefined || date === repo.committedDate;
  const oid = head ? repo.headOid : createHash('sha1').update(`${repo.id}:${date}`).digest('hex');
  const notModelled = (field: string) => () => {
    throw new GraphQLError(`Commit.${field} of a commit other than HEAD is not implemented in the fake GitHub.`);
  };
  return {
    __typename: 'Commit',
    id: hashId('C', `${repo.id}:${oid}`),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    committedDate: head ? repo.committedDate : date,
    authoredDate: head ? repo.committedDate : date,
    message: 'Commit in the fake GitHub',
    messageHeadline: 'Commit in the fake GitHub',
    url: `https://github.com/${org.login}/${repo.name}/commit/${oid}`,
    tree: head ? () => rootTree(repo) : notModelled('tree'),
    history: head ? (args: HistoryArgs) => commitHistory(org, repo, args, context) : notModelled('history'),
  };
}

/**
 * `Commit.history` of HEAD, newest first. The fake knows one commit per path,
 * the last that touched it (`lastChangeOf`), which is all `first: 1` needs;
 * without a path, HEAD alone. Each call is a connection: GitHub's formula (and
 * cost.ts) charge it like any other.
 */
function commitHistory(org: FakeOrg, repo: FakeRepo, args: HistoryArgs, context: FakeContext) {
  if (args.since != null || args.until != null || args.author != null)
    throw new GraphQLError('Commit.history(since:, until:, author:) is not implemented in the fake GitHub.');
  const date = args.path == null ? repo.committedDate : lastChangeOf(repo, args.path);
  const commits = date === undefined ? [] : [commitObject(org, repo, context, date)];
  return connection(
    commits,
    args,
    { field: 'history', key: (commit) => `${commit['committedDate'] as string}\0${commit['oid'] as string}`, descending: true, node: (commit) => commit },
    context,
  );
}

function repoObject(org: FakeOrg, repo: FakeRepo, context: FakeContext): Record<string, unknown> {
  const isEmpty = Object.keys(repo.files).length === 0;
  const topics = repo.topics.map((name, index) => ({ name, key: String(index).padStart(4, '0') }));
  return {
    __typename: 'Repository',
    id: repo.id,
    databaseId: databaseIdOf(repo.id),
    name: repo.name,
    nameWithOwner: `${org.login}/${repo.name}`,
    url: `https://github.com/${org.login}/${repo.name}`,
    resourcePath: `/${org.login}/${repo.name}`,
    description: repo.description ?? null,
    homepageUrl: null,
    visibility: repo.visibility,
    isPrivate: repo.visibility !== 'PUBLIC',
    isArchived: repo.isArchived,
    archivedAt: repo.isArchived ? repo.committedDate : null,
    isFork: repo.isFork,
    isTemplate: repo.isTemplate,
    isEmpty,
    isDisabled: false,
    isLocked: false,
    isMirror: false,
    createdAt: repo.createdAt,
    updatedAt: later(repo.createdAt, repo.committedDate),
    pushedAt: later(repo.createdAt, repo.committedDate),
    stargazerCount: 0,
    forkCount: 0,
    primaryLanguage: repo.primaryLanguage
      ? { id: hashId('L', repo.primaryLanguage), name: repo.primaryLanguage, color: LANGUAGE_COLORS[repo.primaryLanguage] ?? null }
      : null,
    repositoryTopics: (args: PageArgs) =>
      connection(
        topics,
        args,
        {
          field: 'repositoryTopics',
          key: (topic) => topic.key,
          node: (topic) => ({
            id: hashId('RT', `${repo.id}:${topic.name}`),
            url: `https://github.com/topics/${topic.name}`,
            resourcePath: `/topics/${topic.name}`,
            topic: { id: hashId('TO', topic.name), name: topic.name },
          }),
        },
        context,
      ),
    defaultBranchRef: isEmpty
      ? null
      : {
          id: hashId('REF', `${repo.id}:${repo.defaultBranch}`),
          name: repo.defaultBranch,
          prefix: 'refs/heads/',
          target: () => commitObject(org, repo, context),
        },
    object: (args: { expression?: string | null; oid?: string | null }) => {
      if (args.oid != null) throw new GraphQLError('Repository.object(oid:) is not implemented in the fake GitHub; use expression.');
      return args.expression == null ? null : resolveExpression(repo, args.expression, () => commitObject(org, repo, context));
    },
    owner: () => orgObject(org, context),
  };
}

interface RepositoriesArgs extends PageArgs {
  orderBy?: { field: 'CREATED_AT' | 'UPDATED_AT' | 'PUSHED_AT' | 'NAME' | 'STARGAZERS'; direction: 'ASC' | 'DESC' } | null;
  isArchived?: boolean | null;
  isFork?: boolean | null;
  isLocked?: boolean | null;
  privacy?: 'PUBLIC' | 'PRIVATE' | null;
  visibility?: 'PUBLIC' | 'PRIVATE' | 'INTERNAL' | null;
}

/** Sort keys end in the node id so equal dates never tie; cursors carry the key. */
const REPO_ORDER_KEYS: Record<string, (repo: FakeRepo) => string> = {
  CREATED_AT: (repo) => `${repo.createdAt}\0${repo.id}`,
  UPDATED_AT: (repo) => `${later(repo.createdAt, repo.committedDate)}\0${repo.id}`,
  PUSHED_AT: (repo) => `${later(repo.createdAt, repo.committedDate)}\0${repo.id}`,
  NAME: (repo) => `${repo.name.toLowerCase()}\0${repo.id}`,
  STARGAZERS: (repo) => `0\0${repo.createdAt}\0${repo.id}`,
};

function orgRepositories(org: FakeOrg, args: RepositoriesArgs, context: FakeContext) {
  let repos = org.repos;
  if (args.isArchived != null) repos = repos.filter((repo) => repo.isArchived === args.isArchived);
  if (args.isFork != null) repos = repos.filter((repo) => repo.isFork === args.isFork);
  if (args.isLocked) repos = [];
  if (args.privacy) repos = repos.filter((repo) => (repo.visibility === 'PUBLIC') === (args.privacy === 'PUBLIC'));
  if (args.visibility) repos = repos.filter((repo) => repo.visibility === args.visibility);
  const key = REPO_ORDER_KEYS[args.orderBy?.field ?? 'CREATED_AT']!;
  const descending = args.orderBy?.direction === 'DESC';
  const sorted = [...repos].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (descending) sorted.reverse();
  return connection(sorted, args, { field: 'repositories', key, descending, node: (repo) => repoObject(org, repo, context) }, context);
}

function findRepoObject(context: FakeContext, owner: string, name: string) {
  const org = findOrg(context, owner);
  const repo = org?.repos.find((candidate) => same(candidate.name, name));
  if (!org || !repo) throw gitHubError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
  return repoObject(org, repo, context);
}

function orgObject(org: FakeOrg, context: FakeContext): Record<string, unknown> {
  const id = hashId('O', `org:${org.login.toLowerCase()}`);
  return {
    __typename: 'Organization',
    id,
    databaseId: databaseIdOf(id),
    login: org.login,
    name: org.login,
    url: `https://github.com/${org.login}`,
    resourcePath: `/${org.login}`,
    avatarUrl: () => `https://avatars.githubusercontent.com/u/${databaseIdOf(id)}?v=4`,
    repositories: (args: RepositoriesArgs) => orgRepositories(org, args, context),
    repository: (args: { name: string }) => {
      countLookup(context);
      const repo = org.repos.find((candidate) => same(candidate.name, args.name));
      return repo ? repoObject(org, repo, context) : null;
    },
    teams: (args: PageArgs) => orgTeams(org, args, context),
    team: (args: { slug: string }) => {
      const team = findTeam(org, args.slug);
      return team ? teamObject(org, team, context) : null;
    },
    membersWithRole: (args: PageArgs) => orgMembers(org, args, context),
  };
}

function nodeIndex(context: FakeContext): Map<string, () => unknown> {
  if (context.nodeIndex) return context.nodeIndex;
  const index = new Map<string, () => unknown>();
  for (const org of context.orgs) {
    const organization = orgObject(org, context);
    index.set(organization['id'] as string, () => organization);
    for (const repo of org.repos) index.set(repo.id, () => repoObject(org, repo, context));
    for (const team of org.teams) index.set(teamNodeId(org, team.slug), () => teamObject(org, team, context));
    for (const user of org.users) index.set(userNodeId(user.login), () => userObject(org, user.login));
    for (const team of org.teams) {
      for (const member of team.members) {
        if (!index.has(userNodeId(member.login))) index.set(userNodeId(member.login), () => userObject(org, member.login));
      }
    }
  }
  context.nodeIndex = index;
  return index;
}

function nodeNotFound(id: string): GraphQLError {
  return gitHubError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'.`);
}

/** The Query root. Missing objects are null plus a NOT_FOUND error with the field's path, as on GitHub. */
export const fakeRootValue = {
  organization: (args: { login: string }, context: FakeContext) => {
    const org = findOrg(context, args.login);
    if (!org) throw gitHubError('NOT_FOUND', `Could not resolve to an Organization with the login of '${args.login}'.`);
    return orgObject(org, context);
  },
  repository: (args: { owner: string; name: string }, context: FakeContext) => {
    countLookup(context);
    return findRepoObject(context, args.owner, args.name);
  },
  node: (args: { id: string }, context: FakeContext) => {
    countLookup(context);
    const node = nodeIndex(context).get(args.id);
    if (!node) throw nodeNotFound(args.id);
    return node();
  },
  // A list item that is an Error becomes null plus that error at ['nodes', i].
  nodes: (args: { ids: string[] }, context: FakeContext) =>
    args.ids.map((id, i) => {
      if (context.resourceLimit !== undefined && i >= context.resourceLimit) return resourceLimitsError();
      return nodeIndex(context).get(id)?.() ?? nodeNotFound(id);
    }),
  user: (args: { login: string }, context: FakeContext) => {
    const org = context.orgs.find((candidate) => isOrgMember(candidate, args.login));
    if (!org) throw gitHubError('NOT_FOUND', `Could not resolve to a User with the login of '${args.login}'.`);
    return userObject(org, args.login);
  },
  rateLimit: (_args: unknown, context: FakeContext) => context.rateLimit,
};
