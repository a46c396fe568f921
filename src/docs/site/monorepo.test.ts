import { describe, expect, test } from 'vitest';
import { readSetFiles } from './fixtures/load-corpus.ts';
import { textFiles } from './fixtures/text-files.ts';
import { loadDocsSite, type NavNode } from './index.ts';
import { monorepoAlias, pySlugify } from './slugify.ts';

const load = (files: Record<string, string | null>) => loadDocsSite({ files: textFiles(files), dir: '', entityName: 'e' });
const titles = (nodes: NavNode[]): unknown[] =>
  nodes.map((n) => (n.kind === 'section' ? { [n.title]: titles(n.children) } : n.kind === 'page' ? `${n.title} → ${n.url}` : `${n.title} ↗ ${n.href}`));
const rules = (site: ReturnType<typeof load>) => site.diagnostics.map((d) => [d.rule, d.path, d.line]);

const base = {
  'docs/index.md': '# Root',
  'v1/mkdocs.yml': 'site_name: versions/v1\nnav:\n  - Reference: reference.md\n  - Source: https://github.com/acme/v1',
  'v1/docs/reference.md': '# v1 reference',
  'v1/docs/img/diagram.png': null,
};

describe('mkdocs-monorepo-plugin (2.8)', () => {
  test('the plugin’s own sample: aliases, *include, a nav-less include, README indexes, edit paths', () => {
    const site = loadDocsSite({ files: readSetFiles('backstage__mkdocs-monorepo-plugin'), dir: 'sample-docs', entityName: 'cats' });
    expect(site.diagnostics).toEqual([]);
    const page = (src: string) => site.pages.find((p) => p.src === src)!;
    expect(page('component-a/README.md')).toMatchObject({
      url: 'component-a/',
      editPath: 'sample-docs/components/a/docs/README.md',
      repoPath: 'sample-docs/components/a/docs/README.md',
    });
    expect(page('versions/v3/migrating.md')).toMatchObject({ title: 'Migration Guide to v3', editPath: 'sample-docs/v3/docs/migrating.md' });
    expect(page('index.md').editPath).toBe('sample-docs/docs/index.md');
    expect(site.pages.some((p) => p.src.includes('component-e'))).toBe(false);
  });

  test('!include: the included nav under its section, paths prefixed by the alias, external links untouched', () => {
    const site = load({ ...base, 'mkdocs.yml': "site_name: Root\nnav:\n  - Home: index.md\n  - API:\n      - v1: '!include ./v1/mkdocs.yml'" });
    expect(titles(site.nav)).toEqual(['Home → ', { API: [{ v1: ['Reference → versions/v1/reference/', 'Source ↗ https://github.com/acme/v1'] }] }]);
    expect(site.assets).toEqual([{ src: 'versions/v1/img/diagram.png', repoPath: 'v1/docs/img/diagram.png', url: 'versions/v1/img/diagram.png' }]);
    expect(site.diagnostics).toEqual([]);
  });

  test('*include: one section per matching config, sorted, titled by site_name, aliased by its slug', () => {
    const site = load({
      'mkdocs.yml': "site_name: Root\nnav:\n  - index.md\n  - Teams: '*include teams/*/mkdocs.yml'",
      'docs/index.md': '# Root',
      'teams/b/mkdocs.yml': 'site_name: Team Beta\nnav:\n  - README.md',
      'teams/b/docs/README.md': '# Beta home',
      'teams/a/mkdocs.yaml': 'site_name: Team Alpha\nnav:\n  - Start: start.md',
      'teams/a/docs/start.md': '',
      'teams/a/nested/c/mkdocs.yml': 'site_name: C',
    });
    expect(titles(site.nav)).toEqual(['Root → ', { Teams: [{ 'Team Beta': ['Beta home → team-beta/'] }] }]);
    const wide = load({
      'mkdocs.yml': "site_name: Root\nnav:\n  - Teams: '*include teams/**/mkdocs.yml'",
      'docs/index.md': '',
      'teams/b/mkdocs.yml': 'site_name: Team Beta\nnav:\n  - README.md',
      'teams/b/docs/README.md': '# Beta home',
      'teams/a/x/mkdocs.yml': 'site_name: Team Alpha\nnav:\n  - Start: start.md',
      'teams/a/x/docs/start.md': '',
    });
    expect(titles(wide.nav)).toEqual([{ Teams: [{ 'Team Alpha': ['Start → team-alpha/start/'] }, { 'Team Beta': ['Beta home → team-beta/'] }] }]);
    expect(wide.diagnostics.map((d) => d.rule)).toEqual(['docs-page-not-in-nav']);
  });

  test('an included config without nav: sub-folders first, then its .md files, titles from the pages', () => {
    const site = load({
      'mkdocs.yml': "site_name: Root\nnav:\n  - Lib: '!include lib/mkdocs.yml'",
      'docs/index.md': '',
      'lib/mkdocs.yml': 'site_name: lib\ndocs_dir: ./content',
      'lib/content/zeta.md': '# Zeta page',
      'lib/content/alpha.md': 'no title',
      'lib/content/notes.markdown': '# not in the generated nav',
      'lib/content/how-to/install.md': '# Install',
    });
    expect(titles(site.nav)).toEqual([{ Lib: [{ 'How to': ['Install → lib/how-to/install/'] }, 'Alpha → lib/alpha/', 'Zeta page → lib/zeta/'] }]);
    expect(site.pages.find((p) => p.src === 'lib/notes.markdown')).toMatchObject({ inNav: false });
  });

  test('without a root nav the plugin does nothing', () => {
    const site = load({ ...base, 'mkdocs.yml': 'site_name: Root' });
    expect(site.pages.map((p) => p.src)).toEqual(['index.md']);
  });

  test.each([
    ['a missing file', "'!include ./nope/mkdocs.yml'", {}, 'does not exist'],
    ['a non-YAML path', "'!include ./v1/docs/reference.md'", {}, '.yml or .yaml'],
    ['a path out of the repo', "'!include ../../x/mkdocs.yml'", {}, 'leaves the repository'],
    ['the root itself (a cycle)', "'!include ./mkdocs.yml'", {}, 'include cycle'],
    ['no site_name', "'!include ./v2/mkdocs.yml'", { 'v2/mkdocs.yml': 'nav: [a.md]', 'v2/docs/a.md': '' }, 'no site_name'],
    [
      'an alias that escapes the site',
      "'!include ./v2/mkdocs.yml'",
      { 'v2/mkdocs.yml': 'site_name: ../../x\nnav: [a.md]', 'v2/docs/a.md': '' },
      'outside the site',
    ],
    ['an empty docs_dir', "'!include ./v2/mkdocs.yml'", { 'v2/mkdocs.yml': 'site_name: v2\nnav: [a.md]' }, 'holds no file'],
  ])('an include of %s is an error at its entry, and the entry is dropped', (_, value, extra, message) => {
    const site = load({ ...base, ...extra, 'mkdocs.yml': `site_name: Root\nnav:\n  - index.md\n  - Bad: ${value}` });
    expect(site.diagnostics).toEqual([
      { path: 'mkdocs.yml', line: 4, column: 10, rule: 'docs-monorepo-include', severity: 'error', message: expect.stringContaining(message) },
    ]);
    expect(titles(site.nav)).toEqual(['Root → ']);
  });

  test('nested includes are refused in included configs', () => {
    const site = load({
      ...base,
      'v1/mkdocs.yml': "site_name: v1\nnav:\n  - a.md\n  - Deeper: '!include ../v2/mkdocs.yml'",
      'v1/docs/a.md': '# A',
      'mkdocs.yml': "site_name: Root\nnav:\n  - V1: '!include v1/mkdocs.yml'",
    });
    expect(site.diagnostics[0]).toMatchObject({ rule: 'docs-monorepo-include', severity: 'error', path: 'v1/mkdocs.yml', line: 4, column: 13 });
    expect(site.diagnostics.slice(1).map((d) => d.rule)).toEqual(['docs-page-not-in-nav', 'docs-page-not-in-nav']);
    expect(titles(site.nav)).toEqual([{ V1: ['A → v1/a/'] }]);
  });

  test('two includes with one alias: the second is refused', () => {
    const site = load({
      ...base,
      'v1b/mkdocs.yml': 'site_name: versions/v1\nnav: [b.md]',
      'v1b/docs/b.md': '',
      'mkdocs.yml': "site_name: Root\nnav:\n  - A: '!include v1/mkdocs.yml'\n  - B: '!include v1b/mkdocs.yml'",
    });
    expect(rules(site)).toEqual([
      ['docs-monorepo-duplicate-alias', 'mkdocs.yml', 4],
      ['docs-page-not-in-nav', 'docs/index.md', 0],
    ]);
    expect(site.pages.map((p) => p.src)).toEqual(['index.md', 'versions/v1/reference.md']);
  });

  test('a wildcard that does not name .yml files is refused, as the plugin does', () => {
    const site = load({ ...base, 'mkdocs.yml': "site_name: Root\nnav:\n  - index.md\n  - All: '*include */mkdocs.y*ml'" });
    expect(rules(site)).toEqual([['docs-monorepo-include', 'mkdocs.yml', 4]]);
  });

  test('a bare include without a title is refused', () => {
    const site = load({ ...base, 'mkdocs.yml': "site_name: Root\nnav:\n  - index.md\n  - '!include v1/mkdocs.yml'" });
    expect(rules(site)).toEqual([['docs-monorepo-include', 'mkdocs.yml', 4]]);
  });

  test('a *include matching nothing drops the nav, as the plugin does: the automatic nav is built', () => {
    const site = load({ ...base, 'mkdocs.yml': "site_name: Root\nnav:\n  - Home: index.md\n  - All: '*include nothing/*/mkdocs.yml'" });
    expect(rules(site)).toEqual([['docs-monorepo-no-match', 'mkdocs.yml', 4]]);
    expect(titles(site.nav)).toEqual(['Root → ']);
  });

  test('included files replace root files at the same path, as the merge copies them last', () => {
    const site = load({
      ...base,
      'docs/versions/v1/reference.md': '# Old',
      'mkdocs.yml': "site_name: Root\nnav:\n  - V1: '!include v1/mkdocs.yml'\n  - index.md",
    });
    expect(site.pages.find((p) => p.src === 'versions/v1/reference.md')).toMatchObject({ repoPath: 'v1/docs/reference.md', title: 'Reference' });
  });
});

describe('aliases', () => {
  test.each([
    ['versions/v1', 'versions/v1'],
    ['Component A', 'component-a'],
    ['mkdocs-monorepo-plugin (&beta;)', 'mkdocs-monorepo-plugin'],
    ['Über Uns', 'uber-uns'],
    ["It's  -- fine", 'it-s-fine'],
    ['1,000 Ways', '1000-ways'],
    ['Straße & Co', 'strasse-co'],
  ])('%j → %j', (siteName, alias) => expect(monorepoAlias(siteName)).toBe(alias));

  test('pySlugify drops what it cannot transliterate', () => {
    expect(pySlugify('Документация API')).toBe('api');
  });
});
