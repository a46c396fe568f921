/**
 * Values GitHub hands over are checked where they enter the snapshot: a web URL or a date
 * that is not valid is left out, with a problem (repos) or a note (people), never passed on
 * to crash a page later. GitHub's own values are always fine; a GitHub Enterprise server,
 * a proxy or a future API change might not be.
 */
import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../snapshot.ts';
import { AdaptiveSize } from './adaptive-size.ts';
import type { GitHubClient } from './client.ts';
import { listPeople } from './list-people.ts';
import { listRepositories } from './list-repos.ts';

/** A client that answers every query with `data`. */
const answering = (data: unknown): GitHubClient => ({
  query: async <T>() => ({ data: data as T, errors: [] }),
  stats: { requests: 0, retries: 0, points: 0, waitedMs: 0 },
});

const node = (name: string, url: string, committedDate: string) => ({
  id: `R_${name}`,
  name,
  url,
  description: null,
  visibility: 'PUBLIC',
  isArchived: false,
  isFork: false,
  isTemplate: false,
  isEmpty: false,
  primaryLanguage: null,
  repositoryTopics: { nodes: [] },
  root: null,
  c0: null,
  defaultBranchRef: { name: 'main', target: { oid: 'a'.repeat(40), committedDate } },
});

describe('listRepositories: URLs and dates from GitHub', () => {
  it('leaves out an invalid web URL or HEAD date, and says so in the repo problems', async () => {
    const page = {
      organization: {
        url: 'https://exa mple.com/acme',
        repositories: {
          totalCount: 3,
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: [
            node('good', 'https://github.com/acme/good', '2024-05-01T12:30:00Z'),
            node('bad-url', 'https://[bad/acme/x', '2024-05-01T12:30:00Z'),
            node('bad-date', 'https://github.com/acme/bad-date', '10000-01-01T00:00:00Z'),
          ],
        },
      },
    };
    const listing = await listRepositories(answering(page), {
      org: 'acme',
      catalogPaths: ['catalog-info.yaml'],
      filters: {},
      pageSize: new AdaptiveSize(100, 5),
      maxFileBytes: 1024,
    });
    const [good, badUrl, badDate] = listing.repos;
    expect(listing.orgUrl).toBeUndefined();
    expect(good).toMatchObject({ url: 'https://github.com/acme/good', head: { date: '2024-05-01T12:30:00.000Z' }, problems: [] });
    expect(badUrl!.url).toBeUndefined();
    expect(badUrl!.problems).toEqual([{ rule: 'repo-url-invalid', message: expect.stringContaining('"https://[bad/acme/x"') }]);
    expect(badDate!.head).toEqual({ commit: 'a'.repeat(40) });
    expect(badDate!.problems).toEqual([{ rule: 'repo-date-invalid', message: expect.stringContaining('"10000-01-01T00:00:00Z"') }]);
  });
});

describe('listPeople: URLs from GitHub', () => {
  it('leaves out invalid team, member and avatar URLs, with a note', async () => {
    const member = (login: string, avatarUrl: string | null) => ({ login, name: null, email: null, avatarUrl, url: `https://github.com/${login}` });
    const page = {
      organization: {
        teams: {
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: [
            {
              slug: 't',
              name: 'T',
              description: null,
              url: 'javascript:alert(1)',
              avatarUrl: 'https://avatars.githubusercontent.com/t/1',
              parentTeam: null,
              members: {
                pageInfo: { hasNextPage: false, endCursor: null },
                nodes: [member('ok', 'https://avatars.githubusercontent.com/u/1?v=4'), member('odd', 'https://exa mple.com/a.png')],
              },
            },
          ],
        },
      },
    };
    const { people, notes } = await listPeople(answering(page), {
      org: 'acme',
      orgUrl: 'https://github.com/acme',
      teamsPageSize: new AdaptiveSize(50, 5),
      membersPageSize: new AdaptiveSize(100, 10),
    });
    expect(people.teams[0]).toEqual({ slug: 't', name: 'T', members: ['ok', 'odd'], avatarUrl: 'https://avatars.githubusercontent.com/t/1' });
    expect(people.users).toEqual([
      { login: 'odd', url: 'https://github.com/odd' },
      { login: 'ok', avatarUrl: 'https://avatars.githubusercontent.com/u/1?v=4', url: 'https://github.com/ok' },
    ]);
    expect(notes).toEqual([expect.stringContaining('2 team, member or avatar URL(s)')]);
    expect(() => SnapshotSchema.parse({ version: 1, source: 'github:acme', org: 'acme', createdAt: '', repos: [], people: [people] })).not.toThrow();
  });
});
