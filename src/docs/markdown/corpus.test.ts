/**
 * Smoke test over the shared TechDocs corpus (10 real documentation sets):
 * every page renders, and no TechDocs syntax is left over as text. Reads the
 * copy in src/docs/fixtures/techdocs-corpus. How fast pages render is for
 * `npm run bench` to report (docs pages per second), not for a test.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown.ts';
import { proseText } from '../../../test/support/render-markdown.ts';
import type { RenderContext } from './types.ts';

const CORPUS = fileURLToPath(new URL('../fixtures/techdocs-corpus/', import.meta.url));
const LEFTOVERS = ['!!! ', '??? ', '=== "', '--8<--', '{: ', '{ #', '[!NOTE]'];

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'expected') return [];
    if (statSync(path).isDirectory()) return markdownFiles(path);
    // Top-level files (SOURCES.md) describe the corpus; they are not docs.
    return name.endsWith('.md') && resolve(dir) !== resolve(CORPUS) ? [path] : [];
  });
}

/** Snippet paths are relative to the folder holding mkdocs.yml (MkDocs' working directory), never outside the set. */
function contextFor(file: string): RenderContext {
  const set = join(CORPUS, relative(CORPUS, file).split(sep)[0]!);
  let base = dirname(file);
  while (base.startsWith(set) && !['mkdocs.yml', 'mkdocs.yaml'].some((n) => existsSync(join(base, n)))) base = dirname(base);
  if (!base.startsWith(set)) base = set;
  return {
    page: relative(set, file),
    resolve: (target) => ({ url: target }),
    readSnippet: (path) => {
      const full = resolve(base, path);
      if (!full.startsWith(set + sep) || !existsSync(full)) return { missing: true, reason: 'not in the corpus copy' };
      return { text: readFileSync(full, 'utf8') };
    },
  };
}

describe('TechDocs corpus', () => {
  it('renders every page without leftover syntax', { timeout: 120_000 }, async () => {
    const files = markdownFiles(CORPUS);
    expect(files.length).toBeGreaterThan(100);
    const leftovers: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const rendered = await renderMarkdown(source, contextFor(file));
      expect(rendered.diagnostics.filter((d) => d.rule === 'docs-render-failed')).toEqual([]);
      const text = proseText(rendered.html);
      for (const marker of LEFTOVERS) if (text.includes(marker)) leftovers.push(`${relative(CORPUS, file)}: ${JSON.stringify(marker)}`);
    }
    expect(leftovers).toEqual([]);
  });
});
