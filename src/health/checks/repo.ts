/**
 * Checks on the repository an entity lives in: not archived, recently
 * committed to, with a CODEOWNERS file. Not applicable when the entity has no
 * repo facts (e.g. it was generated from a GitHub team).
 */
import type { EntityRecord } from '../../entity-record/schema.ts';
import { splitCanonicalRef } from '../../catalog-model/refs.ts';
import { CODE_KINDS, editLink, fail, notApplicable, pass, type Check } from '../check.ts';

const DAY_MS = 86_400_000;

export const repoNotArchived: Check = {
  id: 'repo-not-archived',
  title: 'Repository is not archived',
  short: 'Not archived',
  why: 'An archived repository is read-only: its code and catalog file can no longer change.',
  kinds: CODE_KINDS,
  run(entity) {
    const { repo } = entity;
    if (!repo) return notApplicable('Not declared in a repository.');
    if (!repo.archived) return pass(`Repository ${repo.name} is active (not archived).`);
    return fail(`Repository ${repo.name} is archived.`, {
      text: 'Unarchive the repository if it is still in use; otherwise set `spec.lifecycle` to deprecated and plan its removal from the catalog.',
      ...(repo.url ? { url: `${repo.url.replace(/\/+$/, '')}/settings`, label: 'Repository settings' } : {}),
    });
  },
};

/** Whole days from `date` to `now` (0 for a date in the future), or undefined when `date` is not a date. */
export function daysSince(date: string, now: Date): number | undefined {
  const time = Date.parse(date);
  if (Number.isNaN(time)) return undefined;
  return Math.max(0, Math.floor((now.getTime() - time) / DAY_MS));
}

export const recentActivity: Check = {
  id: 'recent-activity',
  title: 'Recent activity',
  short: 'Recent activity',
  why: 'A repository nobody commits to is unmaintained: dependencies age, and nobody knows it any more.',
  kinds: CODE_KINDS,
  run(entity, { now, staleAfterDays }) {
    const date = entity.repo?.lastCommit?.date;
    if (!entity.repo) return notApplicable('Not declared in a repository.');
    const days = date === undefined ? undefined : daysSince(date, now);
    if (date === undefined || days === undefined) return notApplicable(`The date of the last commit to ${entity.repo.name} is unknown.`);
    const when = `${days} ${days === 1 ? 'day' : 'days'} ago (${date.slice(0, 10)})`;
    if (days <= staleAfterDays) return pass(`Last commit ${when}.`);
    return fail(`Last commit ${when}: more than ${staleAfterDays} days.`, {
      text: 'If it is still maintained, bring it up to date (dependencies, CI). If not, set `spec.lifecycle` to deprecated.',
      ...editLink(entity),
    });
  },
};

export const codeownersPresent: Check = {
  id: 'codeowners-present',
  title: 'CODEOWNERS file',
  short: 'CODEOWNERS',
  why: 'CODEOWNERS asks the owning team to review every change, so ownership is enforced, not just declared.',
  kinds: CODE_KINDS,
  run(entity) {
    const { repo } = entity;
    if (!repo) return notApplicable('Not declared in a repository.');
    if (repo.codeowners) return pass(`Repository ${repo.name} has ${repo.codeowners}.`);
    const url = newCodeownersUrl(entity);
    return fail(`Repository ${repo.name} has no CODEOWNERS file (.github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS).`, {
      text: 'Add .github/CODEOWNERS naming the owning team, e.g. `* @<org>/<team>`.',
      ...(url ? { url, label: 'Create .github/CODEOWNERS' } : {}),
    });
  },
};

/**
 * GitHub's new-file page for .github/CODEOWNERS, prefilled with the owner
 * when it is a Group (GitHub team slugs are what Groups read from GitHub are named).
 */
export function newCodeownersUrl(entity: EntityRecord): string | undefined {
  const repoUrl = entity.repo?.url;
  if (!repoUrl) return undefined;
  const base = repoUrl.replace(/\/+$/, '');
  const url = new URL(`${base}/new/${encodeURIComponent(entity.repo?.defaultBranch ?? 'HEAD')}`);
  url.searchParams.set('filename', '.github/CODEOWNERS');
  const org = /^https:\/\/github\.com\/([^/]+)\//.exec(`${base}/`)?.[1];
  const owner = entity.owner ? splitCanonicalRef(entity.owner) : undefined;
  if (org && owner?.kind === 'group') url.searchParams.set('value', `* @${org}/${owner.name}\n`);
  return url.href;
}
