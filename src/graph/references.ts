/**
 * References that resolve to nothing, or to the wrong kind of entity. Backstage
 * stores such relations silently (dangling targets are kept); Frontdoor warns,
 * at the line of the field, and suggests the entity that was probably meant.
 */
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import { splitCanonicalRef, stringifyEntityRef } from '../catalog-model/refs.ts';
import { editDistance } from '../catalog-model/spelling.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';

/** Built once per graph: refs by name, and names by kind and namespace, for suggestions. */
export function referenceIndex(byRef: ReadonlyMap<string, LoadedEntity>): RefIndex {
  const index: RefIndex = { byName: new Map(), byKindNamespace: new Map() };
  for (const ref of byRef.keys()) {
    const { kind, namespace, name } = splitCanonicalRef(ref);
    push(index.byName, name, ref);
    push(index.byKindNamespace, `${kind}:${namespace}`, name);
  }
  return index;
}

/** One entity's references (resolveGraph runs this per entity, isolated). */
export function checkEntityReferences(entity: LoadedEntity, index: RefIndex, byRef: ReadonlyMap<string, LoadedEntity>): Diagnostic[] {
  // Generated entities' refs come from GitHub, not from a file anyone could fix.
  if (entity.origin) return [];
  const diagnostics: Diagnostic[] = [];
  const fields = new Map(entity.kind.relationFields.map((f) => [f.field, f]));
  for (const r of entity.relations) {
    const place = { repo: entity.source.repo, path: entity.source.path, line: r.line, column: r.column };
    const field = fields.get(r.field)!;
    const target = byRef.get(r.target);
    if (!target) {
      const rule = r.field === 'owner' ? 'owner-not-found' : 'ref-not-found';
      const hint = suggest(r.target, index, field.targetKinds, entity.ref);
      const what = r.field === 'owner' ? 'The owner must be a Group or User in the catalog.' : 'The relation is kept, but leads nowhere.';
      diagnostics.push(
        makeDiagnostic(
          rule,
          place,
          `\`spec.${r.field}\` refers to ${r.target}, which is not in the catalog. ${what}${hint ? ` Did you mean ${hint}?` : " Check the name, kind and namespace (refs without a namespace use this entity's own)."}`,
          entity.ref,
        ),
      );
      continue;
    }
    if (!field.targetKinds.some((k) => k.toLowerCase() === target.kind.kind.toLowerCase())) {
      diagnostics.push(
        makeDiagnostic(
          'relation-target-kind',
          place,
          `\`spec.${r.field}\` refers to ${r.target}, a ${target.kind.kind}; it should be ${field.targetKinds.map((k) => `a ${k}`).join(' or ')}. Backstage accepts it, but pages and tools that follow this relation will not.`,
          entity.ref,
        ),
      );
    }
  }
  return diagnostics;
}

/** The most likely intended entity: same name elsewhere (other kind or namespace), or a near spelling. */
function suggest(ref: string, index: RefIndex, kinds: readonly string[], self: string): string | undefined {
  const { kind, namespace, name } = splitCanonicalRef(ref);
  // Never suggest the entity that holds the reference (`web` depending on a missing `resource:web`).
  const sameName = index.byName.get(name)?.filter((r) => r !== self);
  if (sameName?.length) {
    const preferred = sameName.find((r) => kinds.some((k) => splitCanonicalRef(r).kind === k.toLowerCase())) ?? sameName[0]!;
    return `\`${preferred}\``;
  }
  let best: { name: string; distance: number } | undefined;
  const limit = Math.max(2, Math.floor(name.length / 4));
  for (const candidate of index.byKindNamespace.get(`${kind}:${namespace}`) ?? []) {
    if (Math.abs(candidate.length - name.length) > limit || stringifyEntityRef({ kind, namespace, name: candidate }) === self) continue;
    const distance = editDistance(name, candidate);
    if (distance <= limit && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best && `\`${stringifyEntityRef({ kind, namespace, name: best.name })}\``;
}

export interface RefIndex {
  byName: Map<string, string[]>;
  /** `kind:namespace` → names, so near-spellings are searched among a handful, not the whole catalog. */
  byKindNamespace: Map<string, string[]>;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
