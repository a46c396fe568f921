/**
 * One entity's docs failing, or one page of them, costs only that: the
 * failures are forced here with module mocks (the code under test has no
 * known way to throw, which is the point of the guard).
 */
import { describe, expect, it, vi } from 'vitest';
import { readCatalog } from '../catalog/read-catalog.ts';
import { inMemorySnapshot, type InMemoryRepo } from '../../test/support/in-memory-source.ts';
import { buildDocs } from './build-docs.ts';

vi.mock('./markdown/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./markdown/index.ts')>();
  return {
    ...real,
    renderMarkdown: (text: string, ctx: Parameters<typeof real.renderMarkdown>[1]) =>
      text.includes('RENDERER-THROWS') ? Promise.reject(new TypeError('renderer bug')) : real.renderMarkdown(text, ctx),
  };
});
vi.mock('./site/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./site/index.ts')>();
  return {
    ...real,
    loadDocsSite: (input: Parameters<typeof real.loadDocsSite>[0]) =>
      input.dir === 'explodes'
        ? (() => {
            throw new RangeError('model bug\n::error::injected');
          })()
        : real.loadDocsSite(input),
  };
});
vi.mock('./edit-url.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./edit-url.ts')>();
  return {
    editUrlOf: (...args: Parameters<typeof real.editUrlOf>) =>
      args[2].repoPath.endsWith('record-fails.md')
        ? (() => {
            throw new Error('record bug');
          })()
        : real.editUrlOf(...args),
  };
});

const component = (name: string, dir: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  annotations: { backstage.io/techdocs-ref: "dir:${dir}" }\nspec: { type: service, lifecycle: production, owner: team }\n`;

const repo: InMemoryRepo = {
  name: 'mixed',
  url: 'https://github.com/acme/mixed',
  catalogFiles: ['catalog-info.yaml'],
  files: {
    'catalog-info.yaml': `${component('broken', 'explodes')}---\n${component('fine', 'good')}`,
    'explodes/mkdocs.yml': 'site_name: Broken\n',
    'explodes/docs/index.md': '# Broken\n',
    'good/mkdocs.yml': 'site_name: Good\nnav:\n  - index.md\n  - bad.md\n  - record-fails.md\n  - last.md\n',
    'good/docs/index.md': '# Good\n',
    'good/docs/bad.md': '# Bad\n\nRENDERER-THROWS\n',
    'good/docs/record-fails.md': '# Record fails\n',
    'good/docs/last.md': '# Last\n',
  },
};

describe('buildDocs isolation', () => {
  it('an exception in one site or one page becomes a repo-failed diagnostic; everything else is built', async () => {
    const snapshot = inMemorySnapshot([repo], 'acme');
    const { entities } = readCatalog(snapshot);
    const { data, diagnostics } = await buildDocs({ entities, snapshot, org: 'acme', base: '/' });

    expect(data.sites.map((s) => s.id)).toEqual(['default/component/fine']);
    expect(data.pages.map((p) => p.source)).toEqual(['good/docs/index.md', 'good/docs/last.md']);

    const failed = diagnostics.filter((d) => d.rule === 'repo-failed');
    expect(failed.map((d) => [d.ref, d.path, d.severity])).toEqual([
      ['component:default/broken', 'explodes', 'error'],
      ['component:default/fine', 'good/docs/bad.md', 'error'],
      ['component:default/fine', 'good/docs/record-fails.md', 'error'],
    ]);
    expect(failed[0]!.message).toMatch(
      /^Frontdoor failed while building the docs of component:default\/broken \(docs stage\) \(.*\): RangeError: model bug\\n::error::injected\. The docs site of component:default\/broken \(its catalog page stays\) is left out of the portal; the rest of the org is built/,
    );
    expect(failed[1]!.message).toMatch(
      /rendering the docs page good\/docs\/bad\.md .*renderer bug\. The page \(the rest of its site stays\) is left out of the portal; the rest of the org is built/,
    );

    // Nothing points at the pages that were left out.
    const [home, last] = data.pages;
    expect(home!.next).toEqual({ title: 'Last', path: 'docs/default/component/fine/last/' });
    expect(last!.prev).toEqual({ title: 'Good', path: 'docs/default/component/fine/' });
    expect(JSON.stringify(data.sites[0]!.nav)).not.toMatch(/bad|record-fails/);
  });
});
