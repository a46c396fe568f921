/**
 * The one rule for "has documentation", decided here once per entity: the
 * scorecard's "Has documentation" check, the entity page's Docs button and
 * the health page's counts all read the `docs` it returns, so none of them
 * can say "no docs" while another links to them.
 *
 * An entity has docs when the build rendered them: its TechDocs site, or its
 * README as a single page (src/docs). An API with neither is documented by
 * its definition page when the definition parsed, since that page then shows
 * its operations and types; a definition that does not parse is shown there
 * as source only, and the "API definition is valid" check reports it.
 */
import type { ParsedApi } from '../api-docs/index.ts';
import { ANNOTATION_TECHDOCS_REF } from '../catalog-model/annotations.ts';
import { apiDefinitionPath } from '../catalog-model/refs.ts';
import type { EntityDocs } from '../entity-record/schema.ts';

export interface DocsFacts {
  /** The entity page's base-relative path (`catalog/<namespace>/<kind>/<name>/`). */
  path: string;
  annotations: Readonly<Record<string, string>>;
  /** Base-relative path of the docs the docs stage rendered and kept for it, if any. */
  renderedDocsPath: string | undefined;
  /** For an API: its definition as the build read it (undefined when it has none). */
  parsedDefinition?: ParsedApi | undefined;
}

export function docsOf(entity: DocsFacts): EntityDocs | undefined {
  if (entity.renderedDocsPath !== undefined) {
    // The docs stage builds a TechDocs site for an entity with techdocs-ref, and otherwise only its README.
    return { path: entity.renderedDocsPath, from: entity.annotations[ANNOTATION_TECHDOCS_REF] !== undefined ? 'techdocs' : 'readme' };
  }
  if (entity.parsedDefinition?.ok) return { path: apiDefinitionPath(entity.path), from: 'api-definition' };
  return undefined;
}
