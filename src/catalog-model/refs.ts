/**
 * Entity references, parsed exactly like Backstage's `parseEntityRef`
 * (`packages/catalog-model/src/entity/ref.ts`): `[<kind>:][<namespace>/]<name>`,
 * the first `:` and the first `/` split, a `:` after the first `/` belongs to
 * the name. Refs compare case-insensitively, through their lowercase
 * `kind:namespace/name` string.
 */

export const DEFAULT_NAMESPACE = 'default';

export interface CompoundRef {
  kind: string;
  namespace: string;
  name: string;
}

export interface RefContext {
  /** Kind used when the ref names none (e.g. `Group` for `owner`); none for `dependsOn`. */
  defaultKind?: string | undefined;
  /** Backstage uses the *source entity's* namespace, not `default`. */
  defaultNamespace?: string | undefined;
}

export class EntityRefError extends Error {
  override name = 'EntityRefError';
}

function splitRef(ref: string): { kind?: string; namespace?: string; name: string } {
  let colon = ref.indexOf(':');
  const slash = ref.indexOf('/');
  if (slash !== -1 && slash < colon) colon = -1;
  const kind = colon === -1 ? undefined : ref.slice(0, colon);
  const namespace = slash === -1 ? undefined : ref.slice(colon + 1, slash);
  const name = ref.slice(Math.max(colon + 1, slash + 1));
  if (kind === '' || namespace === '' || name === '') {
    throw new EntityRefError(`"${ref}" is not of the form [<kind>:][<namespace>/]<name>: one of its parts is empty`);
  }
  return { name, ...(kind === undefined ? {} : { kind }), ...(namespace === undefined ? {} : { namespace }) };
}

/**
 * Parse a ref the way Backstage's relation emitters do. Accepts the object form
 * `{kind?, namespace?, name}` too, because `spec.dependencyOf` is not schema
 * checked and Backstage passes its raw values through.
 */
export function parseEntityRef(ref: unknown, context: RefContext = {}): CompoundRef {
  if (!ref) throw new EntityRefError('an entity reference must not be empty');
  const defaultNamespace = context.defaultNamespace || DEFAULT_NAMESPACE;
  let parts: { kind?: unknown; namespace?: unknown; name?: unknown };
  if (typeof ref === 'string') parts = splitRef(ref);
  else if (typeof ref === 'object') parts = ref;
  else parts = {};
  const kind = parts.kind ?? context.defaultKind;
  const namespace = parts.namespace ?? defaultNamespace;
  const name = parts.name;
  const shown = typeof ref === 'string' ? `"${ref}"` : JSON.stringify(ref);
  if (!kind || typeof kind !== 'string') {
    throw new EntityRefError(
      `${shown} names no kind; this field has no default kind, so write it as \`kind:name\` (for example \`component:${typeof ref === 'string' ? ref : 'my-service'}\` or \`resource:${typeof ref === 'string' ? ref : 'my-database'}\`)`,
    );
  }
  if (!namespace || typeof namespace !== 'string') throw new EntityRefError(`${shown} has an empty namespace`);
  if (!name || typeof name !== 'string') throw new EntityRefError(`${shown} has an empty name`);
  return { kind, namespace, name };
}

/** The canonical lowercase form, `kind:namespace/name`: an entity's identity. */
export function stringifyEntityRef(ref: { kind: string; namespace?: string | undefined; name: string }): string {
  return `${ref.kind.toLowerCase()}:${(ref.namespace ?? DEFAULT_NAMESPACE).toLowerCase()}/${ref.name.toLowerCase()}`;
}

/**
 * Split a canonical ref produced by `stringifyEntityRef` back into its parts:
 * for the refs the portal data, graph and diagnostics carry. A ref as written
 * in a catalog file goes through `parseEntityRef` instead.
 */
export function splitCanonicalRef(ref: string): CompoundRef {
  const colon = ref.indexOf(':');
  const slash = ref.indexOf('/', colon + 1);
  return { kind: ref.slice(0, colon), namespace: ref.slice(colon + 1, slash), name: ref.slice(slash + 1) };
}

/** Base-relative page path of an entity, Backstage's URL shape: `catalog/<namespace>/<kind>/<name>/`. */
export function entityPagePath(ref: string): string {
  const { kind, namespace, name } = splitCanonicalRef(ref);
  return `catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(kind)}/${encodeURIComponent(name)}/`;
}

/** Base-relative path of an API's definition page, below its entity page: `catalog/<namespace>/api/<name>/definition/`. */
export function apiDefinitionPath(entityPath: string): string {
  return `${entityPath}definition/`;
}
