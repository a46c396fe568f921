import { describe, expect, it } from 'vitest';
import { memoryReader } from '../../test/fakes/memory-reader.ts';
import { discoverRepoFiles, type RepoReader } from './discover-files.ts';
import { crossRepoDocsRequests, readCrossRepoDocs } from './cross-repo-docs.ts';
import { snippetPaths } from './discover-docs.ts';
import type { Repo, RepoFile } from './snapshot.ts';

const text = (t: string): RepoFile => ({ status: 'text', text: t, size: t.length });

const options = { catalogPaths: ['catalog-info.yaml'], maxAliasCount: 100, maxDocumentsPerFile: 100, maxReferencedFiles: 100 };
const entity = (ref: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: cats\n  annotations:\n    backstage.io/techdocs-ref: ${ref}\nspec: { type: service, lifecycle: production, owner: team }\n`;

describe('TechDocs discovery', () => {
  it('reads mkdocs-monorepo-plugin !include and *include sites with their docs folders', async () => {
    const { reader } = memoryReader({
      'catalog-info.yaml': entity('dir:.'),
      'mkdocs.yml':
        "site_name: Cats\nnav:\n  - Intro: index.md\n  - Components: '*include ./components/*/mkdocs.yml'\n  - API:\n    - v1: '!include ./v1/mkdocs.yml'\n",
      'docs/index.md': '# Cats',
      'v1/mkdocs.yml': 'site_name: versions/v1\ndocs_dir: pages\n',
      'v1/pages/reference.md': '# Reference',
      'components/a/mkdocs.yml': 'site_name: Component A\n',
      'components/a/docs/README.md': '# A',
      'components/a/src/main.ts': 'code',
      'components/d/e/mkdocs.yml': 'site_name: E\n',
    });
    const found = await discoverRepoFiles({ name: 'cats' }, reader, options);
    expect(Object.keys(found.files)).toEqual(
      expect.arrayContaining(['v1/mkdocs.yml', 'v1/pages/reference.md', 'components/a/mkdocs.yml', 'components/a/docs/README.md']),
    );
    // The glob folder is listed, not kept: source code next to an included site is never read into the snapshot.
    expect(found.files['components/a/src/main.ts']).toBeUndefined();
    // One level of `*`, as the plugin's glob: components/d/e is not matched.
    expect(found.files['components/d/e/mkdocs.yml']).toBeUndefined();
  });

  it('reads snippet files relative to the mkdocs.yml folder, inside the repo only, following nested snippets', async () => {
    const { reader } = memoryReader({
      'catalog-info.yaml': entity('dir:./site'),
      'site/mkdocs.yml': 'site_name: Site\nmarkdown_extensions: [pymdownx.snippets]\n',
      'site/docs/index.md':
        '# Home\n\n--8<-- "snippets/a.md"\n\n    --8<-- "src/app.properties:2:4"\n\n;--8<-- "escaped.md"\n--8<-- "../../etc/passwd"\n\n--8<--\nsnippets/b.md\n; snippets/skipped.md\n--8<--\n',
      'site/snippets/a.md': 'A, which includes --8<-- "snippets/c.md"\n--8<-- "snippets/c.md"\n',
      'site/snippets/b.md': 'B',
      'site/snippets/c.md': 'C',
      'site/src/app.properties': 'x=1\ny=2\n',
    });
    const found = await discoverRepoFiles({ name: 'site' }, reader, options);
    for (const path of ['site/snippets/a.md', 'site/snippets/b.md', 'site/snippets/c.md', 'site/src/app.properties'])
      expect(found.files[path]).toMatchObject({ status: 'text' });
    expect(Object.keys(found.files).filter((p) => p.includes('passwd') || p.includes('escaped') || p.includes('skipped'))).toEqual([]);
  });

  it('never asks a reader for a path in the git folder, whatever names it', async () => {
    const { reader, reads } = memoryReader({
      'catalog-info.yaml': `${entity('dir:.').replace('spec: {', 'spec: { description: { $text: ./.git/config },')}---\napiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: l }\nspec: { targets: [./.GIT/config, "./git~1/*.yaml", ./docs/../.git/HEAD] }\n---\n${entity('dir:./.git').replace('cats', 'git')}`,
      'mkdocs.yml': 'site_name: S\nnav: [index.md, ../.git/config]\nmarkdown_extensions: [pymdownx.snippets]\nplugins: [monorepo]\n',
      'docs/index.md': '--8<-- ".git/config"\n--8<-- "docs/../.Git./config"\n',
      '.git/config': 'SECRET',
    });
    const found = await discoverRepoFiles({ name: 'cats' }, reader, { ...options, catalogPaths: ['catalog-info.yaml', '.git/config'] });
    expect(reads.filter((p) => /\.git(?!hub)|git~1/i.test(p))).toEqual([]);
    expect(reads).toContain('.github/CODEOWNERS'); // a name that starts like it is fine
    expect(found.catalogFiles).toEqual(['catalog-info.yaml']);
    expect(JSON.stringify(found)).not.toContain('SECRET');
  });

  it('lists snippet paths as pymdownx.snippets reads them', () => {
    expect(
      snippetPaths(
        text('--8<-- "a.md"\n  --8<-- \'b.md:1:3\'\n;--8<-- "no.md"\n--8<-- "; no2.md"\n--8<--\nc.md\n;d.md\n--8<--\n--8<-- "https://example.com/x.md"\n'),
      ),
    ).toEqual(['a.md', 'b.md', 'c.md']);
  });

  it('reads docs another repo of the org points at with techdocs-ref url:, once', async () => {
    const docsRepo = memoryReader({
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: handbook }\nspec: { type: website, lifecycle: production, owner: team }\n',
      'guides/payments/mkdocs.yml': 'site_name: Payments guide\n',
      'guides/payments/docs/index.md': '# Payments',
    });
    const serviceRepo = memoryReader({ 'catalog-info.yaml': entity('url:https://github.com/acme/handbook/tree/main/guides/payments/') });
    const repoOf = async (name: string, reader: RepoReader): Promise<Repo> => ({
      name,
      url: `https://github.com/acme/${name}`,
      topics: [],
      visibility: 'public',
      archived: false,
      isTemplate: false,
      ...(await discoverRepoFiles({ name, url: `https://github.com/acme/${name}` }, reader, options)),
    });
    const repos = [await repoOf('handbook', docsRepo.reader), await repoOf('payments', serviceRepo.reader)];
    expect(repos[0]!.files['guides/payments/mkdocs.yml']).toBeUndefined();
    const requests = crossRepoDocsRequests(repos, options, 'acme');
    expect([...requests].map(([r, dirs]) => [r.name, dirs])).toEqual([['handbook', ['guides/payments']]]);
    await readCrossRepoDocs(requests, (r) => (r.name === 'handbook' ? docsRepo.reader : undefined));
    expect(repos[0]!.files['guides/payments/docs/index.md']).toMatchObject({ status: 'text' });
    // Already read: a second crawl over the same snapshot asks for nothing.
    expect(crossRepoDocsRequests(repos, options, 'acme').size).toBe(0);
  });
});
