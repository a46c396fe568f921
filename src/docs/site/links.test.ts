import { describe, expect, test } from 'vitest';
import { textFiles } from './fixtures/text-files.ts';
import { loadDocsSite, relativeDocsUrl, resolveDocsLink } from './index.ts';

const docs = {
  'index.md': '# Home',
  'guide/setup.md': '# Setup',
  'guide/other.md': '# Other',
  'guide/img/a.png': null,
  'api/README.md': '# API',
  'files/report v2.pdf': null,
};
const load = (mkdocs = 'site_name: S', pages: Record<string, string | null> = docs) =>
  loadDocsSite({
    files: textFiles({ 'mkdocs.yml': mkdocs, ...Object.fromEntries(Object.entries(pages).map(([p, t]) => [`docs/${p}`, t])) }),
    dir: '',
    entityName: 'e',
  });
const site = load();

describe('link resolution (MkDocs 2.6)', () => {
  test.each([
    ['../index.md', { kind: 'page', url: '', href: '../../' }],
    ['other.md#part', { kind: 'page', url: 'guide/other/', fragment: 'part', href: '../other/#part' }],
    ['img/a.png', { kind: 'asset', url: 'guide/img/a.png', href: '../img/a.png' }],
    ['./setup.md?tab=2#top', { kind: 'page', url: 'guide/setup/', query: 'tab=2', fragment: 'top', href: './?tab=2#top' }],
    ['../api/README.md', { kind: 'page', url: 'api/', href: '../../api/' }],
    ['../files/report%20v2.pdf', { kind: 'asset', url: 'files/report%20v2.pdf', href: '../../files/report%20v2.pdf' }],
    ['../files/report v2.pdf', { kind: 'asset', url: 'files/report%20v2.pdf', href: '../../files/report%20v2.pdf' }],
  ])('from guide/setup.md, %s', (target, expected) => {
    expect(resolveDocsLink(site, 'guide/setup.md', target)).toEqual(expected);
  });

  test.each([
    ['https://example.com/x.md', 'external'],
    ['//cdn.example.com/a.png', 'protocol-relative'],
    ['mailto:me@example.com', 'another scheme'],
    ['/guide/other.md', 'absolute: left as is (MkDocs warns)'],
    ['#anchor', 'pure anchor'],
    ['?q=1', 'pure query'],
    ['missing.md', 'missing file'],
    ['other', 'no extension: MkDocs does not guess'],
    ['../', 'a folder'],
    ['.', 'the current folder'],
    ['../../../../catalog-info.yaml', 'escapes docs_dir'],
  ])('%s is not resolved (%s)', (target) => {
    expect(resolveDocsLink(site, 'guide/setup.md', target)).toBeUndefined();
  });

  test('a README dropped for index.md is not a link target', () => {
    const both = load('site_name: S', { 'index.md': '# I', 'README.md': '# R' });
    expect(resolveDocsLink(both, 'index.md', 'README.md')).toBeUndefined();
    expect(resolveDocsLink(both, 'index.md', 'index.md')).toMatchObject({ url: '', href: './' });
  });

  test('use_directory_urls: false changes no link: the portal publishes directory URLs', () => {
    const flat = load('site_name: S\nuse_directory_urls: false');
    expect(resolveDocsLink(flat, 'guide/setup.md', '../index.md')).toMatchObject({ url: '', href: '../../' });
    expect(resolveDocsLink(flat, 'guide/setup.md', 'other.md')).toMatchObject({ url: 'guide/other/', href: '../other/' });
  });

  test('a renamed page is still found by the name it was written with', () => {
    const odd = load('site_name: S', { 'index.md': '', '100%.md': '', 'a%20b.md': '', 'index.html.md': '' });
    expect(resolveDocsLink(odd, 'index.md', '100%25.md')).toMatchObject({ url: '100~25/', href: '100~25/' });
    expect(resolveDocsLink(odd, 'index.md', 'a%2520b.md')).toMatchObject({ url: 'a~2520b/' });
    expect(resolveDocsLink(odd, 'index.md', 'index.html.md')).toMatchObject({ url: 'index~2Ehtml/' });
  });

  test('relativeDocsUrl is MkDocs’ get_relative_url', () => {
    expect(relativeDocsUrl('', 'guide/setup/')).toBe('../../');
    expect(relativeDocsUrl('guide/', '')).toBe('guide/');
    expect(relativeDocsUrl('', '')).toBe('./');
    expect(relativeDocsUrl('a/b.png', 'a/c.html')).toBe('b.png');
  });
});
