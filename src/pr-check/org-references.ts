/**
 * References from this repo's entities to the rest of the org: checked against the published
 * catalog with the graph's own check (src/graph/references.ts), so "not found", "wrong kind" and
 * "did you mean" read exactly as on the portal's diagnostics page after the nightly build.
 *
 * In: the repo's entities (as validated now), the published targets, and the refs this change
 * removes (they are still published, but will not be after the merge). Out: the diagnostics.
 */
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { checkEntityReferences, referenceIndex } from '../graph/references.ts';

export function checkOrgReferences(local: readonly LoadedEntity[], published: readonly LoadedEntity[], removed: ReadonlySet<string>): Diagnostic[] {
  // The org after the merge: what is published, less what this change removes, plus this repo as it is now.
  const byRef = new Map<string, LoadedEntity>();
  for (const entity of published) if (!removed.has(entity.ref)) byRef.set(entity.ref, entity);
  for (const entity of local) byRef.set(entity.ref, entity);
  const index = referenceIndex(byRef);
  return local.flatMap((entity) => checkEntityReferences(entity, index, byRef));
}
