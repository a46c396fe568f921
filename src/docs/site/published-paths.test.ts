import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anyFileName, CONTROL } from './fixtures/file-names.ts';
import { collisionKey, overBudget, PATH_BUDGET } from './page-slug.ts';
import { Problems } from './problems.ts';
import { assignPublishedPaths, type PublishInput } from './published-paths.ts';

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

describe('published paths of a site', () => {
  const assign = (names: string[], prefix = 'docs/default/component/x/') => {
    const problems = new Problems();
    const files: PublishInput[] = names.map((name) => ({ src: `${name}.md`, repoPath: `docs/${name}.md`, kind: 'page', parts: [name] }));
    return { ...assignPublishedPaths(files, prefix, problems), problems: problems.list, files };
  };

  test('property: every kept page fits the budget, and no two share a case-folded output path', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyFileName, { minLength: 1, maxLength: 12 }), (names) => {
        const { paths, problems, files } = assign(names);
        const keys = new Set<string>();
        for (const file of files) {
          const path = paths.get(file.src);
          const reported = problems.filter((p) => p.path === file.repoPath).map((p) => p.rule);
          if (path === undefined) {
            // Left out, and said so.
            expect(reported.some((r) => r === 'docs-path-conflict' || r === 'docs-path-too-long')).toBe(true);
            continue;
          }
          expect(overBudget('docs/default/component/x/', path, 'page')).toBeUndefined();
          for (const segment of path.split('/')) expect(utf8Bytes(segment)).toBeLessThanOrEqual(PATH_BUDGET.segmentBytes);
          const key = collisionKey(path);
          expect(keys.has(key)).toBe(false);
          keys.add(key);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('foo.md and foo/index.md: the later in MkDocs order is kept, as MkDocs would overwrite the other', () => {
    const problems = new Problems();
    const { paths, aliases } = assignPublishedPaths(
      [
        { src: 'foo.md', repoPath: 'docs/foo.md', kind: 'page', parts: ['foo'] },
        { src: 'foo/index.md', repoPath: 'docs/foo/index.md', kind: 'page', parts: ['foo'], isIndex: true },
      ],
      '',
      problems,
    );
    expect([...paths]).toEqual([['foo/index.md', 'foo/']]);
    expect(problems.list).toMatchObject([{ rule: 'docs-path-conflict', severity: 'warning', path: 'docs/foo.md' }]);
    expect(problems.list[0]!.message).toContain("Excluding 'foo.md' from the site because it conflicts with 'foo/index.md'");
    // A link to foo.md finds the page published at foo/, as on the site MkDocs builds.
    expect([...aliases]).toEqual([['foo.md', 'foo/index.md']]);
  });

  test('case variants conflict; folders spelled two ways are published under the first spelling', () => {
    const { paths, problems } = assign(['Guide', 'guide']);
    expect([...paths.values()]).toEqual(['guide/']);
    expect(problems[0]!.message).toMatch(/only in case/);

    const folders = new Problems();
    const { paths: nested } = assignPublishedPaths(
      [
        { src: 'API/a.md', repoPath: 'docs/API/a.md', kind: 'page', parts: ['API', 'a'] },
        { src: 'api/b.md', repoPath: 'docs/api/b.md', kind: 'page', parts: ['api', 'b'] },
      ],
      '',
      folders,
    );
    expect([...nested.values()]).toEqual(['API/a/', 'API/b/']);
    expect(folders.list).toMatchObject([{ rule: 'docs-path-renamed', severity: 'info' }]);
  });

  test('a file where a page needs a folder gives way; a page beats a file at the same path', () => {
    const problems = new Problems();
    const { paths } = assignPublishedPaths(
      [
        { src: 'LICENSE', repoPath: 'docs/LICENSE', kind: 'file', parts: ['LICENSE'] },
        { src: 'LICENSE.md', repoPath: 'docs/LICENSE.md', kind: 'page', parts: ['LICENSE'] },
        { src: 'x.md', repoPath: 'docs/x.md', kind: 'page', parts: ['x'] },
        { src: 'x/index.html', repoPath: 'docs/x/index.html', kind: 'file', parts: ['x', 'index.html'] },
      ],
      '',
      problems,
    );
    expect([...paths.keys()]).toEqual(['LICENSE.md', 'x.md']);
    expect(problems.list.map((p) => [p.rule, p.path])).toEqual([
      ['docs-path-conflict', 'docs/LICENSE'],
      ['docs-path-conflict', 'docs/x/index.html'],
    ]);
  });

  test('a renamed folder is reported once, not once per file in it', () => {
    const problems = new Problems();
    assignPublishedPaths(
      ['a', 'b', 'c'].map((n): PublishInput => ({ src: `50%/${n}.md`, repoPath: `docs/50%/${n}.md`, kind: 'page', parts: ['50%', n] })),
      '',
      problems,
    );
    expect(problems.list).toHaveLength(1);
    expect(problems.list[0]!.message).toMatch(/^'50%' is published as '50~25\/': a `%`/);
  });

  test('names in messages are escaped: a control character cannot reach a log as itself', () => {
    const { problems } = assign(['evil\n::error::x']);
    expect(problems[0]!.rule).toBe('docs-path-renamed');
    expect(problems[0]!.message).not.toMatch(CONTROL);
  });

  test('past 20 renamed names, one diagnostic counts the rest; a deep, wide generated tree costs its size, not its size squared', () => {
    const problems = new Problems();
    // 500 files, each under its own chain of 300 folders that all need escaping.
    const deep = Array.from({ length: 500 }, (_, n): PublishInput => {
      const parts = [`${n}%`, ...Array<string>(300).fill('%'), 'page'];
      return { src: `${parts.join('/')}.md`, repoPath: `docs/${parts.join('/')}.md`, kind: 'page', parts };
    });
    // 150,000 escaped folder names: quadratic in them, this would not finish inside the test's timeout.
    const { paths } = assignPublishedPaths(deep, 'docs/default/component/x/', problems);
    expect(paths.size).toBe(500);
    const renamed = problems.list.filter((p) => p.rule === 'docs-path-renamed');
    expect(renamed).toHaveLength(21);
    expect(renamed[20]!.message).toMatch(/^\d+ more docs file and folder names are published under other names/);
  });
});
