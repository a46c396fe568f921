/**
 * RepoUrlPicker's value, `github.com?owner=<owner>&repo=<name>`: Backstage's format (read at
 * backstage/backstage `plugins/scaffolder/src/components/fields/RepoUrlPicker/utils.ts`
 * `serializeRepoPickerUrl`/`parseRepoPickerUrl` and `validation.ts` `repoPickerValidation`),
 * which `publish:github` and the `parseRepoUrl` filter read. Here the owner defaults to this
 * portal's org, and `allowedHosts`/`allowedOwners`/`allowedRepos` limit the choices as in Backstage.
 */
import { isObject } from './steps.ts';

export interface RepoUrlParts {
  host: string;
  owner: string;
  repoName: string;
}

export interface RepoUrlOptions {
  allowedHosts: string[];
  allowedOwners: string[];
  allowedRepos: string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []);

export function repoUrlOptions(uiOptions: unknown): RepoUrlOptions {
  const options = isObject(uiOptions) ? uiOptions : {};
  return { allowedHosts: strings(options.allowedHosts), allowedOwners: strings(options.allowedOwners), allowedRepos: strings(options.allowedRepos) };
}

export function serializeRepoUrl(parts: RepoUrlParts): string | undefined {
  if (!parts.host) return undefined;
  const params = new URLSearchParams();
  if (parts.owner) params.set('owner', parts.owner);
  if (parts.repoName) params.set('repo', parts.repoName);
  return `${parts.host}?${params.toString()}`;
}

export function parseRepoUrl(value: unknown): RepoUrlParts {
  if (typeof value !== 'string' || value === '') return { host: '', owner: '', repoName: '' };
  try {
    const url = new URL(`https://${value}`);
    return { host: url.host, owner: url.searchParams.get('owner') ?? '', repoName: url.searchParams.get('repo') ?? '' };
  } catch {
    return { host: '', owner: '', repoName: '' };
  }
}

/** The value before the user types: the first allowed host (else github.com), owner (else the org) and repo. */
export function initialRepoUrl(options: RepoUrlOptions, org: string, current?: unknown): string | undefined {
  const parsed = parseRepoUrl(current);
  return serializeRepoUrl({
    host: parsed.host || options.allowedHosts[0] || 'github.com',
    owner: parsed.owner || options.allowedOwners[0] || org,
    repoName: parsed.repoName || options.allowedRepos[0] || '',
  });
}

/** Backstage's messages for an unusable value, then the `allowed*` limits, each naming the field's part. */
export function repoUrlErrors(value: unknown, options: RepoUrlOptions): string[] {
  if (value === undefined || value === '') return [];
  if (typeof value !== 'string') return ['Unable to parse the Repository URL'];
  const parts = parseRepoUrl(value);
  if (!parts.host) return ['Unable to parse the Repository URL'];
  const errors: string[] = [];
  if (!parts.repoName) errors.push('Incomplete repository location provided: enter the repository name');
  if (!parts.owner) errors.push('Incomplete repository location provided: enter the owner');
  if (options.allowedHosts.length > 0 && !options.allowedHosts.includes(parts.host)) errors.push(`The host must be one of: ${options.allowedHosts.join(', ')}`);
  if (parts.owner && options.allowedOwners.length > 0 && !options.allowedOwners.includes(parts.owner))
    errors.push(`The owner must be one of: ${options.allowedOwners.join(', ')}`);
  if (parts.repoName && options.allowedRepos.length > 0 && !options.allowedRepos.includes(parts.repoName))
    errors.push(`The repository must be one of: ${options.allowedRepos.join(', ')}`);
  // GitHub's own rule for a repository name (letters, digits, `.`, `-`, `_`; not `.` or `..`).
  if (parts.repoName && (!/^[A-Za-z0-9._-]{1,100}$/.test(parts.repoName) || parts.repoName === '.' || parts.repoName === '..'))
    errors.push('A GitHub repository name uses only letters, digits, ".", "-" and "_" (at most 100)');
  return errors;
}
