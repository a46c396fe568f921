/**
 * Loops in hierarchies: `partOf` (component → component/system → domain →
 * domain) and `childOf` (group → parent group). Backstage stores them without
 * complaint, but a loop has no top, so trees, breadcrumbs and "everything a
 * department owns" cannot be drawn. Found with Tarjan's strongly connected
 * components, iteratively so a deep hierarchy cannot overflow the stack.
 */
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import { RELATION_CHILD_OF, RELATION_PART_OF } from '../catalog-model/relations.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';
import type { Relation } from './resolve-graph.ts';

export function findCycles(
  entities: readonly LoadedEntity[],
  relationsOf: ReadonlyMap<string, readonly Relation[]>,
  byRef: ReadonlyMap<string, LoadedEntity>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const type of [RELATION_PART_OF, RELATION_CHILD_OF]) {
    const next = (ref: string) => (relationsOf.get(ref) ?? []).filter((r) => r.type === type && byRef.has(r.target)).map((r) => r.target);
    for (const component of stronglyConnected(
      entities.map((e) => e.ref),
      next,
    )) {
      const selfLoop = component.length === 1 && next(component[0]!).includes(component[0]!);
      if (component.length < 2 && !selfLoop) continue;
      const members = [...component].sort();
      const start = members[0]!;
      const path = walkCycle(start, new Set(members), next);
      const entity = byRef.get(start)!;
      const declared = entity.relations.find((r) => r.type === type && members.includes(r.target)) ?? entity.relations.find((r) => members.includes(r.target));
      const place = {
        repo: entity.source.repo,
        path: entity.source.path,
        line: declared?.line ?? entity.source.line,
        column: declared?.column ?? entity.source.column,
      };
      const fix =
        type === RELATION_CHILD_OF
          ? "Make sure each group's `parent` (and the `children` lists) point up the hierarchy only."
          : 'Make sure `system`, `domain`, `subdomainOf` and `subcomponentOf` point up the hierarchy only.';
      diagnostics.push(makeDiagnostic('relation-cycle', place, `${type} relations form a loop: ${shortPath(path)}. A hierarchy needs a top. ${fix}`, start));
    }
  }
  return diagnostics;
}

/** A loop of thousands of entities is shown by its ends, so the message stays readable. */
function shortPath(path: string[]): string {
  if (path.length <= 12) return path.join(' → ');
  return `${path.slice(0, 6).join(' → ')} → … (${path.length - 10} more) → ${path.slice(-4).join(' → ')}`;
}

/** Follow edges inside the component from `start` until it comes back, for a readable message. */
function walkCycle(start: string, members: Set<string>, next: (ref: string) => string[]): string[] {
  const path = [start];
  const seen = new Set([start]);
  let current = start;
  for (;;) {
    const step = next(current)
      .filter((t) => members.has(t))
      .sort()[0];
    if (!step) return path;
    path.push(step);
    if (seen.has(step)) return path;
    seen.add(step);
    current = step;
  }
}

function stronglyConnected(nodes: readonly string[], next: (node: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; edges: string[]; i: number }[] = [];
    const visit = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: next(node), i: 0 });
    };
    visit(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.edges.length) {
        const target = frame.edges[frame.i++]!;
        if (!index.has(target)) visit(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        result.push(component);
      }
    }
  }
  return result;
}
