import { describe, expect, it } from 'vitest';
import { checklist, fileTree, skeletonLanguage } from './skeleton-analysis.ts';

describe('fileTree', () => {
  it('lists folders before files, each folder once, and marks templated names', () => {
    const rows = fileTree([{ path: 'README.md', size: 5 }, { path: 'src/${{ values.name }}.ts', size: 1 }, { path: 'src/a/b.ts' }]);
    expect(rows.map((r) => `${'  '.repeat(r.depth)}${r.name}${r.dir ? '/' : ''}${r.templatedName ? ' *' : ''}`)).toEqual([
      'src/',
      '  a/',
      '    b.ts',
      '  ${{ values.name }}.ts *',
      'README.md',
    ]);
  });
});

describe('skeletonLanguage', () => {
  it('is the most common code language, ignoring docs and templating suffixes', () => {
    expect(skeletonLanguage(['a.java', 'b.java', 'build.gradle.kts', 'docs/index.md'])).toBe('Java');
    expect(skeletonLanguage(['src/index.ts.njk', 'README.md'])).toBe('TypeScript');
    expect(skeletonLanguage(['mkdocs.yml', 'docs/index.md'])).toBeUndefined();
  });
});

describe('checklist', () => {
  it('finds CI, catalog entry, docs, Dockerfile, CODEOWNERS and tests with the files that keep them', () => {
    const items = checklist(['.github/workflows/ci.yml', 'catalog-info.yaml', 'mkdocs.yml', 'Dockerfile', '.github/CODEOWNERS', 'src/test/java/AppTest.java']);
    expect(items.every((i) => i.present)).toBe(true);
    expect(items.find((i) => i.id === 'tests')!.files).toEqual(['src/test/java/AppTest.java']);
  });

  it('says what is missing: a catalog-info.yaml below the root does not count', () => {
    const items = checklist(['docs/catalog-info.yaml', 'src/index.ts']);
    expect(items.filter((i) => i.present)).toEqual([]);
  });
});
