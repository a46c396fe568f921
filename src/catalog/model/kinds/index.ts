/** The built-in kinds, looked up the way Backstage's processors are tried: exact kind, then apiVersion. */
import { apiKind } from './api.ts';
import { componentKind } from './component.ts';
import type { KindDefinition } from './definition.ts';
import { domainKind } from './domain.ts';
import { groupKind } from './group.ts';
import { locationKind } from './location.ts';
import { resourceKind } from './resource.ts';
import { systemKind } from './system.ts';
import { templateKind } from './template.ts';
import { userKind } from './user.ts';

export type { KindDefinition } from './definition.ts';

export const builtinKinds: readonly KindDefinition[] = [
  componentKind,
  apiKind,
  resourceKind,
  systemKind,
  domainKind,
  groupKind,
  userKind,
  locationKind,
  templateKind,
];

const byKind = new Map(builtinKinds.map((k) => [k.kind, k]));
const byLowerKind = new Map(builtinKinds.map((k) => [k.kind.toLowerCase(), k]));

/** The kind definition Backstage would recognize for this document, if any (kind is case-sensitive). */
export function findKind(kind: string, apiVersion: string): KindDefinition | undefined {
  const def = byKind.get(kind);
  return def && def.apiVersions.includes(apiVersion) ? def : undefined;
}

/** A built-in kind with the same name in another case (`component` → Component), for hints. */
export function kindByLowercase(kind: string): KindDefinition | undefined {
  return byLowerKind.get(kind.toLowerCase());
}
