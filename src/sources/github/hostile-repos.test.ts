/**
 * Repos written by an attacker, crawled through the fake GitHub: the git
 * folder is never asked for or kept in any spelling, a docs folder over the
 * cap keeps its index pages and says what it left out, an impossible commit
 * date becomes "unknown" with a problem, and a repo whose discovery throws
 * is one failed repo, not a failed crawl.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeOrg } from '../../../test/fakes/github/load-org.ts';
import { allRepos, testRead } from '../../../test/fakes/github/fixtures/crawl-orgs.ts';
import { startFakeGitHub, type FakeGitHub } from '../../../test/fakes/github/server.ts';
import { crawlGitHub } from './crawl.ts';
import type { Repo } from '../snapshot.ts';

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const SECRET = '[remote "origin"]\n  url = https://x-access-token:ghs_SECRET@github.com/acme/x\n';
const component = (name: string, extra = '') => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations: { backstage.io/techdocs-ref: "dir:." }
spec:
  type: service
  lifecycle: production
  owner: team${extra}
`;

function hostileOrg() {
  return createFakeOrg({
    login: 'acme',
    repos: [
      {
        name: 'leaky',
        files: {
          // A placeholder, a Location target and a docs link into the git folder, in several spellings.
          'catalog-info.yaml': `${component('leaky', '\n  description: { $text: ./.git/config }')}---\napiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: leaky-more }\nspec: { targets: [./.GIT/config, ./docs/../.git/config, ./git~1/config] }\n`,
          'mkdocs.yml': 'site_name: Leaky\nnav: [index.md, ../.git/config]\n',
          'docs/index.md': '# Leaky\n',
          'docs/.GIT/config': SECRET,
          'docs/.git./config': SECRET,
          'docs/git~1/config': SECRET,
          '.GIT/config': SECRET,
          'git~1/config': SECRET,
        },
      },
      {
        name: 'huge-docs',
        committedDate: '+010000-01-01T00:00:00Z', // a committer's clock in year 10000
        files: {
          'catalog-info.yaml': component('huge-docs'),
          'mkdocs.yml': 'site_name: Huge\nnav: [index.md, zz/target.md]\n',
          // Sorted by name, every one of these comes before index.md.
          ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`docs/a${String(i).padStart(2, '0')}.png`, 'x'])),
          'docs/index.md': '# Huge\n',
          'docs/zz/target.md': '# In the nav\n',
        },
      },
      {
        name: 'breaks-discovery',
        // picomatch throws on a pattern this long: once, that stopped the whole crawl.
        files: {
          'catalog-info.yaml': `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: broken }\nspec: { targets: ["./${'*'.repeat(70_000)}.yaml"] }\n`,
        },
      },
      { name: 'fine', files: { 'catalog-info.yaml': component('fine'), 'docs/index.md': '# Fine\n' } },
    ],
  });
}

async function crawl() {
  fake = await startFakeGitHub({ org: hostileOrg() });
  return crawlGitHub({
    org: 'acme',
    endpoint: fake.url,
    token: 'test-token',
    read: { ...testRead, maxTreeFiles: 3 },
    filters: allRepos,
    teams: false,
    maxRateLimitWaitMs: 60_000,
    client: { sleep: async () => {}, backoffMs: 1 },
  });
}

const byName = (repos: Repo[], name: string) => repos.find((r) => r.name === name)!;

describe('a crawl of hostile repos', () => {
  it('never asks GitHub for a path in the git folder, and keeps none', async () => {
    const { snapshot } = await crawl();
    const asked = fake!.requests.flatMap((r) => Object.values(r.variables ?? {})).filter((v): v is string => typeof v === 'string' && v.includes(':'));
    expect(asked.some((v) => v.endsWith(':docs'))).toBe(true); // the check looks at the real expressions
    expect(asked.filter((v) => /\.git|git~1/i.test(v.slice(v.indexOf(':') + 1)))).toEqual([]);
    const leaky = byName(snapshot.repos, 'leaky');
    expect(Object.keys(leaky.files).filter((p) => /\.git|git~1/i.test(p))).toEqual([]);
    expect(leaky.trees['docs']?.paths).toEqual(['docs/index.md']);
    expect(JSON.stringify(snapshot)).not.toContain('SECRET');
  });

  it('keeps index.md and the nav targets of a docs folder over the cap, and counts what it left out', async () => {
    const { snapshot } = await crawl();
    const tree = byName(snapshot.repos, 'huge-docs').trees['docs'];
    expect(tree?.paths).toEqual(['docs/a00.png', 'docs/index.md', 'docs/zz/target.md']);
    expect(tree).toMatchObject({ truncated: true, omitted: 11 });
  });

  it('turns a commit date after year 9999 into no date, and a problem', async () => {
    const { snapshot } = await crawl();
    const huge = byName(snapshot.repos, 'huge-docs');
    expect(huge.head?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(huge.head?.date).toBeUndefined();
    expect(huge.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'repo-date-invalid', message: expect.stringContaining('+010000-01-01') })]),
    );
  });

  it('isolates a repo whose discovery throws: it appears with no files and a repo-failed problem; the others are read', async () => {
    const { snapshot } = await crawl();
    const broken = byName(snapshot.repos, 'breaks-discovery');
    expect(broken).toMatchObject({
      catalogFiles: [],
      files: {},
      problems: [{ rule: 'repo-failed', message: expect.stringContaining('exceeds maximum allowed length') }],
    });
    expect(byName(snapshot.repos, 'fine').files['docs/index.md']).toMatchObject({ status: 'text' });
    expect(byName(snapshot.repos, 'fine').problems).toBeUndefined();
  });
});
