#!/usr/bin/env node
// node scripts/bench-graphs.ts [portal-data.json]: thin entry; the work is in bench/graph-timing.ts.
import { readFile } from 'node:fs/promises';
import { PortalDataSchema } from '../src/portal-data/schema.ts';
import { timeCatalog, timeLayouts } from '../bench/graph-timing.ts';

const fmt = (ms: number) => (ms < 1 ? `${Math.round(ms * 1000)} µs` : `${ms.toFixed(1)} ms`);
for (const t of timeLayouts()) {
  process.stdout.write(
    `${t.graph.padEnd(15)} ${String(t.nodes).padStart(3)} nodes ${String(t.edges).padStart(3)} edges   cold ${fmt(t.coldMs).padStart(8)}   cached shape ${fmt(t.cachedMs).padStart(8)}\n`,
  );
}
const file = process.argv[2];
if (file) {
  const data = PortalDataSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const c = timeCatalog(data.entities);
  process.stdout.write(
    `\n${c.entities} entities, both drawings each: ${fmt(c.totalMs)} (${fmt(c.totalMs / c.entities)} per entity), ${c.dagreRuns} dagre runs, ${c.cacheHits} from the cache\n`,
  );
}
