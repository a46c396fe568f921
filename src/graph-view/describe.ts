/**
 * The words for a drawing: its text description (what a screen reader reads
 * instead of the picture) and the note saying what was left out.
 */
import { inverseRelation } from '../catalog-model/relations.ts';
import { edgeLabel, pluralKind, type EntityGraph, type GraphNode } from './graph-model.ts';

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function nodeName(node: GraphNode | undefined): string {
  if (!node) return '';
  if (node.role === 'more') return node.title.replace(/^\+/, '');
  if (node.role === 'missing') return `${node.title} (not found)`;
  return node.title;
}

/**
 * "Booking Service: owned by Booking Team; provides API Booking API and
 * Booking Events; has member 37 more users." Relations of the centre are read
 * from its side; any other drawn relation (deeper graphs) as "A label B".
 */
export function describeNeighbourhood(graph: EntityGraph): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const centre = byId.get(graph.centre);
  const phrases = new Map<string, string[]>();
  const others: string[] = [];
  for (const edge of graph.edges) {
    if (edge.source === graph.centre || edge.target === graph.centre) {
      const outgoing = edge.source === graph.centre;
      const label = outgoing ? edge.label : edgeLabel(inverseRelation[edge.type] ?? edge.type);
      const other = byId.get(outgoing ? edge.target : edge.source);
      const list = phrases.get(label);
      if (list) list.push(nodeName(other));
      else phrases.set(label, [nodeName(other)]);
    } else {
      others.push(`${nodeName(byId.get(edge.source))} ${edge.label} ${nodeName(byId.get(edge.target))}.`);
    }
  }
  const own = [...phrases.entries()].map(([label, names]) => `${label} ${listText(names)}`);
  const first = own.length > 0 ? `${nodeName(centre)}: ${own.join('; ')}.` : `${nodeName(centre)} has no relations.`;
  return [first, ...others].join(' ');
}

/**
 * "Booking (System) has 6 parts: components Booking Service and Ops Console;
 * APIs Booking API and Booking Events. Booking Service provides API Booking
 * API. Booking is part of Transactions."
 */
export function describeSystem(graph: EntityGraph): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const centre = byId.get(graph.centre);
  const name = nodeName(centre);
  const parts = (graph.frame?.parts ?? []).map((id) => byId.get(id)).filter((n): n is GraphNode => n !== undefined);
  const byKind = new Map<string, string[]>();
  for (const part of parts) {
    const noun = part.role === 'more' ? 'and' : pluralKind(part.kind);
    const list = byKind.get(noun);
    if (list) list.push(nodeName(part));
    else byKind.set(noun, [nodeName(part)]);
  }
  const total = parts.reduce((sum, p) => sum + (p.role === 'more' ? (graph.omitted.find((o) => o.nodeId === p.id)?.count ?? 0) : 1), 0);
  const groups = [...byKind.entries()].filter(([noun]) => noun !== 'and').map(([noun, names]) => `${noun} ${listText(names)}`);
  const more = byKind.get('and') ?? [];
  const sentences = [
    total === 0
      ? `${name} (${centre?.kind ?? ''}) has no parts.`
      : `${name} (${centre?.kind ?? ''}) has ${total} part${total === 1 ? '' : 's'}: ${groups.join('; ')}${more.length > 0 ? `; and ${listText(more)}` : ''}.`,
  ];
  for (const edge of graph.edges) {
    if (edge.source === graph.centre || edge.target === graph.centre) continue;
    sentences.push(`${nodeName(byId.get(edge.source))} ${edge.label} ${nodeName(byId.get(edge.target))}.`);
  }
  for (const id of graph.frame?.parents ?? []) sentences.push(`${name} is part of ${nodeName(byId.get(id))}.`);
  return sentences.join(' ');
}

/**
 * "Not drawn: 37 more users (has member) and 20 more components (owner of)."
 * Empty when the drawing shows everything.
 */
export function omissionNote(graph: EntityGraph): string {
  if (graph.omitted.length === 0) return '';
  // A system diagram leaves out parts only: no need to name the relation.
  const items = graph.omitted.map((o) => `${o.count} more ${o.noun}${graph.frame ? '' : ` (${edgeLabel(o.type)})`}`);
  return `Not drawn: ${listText(items)}.`;
}
