/**
 * The search index stage: what each page exposes to Pagefind.
 *
 * In: an entity (with the title its page shows), an API definition page's entity, or a TechDocs
 * page with its site. Out: a PageIndex (filters, result metadata, weighted text), which
 * src/components/search/SearchIndexData.astro renders; src/pipeline/index-search.ts then builds
 * the index from the written HTML.
 */
export {
  apiDefinitionPageIndex,
  docsPageIndex,
  entityPageIndex,
  EXCLUDE_SELECTORS,
  FILTER_KEYS,
  humanOwner,
  humanSystem,
  PageIndexSchema,
  SEARCH_SECTIONS,
  SEARCH_WEIGHTS,
  sectionOf,
  type DocsPageInput,
  type EntityPageInput,
  type FilterKey,
  type PageIndex,
  type SearchSection,
  type WeightedText,
} from './page-index.ts';
