import { describe, expect, test } from 'vitest';
import type { EntityGraph } from './graph-model.ts';
import { layoutGraph, type Box, type GraphLayout } from './layout.ts';
import { neighbourhood } from './neighbourhood.ts';
import { edgeLabelSize } from './node-text.ts';
import { systemDiagram } from './system-diagram.ts';
import { bigGroupCatalog, bookingCatalog, TestCatalog } from '../../test/support/graph-catalog.ts';

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const onBorder = (box: Box, p: { x: number; y: number }) =>
  p.x >= box.x - 1 &&
  p.x <= box.x + box.width + 1 &&
  p.y >= box.y - 1 &&
  p.y <= box.y + box.height + 1 &&
  (Math.abs(p.x - box.x) <= 1 || Math.abs(p.x - box.x - box.width) <= 1 || Math.abs(p.y - box.y) <= 1 || Math.abs(p.y - box.y - box.height) <= 1);

/** What every drawing must satisfy: inside its size, whole px, no box over another, edges from border to border. */
function expectReadable(graph: EntityGraph, layout: GraphLayout) {
  const boxes = new Map(layout.nodes.map((n) => [n.id, n]));
  if (layout.frame) boxes.set(graph.centre, { id: graph.centre, ...layout.frame });
  for (const node of layout.nodes) {
    for (const v of [node.x, node.y, node.width, node.height]) expect(Number.isInteger(v)).toBe(true);
    expect(node.x).toBeGreaterThanOrEqual(0);
    expect(node.y).toBeGreaterThanOrEqual(0);
    expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
    expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
    for (const other of layout.nodes) if (other !== node) expect(overlap(node, other), `${node.id} over ${other.id}`).toBe(false);
  }
  const labels = layout.edges.map((e) => {
    const size = edgeLabelSize(e.edge.label);
    return { x: e.label.x - size.width / 2, y: e.label.y - size.height / 2, ...size };
  });
  for (const [i, e] of layout.edges.entries()) {
    const first = e.points[0]!;
    const last = e.points.at(-1)!;
    expect(onBorder(boxes.get(e.edge.source)!, first), `${e.edge.source} → start ${JSON.stringify(first)}`).toBe(true);
    expect(onBorder(boxes.get(e.edge.target)!, last), `→ ${e.edge.target} end ${JSON.stringify(last)}`).toBe(true);
    for (const node of layout.nodes) expect(overlap(labels[i]!, node), `label "${e.edge.label}" over ${node.id}`).toBe(false);
  }
}

describe('layoutGraph, left to right (neighbourhoods)', () => {
  test('targets of forward relations are right of the entity, sources of inverse ones left of it', () => {
    const catalog = bookingCatalog();
    const graph = neighbourhood(catalog.get('system:default/booking'), catalog.lookup);
    const layout = layoutGraph(graph, 'LR');
    expectReadable(graph, layout);
    const box = (id: string) => layout.nodes.find((n) => n.id === id)!;
    const centre = box('system:default/booking');
    expect(box('domain:default/transactions').x).toBeGreaterThan(centre.x + centre.width);
    expect(box('component:default/booking-service').x + box('component:default/booking-service').width).toBeLessThan(centre.x);
  });

  test('a neighbourhood of 50 members and 40 components stays within 31 boxes and readable', () => {
    const catalog = bigGroupCatalog(50, 40);
    const graph = neighbourhood(catalog.get('group:default/big'), catalog.lookup);
    const layout = layoutGraph(graph, 'LR');
    expect(layout.nodes.length).toBeLessThanOrEqual(31);
    expectReadable(graph, layout);
  });

  test('is deterministic', () => {
    const catalog = bigGroupCatalog(20, 5);
    const graph = neighbourhood(catalog.get('group:default/big'), catalog.lookup);
    expect(layoutGraph(graph, 'LR')).toEqual(layoutGraph(structuredClone(graph), 'LR'));
  });

  test('a centre with many edges on one side is taller, so the arrowheads spread', () => {
    const catalog = bigGroupCatalog(12, 0);
    const graph = neighbourhood(catalog.get('group:default/big'), catalog.lookup);
    const centre = layoutGraph(graph, 'LR').nodes.find((n) => n.id === 'group:default/big')!;
    expect(centre.height).toBeGreaterThan(40);
  });
});

describe('layoutGraph, top-down (system diagrams)', () => {
  test('parts inside the frame, relations downwards, the domain above the frame', () => {
    const catalog = bookingCatalog();
    const graph = systemDiagram(catalog.get('system:default/booking'), catalog.lookup);
    const layout = layoutGraph(graph, 'TB');
    expectReadable(graph, layout);
    const frame = layout.frame!;
    const box = (id: string) => layout.nodes.find((n) => n.id === id)!;
    for (const id of graph.frame!.parts) {
      const part = box(id);
      expect(part.x).toBeGreaterThan(frame.x);
      expect(part.y).toBeGreaterThan(frame.y);
      expect(part.x + part.width).toBeLessThan(frame.x + frame.width);
      expect(part.y + part.height).toBeLessThan(frame.y + frame.height);
    }
    const domain = box('domain:default/transactions');
    expect(domain.y + domain.height).toBeLessThan(frame.y);
    expect(box('api:default/booking-api').y).toBeGreaterThan(box('component:default/booking-service').y);
    // The part-of arrow goes up from the frame to the domain.
    const partOf = layout.edges.find((e) => e.edge.type === 'partOf')!;
    expect(partOf.points[0]!.y).toBe(frame.y);
    expect(partOf.points.at(-1)!.y).toBe(domain.y + domain.height);
  });

  test('many unrelated parts are packed in rows, not one long row', () => {
    const catalog = new TestCatalog().add('domain:default/d');
    for (let i = 0; i < 12; i++) catalog.add(`system:default/s${i}`).relate(`system:default/s${i}`, 'partOf', 'domain:default/d');
    const graph = systemDiagram(catalog.get('domain:default/d'), catalog.lookup);
    const layout = layoutGraph(graph, 'TB');
    expectReadable(graph, layout);
    expect(layout.width).toBeLessThanOrEqual(1100);
    expect(new Set(layout.nodes.map((n) => n.y)).size).toBeGreaterThan(1);
  });

  test('a hub with many leaves spreads them over rows; a group too wide for a row goes left to right', () => {
    const catalog = new TestCatalog().add('system:default/s').add('component:default/hub');
    catalog.relate('component:default/hub', 'partOf', 'system:default/s');
    for (let i = 0; i < 12; i++) {
      const ref = `api:default/api-with-a-long-name-${i}`;
      catalog.add(ref).relate(ref, 'partOf', 'system:default/s').relate('component:default/hub', 'providesApi', ref);
    }
    const graph = systemDiagram(catalog.get('system:default/s'), catalog.lookup);
    const layout = layoutGraph(graph, 'TB');
    expectReadable(graph, layout);
    expect(layout.width).toBeLessThanOrEqual(1100);
  });
});
