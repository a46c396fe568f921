/**
 * Every caller of the repo-path boundary gives the same answer for the same
 * path: the catalog (Backstage's resolution), discovery's and the docs
 * stage's joins (MkDocs' posixpath), the docs link resolver, and both
 * readers. Where the answers differ, it is by the documented rule of the
 * style, never by accident: a catalog target's leading `/` is the repo root
 * and its `\` a separator (as Backstage resolves them), and a catalog target
 * or docs link with a scheme-like prefix (`C:`, `x:`) is a URL, not a path.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeRepoPath, resolveTarget } from './repo-files.ts';
import { siteLinks } from '../docs/link-targets.ts';
import { repoJoin } from '../docs/site/paths.ts';
import { joinInRepo } from './discover-docs.ts';
import type { RepoReader } from './discover-files.ts';
import { AdaptiveSize } from './github/adaptive-size.ts';
import type { GitHubClient } from './github/client.ts';
import { GitHubFileBatcher } from './github/file-batcher.ts';
import { diskRepoReader } from './local/disk-reader.ts';
import type { Repo, RepoFile } from './snapshot.ts';

type Answer = 'outside' | 'git-dir' | { path: string } | 'url';

/** [path, as a repo key / MkDocs path, as a catalog target] */
const table: [string, Answer, Answer][] = [
  ['..', 'outside', 'outside'],
  ['../x', 'outside', 'outside'],
  ['/x', 'outside', { path: 'x' }],
  ['C:\\x', 'outside', 'url'],
  ['C:/x', 'outside', 'url'],
  ['a\\b', { path: 'a\\b' }, { path: 'a/b' }],
  ['x:y', 'outside', 'url'],
  ['%2e%2e/', { path: '%2e%2e' }, { path: '%2e%2e' }],
  ['', { path: '' }, { path: '' }],
  ['.', { path: '' }, { path: '' }],
  ['.git/config', 'git-dir', 'git-dir'],
  ['./.git/config', 'git-dir', 'git-dir'],
  ['docs/../.git/config', 'git-dir', 'git-dir'],
  ['a/../.GIT/config', 'git-dir', 'git-dir'],
  ['.git./x', 'git-dir', 'git-dir'],
  ['.git /x', 'git-dir', 'git-dir'],
  ['git~1/config', 'git-dir', 'git-dir'],
  ['a\\..\\.git', 'git-dir', 'git-dir'],
  ['docs/index.md', { path: 'docs/index.md' }, { path: 'docs/index.md' }],
];

const repo: Repo = { name: 'r', topics: [], visibility: 'public', archived: false, isTemplate: false, catalogFiles: [], files: {}, globs: {}, trees: {} };

let tmp: string;
let disk: RepoReader;
let github: RepoReader;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-callers-'));
  await mkdir(join(tmp, '.git'));
  await writeFile(join(tmp, '.git', 'config'), 'SECRET');
  disk = await diskRepoReader(tmp, 1024);
  const client: GitHubClient = {
    query: () => Promise.reject(new Error('no request expected')),
    stats: { requests: 0, retries: 0, points: 0, waitedMs: 0 },
  };
  const batcher = new GitHubFileBatcher(client, {
    org: 'acme',
    maxFileBytes: 1024,
    maxTreeFiles: 10,
    repos: new AdaptiveSize(10, 1),
    objects: new AdaptiveSize(10, 1),
  });
  // No top-level names: any path the boundary lets through is "missing" without a request.
  github = batcher.reader({
    id: 'R_1',
    name: 'r',
    visibility: 'public',
    archived: false,
    fork: false,
    isTemplate: false,
    topics: [],
    catalogFiles: {},
    rootEntries: new Set(),
    problems: [],
  });
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The joins answer a path or undefined: they cannot say why, only that they refuse. */
const fromJoin = (path: string | undefined) => (path === undefined ? 'refused' : { path });
const refusal = (answer: Answer) => (answer === 'outside' || answer === 'git-dir' ? 'refused' : answer);
const fromFile = (file: RepoFile) => (file.status !== 'outside-repo' ? 'read' : file.gitDir ? 'git-dir' : 'outside');

describe.each(table)('%j', (path, asKey, asTarget) => {
  const refused = typeof asKey === 'string';

  it('joinInRepo, repoJoin: as a path MkDocs joins', () => {
    for (const join of [joinInRepo, repoJoin]) expect(fromJoin(join('', path))).toEqual(refusal(asKey));
  });

  it('the disk reader and the GitHub reader: refused, or asked for', async () => {
    for (const reader of [disk, github]) {
      const answer = fromFile(await reader.read(path));
      expect(answer).toEqual(refused ? asKey : 'read');
    }
  });

  it('the docs link resolver: refused, or a repo path (a link is a URL: a scheme is no path, and %-escapes are decoded first)', () => {
    const resolved = siteLinks(undefined, { ...repo, url: 'https://github.com/acme/r' }, '/', 'docs/default/component/r/').resolve(
      'README.md',
      'README.md',
      path,
      'link',
    );
    const reason = resolved && 'missing' in resolved ? resolved.reason : '';
    if (/^[a-z]:/i.test(path)) expect(resolved).toBeUndefined();
    else if (path.startsWith('%2e%2e')) expect(reason).toMatch(/out of the repository/);
    else if (asKey === 'git-dir') expect(reason).toMatch(/git folder/);
    else if (asKey === 'outside') expect(reason).toMatch(/out of the repository/);
    else expect(reason).not.toMatch(/git folder|out of the repository/);
  });

  it('normalizeRepoPath and resolveTarget: as a catalog target, resolved as Backstage does', () => {
    const target = resolveTarget(repo, 'catalog-info.yaml', path);
    const answer: Answer = target.kind === 'repo-path' ? { path: target.path } : target.kind === 'outside-repo' ? target.reason : 'url';
    expect(answer).toEqual(asTarget);
    if (asTarget !== 'url') expect(fromJoin(normalizeRepoPath(path))).toEqual(refusal(asTarget));
  });
});
