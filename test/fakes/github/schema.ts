/**
 * GitHub's public GraphQL schema (pinned by the `@octokit/graphql-schema`
 * version in package.json) and the check GitHub applies before executing a
 * query: graphql-js validation, variable coercion, then GitHub's own rules
 * (cost.ts). The fake server and the crawler's tests use the same check, so a
 * query that passes here is one github.com accepts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  GraphQLError,
  Kind,
  buildSchema,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { formatGitHubError, type GitHubFormattedError } from './connection.ts';
import { checkGitHubRules } from './cost.ts';

let schema: GraphQLSchema | undefined;

/** Built once per process (~1 s). */
export function githubSchema(): GraphQLSchema {
  if (!schema) {
    // The package's "exports" hide schema.graphql from require.resolve; resolve the entry and look beside it.
    const file = fileURLToPath(new URL('schema.graphql', import.meta.resolve('@octokit/graphql-schema')));
    // 15.26.1 defines EnterpriseOwnerInfo.repositoryDeployKeySetting(+Organizations) twice;
    // strict buildSchema() throws "can only be defined once" (docs/github-api.md, "The schema …").
    schema = buildSchema(readFileSync(file, 'utf8'), { assumeValidSDL: true });
  }
  return schema;
}

export interface GitHubQueryCheck {
  /** GitHub-shaped errors (`message`, `locations`, and for GitHub's own rules `type` and `path`); empty when valid. */
  errors: GitHubFormattedError[];
  nodeCount: number;
  cost: number;
}

function variableErrors(operation: OperationDefinitionNode, variables: Record<string, unknown>): GitHubFormattedError[] {
  const coerced = getVariableValues(githubSchema(), operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
  return 'errors' in coerced && coerced.errors ? coerced.errors.map(formatGitHubError) : [];
}

/**
 * The full pre-execution check. With `operationName` (or a single operation)
 * the operation's variables are coerced too; with several operations and no
 * name, each is checked with the same variables.
 */
export function checkGitHubQuery(query: string | DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): GitHubQueryCheck {
  let document: DocumentNode;
  try {
    document = typeof query === 'string' ? parse(query) : query;
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [formatGitHubError(error)], nodeCount: 0, cost: 0 };
    throw error;
  }
  const specErrors = validate(githubSchema(), document);
  if (specErrors.length > 0) return { errors: specErrors.map(formatGitHubError), nodeCount: 0, cost: 0 };
  const operations =
    operationName === undefined
      ? document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      : [getOperationAST(document, operationName)].filter((op): op is OperationDefinitionNode => op !== null && op !== undefined);
  if (operations.length === 0) return { errors: [{ message: `Unknown operation named "${operationName}".` }], nodeCount: 0, cost: 0 };
  const errors = operations.flatMap((operation) => variableErrors(operation, variables));
  if (errors.length > 0) return { errors, nodeCount: 0, cost: 0 };
  const rules = checkGitHubRules(githubSchema(), document, variables, operationName);
  return {
    errors: rules.violations.map(({ type, path, locations, message }) => ({ type, ...(path.length ? { path } : {}), locations, message })),
    nodeCount: rules.nodeCount,
    cost: rules.cost,
  };
}

/** Messages of everything GitHub would reject in this query; `[]` when it is valid. */
export function validateGitHubQuery(query: string | DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): string[] {
  return checkGitHubQuery(query, variables, operationName).errors.map((error) =>
    error.path?.length ? `${error.path.join('.')}: ${error.message}` : error.message,
  );
}
