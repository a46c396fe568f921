import { describe, expect, test } from 'vitest';
import { textFiles } from './fixtures/text-files.ts';
import { loadDocsSite } from './index.ts';

const load = (docs: Record<string, string | null>, mkdocs = 'site_name: S') =>
  loadDocsSite({
    files: textFiles({ 'mkdocs.yml': mkdocs, ...Object.fromEntries(Object.entries(docs).map(([p, t]) => [`docs/${p}`, t])) }),
    dir: '',
    entityName: 'e',
  });
const urls = (site: ReturnType<typeof load>) => Object.fromEntries(site.pages.map((p) => [p.src, p.url]));

describe('files → URLs (MkDocs 2.4)', () => {
  test('directory URLs: index.md and README.md are folder indexes, other pages get a folder', () => {
    expect(urls(load({ 'index.md': '', 'api-guide.md': '', 'about/license.md': '', 'about/README.md': '', 'x/index.md': '' }))).toEqual({
      'index.md': '',
      'api-guide.md': 'api-guide/',
      'about/README.md': 'about/',
      'about/license.md': 'about/license/',
      'x/index.md': 'x/',
    });
  });

  test('use_directory_urls: false still gives directory URLs: the portal publishes every page at …/<page>/', () => {
    const site = load({ 'index.md': '', 'api-guide.md': '', 'about/README.md': '', 'about/license.md': '' }, 'site_name: S\nuse_directory_urls: false');
    expect(urls(site)).toEqual({ 'index.md': '', 'api-guide.md': 'api-guide/', 'about/README.md': 'about/', 'about/license.md': 'about/license/' });
  });

  test('every Markdown extension MkDocs knows is a page; anything else is an asset with its own path', () => {
    const site = load({ 'a.md': '', 'b.markdown': '', 'c.mdown': '', 'd.mkdn': '', 'e.mkd': '', 'f.MD': '', 'img/pic.png': null, 'data.json': '{}' });
    expect(site.pages.map((p) => p.url)).toEqual(['a/', 'b/', 'c/', 'd/', 'e/']);
    expect(site.assets.map((a) => [a.src, a.url])).toEqual([
      ['data.json', 'data.json'],
      ['f.MD', 'f.MD'],
      ['img/pic.png', 'img/pic.png'],
    ]);
    expect(site.assets[2]!.repoPath).toBe('docs/img/pic.png');
  });

  test('README.md beside index.md is dropped with a warning', () => {
    const site = load({ 'index.md': '# I', 'README.md': '# R', 'sub/README.md': '# S' });
    expect(site.pages.map((p) => p.src)).toEqual(['index.md', 'sub/README.md']);
    expect(site.diagnostics).toMatchObject([{ rule: 'docs-readme-conflict', severity: 'warning', path: 'docs/README.md' }]);
    expect(site.diagnostics[0]!.message).toContain("Excluding 'README.md' from the site because it conflicts with 'index.md'");
  });

  test('lower-case readme.md is not an index', () => {
    expect(urls(load({ 'readme.md': '', 'sub/Readme.md': '' }))).toEqual({ 'readme.md': 'readme/', 'sub/Readme.md': 'sub/Readme/' });
  });

  test('dot-files, dot-folders and a top-level templates/ are left out', () => {
    const site = load({ '.hidden.md': '', '.github/x.md': '', 'a/.draft.md': '', 'templates/t.md': '', 'a/templates/t.md': '', 'ok.md': '' });
    expect(site.pages.map((p) => p.src)).toEqual(['ok.md', 'a/templates/t.md']);
  });

  test('exclude_docs and draft_docs leave files out; not_in_nav keeps them out of the automatic nav, silently', () => {
    const config = 'site_name: S\nexclude_docs: |\n  *.tmp.md\n  /private/\n  !private/keep.md\ndraft_docs: |\n  drafts/\nnot_in_nav: |\n  /hidden.md';
    const site = load({ 'index.md': '', 'a.tmp.md': '', 'private/x.md': '', 'drafts/d.md': '', 'hidden.md': '', 'b.md': '' }, config);
    expect(site.pages.map((p) => [p.src, p.inNav])).toEqual([
      ['index.md', true],
      ['b.md', true],
      ['hidden.md', false],
    ]);
    expect(site.diagnostics).toEqual([]);
  });

  test('MkDocs file order: each folder’s index first, then files by code point, then sub-folders', () => {
    const site = load({ 'c.md': '', 'B.md': '', 'index.md': '', 'a/z.md': '', 'a/README.md': '', 'a-b/x.md': '', 'a/sub/y.md': '' });
    expect(site.pages.map((p) => p.src)).toEqual(['index.md', 'B.md', 'c.md', 'a/README.md', 'a/z.md', 'a/sub/y.md', 'a-b/x.md']);
  });

  test('URLs are percent-encoded like Python’s quote()', () => {
    expect(urls(load({ 'Über uns.md': '', 'c++/a b.md': '' }))).toEqual({ 'Über uns.md': '%C3%9Cber%20uns/', 'c++/a b.md': 'c%2B%2B/a%20b/' });
  });

  test('files a symlink takes out of the repo are refused', () => {
    const site = loadDocsSite({
      files: {
        ...textFiles({ 'mkdocs.yml': 'site_name: S', 'docs/index.md': '' }),
        'docs/leak.md': { status: 'outside-repo', reason: 'symlink to /etc/passwd' },
        'docs/gone.md': { status: 'missing' },
      },
      dir: '',
      entityName: 'e',
    });
    expect(site.pages.map((p) => p.src)).toEqual(['index.md']);
    expect(site.diagnostics).toMatchObject([{ rule: 'docs-file-refused', severity: 'error', path: 'docs/leak.md' }]);
  });

  test('a binary Markdown page is still built, titled by its file name', () => {
    const site = load({ 'index.md': '# I', 'blob.md': null });
    expect(site.pages.map((p) => p.title)).toEqual(['I', 'Blob']);
    expect(site.diagnostics).toMatchObject([{ rule: 'docs-page-unreadable', path: 'docs/blob.md' }]);
  });

  test('foo.md beside foo/index.md: one is left out, as MkDocs reports it; links and nav entries to it find the other', () => {
    const site = load({ 'index.md': '[f](foo.md)', 'foo.md': '# Foo', 'foo/index.md': '# Foo index' }, 'site_name: S\nnav:\n  - index.md\n  - Foo: foo.md');
    expect(urls(site)).toEqual({ 'index.md': '', 'foo/index.md': 'foo/' });
    expect(site.diagnostics).toMatchObject([{ rule: 'docs-path-conflict', severity: 'warning', path: 'docs/foo.md' }]);
    expect(site.diagnostics[0]!.message).toContain("Excluding 'foo.md' from the site because it conflicts with 'foo/index.md'");
    expect(site.nav).toMatchObject([
      { kind: 'page', src: 'index.md' },
      { kind: 'page', title: 'Foo', src: 'foo/index.md', url: 'foo/' },
    ]);
  });
});
