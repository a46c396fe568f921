import { parse, print, separateOperations, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkGitHubRules } from './cost.ts';
import { QUERY_SCENARIOS, QUERY_SET } from './fixtures/test-orgs.ts';
import { checkGitHubQuery, githubSchema, validateGitHubQuery } from './schema.ts';

// GitHub's documented examples ("Rate limits and query limits for the GraphQL API").
const NODE_EXAMPLE_1 = `query {
  viewer {
    repositories(first: 50) {
      edges {
        repository: node {
          name
          issues(first: 10) { totalCount edges { node { title bodyHTML } } }
        }
      }
    }
  }
}`;

const NODE_EXAMPLE_2 = `query {
  viewer {
    repositories(first: 50) {
      edges {
        repository: node {
          name
          pullRequests(first: 20) {
            edges { pullRequest: node { title comments(first: 10) { edges { comment: node { bodyHTML } } } } }
          }
          issues(first: 20) {
            totalCount
            edges { issue: node { title bodyHTML comments(first: 10) { edges { comment: node { bodyHTML } } } } }
          }
        }
      }
    }
    followers(first: 10) { edges { follower: node { login } } }
  }
}`;

const COST_EXAMPLE = `query {
  viewer {
    login
    repositories(first: 100) {
      edges { node { id issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } }
    }
  }
}`;

const rules = (query: string, variables: Record<string, unknown> = {}) => checkGitHubRules(githubSchema(), parse(query), variables);

describe('GitHub cost formula', () => {
  it('reproduces the documented node counts: 550 and 22,060', () => {
    expect(rules(NODE_EXAMPLE_1)).toMatchObject({ nodeCount: 550, cost: 1, errors: [] });
    expect(rules(NODE_EXAMPLE_2)).toMatchObject({ nodeCount: 22_060, errors: [] });
  });

  it('reproduces the documented point cost: 5,101 requests = 51 points', () => {
    expect(rules(COST_EXAMPLE)).toMatchObject({ requests: 5_101, cost: 51, nodeCount: 305_100, errors: [] });
  });

  it('takes page sizes from variables and their defaults', () => {
    const query = 'query($n: Int = 30) { viewer { repositories(first: $n) { nodes { issues(first: 10) { totalCount } } } } }';
    expect(rules(query)).toMatchObject({ nodeCount: 330, requests: 31 });
    expect(rules(query, { n: 100 })).toMatchObject({ nodeCount: 1_100, requests: 101, cost: 1 });
  });

  it('multiplies what is nested under nodes(ids:) by the number of ids', () => {
    const query = 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Repository { repositoryTopics(first: 20) { totalCount } } } }';
    expect(rules(query, { ids: Array.from({ length: 25 }, (_, i) => `R_${i}`) })).toMatchObject({ nodeCount: 500, requests: 25, cost: 1 });
  });
});

describe('GitHub validation rules', () => {
  it('rejects a connection without first or last, naming the connection', () => {
    const errors = validateGitHubQuery('{ viewer { repositories { totalCount } } }');
    expect(errors).toEqual(['viewer.repositories: You must provide a `first` or `last` value to properly paginate the `repositories` connection.']);
  });

  it('rejects first: 101 and last: 0', () => {
    expect(validateGitHubQuery('{ viewer { repositories(first: 101) { totalCount } } }')[0]).toContain(
      'Requesting 101 records on the `repositories` connection exceeds the `first` limit of 100 records.',
    );
    expect(validateGitHubQuery('{ viewer { repositories(last: 0) { totalCount } } }')[0]).toContain('between 1 and 100');
  });

  it('rejects more than 100 node ids, as a literal list or a variable', () => {
    const ids = Array.from({ length: 101 }, (_, i) => `R_${i}`);
    expect(validateGitHubQuery('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids })).toEqual([
      'nodes: You may not provide more than 100 node ids; you provided 101.',
    ]);
    expect(validateGitHubQuery(`{ nodes(ids: ${JSON.stringify(ids)}) { id } }`)).toHaveLength(1);
  });

  it("rejects more than 500,000 possible nodes with GitHub's message", () => {
    const query = '{ viewer { repositories(first: 100) { nodes { issues(first: 100) { nodes { labels(first: 100) { nodes { name } } } } } } } }';
    expect(validateGitHubQuery(query)).toEqual(['This query requests up to 1,010,100 possible nodes which exceeds the maximum limit of 500,000.']);
  });

  it('reports graphql-js errors (unknown field, wrong type condition) with locations', () => {
    const check = checkGitHubQuery('{ viewer { logn } }');
    expect(check.errors).toEqual([{ message: 'Cannot query field "logn" on type "User". Did you mean "login"?', locations: [{ line: 1, column: 12 }] }]);
    expect(validateGitHubQuery('{ repository(owner: "a", name: "b") { object(expression: "HEAD") { ... on Tree { text } } } }')[0]).toContain(
      'Cannot query field "text" on type "Tree"',
    );
  });

  it('reports syntax errors and missing variables', () => {
    expect(validateGitHubQuery('{ viewer { login }')[0]).toMatch(/^Syntax Error/);
    expect(validateGitHubQuery('query($org: String!) { organization(login: $org) { id } }')).toEqual([
      'Variable "$org" of required type "String!" was not provided.',
    ]);
  });

  it('gives GitHub-style errors with type, path and locations for its own rules', () => {
    const check = checkGitHubQuery('{\n  viewer {\n    repos: repositories(first: 500) { totalCount }\n  }\n}');
    expect(check.errors).toEqual([
      {
        type: 'EXCESSIVE_PAGINATION',
        path: ['viewer', 'repos'],
        locations: [{ line: 3, column: 5 }],
        message: 'Requesting 500 records on the `repositories` connection exceeds the `first` limit of 100 records.',
      },
    ]);
  });
});

describe('the research query set (fixtures/github-queries.graphql)', () => {
  const operations = Object.entries(separateOperations(parse(QUERY_SET)));

  it('has the 8 operations', () => {
    expect(operations.map(([name]) => name).sort()).toEqual(Object.keys(QUERY_SCENARIOS).sort());
  });

  it("validates as a whole document, and passes GitHub's rules at the largest page sizes", () => {
    expect(validate(githubSchema(), parse(QUERY_SET))).toEqual([]);
    expect(checkGitHubRules(githubSchema(), parse(QUERY_SET), { pageSize: 100, membersPageSize: 100, ids: 100 }).errors).toEqual([]);
  });

  for (const [name, scenarios] of Object.entries(QUERY_SCENARIOS)) {
    for (const [scenario, variables] of Object.entries(scenarios)) {
      it(`${name} [${scenario}] validates and costs 1 point`, () => {
        const [, document] = operations.find(([operation]) => operation === name)!;
        const ids = typeof variables['ids'] === 'number' ? Array.from({ length: variables['ids'] }, (_, i) => `R_${i}`) : undefined;
        const check = checkGitHubQuery(print(document), { ...variables, ...(ids ? { ids } : {}) }, name);
        expect(check.errors).toEqual([]);
        expect(check.cost).toBe(1);
      });
    }
  }

  it('OrgRepoPage worst case is 2,100 nodes and OrgTeamsPage 10,100, as the research says', () => {
    const variables = (name: string) => QUERY_SCENARIOS[name]!['worst']!;
    expect(checkGitHubRules(githubSchema(), parse(QUERY_SET), variables('OrgRepoPage'), 'OrgRepoPage').nodeCount).toBe(2_100);
    expect(checkGitHubRules(githubSchema(), parse(QUERY_SET), variables('OrgTeamsPage'), 'OrgTeamsPage').nodeCount).toBe(10_100);
  });
});
