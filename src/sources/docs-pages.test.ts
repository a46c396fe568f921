import { describe, expect, it } from 'vitest';
import { discoverRepoFiles, type RepoReader } from './discover-files.ts';
import { docsPagePaths, MAX_DATED_PAGES } from './docs-pages.ts';
import type { Repo, RepoFile } from './snapshot.ts';

const text = (t: string): RepoFile => ({ status: 'text', text: t, size: t.length });

function memoryReader(contents: Record<string, string>): RepoReader {
  return {
    read: async (path) => (path in contents ? text(contents[path]!) : { status: 'missing' }),
    readTree: async (dir) => {
      const prefix = dir === '' ? '' : `${dir}/`;
      return {
        files: Object.fromEntries(
          Object.entries(contents)
            .filter(([p]) => p.startsWith(prefix))
            .map(([p, t]) => [p, text(t)]),
        ),
        truncated: false,
      };
    },
  };
}

const options = { catalogPaths: ['catalog-info.yaml'], maxAliasCount: 100, maxDocumentsPerFile: 100, maxReferencedFiles: 100 };
const component = (ref: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: cats\n  annotations:\n    backstage.io/techdocs-ref: ${ref}\nspec: { type: service, lifecycle: production, owner: team }\n`;
const template = `apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata: { name: tpl }\nspec:\n  steps:\n    - id: fetch\n      action: fetch:template\n      input: { url: ./skeleton }\n`;

describe('docsPagePaths', () => {
  it("lists the Markdown pages of every site's docs folder, and nothing else that was read", async () => {
    const found = await discoverRepoFiles(
      { name: 'cats' },
      memoryReader({
        'catalog-info.yaml': `${component('dir:.')}---\n${template}`,
        'README.md': '# Cats',
        'mkdocs.yml': "site_name: Cats\nnav:\n  - v1: '!include ./v1/mkdocs.yml'\n",
        'docs/index.md': '# Cats',
        'docs/guides/setup.markdown': '# Setup',
        'docs/logo.png': 'png',
        'v1/mkdocs.yml': 'site_name: v1\ndocs_dir: pages\n',
        'v1/pages/reference.MD': '# Reference',
        'skeleton/docs/index.md': "# A template's page, not a page of this repo",
      }),
      options,
    );
    expect(found.files['skeleton/docs/index.md']).toMatchObject({ status: 'text' });
    expect(docsPagePaths(found)).toEqual(['docs/guides/setup.markdown', 'docs/index.md', 'v1/pages/reference.MD']);
  });

  it('uses docs/ when the site has no mkdocs.yml, and skips pages that are not text', async () => {
    const found = await discoverRepoFiles(
      { name: 'cats' },
      memoryReader({ 'catalog-info.yaml': component('dir:./site'), 'site/docs/index.md': '# Home' }),
      options,
    );
    const repo = {
      ...found,
      files: { ...found.files, 'site/docs/big.md': { status: 'too-large', size: 10, limit: 5 } as RepoFile },
      trees: { ...found.trees, 'site/docs': { paths: ['site/docs/big.md', 'site/docs/index.md'], truncated: false } },
    };
    expect(docsPagePaths(repo)).toEqual(['site/docs/index.md']);
  });

  it('caps the pages per repo', () => {
    const paths = Array.from({ length: MAX_DATED_PAGES + 5 }, (_, i) => `docs/p${String(i).padStart(5, '0')}.md`);
    const repo: Pick<Repo, 'files' | 'trees'> = {
      files: { 'mkdocs.yml': text('site_name: x\n'), ...Object.fromEntries(paths.map((p) => [p, text('#')])) },
      trees: { docs: { paths, truncated: false } },
    };
    expect(docsPagePaths(repo)).toHaveLength(MAX_DATED_PAGES);
  });
});
