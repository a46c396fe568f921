/**
 * The folders of src/ form a pipeline, so their imports must too: no folder may import, even
 * only a type, from a folder that imports it back. A cycle is listed with the import that makes
 * each of its edges; the fix is to move what both sides use into the lower folder (types belong
 * to the folder that produces them). Tests (`*.test.ts`) are left out of the graph: a test may
 * drive its module through the stages around it (a graph test reads a catalog first).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeCycle, findCycles, readFolderGraph, type FolderGraph, type ImportExample } from './folder-graph.ts';

const srcDir = fileURLToPath(new URL('../../src', import.meta.url));

describe('folders of src/', () => {
  it('import one another without cycles', async () => {
    const graph = await readFolderGraph(srcDir);
    expect(graph.size).toBeGreaterThan(5);
    const cycles = findCycles(graph).map((cycle) => describeCycle(cycle, graph));
    expect(cycles, `Import cycles between folders of src/:\n\n${cycles.join('\n\n')}`).toEqual([]);
  });
});

describe('findCycles', () => {
  const graphOf = (edges: string[]): FolderGraph => {
    const graph: FolderGraph = new Map();
    for (const edge of edges) {
      const [from, to] = edge.split('→') as [string, string];
      graph.set(from, (graph.get(from) ?? new Map<string, ImportExample>()).set(to, { file: `src/${from}/x.ts`, line: 3, specifier: `../${to}/y.ts` }));
    }
    return graph;
  };

  it('finds each cycle once, from its first folder, and none in a layered graph', () => {
    expect(findCycles(graphOf(['cli→pipeline', 'pipeline→catalog', 'catalog→sources']))).toEqual([]);
    expect(findCycles(graphOf(['cli→pipeline', 'pipeline→cli', 'sources→catalog', 'catalog→docs', 'docs→sources']))).toEqual([
      ['cli', 'pipeline'],
      ['catalog', 'docs', 'sources'],
    ]);
  });

  it('names the import behind every edge of a cycle', () => {
    const graph = graphOf(['health→portal-data', 'portal-data→health']);
    expect(describeCycle(['health', 'portal-data'], graph)).toBe(
      'health → portal-data → health\n' +
        "  health → portal-data: src/health/x.ts:3 imports '../portal-data/y.ts'\n" +
        "  portal-data → health: src/portal-data/x.ts:3 imports '../health/y.ts'",
    );
  });
});
