/**
 * How long the drawings take: per graph (cold, a dagre run; cached, a shape
 * seen before) and for every entity page of a catalog. Run by
 * `node scripts/bench-graphs.ts [portal-data.json]`.
 */
import type { EntityRecord } from '../src/entity-record/schema.ts';
import type { EntityGraph, EntityInfo } from '../src/graph-view/graph-model.ts';
import { relationGraphView, systemDiagramView } from '../src/graph-view/index.ts';
import { layoutGraph, type Direction } from '../src/graph-view/layout.ts';
import { neighbourhood } from '../src/graph-view/neighbourhood.ts';
import { clearLayoutCache, layoutStats } from '../src/graph-view/ranked-layout.ts';
import { systemDiagram } from '../src/graph-view/system-diagram.ts';
import { bigGroupCatalog, TestCatalog } from '../test/support/graph-catalog.ts';

export interface GraphTiming {
  graph: string;
  nodes: number;
  edges: number;
  /** Milliseconds per layout with an empty cache, and with the shape cached. */
  coldMs: number;
  cachedMs: number;
}

const unlimited = { perType: 1000, total: 1000 };

/** A system of `n` components, each providing an API and depending on a resource, each consuming the previous one's API. */
function systemCatalog(n: number): TestCatalog {
  const catalog = new TestCatalog().add('system:default/s');
  for (let i = 0; i < n; i++) {
    const [c, a, r] = [`component:default/c${i}`, `api:default/a${i}`, `resource:default/r${i}`];
    catalog.add(c, `Component number ${i}`).add(a, `API number ${i}`).add(r, `Resource ${i}`);
    for (const part of [c, a, r]) catalog.relate(part, 'partOf', 'system:default/s');
    catalog.relate(c, 'providesApi', a).relate(c, 'dependsOn', r);
    if (i > 0) catalog.relate(c, 'consumesApi', `api:default/a${i - 1}`);
  }
  return catalog;
}

function time(graph: EntityGraph, direction: Direction, name: string): GraphTiming {
  const runs = 20;
  let cold = 0;
  for (let i = 0; i < runs; i++) {
    clearLayoutCache();
    const start = performance.now();
    layoutGraph(graph, direction);
    cold += performance.now() - start;
  }
  const start = performance.now();
  for (let i = 0; i < runs * 10; i++) layoutGraph(graph, direction);
  const cached = (performance.now() - start) / (runs * 10);
  return { graph: name, nodes: graph.nodes.length, edges: graph.edges.length, coldMs: cold / runs, cachedMs: cached };
}

/** Layout times of 15- and 60-node neighbourhoods and system diagrams (collapsing off for the 60-node ones). */
export function timeLayouts(): GraphTiming[] {
  const small = bigGroupCatalog(9, 5);
  const big = bigGroupCatalog(40, 19);
  const system5 = systemCatalog(5);
  const system20 = systemCatalog(20);
  const graphs: [EntityGraph, Direction, string][] = [
    [neighbourhood(small.get('group:default/big'), small.lookup), 'LR', 'neighbourhood'],
    [neighbourhood(big.get('group:default/big'), big.lookup, { limits: unlimited }), 'LR', 'neighbourhood'],
    [systemDiagram(system5.get('system:default/s'), system5.lookup), 'TB', 'system diagram'],
    [systemDiagram(system20.get('system:default/s'), system20.lookup, unlimited), 'TB', 'system diagram'],
  ];
  // Warm up the JIT first, as a build does after its first pages.
  for (const [graph, direction] of graphs) for (let i = 0; i < 20; i++) layoutGraph(graph, direction);
  return graphs.map(([graph, direction, name]) => time(graph, direction, name));
}

export interface CatalogTiming {
  entities: number;
  totalMs: number;
  dagreRuns: number;
  cacheHits: number;
}

/** Both drawings for every entity, as a build makes them (display names simplified). */
export function timeCatalog(entities: readonly EntityRecord[]): CatalogTiming {
  const infos = new Map<string, EntityInfo>();
  for (const e of entities) {
    const profile = e.spec['profile'] as { displayName?: unknown } | undefined;
    const title = e.title?.trim() || (typeof profile?.displayName === 'string' ? profile.displayName : '') || e.name;
    infos.set(e.ref, { ref: e.ref, kind: e.kind, title, path: e.path, relations: e.relations });
  }
  const lookup = (ref: string) => infos.get(ref);
  const options = { href: (path: string) => `/${path}`, moreHref: '#relations-heading' };
  clearLayoutCache();
  const start = performance.now();
  for (const info of infos.values()) {
    relationGraphView(info, lookup, options);
    systemDiagramView(info, lookup, options);
  }
  return { entities: infos.size, totalMs: performance.now() - start, ...layoutStats };
}
