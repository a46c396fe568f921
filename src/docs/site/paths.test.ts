import { describe, expect, test } from 'vitest';
import { comparePy, isCleanRepoPath, isInside, normpath, purePosix, pyQuote, pyUnquote, repoJoin, splitext, urlsplit } from './paths.ts';

describe('Python path helpers', () => {
  test.each([
    ['a/./b/../c', 'a/c'],
    ['../x', '../x'],
    ['a/../../x', '../x'],
    ['/../x', '/x'],
    ['', '.'],
    ['a//b/', 'a/b'],
  ])('normpath(%j) = %j', (input, output) => expect(normpath(input)).toBe(output));

  test('purePosix drops . and empty segments but keeps ..', () => {
    expect(purePosix('versions/v3/./changelog.md')).toBe('versions/v3/changelog.md');
    expect(purePosix('./a//b/')).toBe('a/b');
    expect(purePosix('a/../b')).toBe('a/../b');
  });

  test('splitext keeps a leading dot in the stem', () => {
    expect(splitext('a/b.tar.gz')).toEqual(['a/b.tar', '.gz']);
    expect(splitext('.profile')).toEqual(['.profile', '']);
    expect(splitext('README')).toEqual(['README', '']);
  });

  test('repoJoin refuses paths that leave the repository', () => {
    expect(repoJoin('site', 'docs')).toBe('site/docs');
    expect(repoJoin('site', '../docs')).toBe('docs');
    expect(repoJoin('site', '../../docs')).toBeUndefined();
    expect(repoJoin('', '/etc')).toBeUndefined();
    expect(repoJoin('', '.')).toBe('');
  });

  test('repoJoin and isCleanRepoPath refuse the git folder in any spelling, and drive paths (the repo-path boundary decides)', () => {
    for (const path of ['.git/config', 'a/../.GIT/config', '.git./x', 'git~1/config', 'a\\..\\.git']) expect(repoJoin('docs', path), path).toBeUndefined();
    expect(repoJoin('', 'x:y')).toBeUndefined();
    expect(repoJoin('', 'C:\\x')).toBeUndefined();
    expect(repoJoin('', 'a\\b')).toBe('a\\b');
    expect(isCleanRepoPath('docs/index.md')).toBe(true);
    for (const path of ['', '/x', 'a//b', './a', 'a/..', 'docs/.Git/config', 'C:/x']) expect(isCleanRepoPath(path), path).toBe(false);
    expect(isInside('', 'x')).toBe(true);
    expect(isInside('docs', 'docs/a.md')).toBe(true);
    expect(isInside('docs', 'docs2/a.md')).toBe(false);
  });

  test('pyQuote encodes like urllib.parse.quote', () => {
    expect(pyQuote('a b/ü(1)!~_.-')).toBe('a%20b/%C3%BC%281%29%21~_.-');
    expect(pyUnquote('%C3%BC%20x%ZZ')).toBe('ü x%ZZ');
  });

  test('urlsplit separates scheme, host, path, query and fragment', () => {
    expect(urlsplit('https://x.org/a?b=1#c')).toEqual({ scheme: 'https', netloc: 'x.org', path: '/a', query: 'b=1', fragment: 'c' });
    expect(urlsplit('../a.md#part')).toEqual({ scheme: '', netloc: '', path: '../a.md', query: '', fragment: 'part' });
    expect(urlsplit('mailto:me@x.org').scheme).toBe('mailto');
    expect(urlsplit('//cdn.org/x').netloc).toBe('cdn.org');
  });

  test('strings order by code point, upper case first', () => {
    expect(['b.md', 'B.md', 'a.md', '\u{1F600}.md', '\uFF21.md'].sort(comparePy)).toEqual(['B.md', 'a.md', 'b.md', '\uFF21.md', '\u{1F600}.md']);
  });
});
