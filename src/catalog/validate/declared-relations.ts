/**
 * The relations an entity declares through its spec fields, with refs parsed
 * as Backstage's processors parse them (the field's default kind, the
 * entity's own namespace). Used for entities read from YAML and for the ones
 * Frontdoor generates (GitHub teams and people, inferred components).
 */
import type { KindDefinition } from '../../catalog-model/kinds/index.ts';
import { parseEntityRef, stringifyEntityRef } from '../../catalog-model/refs.ts';
import type { JsonPath } from '../yaml/locate.ts';

export interface DeclaredRelation {
  type: string;
  /** Canonical lowercase ref of the target. */
  target: string;
  /** The kind as written or defaulted (e.g. `Group`), to check against the field's target kinds. */
  targetKind: string;
  field: string;
  line: number;
  column: number;
}

export interface RelationCallbacks {
  /** Where a field value is, for diagnostics (0:0 for generated entities). */
  position: (path: JsonPath) => { line: number; column: number };
  /** A value that is not a valid ref: Backstage fails the entity. */
  onInvalid: (path: JsonPath, message: string) => void;
  /** Fields whose values failed schema validation already: not parsed again. */
  skip?: ReadonlySet<string>;
}

export function declaredRelations(kind: KindDefinition, spec: Record<string, unknown>, namespace: string, callbacks: RelationCallbacks): DeclaredRelation[] {
  const relations: DeclaredRelation[] = [];
  for (const field of kind.relationFields) {
    const values = spec[field.field];
    if (!values || callbacks.skip?.has(field.field)) continue; // Backstage skips falsy values
    const list = Array.isArray(values) ? values : [values];
    list.forEach((value, i) => {
      const path: JsonPath = Array.isArray(values) ? ['spec', field.field, i] : ['spec', field.field];
      try {
        const target = parseEntityRef(value, { defaultKind: field.defaultKind, defaultNamespace: namespace });
        const { line, column } = callbacks.position(path);
        relations.push({ type: field.relation, target: stringifyEntityRef(target), targetKind: target.kind, field: field.field, line, column });
      } catch (error) {
        callbacks.onInvalid(path, `\`${path.join('.')}\`: ${(error as Error).message}.`);
      }
    });
  }
  return relations;
}
