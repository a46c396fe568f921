/**
 * Which sections an entity page shows, in display order: each section's id
 * and the rule that says which entities it applies to (Backstage's
 * `EntityCardBlueprint` filter). A rule is true exactly when its section has
 * something to show, so section components need not guard themselves.
 *
 * Kept apart from the components (paired with them in `sections.ts`) so the
 * rules run in unit tests, which cannot load `.astro` files.
 */
import type { EntityRecord } from '../../entity-record/schema.ts';

/** What the rules read of an entity; its spec never decides which sections show. */
export type SectionSubject = Pick<EntityRecord, 'kind' | 'origin' | 'diagnostics' | 'scorecard' | 'links' | 'labels' | 'annotations'>;

export interface SectionRule {
  /** Stable id, for tests and for reading the registry. */
  id: string;
  appliesTo(entity: SectionSubject): boolean;
}

/** True for entities of one of these kinds. */
export const isKind =
  (...kinds: readonly SectionSubject['kind'][]) =>
  (entity: SectionSubject): boolean =>
    kinds.includes(entity.kind);

const always = (): boolean => true;

export const SECTION_RULES = [
  { id: 'inferred', appliesTo: (entity) => entity.origin?.kind === 'inferred' },
  { id: 'github-origin', appliesTo: (entity) => entity.origin?.kind === 'github-team' || entity.origin?.kind === 'github-user' },
  { id: 'problems', appliesTo: (entity) => entity.diagnostics.length > 0 },
  { id: 'about', appliesTo: always },
  // Set by src/health for the kinds it has checks for; absent when scoring failed for the build.
  { id: 'scorecard', appliesTo: (entity) => entity.scorecard !== undefined },
  { id: 'api-definition', appliesTo: isKind('API') },
  { id: 'group-members', appliesTo: isKind('Group') },
  { id: 'user-groups', appliesTo: isKind('User') },
  { id: 'owned', appliesTo: isKind('Group', 'User') },
  { id: 'system-diagram', appliesTo: isKind('System', 'Domain') },
  { id: 'parts', appliesTo: isKind('System', 'Domain') },
  { id: 'location-targets', appliesTo: isKind('Location') },
  { id: 'template', appliesTo: isKind('Template') },
  { id: 'relations', appliesTo: always },
  { id: 'links', appliesTo: (entity) => entity.links.length > 0 },
  {
    id: 'labels-and-annotations',
    appliesTo: (entity) => Object.keys(entity.labels).length > 0 || Object.keys(entity.annotations).length > 0,
  },
] as const satisfies readonly SectionRule[];

export type SectionId = (typeof SECTION_RULES)[number]['id'];

/** The ids of the sections an entity's page shows, in display order. */
export function sectionIdsFor(entity: SectionSubject): SectionId[] {
  return SECTION_RULES.filter((rule) => rule.appliesTo(entity)).map((rule) => rule.id);
}
