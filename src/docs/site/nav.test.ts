import { describe, expect, test } from 'vitest';
import { textFiles } from './fixtures/text-files.ts';
import { loadDocsSite } from './index.ts';

const pages = { 'index.md': '# Welcome', 'about.md': '# About us', 'guide/writing.md': '# Writing docs', 'guide/deeper/index.md': '# Deeper' };
const load = (mkdocs: string, docs: Record<string, string> = pages) =>
  loadDocsSite({
    files: textFiles({ 'mkdocs.yml': mkdocs, ...Object.fromEntries(Object.entries(docs).map(([p, t]) => [`docs/${p}`, t])) }),
    dir: '',
    entityName: 'e',
  });

describe('nav forms (MkDocs 2.2)', () => {
  test('bare paths, titled pages, nested sections, external links and non-file paths', () => {
    const site = load(`site_name: S
nav:
  - index.md
  - About: about.md
  - User Guide:
      - Writing: guide/writing.md
      - Deeper:
          - guide/deeper/index.md
  - Issue Tracker: https://example.com/
  - Bugs: /bugs/
`);
    expect(site.nav).toEqual([
      { kind: 'page', title: 'Welcome', src: 'index.md', url: '' },
      { kind: 'page', title: 'About', src: 'about.md', url: 'about/' },
      {
        kind: 'section',
        title: 'User Guide',
        children: [
          { kind: 'page', title: 'Writing', src: 'guide/writing.md', url: 'guide/writing/' },
          { kind: 'section', title: 'Deeper', children: [{ kind: 'page', title: 'Deeper', src: 'guide/deeper/index.md', url: 'guide/deeper/' }] },
        ],
      },
      { kind: 'link', title: 'Issue Tracker', href: 'https://example.com/' },
      { kind: 'link', title: 'Bugs', href: '/bugs/' },
    ]);
    expect(site.navOrder).toEqual(['index.md', 'about.md', 'guide/writing.md', 'guide/deeper/index.md']);
    expect(site.diagnostics).toMatchObject([{ rule: 'docs-nav-absolute-link', severity: 'info', line: 10, column: 11 }]);
  });

  test('the nav title wins over the page’s H1 everywhere', () => {
    const site = load('site_name: S\nnav:\n  - Start here: index.md\n  - about.md');
    expect(site.pages.map((p) => p.title)).toEqual(['Start here', 'About us', 'Writing docs', 'Deeper']);
  });

  test('pages outside the nav are still built, not in nav, and reported', () => {
    const site = load('site_name: S\nnav:\n  - index.md');
    expect(site.pages.map((p) => [p.src, p.inNav])).toEqual([
      ['index.md', true],
      ['about.md', false],
      ['guide/writing.md', false],
      ['guide/deeper/index.md', false],
    ]);
    expect(site.diagnostics.map((d) => [d.rule, d.severity, d.path])).toEqual([
      ['docs-page-not-in-nav', 'info', 'docs/about.md'],
      ['docs-page-not-in-nav', 'info', 'docs/guide/writing.md'],
      ['docs-page-not-in-nav', 'info', 'docs/guide/deeper/index.md'],
    ]);
  });

  test('a missing nav target becomes a link, with a warning at its line and column', () => {
    const site = load('site_name: S\nnav:\n  - index.md\n  - Gone: gone.md\n  - ./about.md');
    expect(site.nav[1]).toEqual({ kind: 'link', title: 'Gone', href: 'gone.md' });
    expect(site.nav[2]).toMatchObject({ kind: 'page', src: 'about.md' });
    expect(site.diagnostics.filter((d) => d.severity === 'warning')).toEqual([
      { path: 'mkdocs.yml', line: 4, column: 11, rule: 'docs-nav-target-missing', severity: 'warning', message: expect.stringContaining("'gone.md'") },
    ]);
  });

  test('a page listed twice keeps its first title and one place in navOrder', () => {
    const site = load('site_name: S\nnav:\n  - First: about.md\n  - Again: about.md\n  - index.md');
    expect(site.nav.map((n) => n.title)).toEqual(['First', 'First', 'Welcome']);
    expect(site.navOrder).toEqual(['about.md', 'index.md']);
  });

  test('wrong shapes are reported and skipped, never thrown', () => {
    const site = load('site_name: S\nnav:\n  - 42\n  - [a.md]\n  - {A: about.md, B: index.md}\n  - Empty:\n  - Map:\n      X: about.md\n  - index.md');
    expect(site.diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['docs-nav-invalid', 3],
      ['docs-nav-invalid', 4],
      ['docs-nav-invalid', 5],
      ['docs-nav-invalid', 6],
      ['docs-nav-not-list', 8],
      ['docs-page-not-in-nav', 0],
      ['docs-page-not-in-nav', 0],
    ]);
    expect(site.nav.map((n) => n.title)).toEqual(['A', 'B', 'Map', 'B']); // index.md keeps the title of its first entry
  });

  test('a nav that is not a list: an error; a mapping is read entry by entry', () => {
    const mapping = load('site_name: S\nnav:\n  Home: index.md\n  About: about.md');
    expect(mapping.nav.map((n) => n.title)).toEqual(['Home', 'About']);
    expect(mapping.diagnostics[0]).toMatchObject({ rule: 'docs-nav-invalid', severity: 'error', line: 3 });
    const text = load('site_name: S\nnav: index.md');
    expect(text.diagnostics[0]).toMatchObject({ rule: 'docs-nav-invalid', line: 2, column: 6 });
    expect(text.navOrder).toHaveLength(4); // the automatic nav
  });

  test('an empty nav list means the automatic nav', () => {
    expect(load('site_name: S\nnav: []').navOrder).toHaveLength(4);
  });

  test('a huge nav is read; an absurdly deep one is cut with an error', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `  - P${i}: about.md`).join('\n');
    const big = load(`site_name: S\nnav:\n${many}`);
    expect(big.nav).toHaveLength(5000);
    const deep = load(`site_name: S\nnav: ${'[{S: '.repeat(150)}about.md${'}]'.repeat(150)}`);
    expect(deep.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});

describe('automatic nav (MkDocs 2.3)', () => {
  test('index/README first, files by plain string order, then folders as sections titled by dirname_to_title', () => {
    const site = load('site_name: S', {
      'zeta.md': '# Zeta',
      'Alpha.md': 'no heading',
      'README.md': 'text',
      'getting-started/install.md': '# Install',
      'getting-started/index.md': '# Start',
      'API_Docs/ref.md': '# Ref',
      'my_dir/sub-dir/x.md': '# X',
    });
    expect(site.nav).toEqual([
      { kind: 'page', title: 'Home', src: 'README.md', url: '' },
      { kind: 'page', title: 'Alpha', src: 'Alpha.md', url: 'Alpha/' },
      { kind: 'page', title: 'Zeta', src: 'zeta.md', url: 'zeta/' },
      { kind: 'section', title: 'API Docs', children: [{ kind: 'page', title: 'Ref', src: 'API_Docs/ref.md', url: 'API_Docs/ref/' }] },
      {
        kind: 'section',
        title: 'Getting started',
        children: [
          { kind: 'page', title: 'Start', src: 'getting-started/index.md', url: 'getting-started/' },
          { kind: 'page', title: 'Install', src: 'getting-started/install.md', url: 'getting-started/install/' },
        ],
      },
      {
        kind: 'section',
        title: 'My dir',
        children: [{ kind: 'section', title: 'Sub dir', children: [{ kind: 'page', title: 'X', src: 'my_dir/sub-dir/x.md', url: 'my_dir/sub-dir/x/' }] }],
      },
    ]);
    expect(site.pages.every((p) => p.inNav)).toBe(true);
    expect(site.diagnostics).toEqual([]);
  });

  test('folders with the same title share one section, as nest_paths does', () => {
    const site = load('site_name: S', { 'index.md': '', 'a-b/x.md': '# X', 'a_b/y.md': '# Y' });
    expect(site.nav[1]).toEqual({
      kind: 'section',
      title: 'A b',
      children: [expect.objectContaining({ src: 'a-b/x.md' }), expect.objectContaining({ src: 'a_b/y.md' })],
    });
  });
});
