/**
 * The docs stage end to end over the TechDocs corpus (ten real doc sets, see
 * fixtures/techdocs-corpus/SOURCES.md): each set becomes a repo with one
 * entity pointing at its mkdocs.yml, and the built docs must have MkDocs'
 * page count and nav, every page rendered (none fell back to its source), no TechDocs
 * syntax left as text, and report as broken
 * only links MkDocs also reported (or that point at files the corpus left out).
 */
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../catalog/read-catalog.ts';
import { inMemorySnapshot } from '../../test/support/in-memory-source.ts';
import { buildDocs, type DocsBuild } from './build-docs.ts';
import type { DocsNavItemShape } from './schema.ts';
import { corpusSets, readExpected, readSetFiles, type ExpectedNav } from './site/fixtures/load-corpus.ts';

const LEFTOVERS = [/^\s*!!! /m, /^\s*\?\?\?\+? /m, /^\s*=== "/m, /--8<--/, /\{: ?[.#]/, /\[!NOTE\]/];

interface Built {
  build: DocsBuild;
  set: string;
}

async function buildSet(set: string): Promise<Built> {
  const expected = readExpected(set);
  const files = readSetFiles(set);
  const entities = expected.sites.map((site, i) => {
    const dir = posix.dirname(site.mkdocs_config);
    return `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: site-${i}\n  annotations:\n    backstage.io/techdocs-ref: dir:${dir === '.' ? '.' : `./${dir}`}\nspec: { type: documentation, lifecycle: production, owner: docs }\n`;
  });
  const catalogPath = '__frontdoor-catalog.yaml';
  const snapshot = inMemorySnapshot([
    {
      name: set,
      url: `https://github.com/${expected.origin.repo}`,
      catalogFiles: [catalogPath],
      files: { ...files, [catalogPath]: entities.join('---\n') },
      // The whole repo was listed: a link to a file that is not there is known to be broken.
      trees: { '': { paths: Object.keys(files).sort(), truncated: false } },
    },
  ]);
  const { entities: loaded } = readCatalog(snapshot);
  return { set, build: await buildDocs({ entities: loaded, snapshot, org: 'corpus', base: '/' }) };
}

/** Our nav in the corpus' shape: pages by site-relative URL. */
function asExpectedNav(items: DocsNavItemShape[], sitePath: string): unknown[] {
  return items.map((item) =>
    item.kind === 'section'
      ? { section: item.title, children: asExpectedNav(item.children ?? [], sitePath) }
      : item.kind === 'link'
        ? { link: item.title, url: item.href }
        : { page: item.title, url: decodeURI(item.href!.slice(sitePath.length)) },
  );
}

function withoutSrc(nav: ExpectedNav[]): unknown[] {
  return nav.map((n) =>
    'section' in n ? { section: n.section, children: withoutSrc(n.children) } : 'link' in n ? n : { page: n.page, url: decodeURI(n.url) },
  );
}

/** HTML with code removed: raw syntax inside code blocks is content, not a leftover. */
function prose(html: string): string {
  return html.replace(/<pre[\s\S]*?<\/pre>/g, '').replace(/<code[\s\S]*?<\/code>/g, '');
}

describe.each(corpusSets())('TechDocs corpus set %s', (set) => {
  let built: Built;
  const expected = readExpected(set);

  it('builds every site with the page count and nav tree MkDocs built', async () => {
    built = await buildSet(set);
    expected.sites.forEach((site, i) => {
      const ours = built.build.data.sites.find((s) => s.entityRef === `component:default/site-${i}`);
      expect(ours, `site of ${site.mkdocs_config}`).toBeDefined();
      expect(ours!.pageCount).toBe(site.page_count);
      expect(asExpectedNav(ours!.nav, `docs/${ours!.id}/`)).toEqual(withoutSrc(site.nav));
    });
  });

  it('renders every page: none falls back to its source', () => {
    expect(built.build.diagnostics.filter((d) => d.rule === 'docs-render-failed').map((d) => d.path)).toEqual([]);
  });

  it('leaves no TechDocs syntax as text in any page', () => {
    const found = built.build.data.pages.flatMap((page) => LEFTOVERS.filter((re) => re.test(prose(page.html))).map((re) => `${page.source}: ${re}`));
    expect(found).toEqual([]);
  });

  it('reports as broken only links MkDocs also reported, or that point at files left out of the corpus', () => {
    const messages = expected.sites.flatMap((s) => s.mkdocs_build_messages);
    const omitted = expected.omitted_from_corpus.map((o) => o.path);
    const unexplained = built.build.diagnostics
      .filter((d) => d.rule === 'docs-link-broken' || d.rule === 'docs-image-missing')
      .filter((d) => {
        const target = /^(?:Link target|Image) "(.*)" not found: /.exec(d.message)?.[1] ?? '';
        const bare = target.split('#')[0]!.split('?')[0]!;
        const resolved = posix.normalize(posix.join(posix.dirname(d.path), bare));
        return !messages.some((m) => m.includes(`'${target}'`) || m.includes(`'${bare}'`)) && !omitted.includes(resolved);
      })
      .map((d) => `${d.path}:${d.line} ${d.message}`);
    expect(unexplained).toEqual([]);
  });
});
