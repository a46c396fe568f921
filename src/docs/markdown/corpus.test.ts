/**
 * Smoke test over the shared TechDocs corpus (10 real documentation sets):
 * every page renders, and no TechDocs syntax is left over as text. Reads the
 * copy in src/docs/fixtures/techdocs-corpus. Prints render times.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown.ts';
import { proseText } from './test-helpers.ts';
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
    const times: number[] = [];
    const leftovers: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const started = performance.now();
      const rendered = await renderMarkdown(source, contextFor(file));
      times.push(performance.now() - started);
      expect(rendered.diagnostics.filter((d) => d.rule === 'docs-render-failed')).toEqual([]);
      const text = proseText(rendered.html);
      for (const marker of LEFTOVERS) if (text.includes(marker)) leftovers.push(`${relative(CORPUS, file)}: ${JSON.stringify(marker)}`);
    }
    expect(leftovers).toEqual([]);

    // A second pass shows the steady state (grammars loaded, code warm), which is what a big build sees.
    const warm: number[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const started = performance.now();
      await renderMarkdown(source, contextFor(file));
      warm.push(performance.now() - started);
    }
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return `mean ${mean.toFixed(2)} ms, median ${sorted[sorted.length >> 1]!.toFixed(2)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`;
    };
    console.log(`corpus: ${files.length} pages; first pass (incl. highlighter start ${times[0]!.toFixed(0)} ms): ${stats(times)}; second pass: ${stats(warm)}`);
    const slowest = files.map((f, i) => [relative(CORPUS, f), warm[i]!] as const).sort((a, b) => b[1] - a[1]).slice(0, 3);
    console.log(`slowest (second pass): ${slowest.map(([f, t]) => `${f} ${t.toFixed(1)} ms`).join(', ')}`);
  });
});
