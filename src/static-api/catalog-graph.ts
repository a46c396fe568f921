/**
 * The catalog as nodes and edges (api/graph.json): one node per published entity, one edge per
 * relation. Every relation is stored on both of its ends (ownedBy on the component, ownerOf on
 * the group); the graph keeps each once, in its forward direction ("component ownedBy group"),
 * so a relation declared on either end is one edge.
 */
import { z } from 'zod';
import { forwardRelation } from '../catalog-model/relations.ts';
import type { EntityRecord } from '../entity-record/schema.ts';
import { compareStrings } from './backstage-entity.ts';

export const GraphNodeSchema = z.object({
  /** Lowercase ref `kind:namespace/name`. */
  ref: z.string(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  title: z.string().optional(),
  /** Base-relative path of the entity's page, `catalog/<namespace>/<kind>/<name>/`. */
  path: z.string(),
});

export const GraphEdgeSchema = z.object({
  source: z.string(),
  /** A forward type: ownedBy, providesApi, consumesApi, dependsOn, partOf, childOf or memberOf. */
  type: z.string(),
  target: z.string(),
  /** Set when one end is not in the catalog: a dangling reference (see api/diagnostics.json). */
  dangling: z.literal(true).optional(),
});

export const CatalogGraphJsonSchema = z.object({ nodes: z.array(GraphNodeSchema), edges: z.array(GraphEdgeSchema) });
export type CatalogGraphJson = z.infer<typeof CatalogGraphJsonSchema>;

export function catalogGraph(records: readonly EntityRecord[]): CatalogGraphJson {
  const refs = new Set(records.map((r) => r.ref));
  const nodes = [...records]
    .sort((a, b) => compareStrings(a.ref, b.ref))
    .map((r) => ({ ref: r.ref, kind: r.kind, namespace: r.namespace, name: r.name, ...(r.title ? { title: r.title } : {}), path: r.path }));
  const edges = new Map<string, CatalogGraphJson['edges'][number]>();
  for (const record of records) {
    for (const relation of record.relations) {
      const { source, type, target } = forwardRelation(record.ref, relation.type, relation.target);
      const dangling = !refs.has(source) || !refs.has(target);
      edges.set(`${source}\n${type}\n${target}`, { source, type, target, ...(dangling ? { dangling: true as const } : {}) });
    }
  }
  const sorted = [...edges.values()].sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.type, b.type) || compareStrings(a.target, b.target));
  return { nodes, edges: sorted };
}
