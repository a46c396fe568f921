import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../catalog/read-catalog.ts';
import { ANNOTATION_TECHDOCS_REF } from '../catalog-model/annotations.ts';
import { inMemorySnapshot, type InMemoryRepo } from '../../test/support/in-memory-source.ts';
import { buildDocs } from './build-docs.ts';
import { NAV_FULL_MAX, navEntryCount } from './collapse-nav.ts';
import { PATH_BUDGET } from './site/page-slug.ts';

const component = (name: string, annotations: Record<string, string> = {}) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  annotations: ${JSON.stringify(annotations)}\nspec: { type: service, lifecycle: production, owner: team }\n`;

const payments: InMemoryRepo = {
  name: 'payments',
  url: 'https://github.com/acme/payments',
  catalogFiles: ['catalog-info.yaml'],
  files: {
    'catalog-info.yaml': component('payments', { [ANNOTATION_TECHDOCS_REF]: 'dir:.' }),
    'mkdocs.yml': 'site_name: Payments\nnav:\n  - Home: index.md\n  - Guide:\n    - Setup: guide/setup.md\n  - Runbook: runbook.md\n',
    'docs/index.md': '# Payments\n\nSee [setup](guide/setup.md#install) and [the runbook](runbook.md#on-call).\n\n![diagram](img/flow.png)\n',
    'docs/guide/setup.md':
      '# Setup\n\n## Install\n\nBack [home](../index.md). A [broken link](../nope.md). Source: [main.go](../../cmd/main.go).\n\n--8<-- "snippets/env.md"\n',
    'docs/runbook.md': '# Runbook\n\n## Paging\n\nEscalate.\n',
    'docs/img/flow.png': { status: 'binary', size: 10 },
    'snippets/env.md': 'Set `PG_DSN`.\n',
    'cmd/main.go': 'package main\n',
  },
};
const handbook: InMemoryRepo = {
  name: 'handbook',
  url: 'https://github.com/acme/handbook',
  catalogFiles: ['catalog-info.yaml'],
  files: {
    'catalog-info.yaml': component('handbook'),
    'README.md': '# The handbook\n\nHow we work. ![logo](assets/logo.png)\n',
    'kafka/mkdocs.yml': 'site_name: Kafka\n',
    'kafka/docs/index.md': '# Kafka\n',
  },
};
const events: InMemoryRepo = {
  name: 'events',
  url: 'https://github.com/acme/events',
  catalogFiles: ['catalog-info.yaml'],
  files: {
    'catalog-info.yaml':
      component('events', { [ANNOTATION_TECHDOCS_REF]: 'url:https://github.com/acme/handbook/tree/main/kafka/' }) +
      '---\n' +
      component('nowhere', { [ANNOTATION_TECHDOCS_REF]: 'dir:./missing' }) +
      '---\n' +
      component('escape', { [ANNOTATION_TECHDOCS_REF]: 'dir:../../etc' }),
  },
};

const cacheDirs: string[] = [];
afterAll(() => Promise.all(cacheDirs.map((d) => rm(d, { recursive: true, force: true }))));

async function build(repos: InMemoryRepo[], cacheDir?: string, base = '/portal/') {
  const snapshot = inMemorySnapshot(repos, 'acme');
  const withHead = snapshot.repos.find((r) => r.name === 'payments');
  if (withHead) {
    withHead.head = { commit: 'abc123', date: '2026-11-20T10:00:00Z' };
    withHead.fileDates = { 'docs/index.md': '2026-03-02T09:00:00Z' };
  }
  const { entities } = readCatalog(snapshot);
  return buildDocs({ entities, snapshot, org: 'acme', base, cacheDir });
}

describe('buildDocs', () => {
  it('renders an MkDocs site at Backstage URLs, with nav, previous/next, edit links and dates', async () => {
    const { data } = await build([payments]);
    const site = data.sites.find((s) => s.entityRef === 'component:default/payments')!;
    expect(site).toMatchObject({ siteName: 'Payments', path: 'docs/default/component/payments/', kind: 'mkdocs', pageCount: 3 });
    expect(site.nav).toEqual([
      { kind: 'page', title: 'Home', href: 'docs/default/component/payments/' },
      { kind: 'section', title: 'Guide', children: [{ kind: 'page', title: 'Setup', href: 'docs/default/component/payments/guide/setup/' }] },
      { kind: 'page', title: 'Runbook', href: 'docs/default/component/payments/runbook/' },
    ]);
    const setup = data.pages.find((p) => p.path === 'docs/default/component/payments/guide/setup/')!;
    expect(setup.prev).toEqual({ title: 'Home', path: 'docs/default/component/payments/' });
    expect(setup.next).toEqual({ title: 'Runbook', path: 'docs/default/component/payments/runbook/' });
    expect(setup.editUrl).toBe('https://github.com/acme/payments/edit/main/docs/guide/setup.md');
    // A page with no known history shows the repo's last commit, and says so.
    expect(setup.lastUpdated).toEqual({ date: '2026-11-20T10:00:00Z', scope: 'repo' });
    expect(data.pages.find((p) => p.source === 'docs/index.md')!.lastUpdated).toEqual({ date: '2026-03-02T09:00:00Z', scope: 'file' });
    expect(setup.headings.map((h) => h.id)).toEqual(['setup', 'install']);
  });

  it('rewrites links to site URLs under the base, images to the crawled commit, repo files to GitHub', async () => {
    const { data } = await build([payments]);
    const home = data.pages.find((p) => p.path === 'docs/default/component/payments/')!;
    expect(home.html).toContain('href="/portal/docs/default/component/payments/guide/setup/#install"');
    expect(home.html).toContain('src="https://github.com/acme/payments/raw/abc123/docs/img/flow.png"');
    const setup = data.pages.find((p) => p.path.endsWith('guide/setup/'))!;
    expect(setup.html).toContain('href="/portal/docs/default/component/payments/"');
    expect(setup.html).toContain('href="https://github.com/acme/payments/blob/main/cmd/main.go"');
    // The snippet is read from the mkdocs.yml folder.
    expect(setup.html).toContain('<code>PG_DSN</code>');
  });

  it('reports broken links and missing anchors with file and line, and still renders the page', async () => {
    const { diagnostics, data } = await build([payments]);
    const broken = diagnostics.find((d) => d.rule === 'docs-link-broken')!;
    expect(broken).toMatchObject({ repo: 'payments', path: 'docs/guide/setup.md', line: 5, ref: 'component:default/payments' });
    expect(broken.message).toContain('../nope.md');
    const anchor = diagnostics.find((d) => d.rule === 'docs-anchor-missing')!;
    expect(anchor).toMatchObject({ repo: 'payments', path: 'docs/index.md', line: 3 });
    expect(anchor.message).toContain('#on-call');
    expect(data.pages.find((p) => p.path.endsWith('guide/setup/'))!.html).toContain('broken link');
  });

  it('reads docs from another repo of the org (techdocs-ref url:), and reports refs that lead nowhere', async () => {
    const { data, diagnostics } = await build([payments, handbook, events]);
    const kafka = data.sites.find((s) => s.entityRef === 'component:default/events')!;
    expect(kafka).toMatchObject({ siteName: 'Kafka', repo: 'handbook', path: 'docs/default/component/events/' });
    const problems = diagnostics.filter((d) => d.rule === 'docs-source-missing').map((d) => d.ref);
    expect(problems.sort()).toEqual(['component:default/escape', 'component:default/nowhere']);
  });

  it('shows a README as single-page docs for an entity without TechDocs', async () => {
    const { data, docsPathByRef } = await build([handbook]);
    expect(docsPathByRef.get('component:default/handbook')).toBe('docs/default/component/handbook/');
    const page = data.pages.find((p) => p.siteId === 'default/component/handbook')!;
    expect(page).toMatchObject({ title: 'The handbook', source: 'README.md' });
    expect(page.html).toContain('src="https://github.com/acme/handbook/raw/main/assets/logo.png"');
  });

  it("copies a README's files for a repo on disk without a web URL, and links its folders nowhere", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frontdoor-readme-'));
    cacheDirs.push(dir);
    await mkdir(join(dir, 'api'), { recursive: true });
    await writeFile(join(dir, 'api/openapi.yaml'), 'openapi: 3.0.0\n');
    const snapshot = inMemorySnapshot([
      {
        name: 'local',
        catalogFiles: ['catalog-info.yaml'],
        files: {
          'catalog-info.yaml': component('local'),
          'README.md': '# Local\n\nThe [API](api/openapi.yaml), the [api folder](api/) and a [gone file](gone.md).\n',
        },
      },
    ]);
    snapshot.repos[0]!.localPath = dir;
    const { entities } = readCatalog(snapshot);
    const built = await buildDocs({ entities, snapshot, org: 'acme', base: '/' });
    const page = built.data.pages[0]!;
    expect(page.html).toContain('href="/docs/default/component/local/api/openapi.yaml"');
    expect(built.assets).toEqual([expect.objectContaining({ from: join(dir, 'api/openapi.yaml'), to: 'docs/default/component/local/api/openapi.yaml' })]);
    // What the output budget weighs with the page.
    expect(built.assetsByPage.get(page.id)).toEqual(['docs/default/component/local/api/openapi.yaml']);
    expect(built.diagnostics.map((d) => d.message).sort()).toEqual([
      expect.stringContaining('api is a folder'),
      expect.stringContaining('gone.md does not exist'),
    ]);
  });

  it('links a docs file of a type the portal never publishes to GitHub instead of copying it, for a repo on disk with a web URL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frontdoor-unpublished-'));
    cacheDirs.push(dir);
    const files = {
      'catalog-info.yaml': component('site', { [ANNOTATION_TECHDOCS_REF]: 'dir:.' }),
      'mkdocs.yml': 'site_name: Site\n',
      'docs/index.md': '# Site\n\n[page](page.xht) ![ok](ok.png)\n',
      'docs/page.xht': '<script>x()</script>',
      'docs/ok.png': 'png',
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const snapshot = inMemorySnapshot([{ name: 'site', url: 'https://github.com/acme/site', catalogFiles: ['catalog-info.yaml'], files }]);
    snapshot.repos[0]!.localPath = dir;
    const built = await buildDocs({ entities: readCatalog(snapshot).entities, snapshot, org: 'acme', base: '/' });
    const html = built.data.pages[0]!.html;
    expect(html).toContain('href="https://github.com/acme/site/raw/main/docs/page.xht"');
    expect(html).toContain('src="/docs/default/component/site/ok.png"');
    expect(built.assets.map((a) => a.repoPath)).toEqual(['docs/ok.png']);
  });

  it('renders each page once: the next build takes every page from the cache until a page or its snippet changes', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'frontdoor-docs-cache-'));
    cacheDirs.push(cacheDir);
    const first = await build([payments], cacheDir);
    expect(first.stats).toMatchObject({ pages: 3, rendered: 3, fromCache: 0 });
    const second = await build([payments], cacheDir);
    expect(second.stats).toMatchObject({ rendered: 0, fromCache: 3 });
    expect(second.data).toEqual(first.data);
    const changedSnippet = { ...payments, files: { ...payments.files, 'snippets/env.md': 'Set `PG_URL`.\n' } };
    const third = await build([changedSnippet], cacheDir);
    expect(third.stats).toMatchObject({ rendered: 1, fromCache: 2 });
    expect(third.data.pages.find((p) => p.path.endsWith('guide/setup/'))!.html).toContain('PG_URL');
    // Another base path changes every link: nothing is reused.
    const rebased = await build([payments], cacheDir, '/other/');
    expect(rebased.stats.fromCache).toBe(0);
  });

  it('builds a site whose file names no URL or file system takes as they are: each page gets a safe, unique path, each case a diagnostic', async () => {
    const long = `${'x'.repeat(300)}.md`;
    const hostile: InMemoryRepo = {
      name: 'hostile',
      url: 'https://github.com/acme/hostile',
      catalogFiles: ['catalog-info.yaml'],
      files: {
        'catalog-info.yaml': component('hostile', { [ANNOTATION_TECHDOCS_REF]: 'dir:.' }),
        'mkdocs.yml': 'site_name: Hostile\n',
        'docs/index.md': '# Home\n\n[a](a%2520b.md) [pct](100%25.md) [ctrl](ctrl%1Bname.md) [html](index.html.md) [foo](foo.md) [guide](Guide.md)\n',
        'docs/a%20b.md': '# Escaped\n',
        'docs/100%.md': '# Percent\n',
        'docs/ctrl\u001bname.md': '# Control\n',
        'docs/index.html.md': '# Not HTML\n',
        'docs/foo.md': '# Foo\n',
        'docs/foo/index.md': '# Foo index\n',
        'docs/Guide.md': '# Upper\n',
        'docs/guide.md': '# Lower\n',
        [`docs/${long}`]: '# Long\n',
      },
    };
    const { data, diagnostics } = await build([hostile]);
    const paths = data.pages.map((p) => p.path);
    expect(paths.sort()).toEqual(
      ['', '100~25/', 'a~2520b/', 'ctrl~1Bname/', 'foo/', 'guide/', 'index~2Ehtml/'].map((p) => `docs/default/component/hostile/${p}`).sort(),
    );
    const folded = new Set<string>();
    for (const path of paths) {
      // A valid URL path as it is: nothing a browser, Astro or a file system would read differently.
      expect(path).not.toMatch(/[%?#\\\u0000-\u001f\u007f-\u009f]/);
      expect(decodeURI(encodeURI(path))).toBe(path);
      for (const segment of path.split('/')) {
        expect(['.', '..']).not.toContain(segment);
        expect(segment).not.toMatch(/\.html?$/i);
        expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(PATH_BUDGET.segmentBytes);
      }
      expect(encodeURI(`${path}index.html`).length).toBeLessThanOrEqual(PATH_BUDGET.urlBytes);
      expect(folded.has(path.toLowerCase())).toBe(false);
      folded.add(path.toLowerCase());
    }
    const rulesOf = (repoPath: string) => diagnostics.filter((d) => d.path === repoPath).map((d) => d.rule);
    expect(rulesOf('docs/a%20b.md')).toEqual(['docs-path-renamed']);
    expect(rulesOf('docs/100%.md')).toEqual(['docs-path-renamed']);
    expect(rulesOf('docs/ctrl\u001bname.md')).toEqual(['docs-path-renamed']);
    expect(rulesOf('docs/index.html.md')).toEqual(['docs-path-renamed']);
    expect(rulesOf('docs/foo.md')).toEqual(['docs-path-conflict']);
    expect(rulesOf('docs/Guide.md')).toEqual(['docs-path-conflict']);
    expect(rulesOf(`docs/${long}`)).toEqual(['docs-path-too-long']);
    // No message carries a control character to a log.
    for (const d of diagnostics) expect(d.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    // Links written against the original names find the pages (a left-out one, the page published in its place).
    const home = data.pages.find((p) => p.source === 'docs/index.md')!;
    for (const to of ['a~2520b/', '100~25/', 'ctrl~1Bname/', 'index~2Ehtml/', 'foo/', 'guide/'])
      expect(home.html).toContain(`href="/portal/docs/default/component/hostile/${to}"`);
    expect(diagnostics.filter((d) => d.rule === 'docs-link-broken')).toEqual([]);
    // The nav lists what was published, nothing else.
    const site = data.sites[0]!;
    const navHrefs = JSON.stringify(site.nav).match(/"href":"[^"]*"/g)!;
    expect(navHrefs).toHaveLength(paths.length);
  });

  it('says once that a docs folder was capped, naming the setting, and sends links to left-out files to GitHub', async () => {
    const pages = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`docs/page${i}.md`, `# Page ${i}\n\n[gone](gone${i}.md) ![diagram](img/gone.png) [home](index.md)\n`]),
    );
    const capped: InMemoryRepo = {
      name: 'big',
      url: 'https://github.com/acme/big',
      catalogFiles: ['catalog-info.yaml'],
      files: {
        'catalog-info.yaml': component('big', { [ANNOTATION_TECHDOCS_REF]: 'dir:.' }),
        'mkdocs.yml': 'site_name: Big\n',
        'docs/index.md': '# Big\n',
        ...pages,
      },
      trees: { docs: { paths: ['docs/index.md', ...Object.keys(pages)].sort(), truncated: true, omitted: 2345 } },
    };
    const snapshot = inMemorySnapshot([capped], 'acme');
    const { entities } = readCatalog(snapshot);
    const { data, diagnostics } = await buildDocs({ entities, snapshot, org: 'acme', base: '/', limits: { maxDocsFiles: 6 } });
    expect(data.pages).toHaveLength(6);
    const truncated = diagnostics.filter((d) => d.rule === 'docs-tree-truncated');
    expect(truncated).toHaveLength(1);
    expect(truncated[0]).toMatchObject({ repo: 'big', path: 'docs', severity: 'warning', ref: 'component:default/big' });
    expect(truncated[0]!.message).toMatch(/`limits\.maxDocsFiles` \(6\).*2345 files were left out/);
    expect(diagnostics.filter((d) => d.rule === 'docs-link-broken' || d.rule === 'docs-image-missing')).toEqual([]);
    const page = data.pages.find((p) => p.source === 'docs/page3.md')!;
    expect(page.html).toContain('href="https://github.com/acme/big/blob/main/docs/gone3.md"');
    expect(page.html).toContain('src="https://github.com/acme/big/blob/main/docs/img/gone.png?raw=true"');
    expect(page.html).toContain('href="/docs/default/component/big/"');
  });

  it('keeps one copy of a large nav per site and gives the site a site map; pages carry no nav', async () => {
    const many = Object.fromEntries(Array.from({ length: NAV_FULL_MAX + 20 }, (_, i) => [`docs/ref/p${String(i).padStart(3, '0')}.md`, `# P${i}\n`]));
    const large: InMemoryRepo = {
      name: 'large',
      catalogFiles: ['catalog-info.yaml'],
      files: {
        'catalog-info.yaml': component('large', { [ANNOTATION_TECHDOCS_REF]: 'dir:.' }),
        'mkdocs.yml': 'site_name: Large\n',
        'docs/index.md': '# Large\n',
        ...many,
      },
    };
    const { data } = await build([large, payments]);
    const site = data.sites.find((s) => s.id === 'default/component/large')!;
    expect(navEntryCount(site.nav)).toBeGreaterThan(NAV_FULL_MAX);
    expect(site.siteMapPath).toBe('docs/default/component/large/~pages/');
    expect(data.pages.some((p) => p.path === site.siteMapPath)).toBe(false);
    for (const page of data.pages) expect(Object.keys(page)).not.toContain('nav');
    // A small site keeps its whole nav on every page, and has no site map.
    expect(data.sites.find((s) => s.id === 'default/component/payments')!.siteMapPath).toBeUndefined();
  });

  it('holds each page to limits.maxPageRenderMs, and does not cache a render the budget cut short', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'frontdoor-docs-budget-'));
    cacheDirs.push(cacheDir);
    const snapshot = inMemorySnapshot([payments], 'acme');
    const { entities } = readCatalog(snapshot);
    // No time at all (the setting itself takes 1 ms or more): every page runs out, whatever the machine.
    const tight = await buildDocs({ entities, snapshot, org: 'acme', base: '/', cacheDir, limits: { maxPageRenderMs: 0 } });
    expect(tight.diagnostics.filter((d) => d.rule === 'docs-render-timeout')).toHaveLength(3);
    const again = await buildDocs({ entities, snapshot, org: 'acme', base: '/', cacheDir });
    expect(again.stats.fromCache).toBe(0);
    expect(again.diagnostics.filter((d) => d.rule === 'docs-render-timeout')).toEqual([]);
  });
});
