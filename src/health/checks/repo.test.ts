import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../../entity-record/schema.ts';
import { contextWith, entityRecord } from '../../../test/support/health-entities.ts';
import { codeownersPresent, daysSince, newCodeownersUrl, recentActivity, repoNotArchived } from './repo.ts';

const context = contextWith();
const withRepo = (repo: Partial<NonNullable<EntityRecord['repo']>>) => {
  const base = entityRecord();
  return entityRecord({ repo: { ...base.repo!, ...repo } });
};
const noRepo = entityRecord({ repo: undefined });

describe('repo-not-archived', () => {
  it('passes for an active repo', () => {
    expect(repoNotArchived.run(entityRecord(), context)).toEqual({ status: 'pass', message: 'Repository shop is active (not archived).' });
  });

  it("fails for an archived repo, linking to the repo's settings", () => {
    expect(repoNotArchived.run(withRepo({ archived: true }), context)).toMatchObject({
      status: 'fail',
      message: 'Repository shop is archived.',
      fix: { url: 'https://github.com/acme/shop/settings' },
    });
  });

  it('is not applicable without a repo', () => {
    expect(repoNotArchived.run(noRepo, context).status).toBe('not-applicable');
  });
});

describe('recent-activity', () => {
  it('passes within the threshold, saying how long ago', () => {
    expect(recentActivity.run(entityRecord(), context)).toEqual({ status: 'pass', message: 'Last commit 30 days ago (2024-05-01).' });
  });

  it('passes on the threshold day and fails the day after', () => {
    expect(recentActivity.run(withRepo({ lastCommit: { sha: 'a', date: '2023-12-04T00:00:00Z' } }), context).status).toBe('pass');
    expect(recentActivity.run(withRepo({ lastCommit: { sha: 'a', date: '2023-12-03T00:00:00Z' } }), context)).toMatchObject({
      status: 'fail',
      message: 'Last commit 181 days ago (2023-12-03): more than 180 days.',
    });
  });

  it('uses the configured threshold and the given time, never the clock', () => {
    const entity = withRepo({ lastCommit: { sha: 'a', date: '2024-05-01T00:00:00Z' } });
    expect(recentActivity.run(entity, contextWith([], { staleAfterDays: 7 })).status).toBe('fail');
    expect(recentActivity.run(entity, contextWith([], { now: new Date('2024-05-02T00:00:00Z'), staleAfterDays: 7 })).status).toBe('pass');
  });

  it('is not applicable when the date is unknown or unreadable, or there is no repo', () => {
    expect(recentActivity.run(withRepo({ lastCommit: { sha: 'a' } }), context)).toEqual({
      status: 'not-applicable',
      message: 'The date of the last commit to shop is unknown.',
    });
    expect(recentActivity.run(withRepo({ lastCommit: undefined }), context).status).toBe('not-applicable');
    expect(recentActivity.run(withRepo({ lastCommit: { sha: 'a', date: 'yesterday-ish' } }), context).status).toBe('not-applicable');
    expect(recentActivity.run(noRepo, context).status).toBe('not-applicable');
  });

  it('counts whole days, and 0 for a date after now', () => {
    expect(daysSince('2024-05-31T00:00:01Z', new Date('2024-06-01T00:00:00Z'))).toBe(0);
    expect(daysSince('2024-07-01', new Date('2024-06-01T00:00:00Z'))).toBe(0);
    expect(daysSince('nope', new Date())).toBeUndefined();
  });
});

describe('codeowners-present', () => {
  it('passes with a CODEOWNERS file, naming it', () => {
    expect(codeownersPresent.run(entityRecord(), context)).toEqual({ status: 'pass', message: 'Repository shop has .github/CODEOWNERS.' });
  });

  it("fails without one, linking to GitHub's new-file page prefilled with the owning team", () => {
    const outcome = codeownersPresent.run(withRepo({ codeowners: undefined }), context);
    expect(outcome).toMatchObject({ status: 'fail', fix: { label: 'Create .github/CODEOWNERS' } });
    const url = new URL(outcome.fix!.url!);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/acme/shop/new/main');
    expect(url.searchParams.get('filename')).toBe('.github/CODEOWNERS');
    expect(url.searchParams.get('value')).toBe('* @acme/team-a\n');
  });

  it('does not prefill a User owner, and uses HEAD when the default branch is unknown', () => {
    const url = new URL(newCodeownersUrl(entityRecord({ owner: 'user:default/ada', repo: { ...entityRecord().repo!, defaultBranch: undefined } }))!);
    expect(url.pathname).toBe('/acme/shop/new/HEAD');
    expect(url.searchParams.has('value')).toBe(false);
  });

  it('gives no link for a repo without a URL, and is not applicable without a repo', () => {
    expect(codeownersPresent.run(withRepo({ codeowners: undefined, url: undefined }), context).fix?.url).toBeUndefined();
    expect(codeownersPresent.run(noRepo, context).status).toBe('not-applicable');
  });
});
