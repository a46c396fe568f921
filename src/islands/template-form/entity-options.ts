/**
 * OwnerPicker / EntityPicker choices from the explorer's `catalog.json` instead of Backstage's
 * catalog API. Read at backstage/backstage: `plugins/scaffolder/src/components/fields/EntityPicker/
 * EntityPicker.tsx` (`buildCatalogFilter`, free-solo refs completed on blur, one option auto-picked)
 * and `.../OwnerPicker/schema.ts` (`allowedKinds` defaulting to Group and User, `defaultKind: Group`).
 *
 * A `catalogFilter` is a map of entity field → value (or list of values, any of which matches, or
 * `{ exists: true }`), all of which must match; a list of maps matches when any map does. Values
 * compare case-insensitively, as the catalog backend does. catalog.json carries kind, namespace,
 * name, title, spec.type, spec.lifecycle, spec.owner, spec.system and tags: a filter on anything
 * else cannot be applied here and is reported, so the form can say its list may be too long.
 */
import type { ExplorerEntity } from '../explorer/catalog-index.ts';
import { isObject } from './steps.ts';

export interface EntityOption {
  /** The value stored in the form: `kind:namespace/name`. */
  ref: string;
  label: string;
}

export interface EntityPickerModel {
  options: EntityOption[];
  /** Filter keys catalog.json cannot answer; the options ignore them. */
  ignoredFilterKeys: string[];
  /** Backstage's default: true, the user may type any ref. */
  allowArbitraryValues: boolean;
  defaultKind?: string;
  defaultNamespace?: string;
}

type FilterValue = string | string[] | { exists?: boolean };
type Filter = Record<string, FilterValue>;

const FIELD_READERS: Record<string, (e: ExplorerEntity) => string | string[] | undefined> = {
  kind: (e) => e.kind,
  'metadata.name': (e) => e.name,
  'metadata.namespace': (e) => e.namespace,
  'metadata.title': (e) => e.title,
  'metadata.tags': (e) => e.tags,
  'spec.type': (e) => e.type,
  'spec.lifecycle': (e) => e.lifecycle,
  // catalog.json has the owner and system as full refs; a filter may name them either way.
  'spec.owner': (e) => (e.owner ? [e.owner, e.owner.slice(e.owner.indexOf('/') + 1)] : undefined),
  'spec.system': (e) => (e.system ? [e.system, e.system.slice(e.system.indexOf('/') + 1)] : undefined),
};

function filtersFrom(uiOptions: Record<string, unknown>, fallbackKinds?: string[]): Filter[] | undefined {
  const { catalogFilter, allowedKinds } = uiOptions;
  if (Array.isArray(catalogFilter)) return catalogFilter.filter(isObject) as Filter[];
  if (isObject(catalogFilter)) return [catalogFilter as Filter];
  const kinds = Array.isArray(allowedKinds) ? allowedKinds.filter((k): k is string => typeof k === 'string') : fallbackKinds;
  return kinds ? [{ kind: kinds }] : undefined;
}

function matches(entity: ExplorerEntity, filter: Filter, ignored: Set<string>): boolean {
  return Object.entries(filter).every(([key, expected]) => {
    const read = FIELD_READERS[key];
    if (!read) {
      ignored.add(key);
      return true;
    }
    const actual = read(entity);
    const values = (Array.isArray(actual) ? actual : actual === undefined ? [] : [actual]).map((v) => v.toLowerCase());
    if (isObject(expected)) return expected.exists === false ? values.length === 0 : values.length > 0;
    const wanted = (Array.isArray(expected) ? expected : [expected]).map((v) => String(v).toLowerCase());
    return wanted.some((w) => values.includes(w));
  });
}

/** Backstage's `humanizeEntityRef`: the kind and namespace left out when they are the defaults. */
export function humanizeEntityRef(
  ref: { kind: string; namespace: string; name: string },
  defaults: { defaultKind?: string; defaultNamespace?: string },
): string {
  const kind = ref.kind.toLowerCase();
  const namespace = ref.namespace.toLowerCase();
  const showKind = !defaults.defaultKind || defaults.defaultKind.toLowerCase() !== kind;
  const showNamespace = namespace !== (defaults.defaultNamespace ?? 'default').toLowerCase();
  return `${showKind ? `${kind}:` : ''}${showNamespace ? `${namespace}/` : ''}${ref.name}`;
}

function pickerOptions(uiOptions: unknown, owner: boolean): { options: Record<string, unknown>; fallbackKinds?: string[] } {
  const options = isObject(uiOptions) ? uiOptions : {};
  // OwnerPicker is an EntityPicker over groups and users whose bare names mean groups.
  return owner ? { options: { defaultKind: 'Group', ...options }, fallbackKinds: ['Group', 'User'] } : { options };
}

export function entityPickerModel(entities: readonly ExplorerEntity[], field: 'OwnerPicker' | 'EntityPicker', uiOptions: unknown): EntityPickerModel {
  const { options, fallbackKinds } = pickerOptions(uiOptions, field === 'OwnerPicker');
  const defaultKind = typeof options.defaultKind === 'string' ? options.defaultKind : undefined;
  const defaultNamespace = typeof options.defaultNamespace === 'string' ? options.defaultNamespace : undefined;
  const filters = filtersFrom(options, fallbackKinds);
  const ignored = new Set<string>();
  const chosen = filters ? entities.filter((e) => filters.some((f) => matches(e, f, ignored))) : entities;
  const defaults = { ...(defaultKind ? { defaultKind } : {}), ...(defaultNamespace ? { defaultNamespace } : {}) };
  const list = chosen
    .map((e) => {
      const short = humanizeEntityRef(e, defaults);
      return { ref: e.ref, label: e.title ? `${e.title} (${short})` : short };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  return {
    options: list,
    ignoredFilterKeys: [...ignored],
    allowArbitraryValues: options.allowArbitraryValues !== false,
    ...defaults,
  };
}

/**
 * What the user typed → a full ref, as Backstage completes a free-typed value on blur:
 * `team-a` → `group:default/team-a` with defaultKind Group. Kind and namespace are lowercased
 * (Backstage's `stringifyEntityRef`); a value that is not a ref stays as typed.
 */
export function completeEntityRef(input: string, defaults: { defaultKind?: string; defaultNamespace?: string }): string {
  const value = input.trim();
  if (value === '') return value;
  let colon = value.indexOf(':');
  const slash = value.indexOf('/');
  if (slash !== -1 && slash < colon) colon = -1;
  const kind = colon === -1 ? defaults.defaultKind : value.slice(0, colon);
  const namespace = slash === -1 ? (defaults.defaultNamespace ?? 'default') : value.slice(colon + 1, slash);
  const name = value.slice(Math.max(colon + 1, slash + 1));
  if (!kind || !namespace || !name) return value;
  return `${kind.toLowerCase()}:${namespace.toLowerCase()}/${name}`;
}

/** The option a stored value stands for (refs compare case-insensitively). */
export function findOption(options: readonly EntityOption[], value: unknown): EntityOption | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const wanted = value.toLowerCase();
  return options.find((o) => o.ref.toLowerCase() === wanted);
}
