/**
 * What each indexed page tells Pagefind (issue 11), decided in one place for the three page types
 * the search covers: entity pages (every kind), API definition pages and TechDocs pages.
 *
 * - filters: the search's chips and query prefixes (`kind:api`, `owner:team-payments`), with the
 *   values users see, so a chip reads like the page it filters;
 * - meta: what a result shows (title, kind, owner, description; for docs, the entity and the site);
 * - weighted: text indexed with a weight (Pagefind's `data-pagefind-weight`, body text is 1), so an
 *   entity's own page outranks every page that merely mentions it.
 *
 * Pure: src/components/search/SearchIndexData.astro renders the result as attributes.
 */
import { z } from 'zod';
import { kindByLowercase } from '../catalog-model/kinds/index.ts';
import { splitCanonicalRef } from '../catalog-model/refs.ts';
import type { EntitySummary } from '../entity-record/schema.ts';
import { humanizeRef } from '../view/refs.ts';

/** The `section` filter's values: where a result lives, in the order chips show them. */
export const SEARCH_SECTIONS = ['Catalog', 'Docs', 'API', 'Template', 'People'] as const;
export type SearchSection = (typeof SEARCH_SECTIONS)[number];

/** The `data-pagefind-filter` keys, in the order chips show them. `docs` is on TechDocs pages only (the scoped docs search). */
export const FILTER_KEYS = ['section', 'kind', 'type', 'lifecycle', 'owner', 'system', 'namespace', 'tag', 'docs'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * Left out of every indexed page, whatever renders it: the docs renderer's `¶` permalink after each
 * heading (src/docs/markdown/headings.ts), which would end every sub-result title and excerpt heading.
 */
export const EXCLUDE_SELECTORS = ['.headerlink'] as const;

/**
 * Pagefind's weights: body text is 1, headings 7 (h1) down to 2 (h6). An entity's identity outranks
 * any heading that mentions it; its tags and owner outrank prose; its description a little.
 */
export const SEARCH_WEIGHTS = { identity: 10, facet: 5, description: 2, body: 1 } as const;

export const PageIndexSchema = z.object({
  /** Filter key → its values on this page (a tag filter has one value per tag). Keys without a value are left out. */
  filters: z.partialRecord(z.enum(FILTER_KEYS), z.array(z.string())),
  /**
   * Result metadata, absent values left out. Every page: `title`, `kind`, `owner`, `section`. Entity pages:
   * `ref`, `name`, `description`. Docs and API definition pages: `entity` (the entity's title); docs: `site`.
   */
  meta: z.record(z.string(), z.string()),
  /** Text to index with a weight; the page shows it elsewhere, so it is indexed here once and hidden. */
  weighted: z.array(z.object({ text: z.string(), weight: z.number().min(0).max(10) })),
});
export type PageIndex = z.infer<typeof PageIndexSchema>;
export type WeightedText = PageIndex['weighted'][number];

/** An entity and the title its page shows (`displayName`: title, else a person's or team's display name, else name). */
export interface EntityPageInput {
  entity: EntitySummary;
  displayTitle: string;
  /** A User's or Group's profile email, found by typing the address or its name part. */
  email?: string | undefined;
}

export interface DocsPageInput {
  /** The page's own title. */
  pageTitle: string;
  site: { siteName: string; entityRef: string; entityTitle: string };
  /** The entity the docs belong to; when the catalog lacks it, what the site's ref says is used. */
  entity?: EntitySummary | undefined;
}

/** Where an entity's page lives in the search: its kind decides. */
export function sectionOf(kind: string): SearchSection {
  switch (kind.toLowerCase()) {
    case 'api':
      return 'API';
    case 'group':
    case 'user':
      return 'People';
    case 'template':
      return 'Template';
    default:
      return 'Catalog';
  }
}

/** An owner as the portal prints it (humanizeRef): `team-payments`; `other/team-x` or `user:jane` off the default namespace or kind. */
export const humanOwner = (ref: string): string => humanizeRef(ref, 'group');
export const humanSystem = (ref: string): string => humanizeRef(ref, 'system');

/** Repo text may hold newlines and runs of spaces; Pagefind collapses them too, so values match what it stores. */
function clean(text: string | undefined): string | undefined {
  const cleaned = text?.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : undefined;
}

function uniqueClean(values: readonly string[]): string[] {
  return [...new Set(values.map(clean).filter((value): value is string => value !== undefined))];
}

/** Drops absent and blank values, so no empty chip or empty meta field appears. */
function compactRecord<V>(entries: [string, V | undefined][]): Record<string, V> {
  return Object.fromEntries(entries.filter((entry): entry is [string, V] => entry[1] !== undefined));
}

function entityFilters(entity: EntitySummary, section: SearchSection): PageIndex['filters'] {
  const single = (value: string | undefined): string[] | undefined => {
    const cleaned = clean(value);
    return cleaned === undefined ? undefined : [cleaned];
  };
  const tags = uniqueClean(entity.tags);
  return compactRecord<string[]>([
    ['section', [section]],
    ['kind', single(entity.kind)],
    ['type', single(entity.type)],
    ['lifecycle', single(entity.lifecycle)],
    ['owner', single(entity.owner && humanOwner(entity.owner))],
    ['system', single(entity.system && humanSystem(entity.system))],
    ['namespace', single(entity.namespace)],
    ['tag', tags.length > 0 ? tags : undefined],
  ]);
}

/**
 * Pagefind 1.6 searches metadata too: every field holding a query word adds to the page's score. So
 * the entity's name, ref and description are metadata of its own page only; a docs or definition page
 * carrying them would rank with the entity page for its name (measured on the demo: "trip-gateway"
 * found its README page first). Those pages name their entity in `entity`, and docs pages carry its
 * ref in the `docs` filter.
 */
function resultMeta(
  entity: EntitySummary,
  fields: { title: string; section: SearchSection; identity?: boolean; entity?: string; site?: string },
): Record<string, string> {
  const entries: [string, string | undefined][] = [
    ['title', fields.title],
    ['ref', fields.identity ? entity.ref : undefined],
    ['name', fields.identity ? entity.name : undefined],
    ['kind', entity.kind],
    ['owner', entity.owner && humanOwner(entity.owner)],
    ['description', fields.identity ? entity.description : undefined],
    ['entity', fields.entity],
    ['site', fields.site],
    ['section', fields.section],
  ];
  return compactRecord<string>(entries.map(([key, value]) => [key, clean(value)]));
}

/**
 * An entity's page: found by its name, title and ref first, then by its tags and owner, then by its
 * description. This is all an entity page indexes (its block is the page's `data-pagefind-body`): the
 * rest of the page repeats these facts in tables (the About card's glued label-value pairs), lists
 * relations (found on their own pages), or holds build diagnostics and annotation keys, which the
 * health page lists. Indexing them tripled the index's words per entity page and, with Pagefind's
 * fixed-size index chunks, the bytes each typed word downloads.
 */
export function entityPageIndex({ entity, displayTitle, email }: EntityPageInput): PageIndex {
  const section = sectionOf(entity.kind);
  const title = clean(displayTitle) ?? entity.name;
  const identity = [...new Map([title, entity.name, entity.ref].map((text) => [text.toLowerCase(), text])).values()];
  const facets = uniqueClean([...entity.tags, ...(entity.owner ? [humanOwner(entity.owner)] : [])]);
  const description = clean(entity.description);
  // Said in words, not only as filters, so a query like "deprecated" or a system's name finds the page too.
  const facts = uniqueClean([entity.kind, entity.type ?? '', entity.lifecycle ?? '', entity.system ? humanSystem(entity.system) : '', email ?? '']);
  return {
    filters: entityFilters(entity, section),
    meta: resultMeta(entity, { title, section, identity: true }),
    weighted: [
      ...identity.map((text) => ({ text, weight: SEARCH_WEIGHTS.identity })),
      ...facets.map((text) => ({ text, weight: SEARCH_WEIGHTS.facet })),
      ...(description ? [{ text: description, weight: SEARCH_WEIGHTS.description }] : []),
      ...facts.map((text) => ({ text, weight: SEARCH_WEIGHTS.body })),
    ],
  };
}

/**
 * An API's definition page: in the API section, with the API's filters, titled "<API> definition".
 * Its own headings and operations carry it; it does not repeat the API's identity, so the API's
 * entity page stays first for the API's name.
 */
export function apiDefinitionPageIndex({ entity, displayTitle }: EntityPageInput): PageIndex {
  const entityTitle = clean(displayTitle) ?? entity.name;
  return {
    filters: entityFilters(entity, 'API'),
    meta: resultMeta(entity, { title: `${entityTitle} definition`, section: 'API', entity: entityTitle }),
    weighted: [],
  };
}

/** The catalog fields a docs page takes from its site's ref when the catalog has no such entity. */
function entityFromRef(ref: string, title: string): EntitySummary {
  const { kind, namespace, name } = splitCanonicalRef(ref);
  return { ref, kind: kindByLowercase(kind)?.kind ?? kind, namespace, name, title, tags: [], path: '' };
}

/**
 * A TechDocs page: one result per page (Pagefind gives its headings as sub-results), in the Docs
 * section, filtered by the entity it documents (`docs` = that entity's ref, for the scoped search)
 * and by that entity's kind, owner, tags and so on.
 */
export function docsPageIndex({ pageTitle, site, entity }: DocsPageInput): PageIndex {
  const documented = entity ?? entityFromRef(site.entityRef, site.entityTitle);
  const entityTitle = clean(site.entityTitle) ?? documented.name;
  return {
    filters: { ...entityFilters(documented, 'Docs'), docs: [site.entityRef.toLowerCase()] },
    meta: resultMeta(documented, { title: clean(pageTitle) ?? entityTitle, section: 'Docs', entity: entityTitle, site: site.siteName }),
    weighted: [],
  };
}
