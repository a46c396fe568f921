/**
 * Map a JSON path (`['spec', 'owner']`) back to a line and column in the YAML
 * source, so diagnostics point at the offending field. When the path does not
 * exist (a missing required field), the deepest existing node is used: the
 * field's parent mapping.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { positionOf, type SourcePosition } from '../../sources/parse-documents.ts';

export type JsonPath = readonly (string | number)[];

export function locate(
  tree: Document.Parsed,
  lineCounter: LineCounter,
  path: JsonPath,
  fallback: SourcePosition,
  at: 'value' | 'key' = 'value',
): SourcePosition {
  let node: unknown = tree.contents;
  let best: Node | undefined = tree.contents ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const key = pair.key as Node;
      if (last && at === 'key') return rangeStart(key, lineCounter) ?? fallback;
      best = (pair.value as Node | null) ?? key;
      if (!pair.value) best = key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      best = item as Node;
      node = item;
    } else {
      break;
    }
  }
  return (best && rangeStart(best, lineCounter)) ?? fallback;
}

function rangeStart(node: Node, lineCounter: LineCounter): SourcePosition | undefined {
  const range = node.range;
  return range ? positionOf(lineCounter, range[0]) : undefined;
}
