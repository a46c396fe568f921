import { describe, expect, test } from 'vitest';
import { textFiles } from './fixtures/text-files.ts';
import { loadDocsSite } from './index.ts';

const load = (files: Record<string, string | null>, dir = '') => loadDocsSite({ files: textFiles(files), dir, entityName: 'payments' });
const rules = (site: ReturnType<typeof load>) => site.diagnostics.map((d) => d.rule);

describe('mkdocs.yml', () => {
  test('without a config, Backstage’s default: site_name from the entity, docs_dir docs', () => {
    const site = load({ 'svc/docs/index.md': '# Hi', 'svc/catalog-info.yaml': 'x' }, 'svc');
    expect(site.config).toEqual({
      siteName: 'payments',
      docsDir: 'svc/docs',
      useDirectoryUrls: true,
      editUriIsDefault: false,
      markdownExtensions: [],
      slugify: 'default',
    });
    expect(site.pages.map((p) => p.repoPath)).toEqual(['svc/docs/index.md']);
    expect(site.diagnostics).toEqual([]);
  });

  test('mkdocs.yaml wins over mkdocs.yml, as in Backstage', () => {
    const site = load({ 'mkdocs.yaml': 'site_name: A', 'mkdocs.yml': 'site_name: B', 'docs/index.md': '' });
    expect(site.config.siteName).toBe('A');
    expect(site.config.configPath).toBe('mkdocs.yaml');
    expect(site.diagnostics).toMatchObject([{ rule: 'docs-config-duplicate', severity: 'info', path: 'mkdocs.yml' }]);
  });

  test('docs_dir is relative to the config', () => {
    const site = load({ 'site/mkdocs.yml': 'site_name: S\ndocs_dir: content/', 'site/content/a.md': '# A' }, 'site');
    expect(site.config.docsDir).toBe('site/content');
    expect(site.pages.map((p) => [p.src, p.repoPath])).toEqual([['a.md', 'site/content/a.md']]);
  });

  test.each([
    ['../docs', 'leaves the folder'],
    ['/etc', 'absolute'],
    ['../../..', 'leaves the folder'],
    ['.', 'folder of the config itself'],
    ["''", 'folder of the config itself'],
  ])('docs_dir %j is refused: nothing outside the folder is read', (docsDir, why) => {
    const site = load({ 'site/mkdocs.yml': `site_name: S\ndocs_dir: ${docsDir}`, 'docs/secret.md': '# no', 'site/x.md': '# no' }, 'site');
    expect(site.pages).toEqual([]);
    expect(site.diagnostics).toMatchObject([{ rule: 'docs-dir-outside', severity: 'error', path: 'site/mkdocs.yml', line: 2, column: 11 }]);
    expect(site.diagnostics[0]!.message).toContain(why === 'absolute' ? 'absolute' : why);
  });

  test('a TechDocs folder outside the repo builds nothing', () => {
    const site = load({ 'docs/index.md': '' }, '../other');
    expect(site.pages).toEqual([]);
    expect(rules(site)).toEqual(['docs-dir-outside']);
  });

  test('use_directory_urls: false, and YAML 1.1 `no` (read; the portal publishes directory URLs all the same)', () => {
    for (const value of ['false', 'no']) {
      const site = load({ 'mkdocs.yml': `site_name: S\nuse_directory_urls: ${value}`, 'docs/index.md': '', 'docs/a/b.md': '' });
      expect(site.config.useDirectoryUrls).toBe(false);
      expect(site.pages.map((p) => p.url)).toEqual(['', 'a/b/']);
    }
  });

  test.each([
    ['repo_url: https://github.com/acme/x', 'https://github.com/acme/x', 'edit/master/docs/', true],
    ['repo_url: https://gitlab.com/acme/x', 'https://gitlab.com/acme/x', 'edit/master/docs/', true],
    ['repo_url: https://bitbucket.org/acme/x', 'https://bitbucket.org/acme/x', 'src/default/docs/', true],
    ['repo_url: https://git.acme.org/x', 'https://git.acme.org/x', undefined, false],
    ['repo_url: https://github.com/acme/x\nedit_uri: blob/main/site/docs', 'https://github.com/acme/x', 'blob/main/site/docs/', false],
    ["repo_url: https://github.com/acme/x\nedit_uri: ''", 'https://github.com/acme/x', '', false],
  ])('edit_uri as MkDocs completes it: %s', (yaml, repoUrl, editUri, editUriIsDefault) => {
    const { config } = load({ 'mkdocs.yml': `site_name: S\n${yaml}`, 'docs/index.md': '' });
    expect(config.repoUrl).toBe(repoUrl);
    expect(config.editUri).toBe(editUri);
    expect(config.editUriIsDefault).toBe(editUriIsDefault);
  });

  test('markdown_extensions by name, in list-of-strings, list-of-mappings and mapping forms', () => {
    const list = load({
      'mkdocs.yml': 'site_name: S\nmarkdown_extensions:\n  - admonition\n  - pymdownx.highlight:\n      linenums: true\n  - admonition',
      'docs/index.md': '',
    });
    expect(list.config.markdownExtensions).toEqual(['admonition', 'pymdownx.highlight']);
    const mapping = load({ 'mkdocs.yml': 'site_name: S\nmarkdown_extensions:\n  toc: {permalink: true}\n  abbr: {}', 'docs/index.md': '' });
    expect(mapping.config.markdownExtensions).toEqual(['toc', 'abbr']);
  });

  test('a pymdownx.slugs slugify for toc means Unicode heading ids', () => {
    const unicode = load({
      'mkdocs.yml': 'site_name: S\nmarkdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}',
      'docs/index.md': '',
    });
    expect(unicode.config.slugify).toBe('unicode');
    const legacy = load({
      'mkdocs.yml': 'site_name: S\nmarkdown_extensions:\n  - toc:\n      slugify: !!python/name:pymdownx.slugs.uslugify',
      'docs/index.md': '',
    });
    expect(legacy.config.slugify).toBe('unicode');
    const plain = load({ 'mkdocs.yml': 'site_name: S\nmarkdown_extensions:\n  - toc:\n      permalink: true', 'docs/index.md': '' });
    expect(plain.config.slugify).toBe('default');
  });

  test('!ENV values read their default', () => {
    const site = load({ 'mkdocs.yml': 'site_name: !ENV [SITE_NAME, "Payments docs"]', 'docs/index.md': '' });
    expect(site.config.siteName).toBe('Payments docs');
    expect(site.diagnostics).toEqual([]);
  });

  test('garbage YAML: an error at its line, and the default config so the docs still show', () => {
    const site = load({ 'mkdocs.yml': 'site_name: S\nnav:\n  - [unclosed\n', 'docs/index.md': '# Home page' });
    expect(site.diagnostics).toMatchObject([{ rule: 'docs-config-yaml', severity: 'error', path: 'mkdocs.yml' }]);
    expect(site.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
    expect(site.config.siteName).toBe('payments');
    expect(site.pages.map((p) => p.title)).toEqual(['Home page']);
  });

  test.each([['- a\n- b'], ['just text'], [''], ['~']])('a config that is not a mapping (%j) is reported', (text) => {
    const site = load({ 'mkdocs.yml': text, 'docs/index.md': '' });
    expect(rules(site)).toContain('docs-config-yaml');
    expect(site.pages).toHaveLength(1);
  });

  test('missing site_name and wrong types are errors with positions; defaults are used', () => {
    const site = load({ 'mkdocs.yml': 'docs_dir: [a]\nuse_directory_urls: maybe\nrepo_url: not a url\nmarkdown_extensions: 3', 'docs/index.md': '' });
    expect(site.config).toMatchObject({ siteName: 'payments', docsDir: 'docs', useDirectoryUrls: true, markdownExtensions: [] });
    expect(site.diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['docs-config-field', 1],
      ['docs-config-field', 1],
      ['docs-config-field', 2],
      ['docs-config-field', 3],
      ['docs-config-field', 4],
    ]);
  });

  test('empty values mean the defaults', () => {
    const site = load({ 'mkdocs.yml': 'site_name: S\ndocs_dir:\nnav:\nuse_directory_urls:\nmarkdown_extensions:', 'docs/index.md': '' });
    expect(site.config).toMatchObject({ docsDir: 'docs', useDirectoryUrls: true, markdownExtensions: [] });
    expect(site.diagnostics).toEqual([]);
  });

  test('an unreadable config falls back to the default', () => {
    const site = load({ 'mkdocs.yml': null, 'docs/index.md': '' });
    expect(rules(site)).toEqual(['docs-config-unreadable']);
    expect(site.config.siteName).toBe('payments');
  });

  test('an empty docs_dir is reported', () => {
    const site = load({ 'mkdocs.yml': 'site_name: S' });
    expect(rules(site)).toEqual(['docs-dir-missing']);
    expect(site.nav).toEqual([]);
  });
});
