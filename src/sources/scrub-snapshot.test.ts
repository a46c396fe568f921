import { describe, expect, it } from 'vitest';
import { inMemorySnapshot } from '../../test/support/in-memory-source.ts';
import { scrubSnapshot } from './scrub-snapshot.ts';

describe('scrubSnapshot: an old cache cannot bring back a git folder', () => {
  it('drops every path under a git folder, in any spelling, from files, listings, globs, dates and catalog paths', () => {
    const snapshot = inMemorySnapshot([
      {
        name: 'old',
        catalogFiles: ['catalog-info.yaml', '.git/config'],
        files: {
          'catalog-info.yaml': 'kind: Component',
          '.git/config': '[remote] url = https://token@github.com',
          'docs/.GIT/config': 'x',
          'docs/git~1/HEAD': 'x',
          'docs/index.md': '# Hi',
          '../outside.yaml': 'x',
        },
        globs: { '*.yaml': ['catalog-info.yaml'], '.git/*': ['.git/config'], 'docs/*': ['docs/index.md', 'docs/.Git./x'] },
        trees: { docs: { paths: ['docs/index.md', 'docs/.GIT/config'], truncated: false }, '.git': { paths: ['.git/config'], truncated: false } },
      },
    ]);
    snapshot.repos[0]!.fileDates = { 'docs/index.md': '2024-01-01T00:00:00.000Z', '.git/x.md': '2024-01-01T00:00:00.000Z' };
    const [repo] = scrubSnapshot(snapshot).repos;
    expect(repo!.catalogFiles).toEqual(['catalog-info.yaml']);
    expect(Object.keys(repo!.files)).toEqual(['catalog-info.yaml', 'docs/index.md']);
    expect(repo!.globs).toEqual({ '*.yaml': ['catalog-info.yaml'], 'docs/*': ['docs/index.md'] });
    expect(repo!.trees).toEqual({ docs: { paths: ['docs/index.md'], truncated: false } });
    expect(repo!.fileDates).toEqual({ 'docs/index.md': '2024-01-01T00:00:00.000Z' });
    expect(JSON.stringify(repo)).not.toContain('token');
  });
});
