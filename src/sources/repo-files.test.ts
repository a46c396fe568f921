import { describe, expect, it } from 'vitest';
import type { Repo } from './snapshot.ts';
import { resolveTarget } from './repo-files.ts';

const repo = (url?: string): Repo => ({
  name: 'pay',
  ...(url ? { url } : {}),
  topics: [],
  visibility: 'public',
  archived: false,
  isTemplate: false,
  catalogFiles: [],
  files: {},
  globs: {},
  trees: {},
});
const own = repo('https://github.com/acme/pay');

describe('resolveTarget', () => {
  it.each([
    ['./apis/x.yaml', { kind: 'repo-path', path: 'catalog/apis/x.yaml' }],
    ['apis\\x.yaml', { kind: 'repo-path', path: 'catalog/apis/x.yaml' }],
    ['../x.yaml', { kind: 'repo-path', path: 'x.yaml' }],
    ['/x.yaml', { kind: 'repo-path', path: 'x.yaml' }],
    ['https://github.com/acme/pay/blob/main/apis/x.yaml', { kind: 'repo-path', path: 'apis/x.yaml' }],
    ['https://github.com/acme/pay/blob/main/a%20b.yaml', { kind: 'repo-path', path: 'a b.yaml' }],
    ['https://github.com/acme/other/blob/main/x.yaml', { kind: 'other-repo', url: 'https://github.com/acme/other/blob/main/x.yaml' }],
    ['https://example.com/x.yaml', { kind: 'external', url: 'https://example.com/x.yaml' }],
  ])('%j from catalog/catalog-info.yaml → %j', (target, expected) => {
    expect(resolveTarget(own, 'catalog/catalog-info.yaml', target)).toEqual(expected);
  });

  it.each([
    ['../../x.yaml', 'outside'],
    ['./.git/config', 'git-dir'],
    ['../.GIT/config', 'git-dir'],
    ['https://github.com/acme/pay/blob/main/.git/config', 'git-dir'],
    ['https://github.com/acme/pay/raw/main/a%2F..%2F..%2Fx', 'outside'], // decoded from the URL, then checked
    ['https://github.com/acme/pay/blob/main/%2Egit/config', 'git-dir'],
    ['https://github.com/acme/pay/blob/main/%E0%A4%A', 'outside'], // a broken %-escape names no file; it must not throw
  ])('refuses %j: %s', (target, reason) => {
    expect(resolveTarget(own, 'catalog/catalog-info.yaml', target)).toMatchObject({ kind: 'outside-repo', reason, message: expect.any(String) });
  });

  it('never throws on a repo URL that is not one (a snapshot from before URLs were checked)', () => {
    expect(resolveTarget(repo('https://exa mple.com/acme/pay'), 'catalog-info.yaml', 'https://github.com/acme/pay/blob/main/x.yaml')).toEqual({
      kind: 'other-repo',
      url: 'https://github.com/acme/pay/blob/main/x.yaml',
    });
    expect(resolveTarget(repo('https://[bad'), 'catalog-info.yaml', 'https://example.com/x')).toEqual({ kind: 'external', url: 'https://example.com/x' });
  });
});
