/**
 * Links check of the built site, for a root site (`/`) and a GitHub Pages
 * project site (`/fernway-portal/`): every internal URL in every page leads to
 * a built file, page or fragment, and stays under the base. Reads the output
 * folder directly: no browser, no server.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { FixtureBase } from './build-fixture.ts';
import { fragmentTargets, isJavaScriptUrl, urlAttributes } from './html-links.ts';
import { builtFixture, type BuiltFixture } from './site-fixture.ts';

const BASES: FixtureBase[] = ['/', '/fernway-portal/'];
const ORIGIN = 'http://frontdoor.test';

/** Every file of the build, as `/`-separated paths relative to the output folder. */
async function listFiles(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return new Set(
    entries
      .filter((e) => e.isFile())
      .map((e) =>
        join(e.parentPath, e.name)
          .slice(dir.length + 1)
          .split(sep)
          .join('/'),
      ),
  );
}

/** The URL a page file is served at: `catalog/index.html` → `<base>catalog/`, `404.html` → `<base>404.html`. */
function pageUrl(base: string, file: string): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

describe.each(BASES)('the site built for base %s', (base) => {
  let fixture: BuiltFixture;
  let files: Set<string>;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    fixture = await builtFixture(base);
    files = await listFiles(fixture.site.outDir);
    for (const file of files) {
      if (file.endsWith('.html')) pages.set(file, await readFile(join(fixture.site.outDir, file), 'utf8'));
    }
  });

  test('every internal href and src resolves to a built page, file or fragment under the base', () => {
    const ids = new Map([...pages].map(([file, html]) => [file, fragmentTargets(html)]));
    const problems: string[] = [];
    let checked = 0;
    for (const [file, html] of pages) {
      const here = new URL(pageUrl(base, file), ORIGIN);
      for (const { tag, attribute, value } of urlAttributes(html)) {
        const problem = (why: string) => problems.push(`${file}: <${tag} ${attribute}="${value}"> ${why}`);
        let url: URL;
        try {
          url = new URL(value, here);
        } catch {
          problem('is not a valid URL');
          continue;
        }
        if (url.origin !== ORIGIN) continue; // external (https:, mailto:, …)
        checked++;
        if (value === '') {
          problem('is empty');
          continue;
        }
        if (!value.startsWith('#') && !value.startsWith(base)) {
          problem(`does not start with the base ${base}`);
          continue;
        }
        const path = decodeURIComponent(url.pathname).slice(base.length);
        const target = path === '' || path.endsWith('/') ? `${path}index.html` : path;
        if (!files.has(target)) {
          problem(files.has(`${path}/index.html`) ? 'is a page URL without its trailing slash' : `leads to no file (${target})`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment !== '' && !ids.get(target)?.has(fragment)) problem(`points to #${fragment}, which is not an id on ${target}`);
      }
    }
    expect(problems).toEqual([]);
    // Guard against the extractor silently finding nothing.
    expect(checked).toBeGreaterThan(pages.size * 5);
  });

  test('no javascript: URLs anywhere', () => {
    const found = [...pages].flatMap(([file, html]) =>
      urlAttributes(html)
        .filter(({ value }) => isJavaScriptUrl(value))
        .map(({ tag, attribute, value }) => `${file}: <${tag} ${attribute}="${value}">`),
    );
    expect(found).toEqual([]);
  });

  test('the JSON endpoints, the feed and the PR check bundle are under the base, and the pages they name exist', async () => {
    for (const file of [
      'catalog.json',
      'api/entities.json',
      'api/graph.json',
      'api/diagnostics.json',
      'api/catalog-info.schema.json',
      'changelog.json',
      'changelog/feed.xml',
      'validate/frontdoor-validate.mjs',
    ])
      expect(files, file).toContain(file);
    const missing = fixture.data.entities.filter((e) => !files.has(`${e.path}entity.json`)).map((e) => e.ref);
    expect(missing).toEqual([]);
    const graph = JSON.parse(await readFile(join(fixture.site.outDir, 'api', 'graph.json'), 'utf8')) as { nodes: { path: string }[] };
    expect(graph.nodes.filter((node) => !files.has(`${node.path}index.html`)).map((node) => node.path)).toEqual([]);
    const templates = fixture.data.templates.pages.map((page) => page.dataPath);
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.filter((path) => !files.has(path))).toEqual([]);
  });

  test('every entity has a page, and the Pagefind search index covers them', async () => {
    const missingPages = fixture.data.entities.filter((e) => !files.has(`${e.path}index.html`)).map((e) => e.ref);
    expect(missingPages).toEqual([]);

    expect(files).toContain('pagefind/pagefind.js');
    const entry = JSON.parse(await readFile(join(fixture.site.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    expect(indexed).toBeGreaterThanOrEqual(fixture.data.entities.length);
  });
});
