/**
 * Backstage's default template filters (backstage/backstage
 * `plugins/scaffolder-backend/src/lib/templating/filters/createDefaultFilters.ts` at 893d70cd, with
 * `parseRepoUrl` from `plugins/scaffolder-node/src/actions/util.ts` at 6d7f1e6b): `parseRepoUrl`,
 * `parseEntityRef`, `pick` and `projectSlug`, callable in `${{ }}` and in step inputs.
 *
 * One deviation: Backstage's `parseRepoUrl` rejects a host with no SCM integration configured in
 * its app-config; a static portal has no such list, so every host is accepted and its kind is
 * guessed from its name (GitHub's rules for any host that is not GitLab, Bitbucket, Gitea or Gerrit).
 */
import { parseEntityRef as parseRef, type RefContext } from '../../catalog-model/refs.ts';

export interface RepoSpec {
  host: string;
  repo: string;
  owner?: string;
  organization?: string;
  workspace?: string;
  project?: string;
}

type HostKind = 'github' | 'gitlab' | 'bitbucket' | 'gitea' | 'gerrit';

function hostKind(host: string): HostKind {
  for (const kind of ['gitlab', 'bitbucket', 'gitea', 'gerrit'] as const) if (host.includes(kind)) return kind;
  return 'github';
}

/** What RepoUrlPicker produces, `github.com?owner=acme&repo=web`, split into its parts. */
export function parseRepoUrl(repoUrl: unknown): RepoSpec {
  const text = String(repoUrl);
  let url: URL;
  try {
    url = new URL(`https://${text}`);
  } catch {
    throw new Error(`Invalid repo URL passed to publisher, got ${text}`);
  }
  const get = (name: string) => url.searchParams.get(name) || undefined;
  const spec: RepoSpec = { host: url.host, repo: get('repo') ?? '' };
  for (const key of ['owner', 'organization', 'workspace', 'project'] as const) {
    const value = get(key);
    if (value !== undefined) spec[key] = value;
  }
  const required = (...names: string[]) => {
    for (const name of names) if (!get(name)) throw new Error(`Invalid repo URL passed to publisher: ${url.toString()}, missing ${name}`);
  };
  switch (hostKind(url.host)) {
    case 'bitbucket':
      if (url.host === 'www.bitbucket.org') required('workspace');
      required('project', 'repo');
      break;
    case 'gitlab':
      // A GitLab project id stands in for owner and repo.
      if (!spec.project) required('owner', 'repo');
      break;
    case 'gitea':
    case 'gerrit':
      required('repo');
      break;
    default:
      required('repo', 'owner');
  }
  return spec;
}

/** `owner/repo` of a repo URL. */
export function projectSlug(repoUrl: unknown): string {
  const { owner, repo } = parseRepoUrl(repoUrl);
  return `${owner}/${repo}`;
}

/** Backstage's catalog-model `parseEntityRef`, with `{ defaultKind, defaultNamespace }` as its second argument. */
export function parseEntityRef(ref: unknown, context?: unknown) {
  const options = context && typeof context === 'object' ? (context as RefContext) : {};
  return parseRef(ref, { defaultKind: options.defaultKind, defaultNamespace: options.defaultNamespace });
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** lodash's `get(obj, path)`: `a.b`, `a[0].b` and `a["b"]` paths; own properties only. */
export function pick(obj: unknown, path: unknown): unknown {
  const keys = Array.isArray(path)
    ? path.map(String)
    : [...String(path).matchAll(/([^.[\]]+)|\[\s*(?:"([^"]*)"|'([^']*)'|([^\]]*?))\s*\]/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  let value: unknown = obj;
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || UNSAFE_KEYS.has(key) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export const scaffolderFilters: Record<string, (...args: never[]) => unknown> = { parseRepoUrl, parseEntityRef, pick, projectSlug };
