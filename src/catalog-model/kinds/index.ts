/**
 * The built-in kinds, looked up the way Backstage's processors are tried:
 * exact kind, then apiVersion. And the types of their specs, from their
 * schemas: what validation parsed is what the graph and the portal carry.
 */
import type { z } from 'zod';
import { ApiSpecSchema, apiKind } from './api.ts';
import { ComponentSpecSchema, componentKind } from './component.ts';
import { DomainSpecSchema, domainKind } from './domain.ts';
import { GroupSpecSchema, groupKind } from './group.ts';
import { LocationSpecSchema, locationKind } from './location.ts';
import { ResourceSpecSchema, resourceKind } from './resource.ts';
import { SystemSpecSchema, systemKind } from './system.ts';
import { TemplateSpecSchema, templateKind } from './template.ts';
import { UserSpecSchema, userKind } from './user.ts';

export type { KindDefinition } from './definition.ts';

export const builtinKinds = [componentKind, apiKind, resourceKind, systemKind, domainKind, groupKind, userKind, locationKind, templateKind] as const;

/** The definition of one of the built-in kinds. */
export type BuiltinKind = (typeof builtinKinds)[number];
/** A built-in kind's name as catalog files write it (case-sensitive): `Component`, `API`, … */
export type KindName = BuiltinKind['kind'];

const byKind = new Map<string, BuiltinKind>(builtinKinds.map((k) => [k.kind, k]));
const byLowerKind = new Map<string, BuiltinKind>(builtinKinds.map((k) => [k.kind.toLowerCase(), k]));

/** The kind definition Backstage would recognize for this document, if any (kind is case-sensitive). */
export function findKind(kind: string, apiVersion: string): BuiltinKind | undefined {
  const def = byKind.get(kind);
  return def && def.apiVersions.includes(apiVersion) ? def : undefined;
}

/** A built-in kind with the same name in another case (`component` → Component), for hints. */
export function kindByLowercase(kind: string): BuiltinKind | undefined {
  return byLowerKind.get(kind.toLowerCase());
}

/**
 * The spec of each kind's entities as the graph and the portal carry them:
 * what the kind's schema parsed. One exception: a Component Frontdoor infers
 * from a repo without a catalog file (src/catalog/generated) has an owner
 * only when CODEOWNERS names one; its scorecard says so when it does not.
 */
export const carriedSpecSchemas = {
  Component: ComponentSpecSchema.partial({ owner: true }),
  API: ApiSpecSchema,
  Resource: ResourceSpecSchema,
  System: SystemSpecSchema,
  Domain: DomainSpecSchema,
  Group: GroupSpecSchema,
  User: UserSpecSchema,
  Location: LocationSpecSchema,
  Template: TemplateSpecSchema,
} as const satisfies { [K in KindName]: z.ZodType };

/** Each kind's spec type. */
export type EntitySpecs = { [K in KindName]: z.output<(typeof carriedSpecSchemas)[K]> };

/** A kind and its spec, typed together: narrow on `kind` to read the spec's fields. */
export type KindWithSpec = { [K in KindName]: { kind: K; spec: EntitySpecs[K] } }[KindName];

/** `spec` parsed with its kind's schema: the kind and the parsed spec, or the schema's issues. */
export function parseSpec(def: BuiltinKind, spec: unknown): { success: true; data: KindWithSpec } | { success: false; error: z.ZodError } {
  const parsed = (def.spec as z.ZodType).safeParse(spec);
  if (!parsed.success) return { success: false, error: parsed.error };
  // The schema is def's own, so what it parsed is a spec of def.kind: the one pairing TypeScript cannot see.
  return { success: true, data: { kind: def.kind, spec: parsed.data } as KindWithSpec };
}
