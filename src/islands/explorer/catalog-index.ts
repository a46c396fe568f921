/**
 * The catalog explorer's data: one compact JSON for the whole catalog,
 * fetched once by the explorer island, never inlined into pages. Repeated
 * strings (kinds, owners, systems, tags…) are stored once in dictionaries and
 * rows refer to them by index, which keeps 10,000 entities to a download of
 * a few hundred KB compressed.
 */

/** Everything the table and the facets show about one entity. */
export interface ExplorerEntity {
  ref: string;
  /** Base-relative page path. */
  path: string;
  name: string;
  /** Title or display name, when different from the name. */
  title?: string;
  kind: string;
  namespace: string;
  type?: string;
  lifecycle?: string;
  owner?: string;
  ownerName?: string;
  system?: string;
  systemName?: string;
  tags: string[];
  description?: string;
}

export const FACETS = ['kind', 'type', 'owner', 'lifecycle', 'system', 'namespace', 'tags'] as const;
export type Facet = (typeof FACETS)[number];

/** Columnar, dictionary-encoded form of ExplorerEntity[] (the JSON on the wire). */
export interface CatalogIndex {
  version: 1;
  /** Distinct strings; rows refer to them by position. */
  strings: string[];
  /** One row per entity: [ref, path, name, title, kind, namespace, type, lifecycle, owner, ownerName, system, systemName, description, tags]. -1 = absent. */
  rows: [number, number, number, number, number, number, number, number, number, number, number, number, number, number[]][];
}

/** Descriptions are for scanning a table, not reading: cut them so the index stays small. */
const MAX_DESCRIPTION = 200;

export function encodeCatalogIndex(entities: readonly ExplorerEntity[]): CatalogIndex {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (value: string | undefined): number => {
    if (value === undefined || value === '') return -1;
    let i = ids.get(value);
    if (i === undefined) {
      i = strings.length;
      strings.push(value);
      ids.set(value, i);
    }
    return i;
  };
  const rows = entities.map((e): CatalogIndex['rows'][number] => [
    id(e.ref),
    id(e.path),
    id(e.name),
    id(e.title),
    id(e.kind),
    id(e.namespace),
    id(e.type),
    id(e.lifecycle),
    id(e.owner),
    id(e.ownerName),
    id(e.system),
    id(e.systemName),
    id(truncate(e.description)),
    e.tags.map((t) => id(t)),
  ]);
  return { version: 1, strings, rows };
}

export function decodeCatalogIndex(index: CatalogIndex): ExplorerEntity[] {
  const s = (i: number) => (i < 0 ? undefined : index.strings[i]);
  return index.rows.map(([ref, path, name, title, kind, namespace, type, lifecycle, owner, ownerName, system, systemName, description, tags]) => {
    const entity: ExplorerEntity = { ref: s(ref)!, path: s(path)!, name: s(name)!, kind: s(kind)!, namespace: s(namespace)!, tags: tags.map((t) => s(t)!) };
    const optional = {
      title: s(title),
      type: s(type),
      lifecycle: s(lifecycle),
      owner: s(owner),
      ownerName: s(ownerName),
      system: s(system),
      systemName: s(systemName),
      description: s(description),
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) (entity as unknown as Record<string, string>)[key] = value;
    return entity;
  });
}

function truncate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DESCRIPTION ? `${flat.slice(0, MAX_DESCRIPTION - 1)}…` : flat;
}
