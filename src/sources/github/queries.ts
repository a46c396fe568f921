/**
 * Every GraphQL document the crawler sends, built here and nowhere else, so a
 * test can validate each one against GitHub's schema and its extra rules
 * (docs/github-api.md; they started from the query set in
 * test/fakes/github/fixtures/github-queries.graphql).
 * Page and batch sizes are variables or generated counts, so the crawler can
 * shrink them when GitHub answers 502 or RESOURCE_LIMITS_EXCEEDED.
 */

const RATE_LIMIT = 'rateLimit { limit cost remaining used resetAt }';

const BLOB = '__typename oid ... on Blob { byteSize isBinary isTruncated text }';

/** A folder with file contents, `depth` levels deep (GitHub's Tree.entries is a plain, unpaginated list). */
export function treeSelection(depth: number): string {
  const entry = (level: number): string => `entries { name type mode size oid object { ${BLOB}${level > 1 ? ` ... on Tree { ${entry(level - 1)} }` : ''} } }`;
  return `__typename oid ... on Tree { ${entry(depth)} }`;
}

export interface ListingFilters {
  /** Server-side: false drops archived repos, undefined keeps all. */
  isArchived?: boolean;
  isFork?: boolean;
  privacy?: 'PUBLIC' | 'PRIVATE';
}

/**
 * One listing page: metadata, the HEAD commit (the change marker), the root
 * folder's entry names (so absent README/CODEOWNERS cost no follow-up) and
 * the catalog file(s) with their text: for most repos, the only request.
 */
export function orgRepoPageQuery(catalogPathCount: number, filters: ListingFilters): string {
  const catalogVars = Array.from({ length: catalogPathCount }, (_, i) => `$c${i}: String!`).join(', ');
  const catalogFields = Array.from({ length: catalogPathCount }, (_, i) => `c${i}: object(expression: $c${i}) { ${BLOB} }`).join('\n        ');
  const filterArgs = [
    filters.isArchived === undefined ? '' : `isArchived: ${filters.isArchived}`,
    filters.isFork === undefined ? '' : `isFork: ${filters.isFork}`,
    filters.privacy === undefined ? '' : `privacy: ${filters.privacy}`,
  ].filter(Boolean);
  return `query OrgRepoPage($org: String!, $pageSize: Int!, $cursor: String, ${catalogVars}) {
  ${RATE_LIMIT}
  organization(login: $org) {
    url
    repositories(first: $pageSize, after: $cursor, orderBy: { field: CREATED_AT, direction: ASC }${filterArgs.length ? `, ${filterArgs.join(', ')}` : ''}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        name
        url
        description
        visibility
        isArchived
        isFork
        isTemplate
        isEmpty
        primaryLanguage { name }
        repositoryTopics(first: 20) { nodes { topic { name } } }
        defaultBranchRef { name target { oid ... on Commit { committedDate } } }
        root: object(expression: "HEAD:") { ... on Tree { entries { name type } } }
        ${catalogFields}
      }
    }
  }
}`;
}

export interface FileRequest {
  /** `blob` reads one file; `tree` reads a folder `depth` levels deep with contents. */
  kind: 'blob' | 'tree';
  /** Git revision expression: `<commit>:<path>`. */
  expression: string;
  depth?: number;
}

export interface RepoFileRequests {
  repo: string;
  files: FileRequest[];
}

/** Files of several repos in one request: `r<i>: repository(…) { f<j>: object(…) }`, all values as variables. */
export function repoFilesQuery(batch: readonly RepoFileRequests[]): { query: string; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  const declarations = ['$owner: String!'];
  const repos = batch.map((repo, i) => {
    variables[`n${i}`] = repo.repo;
    declarations.push(`$n${i}: String!`);
    const fields = repo.files.map((file, j) => {
      variables[`e${i}_${j}`] = file.expression;
      declarations.push(`$e${i}_${j}: String!`);
      const selection = file.kind === 'tree' ? treeSelection(file.depth ?? 3) : BLOB;
      return `f${j}: object(expression: $e${i}_${j}) { ${selection} }`;
    });
    return `r${i}: repository(owner: $owner, name: $n${i}) { ${fields.join(' ')} }`;
  });
  return { query: `query RepoFiles(${declarations.join(', ')}) {\n  ${RATE_LIMIT}\n  ${repos.join('\n  ')}\n}`, variables };
}

export interface RepoDateRequests {
  repo: string;
  /** The commit whose files were read, so each date goes with the content shown. */
  commit: string;
  paths: string[];
}

/**
 * When files last changed, several repos per request:
 * `r<i>: repository(…) { c: object(expression: <commit>) { ... on Commit { h<j>: history(first: 1, path: …) { nodes { committedDate } } } } }`.
 * History is newest first, so its first node is the last commit touching the path. Each
 * `history` is a connection: GitHub charges a point per 100 of them (rounded, at least 1).
 */
export function fileDatesQuery(batch: readonly RepoDateRequests[]): { query: string; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  const declarations = ['$owner: String!'];
  const repos = batch.map((repo, i) => {
    variables[`n${i}`] = repo.repo;
    variables[`c${i}`] = repo.commit;
    declarations.push(`$n${i}: String!`, `$c${i}: String!`);
    const fields = repo.paths.map((path, j) => {
      variables[`p${i}_${j}`] = path;
      declarations.push(`$p${i}_${j}: String!`);
      return `h${j}: history(first: 1, path: $p${i}_${j}) { nodes { committedDate } }`;
    });
    return `r${i}: repository(owner: $owner, name: $n${i}) { c: object(expression: $c${i}) { ... on Commit { ${fields.join(' ')} } } }`;
  });
  return { query: `query FileDates(${declarations.join(', ')}) {\n  ${RATE_LIMIT}\n  ${repos.join('\n  ')}\n}`, variables };
}

/** Teams with their parent (the hierarchy) and immediate members, who become Users. */
export const ORG_TEAMS_PAGE = `query OrgTeamsPage($org: String!, $pageSize: Int!, $membersPageSize: Int!, $cursor: String) {
  ${RATE_LIMIT}
  organization(login: $org) {
    teams(first: $pageSize, after: $cursor, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        slug
        name
        description
        url
        avatarUrl
        parentTeam { slug }
        members(first: $membersPageSize, membership: IMMEDIATE) {
          pageInfo { hasNextPage endCursor }
          nodes { login name email avatarUrl url }
        }
      }
    }
  }
}`;

/** The rest of one team's members, when they did not fit in the teams page. */
export const TEAM_MEMBERS_PAGE = `query TeamMembersPage($org: String!, $slug: String!, $pageSize: Int!, $cursor: String) {
  ${RATE_LIMIT}
  organization(login: $org) {
    team(slug: $slug) {
      members(first: $pageSize, after: $cursor, membership: IMMEDIATE) {
        pageInfo { hasNextPage endCursor }
        nodes { login name email avatarUrl url }
      }
    }
  }
}`;
