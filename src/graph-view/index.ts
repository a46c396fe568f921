/**
 * Relation drawings, made at build time.
 *
 * In: an entity and a lookup for the others (EntityInfo: ref, kind, name,
 * page path, relations). Out: the render model of an inline SVG (positions,
 * text, hrefs; renderSvg turns it into escaped markup) plus the note on what
 * was left out.
 *
 *   neighbourhood / system-diagram  →  EntityGraph   (what to draw)
 *   layout (dagre, cached by shape) →  GraphLayout   (where)
 *   describe + svg                  →  GraphView     (words, render model; renderSvg → markup)
 *
 * No Astro here: the components in src/components/ only print a GraphView.
 */
import { describeNeighbourhood, describeSystem, omissionNote } from './describe.ts';
import type { EntityInfo, EntityLookup } from './graph-model.ts';
import { layoutGraph } from './layout.ts';
import { neighbourhood } from './neighbourhood.ts';
import { svgModel, type SvgModel } from './svg.ts';
import { hasSystemDiagram, systemDiagram } from './system-diagram.ts';

export type { EntityInfo, EntityLookup } from './graph-model.ts';
export { renderSvg, type SvgModel } from './svg.ts';
export { hasSystemDiagram } from './system-diagram.ts';

export interface GraphView {
  svg: SvgModel;
  /** "Not drawn: …", or empty when everything is drawn. */
  note: string;
}

export interface ViewOptions {
  /** Base-path-aware URL of a base-relative page path (the site's `href`). */
  href: (path: string) => string;
  /** Where "+N more" nodes link: the section listing every related entity. */
  moreHref: string;
}

/** The entity and its direct relations, left to right; undefined when it has none. */
export function relationGraphView(entity: EntityInfo, lookup: EntityLookup, options: ViewOptions): GraphView | undefined {
  const graph = neighbourhood(entity, lookup);
  if (graph.edges.length === 0) return undefined;
  const svg = svgModel(graph, layoutGraph(graph, 'LR'), {
    id: 'rg',
    title: `Relations of ${entity.title}`,
    description: describeNeighbourhood(graph),
    ...options,
  });
  return { svg, note: omissionNote(graph) };
}

/** A System's or Domain's parts in a frame, top-down; undefined for other kinds and when it has no parts. */
export function systemDiagramView(entity: EntityInfo, lookup: EntityLookup, options: ViewOptions): GraphView | undefined {
  if (!hasSystemDiagram(entity.kind)) return undefined;
  const graph = systemDiagram(entity, lookup);
  if ((graph.frame?.parts.length ?? 0) === 0) return undefined;
  const svg = svgModel(graph, layoutGraph(graph, 'TB'), {
    id: 'sd',
    title: `${entity.kind} diagram of ${entity.title}`,
    description: describeSystem(graph),
    ...options,
  });
  return { svg, note: omissionNote(graph) };
}
