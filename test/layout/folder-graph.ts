/**
 * Which top-level folders of `src/` import which: the graph the folder-cycles test checks.
 *
 * In: the `src/` directory. Out: one edge per ordered pair of folders, each with one example
 * import (file, line, specifier). A file directly in `src/` (e.g. `content.config.ts`) is its own
 * node. Every relative import counts, `import type` and `export … from` included: a type-only
 * cycle still means neither folder can be read, tested or moved without the other.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportExample {
  file: string;
  line: number;
  specifier: string;
}

/** from folder → to folder → the first import seen that makes the edge. */
export type FolderGraph = Map<string, Map<string, ImportExample>>;

export async function readFolderGraph(srcDir: string): Promise<FolderGraph> {
  const graph: FolderGraph = new Map();
  for (const file of await sourceFiles(srcDir)) {
    const from = folderOf(srcDir, file);
    const text = await readFile(file, 'utf8');
    for (const { fileName: specifier, pos } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      const to = folderOf(srcDir, target);
      if (to === undefined || to === from) continue;
      const edges = graph.get(from!) ?? new Map<string, ImportExample>();
      graph.set(from!, edges);
      if (!edges.has(to)) edges.set(to, { file: relative(dirname(srcDir), file).split(sep).join('/'), line: lineAt(text, pos), specifier });
    }
  }
  return graph;
}

/**
 * Every simple cycle, each listed once, starting at its alphabetically first folder
 * (`['a', 'b']` is a → b → a). The folder graph has a few dozen nodes, so a plain search is enough.
 */
export function findCycles(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[][] {
  const nodes = [...new Set([...graph.keys(), ...[...graph.values()].flatMap((to) => [...to.keys()])])].sort();
  const cycles: string[][] = [];
  for (const start of nodes) {
    const walk = (node: string, path: string[]) => {
      for (const next of graph.get(node)?.keys() ?? []) {
        if (next === start) cycles.push([...path]);
        else if (next > start && !path.includes(next)) walk(next, [...path, next]);
      }
    };
    walk(start, [start]);
  }
  return cycles.sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
}

/** One cycle as people read it: each edge on its own line with the import that makes it. */
export function describeCycle(cycle: readonly string[], graph: FolderGraph): string {
  const edges = cycle.map((from, i) => {
    const to = cycle[(i + 1) % cycle.length]!;
    const example = graph.get(from)?.get(to);
    return `  ${from} → ${to}: ${example ? `${example.file}:${example.line} imports '${example.specifier}'` : '?'}`;
  });
  return `${[...cycle, cycle[0]].join(' → ')}\n${edges.join('\n')}`;
}

/** `catalog` for `src/catalog-model/kinds/x.ts`, `content.config.ts` for `src/content.config.ts`; undefined outside src/. */
function folderOf(srcDir: string, path: string): string | undefined {
  const rel = relative(srcDir, path);
  if (rel === '' || rel.startsWith('..')) return undefined;
  return rel.split(sep)[0];
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
