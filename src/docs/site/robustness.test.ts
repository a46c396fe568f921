/**
 * Bad input never throws and never leads out of the repo: garbage configs,
 * navs of every wrong type, hostile paths and includes, random YAML.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { RepoFile } from '../../sources/snapshot.ts';
import { textFiles } from './fixtures/text-files.ts';
import { loadDocsSite, resolveDocsLink, type DocsSite } from './index.ts';
import { anyFileName } from './fixtures/file-names.ts';
import { collisionKey, publishedOfUrl } from './page-slug.ts';
import { isCleanRepoPath } from './paths.ts';

function expectSane(site: DocsSite) {
  expect(site.diagnostics.filter((d) => d.rule === 'docs-site-internal')).toEqual([]);
  for (const item of [...site.pages, ...site.assets]) {
    expect(isCleanRepoPath(item.repoPath), item.repoPath).toBe(true);
    expect(item.url.startsWith('/') || item.url.startsWith('..'), item.url).toBe(false);
  }
  for (const d of site.diagnostics) expect(d.path.startsWith('/') || d.path.startsWith('..'), d.path).toBe(false);
}

const docs = { 'docs/index.md': '# Home', 'docs/a.md': '# A', 'docs/img/x.png': null };

describe('robustness', () => {
  test.each([
    'nav: 5',
    'nav: {a: {b: {c: 1}}}',
    'nav: [null, ~, 1.5, true, [], {}, [[[]]]]',
    'nav: !!python/name:foo',
    'nav: !ENV X',
    'site_name: [1]\ndocs_dir: {a: 1}',
    'docs_dir: !relative x',
    'use_directory_urls: !!python/name:x',
    '? [complex, key]\n: value',
    'nav:\n  - !!python/object/apply:x {}\n  - A: !ENV [X]\n  - B: [!!binary aGk=]',
    '%YAML 1.2\n---\nsite_name: x',
    'a: b\n---\nc: d',
    'nav:\n  - A: "!include ./mkdocs.yml"\n  - B: "*include **/*.yml"',
    'nav:\n  - A: "!include /etc/mkdocs.yml"\n  - B: "*include ../../**/*.yml"',
    'markdown_extensions: [[a], {b: 1, c: 2}, null, 3]',
    'exclude_docs: 5\nnot_in_nav: [1]',
    '\u0000\u0001binary-ish',
  ])('config %j', (config) => {
    expectSane(loadDocsSite({ files: textFiles({ 'mkdocs.yml': config, ...docs }), dir: '', entityName: 'e' }));
  });

  test('hostile file keys and folders are ignored, never followed', () => {
    const files: Record<string, RepoFile> = {
      ...textFiles({ 'mkdocs.yml': 'site_name: S\nnav: [index.md, ../../etc/passwd, /abs.md]', ...docs }),
      'docs/../secret.md': { status: 'text', text: '# no', size: 4 },
      '/docs/abs.md': { status: 'text', text: '# no', size: 4 },
      'docs//double.md': { status: 'text', text: '# no', size: 4 },
      'docs/big.md': { status: 'too-large', size: 1e9, limit: 1e6 },
      'docs/odd.md': { status: 'unreadable', reason: 'EIO' },
    };
    const site = loadDocsSite({ files, dir: '', entityName: 'e' });
    expectSane(site);
    expect(site.pages.map((p) => p.src)).toEqual(['index.md', 'a.md', 'big.md']);
    for (const dir of ['..', '/', '/etc', 'a/../../b', '\u0000']) expectSane(loadDocsSite({ files, dir, entityName: 'e' }));
  });

  test('inputs of the wrong type do not throw', () => {
    const bad = [undefined, null, 5, 'x', []] as unknown[];
    for (const value of bad) {
      expectSane(loadDocsSite({ files: value as Record<string, RepoFile>, dir: value as string, entityName: value as string }));
    }
  });

  test('random YAML-like configs', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const tokens = [
      'nav:',
      '-',
      ' ',
      '\n',
      '  ',
      'index.md',
      'a.md',
      '!include',
      '*include',
      'x/mkdocs.yml',
      ':',
      '[',
      ']',
      '{',
      '}',
      ',',
      '&a',
      '*a',
      '!ENV',
      '!!python/name:x',
      '"',
      "'",
      '#',
      'site_name:',
      'docs_dir:',
      '..',
      '/',
      'Title',
    ];
    for (let i = 0; i < 300; i++) {
      const config = Array.from({ length: 5 + Math.floor(random() * 40) }, () => tokens[Math.floor(random() * tokens.length)]).join('');
      const site = loadDocsSite({ files: textFiles({ 'mkdocs.yml': config, 'x/mkdocs.yml': config, 'x/docs/a.md': '', ...docs }), dir: '', entityName: 'e' });
      expectSane(site);
      for (const page of site.pages) resolveDocsLink(site, page.src, '../../x.md#y');
    }
  });

  test('property: any docs file names give a site whose every page and file has its own safe path', () => {
    const tree = fc.array(fc.array(anyFileName, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(tree, fc.boolean(), (paths, markdown) => {
        const files: Record<string, RepoFile> = textFiles({ 'mkdocs.yml': 'site_name: S', 'docs/index.md': '# Home' });
        for (const parts of paths) files[`docs/${parts.join('/')}${markdown ? '.md' : ''}`] = { status: 'text', text: '# T', size: 3 };
        const site = loadDocsSite({ files, dir: '', entityName: 'e', outputPrefix: 'docs/default/component/e/' });
        expectSane(site);
        const seen = new Set<string>();
        for (const item of [...site.pages, ...site.assets]) {
          const path = publishedOfUrl(item.url);
          expect(path).not.toMatch(/[%?#\\\u0000-\u001f\u007f-\u009f]/);
          expect(seen.has(collisionKey(path))).toBe(false);
          seen.add(collisionKey(path));
        }
      }),
      { numRuns: 200 },
    );
  });
});
