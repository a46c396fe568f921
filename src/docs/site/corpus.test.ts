/**
 * Conformance with MkDocs itself: for every site of the TechDocs corpus, the
 * page count, the nav tree, every page's URL/title/in-nav flag, the media
 * files and the "not in nav" report must be what MkDocs 1.6.1 produced
 * (`fixtures/techdocs-corpus/expected/<set>.json`), and links must resolve
 * as MkDocs resolved them. All eleven sites match with no exception; the one
 * normalisation is that MkDocs' titles from an H1 keep its HTML escaping
 * (`Intro &amp; Ownership`) where ours are plain text.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { corpusSets, readExpected, readSetFiles, type ExpectedNav, type ExpectedSite } from './fixtures/load-corpus.ts';
import { isStaticPage } from './files.ts';
import { loadDocsSite, resolveDocsLink, type NavNode } from './index.ts';

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

function toExpectedShape(nodes: NavNode[]): ExpectedNav[] {
  return nodes.map((n) =>
    n.kind === 'page'
      ? { page: n.title, src: n.src, url: n.url }
      : n.kind === 'section'
        ? { section: n.title, children: toExpectedShape(n.children) }
        : { link: n.title, url: n.href },
  );
}

function decodeNav(nodes: ExpectedNav[]): ExpectedNav[] {
  return nodes.map((n) => ('section' in n ? { section: n.section, children: decodeNav(n.children) } : 'page' in n ? { ...n, page: decode(n.page) } : n));
}

/** MkDocs' link messages: the linking file and the link as written. */
const LINK_MESSAGE =
  /^Doc file '(.*?)' contains (?:a|an absolute|an unrecognized relative) link '(.*?)'(?:, but the target(?: '.*?')? is not found|, it was left as is)/;

function notInNavReport(expected: ExpectedSite): string[] {
  const start = expected.mkdocs_build_messages.findIndex((m) => m.startsWith('The following pages exist in the docs directory'));
  if (start < 0) return [];
  const rest = expected.mkdocs_build_messages.slice(start + 1);
  const end = rest.findIndex((m) => !m.startsWith('  - '));
  return rest.slice(0, end < 0 ? undefined : end).map((m) => m.slice(4));
}

/** Relative links and images of a page as CommonMark sees them (Python-Markdown finds the same in this corpus). */
function relativeLinks(markdown: string): string[] {
  const urls: string[] = [];
  visit(unified().use(remarkParse).parse(markdown), (node) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && 'url' in node && typeof node.url === 'string') {
      if (node.type === 'definition' && 'label' in node && String(node.label).startsWith('^')) return; // a footnote
      if (node.url && !/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(node.url)) urls.push(node.url);
    }
  });
  return urls;
}

const cases = corpusSets().flatMap((set) => {
  const files = readSetFiles(set);
  return readExpected(set).sites.map((expected) => ({ set, config: expected.mkdocs_config, files, expected }));
});

describe('TechDocs corpus: the site model matches what MkDocs 1.6.1 built', () => {
  test('the corpus has all ten sets and eleven sites', () => {
    expect(new Set(cases.map((c) => c.set)).size).toBe(10);
    expect(cases.length).toBe(11);
  });

  describe.each(cases)('$set $config', ({ set, config, files, expected }) => {
    const dir = config.includes('/') ? config.slice(0, config.lastIndexOf('/')) : '';
    const site = loadDocsSite({ files, dir, entityName: set });

    test('reads the config without errors', () => {
      expect(site.config.configPath).toBe(config);
      expect(site.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    });

    test('builds as many pages, as many of them in the nav', () => {
      expect(site.pages.length).toBe(expected.page_count);
      expect(site.navOrder.length).toBe(expected.nav_page_count);
    });

    test('has the same nav tree (titles, URLs, nesting, links)', () => {
      expect(toExpectedShape(site.nav)).toEqual(decodeNav(expected.nav));
    });

    test('gives every page the same URL, title and in-nav flag, in MkDocs file order', () => {
      const want = expected.pages.map((p) => ({ ...p, url: p.url === './' ? '' : p.url, title: decode(p.title) }));
      expect(site.pages.map((p) => ({ src: p.src, url: p.url, title: p.title, in_nav: p.inNav }))).toEqual(want);
    });

    test('copies the same media files', () => {
      expect(site.assets.filter((a) => !isStaticPage(a.src)).map((a) => a.src)).toEqual(expected.media_files);
    });

    test('reports the same pages as missing from the nav', () => {
      expect(site.diagnostics.filter((d) => d.rule === 'docs-page-not-in-nav').map((d) => d.message.split(' ')[0])).toEqual(notInNavReport(expected));
    });

    test('leaves unresolved exactly the links MkDocs reported, and resolves every other relative link', () => {
      const reported = expected.mkdocs_build_messages.map((m) => LINK_MESSAGE.exec(m)).filter((m) => m !== null);
      for (const [, from, link] of reported) expect(resolveDocsLink(site, from!, link!), `${from}: ${link}`).toBeUndefined();
      const reportedKeys = new Set(reported.map(([, from, link]) => `${from}\0${link}`));
      for (const page of site.pages) {
        const file = files[page.repoPath];
        if (file?.status !== 'text') continue;
        for (const link of relativeLinks(file.text)) {
          if (!reportedKeys.has(`${page.src}\0${link}`)) expect(resolveDocsLink(site, page.src, link), `${page.src}: ${link}`).toBeDefined();
        }
      }
    });
  });
});
