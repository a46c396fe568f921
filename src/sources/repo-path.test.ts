import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRepoPath, gitDirSegment, isCleanRepoPath, isGitDirName, resolveRepoPath, type RepoPathStyle } from './repo-path.ts';

describe('isGitDirName: the git folder in every spelling a filesystem honours', () => {
  it.each([
    '.git',
    '.GIT',
    '.Git',
    '.gIt', // case-insensitive filesystems (macOS, Windows)
    '.git.',
    '.git ',
    '.git. .',
    '.git...', // NTFS drops trailing dots and spaces
    'git~1',
    'GIT~1',
    'git~1.',
    'git~2', // NTFS 8.3 short names
    '.git:stream',
    '.git::$INDEX_ALLOCATION',
    'git~1:x', // NTFS alternate data streams
    '.g\u200cit',
    '\ufeff.git',
    '.gi\u200dt', // code points HFS+ ignores
    '.g\u0131t', // the dotless ı folds to I
  ])('%j is the git folder', (name) => {
    expect(isGitDirName(name)).toBe(true);
  });

  it.each(['.github', '.gitignore', '.gitmodules', 'git', '.gi', 'x.git', '.git-blame-ignore-revs', 'git~', 'git~a', '.git.x', 'my.git', ''])(
    '%j is not',
    (name) => {
      expect(isGitDirName(name)).toBe(false);
    },
  );

  it('finds it at any depth, with either separator', () => {
    expect(gitDirSegment('a/b/.GIT/config')).toBe('.GIT');
    expect(gitDirSegment('a\\..\\.git\\config')).toBe('.git');
    expect(gitDirSegment('docs/.github/x')).toBeUndefined();
  });
});

describe('resolveRepoPath', () => {
  it.each<[string, string, RepoPathStyle, string]>([
    ['', 'docs/index.md', 'posix', 'docs/index.md'],
    ['site', '../docs', 'posix', 'docs'],
    ['site', './a//b/', 'posix', 'site/a/b'],
    ['', '.', 'posix', ''],
    ['', '', 'posix', ''],
    ['', 'a\\b', 'posix', 'a\\b'], // a name on the build machine, as Python's posixpath sees it
    ['', 'a\\b', 'backstage', 'a/b'],
    ['site', '/apis/x.yaml', 'backstage', 'apis/x.yaml'], // Backstage: a leading / is the repo root
    ['', '%2e%2e/x', 'posix', '%2e%2e/x'], // never decoded here
  ])('(%j, %j, %s) → %j', (dir, path, style, expected) => {
    expect(resolveRepoPath(dir, path, style)).toEqual({ ok: true, path: expected });
  });

  it.each<[string, string, RepoPathStyle, 'outside' | 'git-dir', RegExp]>([
    ['', '..', 'posix', 'outside', /climbs above/],
    ['site', '../../x', 'posix', 'outside', /climbs above/],
    ['', '/etc/passwd', 'posix', 'outside', /absolute/],
    ['site', '/etc', 'posix', 'outside', /absolute/],
    ['', 'C:\\x', 'posix', 'outside', /drive/],
    ['', 'c:/x', 'backstage', 'outside', /drive/],
    ['', 'x:y', 'posix', 'outside', /drive/],
    ['', 'a/../C:/x', 'posix', 'outside', /drive/],
    ['', 'a\u0000b', 'posix', 'outside', /NUL/],
    ['', '.git/config', 'posix', 'git-dir', /git folder/],
    ['', './.git/config', 'posix', 'git-dir', /git folder/],
    ['docs', '../.git/config', 'posix', 'git-dir', /git folder/],
    ['', 'a/../.GIT/config', 'backstage', 'git-dir', /git folder/],
    ['', 'a\\..\\.git', 'posix', 'git-dir', /git folder/],
    ['', '.git./x', 'posix', 'git-dir', /git folder/],
    ['', 'git~1/config', 'posix', 'git-dir', /git folder/],
    ['.git', 'config', 'posix', 'git-dir', /git folder/],
    ['', '/.git/config', 'backstage', 'git-dir', /git folder/],
    ['', '.git/../README.md', 'posix', 'git-dir', /git folder/], // git itself refuses the path whole
  ])('(%j, %j, %s) is refused: %s', (dir, path, style, reason, message) => {
    const result = resolveRepoPath(dir, path, style);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok || result.message).toMatch(message);
  });

  it('quotes the path in its message, control characters escaped, so a message cannot forge a log line', () => {
    const result = checkRepoPath('../\n::error::x\u001b[2J');
    expect(result.ok || result.message).toBe('"../\\n::error::x\\x1b[2J" climbs above the repository root');
  });
});

/** Segments an attacker would write: the tricky ones often, anything else sometimes. */
const segment = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '',
    '.git',
    '.GIT',
    '.Git.',
    '.git ',
    'git~1',
    'GIT~1',
    '.git:x',
    '.g\u200cit',
    'C:',
    'x:y',
    '%2e%2e',
    '\\',
    'a\\..\\.git',
    '.github',
    'docs',
    'index.md',
    '~',
    ' ',
    'a\u0000b',
  ),
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 4, unit: 'binary' }),
);
const path = fc.array(segment, { maxLength: 8 }).map((parts) => parts.join('/'));
const style = fc.constantFrom<RepoPathStyle>('posix', 'backstage');

describe('resolveRepoPath, for any path (fast-check)', () => {
  it('is refused, or a clean path: no `.`/`..`/empty segment, no leading `/`, no drive, no git folder in any spelling', () => {
    fc.assert(
      fc.property(path, path, style, (dir, relative, s) => {
        const result = resolveRepoPath(dir, relative, s);
        if (!result.ok) return;
        const parts = result.path.split('/');
        expect(result.path === '' || parts.every((p) => p !== '' && p !== '.' && p !== '..')).toBe(true);
        expect(result.path.startsWith('/')).toBe(false);
        expect(/^[A-Za-z]:/.test(result.path)).toBe(false);
        expect(result.path.split(/[\\/]/).some(isGitDirName)).toBe(false);
        expect(result.path === '' || isCleanRepoPath(result.path)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never leaves the repo: joining a clean folder never climbs above it by more `..` than the path holds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 4 }), path, (dirParts, relative) => {
        const dir = dirParts.join('/');
        const result = resolveRepoPath(dir, relative);
        if (!result.ok) return;
        // Simulated on a real tree: the result is the same walk a filesystem would do, and it stays at depth >= 0.
        const stack: string[] = [...dirParts];
        for (const p of relative.split('/')) {
          if (p === '..') stack.pop();
          else if (p !== '' && p !== '.') stack.push(p);
        }
        expect(result.path).toBe(stack.join('/'));
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent: a result resolves to itself, in either style', () => {
    fc.assert(
      fc.property(path, path, style, (dir, relative, s) => {
        const result = resolveRepoPath(dir, relative, s);
        if (result.ok) expect(resolveRepoPath('', result.path, s)).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every path with a git-folder segment, however it is reached', () => {
    fc.assert(
      fc.property(path, fc.constantFrom('.git', '.GIT', '.Git. ', 'git~1', 'GIT~1.', '.git:stream'), path, style, (before, gitDir, after, s) => {
        const result = resolveRepoPath('', `${before}/${gitDir}/${after}`, s);
        expect(result).toMatchObject({ ok: false });
        // The git folder is named even when `..` would also climb out: the more telling reason wins.
        expect(result.ok || result.reason).toBe('git-dir');
      }),
      { numRuns: 1000 },
    );
  });
});
