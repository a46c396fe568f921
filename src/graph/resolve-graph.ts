/**
 * Stage entry: loaded entities → the catalog graph. Picks one winner per
 * entity ref (deterministically), emits every relation and its inverse, builds
 * the per-entity relation lists once, and reports what Backstage accepts
 * silently: duplicate refs, references to entities that do not exist, owners
 * that resolve to nothing, relations to the wrong kind, and partOf/childOf loops.
 */
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { inverseRelation } from '../catalog/model/relations.ts';
import { pickWinners } from './duplicates.ts';
import { checkReferences } from './references.ts';
import { findCycles } from './cycles.ts';

export interface Relation {
  type: string;
  target: string;
}

export interface CatalogGraph {
  /** One entity per ref, sorted by ref. */
  entities: LoadedEntity[];
  byRef: ReadonlyMap<string, LoadedEntity>;
  /** Relations whose source is the key, forward and inverse, deduplicated, sorted by type then target. */
  relationsOf: ReadonlyMap<string, readonly Relation[]>;
  diagnostics: Diagnostic[];
}

export interface GraphOptions {
  /**
   * Check that relation targets exist (default true). Off when only some files of one repo were
   * read (`validate FILE…` in a pull request): the rest of the org is unknown, so every reference
   * to it would be a false alarm.
   */
  checkReferences?: boolean;
}

export function resolveGraph(loaded: readonly LoadedEntity[], options: GraphOptions = {}): CatalogGraph {
  const diagnostics: Diagnostic[] = [];
  const { winners, diagnostics: duplicateDiagnostics } = pickWinners(loaded);
  diagnostics.push(...duplicateDiagnostics);
  const byRef = new Map(winners.map((e) => [e.ref, e]));

  const sets = new Map<string, Map<string, Relation>>();
  const add = (source: string, type: string, target: string) => {
    let set = sets.get(source);
    if (!set) sets.set(source, (set = new Map()));
    set.set(`${type}\u0000${target}`, { type, target });
  };
  for (const entity of winners) {
    for (const r of entity.relations) {
      add(entity.ref, r.type, r.target);
      add(r.target, inverseRelation[r.type]!, entity.ref);
    }
  }
  const relationsOf = new Map<string, Relation[]>();
  for (const [source, set] of sets) {
    relationsOf.set(source, [...set.values()].sort((a, b) => a.type.localeCompare(b.type) || a.target.localeCompare(b.target)));
  }

  if (options.checkReferences !== false) diagnostics.push(...checkReferences(winners, byRef));
  diagnostics.push(...findCycles(winners, relationsOf, byRef));
  return { entities: winners, byRef, relationsOf, diagnostics };
}
