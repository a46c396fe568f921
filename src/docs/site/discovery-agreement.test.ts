/**
 * The crawler fetches the folders the renderer reads. Discovery (src/sources)
 * and the docs site model read mkdocs.yml through one module
 * (sources/mkdocs/read-config.ts); for each config variant, and each site of
 * the TechDocs corpus, a repo is crawled from memory and:
 * - the docs folders discovery settles on (`siteDocsDirs`) are the folders
 *   the site is built from (`docsDirs`: its docs_dir and the included ones);
 * - the site built from what was crawled is the site built from the whole repo;
 * - a docs_dir the renderer refuses is never fetched.
 */
import { posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryReader } from '../../../test/fakes/memory-reader.ts';
import { siteDocsDirs } from '../../sources/discover-docs.ts';
import { discoverRepoFiles } from '../../sources/discover-files.ts';
import type { RepoFile } from '../../sources/snapshot.ts';
import { corpusSets, readExpected, readSetFiles } from './fixtures/load-corpus.ts';
import { loadDocsSite } from './index.ts';

const CATALOG = '__frontdoor-catalog.yaml';
const options = { catalogPaths: [CATALOG], maxAliasCount: 100, maxDocumentsPerFile: 100, maxReferencedFiles: 100 };
const entity = (dir: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: site\n  annotations:\n    backstage.io/techdocs-ref: dir:${dir ? `./${dir}` : '.'}\nspec: { type: documentation, lifecycle: production, owner: docs }\n`;
const text = (t: string): RepoFile => ({ status: 'text', text: t, size: t.length });

async function crawlAndRender(repo: Record<string, string | RepoFile>, dir: string) {
  const { reader, reads } = memoryReader({ ...repo, [CATALOG]: entity(dir) });
  const crawled = await discoverRepoFiles({ name: 'r' }, reader, options);
  const all = Object.fromEntries(Object.entries(repo).map(([path, file]) => [path, typeof file === 'string' ? text(file) : file]));
  const fromCrawl = loadDocsSite({ files: crawled.files, dir, entityName: 'site' });
  const fromRepo = loadDocsSite({ files: all, dir, entityName: 'site' });
  return { crawled, reads, fromCrawl, fromRepo };
}

const page = (title: string) => `# ${title}\n`;
const docs = { 'docs/index.md': page('Default docs'), 'content/index.md': page('Content'), 'content/guide.md': page('Guide') };

/** [variant, repo files, TechDocs folder, the docs folders the site is built from] */
const variants: [string, Record<string, string>, string, string[]][] = [
  ['docs_dir unset', { 'mkdocs.yml': 'site_name: S\n', ...docs }, '', ['docs']],
  ['docs_dir set', { 'mkdocs.yml': 'site_name: S\ndocs_dir: content/\n', ...docs }, '', ['content']],
  ['docs_dir empty', { 'mkdocs.yml': 'site_name: S\ndocs_dir:\n', ...docs }, '', ['docs']],
  ['docs_dir a number (YAML 1.1)', { 'mkdocs.yml': 'site_name: S\ndocs_dir: 2024\n', '2024/index.md': page('2024'), ...docs }, '', ['2024']],
  ['docs_dir from !ENV, its default', { 'mkdocs.yml': 'site_name: S\ndocs_dir: !ENV [DOCS_DIR, content]\n', ...docs }, '', ['content']],
  [
    'docs_dir ../x (leaves the config folder)',
    { 'site/mkdocs.yml': 'site_name: S\ndocs_dir: ../content\n', 'site/docs/index.md': page('Site'), ...docs },
    'site',
    [],
  ],
  ['docs_dir absolute', { 'site/mkdocs.yml': 'site_name: S\ndocs_dir: /content\n', 'site/docs/index.md': page('Site'), ...docs }, 'site', []],
  ['docs_dir the config folder', { 'site/mkdocs.yml': 'site_name: S\ndocs_dir: .\n', 'site/docs/index.md': page('Site') }, 'site', []],
  [
    'mkdocs.yaml and mkdocs.yml (Backstage reads mkdocs.yaml)',
    { 'mkdocs.yaml': 'site_name: S\ndocs_dir: content\n', 'mkdocs.yml': 'site_name: S\ndocs_dir: docs\n', ...docs },
    '',
    ['content'],
  ],
  [
    'Python tags',
    {
      'mkdocs.yml':
        'site_name: S\ndocs_dir: content\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n',
      ...docs,
    },
    '',
    ['content'],
  ],
  [
    'invalid YAML after docs_dir (the default config is used)',
    { 'mkdocs.yml': 'site_name: S\ndocs_dir: content\nnav:\n  - [unclosed\n', ...docs },
    '',
    ['docs'],
  ],
  ['not a mapping', { 'mkdocs.yml': '- docs_dir: content\n', ...docs }, '', ['docs']],
  [
    'monorepo !include and *include',
    {
      'mkdocs.yml': "site_name: Cats\nnav:\n  - Intro: index.md\n  - Parts: '*include ./parts/*/mkdocs.yml'\n  - API:\n    - v1: '!include ./v1/mkdocs.yml'\n",
      'docs/index.md': page('Cats'),
      'v1/mkdocs.yml': 'site_name: versions/v1\ndocs_dir: pages\n',
      'v1/pages/reference.md': page('Reference'),
      'parts/a/mkdocs.yml': 'site_name: Part A\n',
      'parts/a/docs/README.md': page('A'),
      'parts/.hidden/mkdocs.yml': 'site_name: Hidden\ndocs_dir: book\n',
      'parts/.hidden/book/index.md': page('Hidden'),
    },
    '',
    ['docs', 'parts/.hidden/book', 'parts/a/docs', 'v1/pages'],
  ],
  [
    'an included config whose docs_dir climbs out of its folder',
    {
      'mkdocs.yml': "site_name: Cats\nnav:\n  - v1: '!include v1/mkdocs.yml'\n",
      'docs/index.md': page('Cats'),
      'v1/mkdocs.yml': 'site_name: v1\ndocs_dir: ../shared\n',
      'shared/index.md': page('Shared'),
    },
    '',
    ['docs', 'shared'],
  ],
  [
    'includes the plugin does not follow',
    {
      'mkdocs.yml': "site_name: Cats\nnav:\n  - '!include ./untitled/mkdocs.yml'\n  - Nameless: '!include ./nameless/mkdocs.yml'\n",
      'docs/index.md': page('Cats'),
      'untitled/mkdocs.yml': 'site_name: Untitled\n',
      'untitled/docs/index.md': page('Untitled'),
      'nameless/mkdocs.yml': 'docs_dir: docs\n',
      'nameless/docs/index.md': page('Nameless'),
    },
    '',
    ['docs'],
  ],
];

describe('discovery fetches the docs folders the site is built from', () => {
  test.each(variants)('%s', async (_, repo, dir, folders) => {
    const { crawled, reads, fromCrawl, fromRepo } = await crawlAndRender(repo, dir);
    expect(fromRepo.docsDirs.toSorted()).toEqual(folders);
    expect(siteDocsDirs(crawled.files)).toEqual(folders);
    expect(fromCrawl).toEqual(fromRepo);
    // A refused docs_dir is not fetched (only `docs/`, read before the config is known, is).
    if (folders.length === 0) expect(reads).not.toContain('content/');
  });

  const corpus = corpusSets().flatMap((set) => readExpected(set).sites.map((site) => [set, posix.dirname(site.mkdocs_config).replace(/^\.$/, '')] as const));
  test.each(corpus)('the TechDocs corpus: %s, site in %j', async (set, dir) => {
    const { crawled, fromCrawl, fromRepo } = await crawlAndRender(readSetFiles(set), dir);
    expect(siteDocsDirs(crawled.files)).toEqual(expect.arrayContaining(fromRepo.docsDirs));
    expect(fromCrawl).toEqual(fromRepo);
  });
});
