/**
 * Stage entry: loaded entities → the catalog graph. Picks one winner per
 * entity ref (deterministically), emits every relation and its inverse, builds
 * the per-entity relation lists once, and reports what Backstage accepts
 * silently: duplicate refs, references to entities that do not exist, owners
 * that resolve to nothing, relations to the wrong kind, and partOf/childOf loops.
 * Each entity is processed in isolation: one that makes this stage throw is
 * left out with a `repo-failed` diagnostic, and the rest of the graph is built.
 */
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { inverseRelation } from '../catalog-model/relations.ts';
import { isolate } from '../diagnostics/isolate.ts';
import { pickWinners } from './duplicates.ts';
import { checkEntityReferences, referenceIndex } from './references.ts';
import { findCycles } from './cycles.ts';
import type { OwnershipEvidence } from './ownership-evidence.ts';

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
  /**
   * What decides which repo a ref declared in several belongs to: the previous build's publication
   * record, and each repo's URL (src/graph/ownership-evidence.ts). Without it, only
   * duplicates inside one repo can be decided.
   */
  ownership?: OwnershipEvidence;
}

export function resolveGraph(loaded: readonly LoadedEntity[], options: GraphOptions = {}): CatalogGraph {
  const diagnostics: Diagnostic[] = [];
  const { winners: picked, diagnostics: duplicateDiagnostics } = pickWinners(loaded, options.ownership);
  diagnostics.push(...duplicateDiagnostics);

  // Per entity: its edges (each relation and its inverse) and its reference problems, or an exception.
  const pickedByRef = new Map(picked.map((e) => [e.ref, e]));
  const index = options.checkReferences !== false ? referenceIndex(pickedByRef) : undefined;
  const winners: LoadedEntity[] = [];
  const edges: (readonly [source: string, type: string, target: string])[] = [];
  for (const entity of picked) {
    const { repo, path, line, column } = entity.source;
    const processed = isolate({ repo, path, line, column, ref: entity.ref, stage: 'resolving its relations' }, () => ({
      edges: entity.relations.flatMap((r) => {
        const inverse = inverseRelation[r.type];
        if (!inverse) throw new Error(`unknown relation type ${JSON.stringify(r.type)}`);
        return [
          [entity.ref, r.type, r.target],
          [r.target, inverse, entity.ref],
        ] as const;
      }),
      problems: index ? checkEntityReferences(entity, index, pickedByRef) : [],
    }));
    if (!processed.ok) {
      diagnostics.push(processed.diagnostic);
      continue;
    }
    winners.push(entity);
    edges.push(...processed.value.edges);
    diagnostics.push(...processed.value.problems);
  }
  const byRef = new Map(winners.map((e) => [e.ref, e]));

  const sets = new Map<string, Map<string, Relation>>();
  for (const [source, type, target] of edges) {
    let set = sets.get(source);
    if (!set) sets.set(source, (set = new Map<string, Relation>()));
    set.set(`${type}\u0000${target}`, { type, target });
  }
  const relationsOf = new Map<string, Relation[]>();
  for (const [source, set] of sets) {
    relationsOf.set(
      source,
      [...set.values()].sort((a, b) => a.type.localeCompare(b.type) || a.target.localeCompare(b.target)),
    );
  }

  // Loops span entities (and repos), so this check is isolated as a whole: a failure loses only its warnings.
  const cycles = isolate({ repo: '', stage: 'looking for loops in partOf and childOf hierarchies' }, () => findCycles(winners, relationsOf, byRef));
  diagnostics.push(...(cycles.ok ? cycles.value : [cycles.diagnostic]));
  return { entities: winners, byRef, relationsOf, diagnostics };
}
