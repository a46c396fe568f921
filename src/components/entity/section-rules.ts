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
export type SectionSubject = Pick<EntityRecord, 'kind' | 'origin' | 'diagnostics' | 'scorecard' | 'links' | 'labels' | 'annotations'> &
  Partial<Pick<EntityRecord, 'plugins'>>;

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
  // Integrations (src/plugins): stands for one section per plugin section the entity has data for,
  // `plugin:<name>:<section>` (pluginSectionIdsOf), in config order.
  { id: 'plugins', appliesTo: (entity) => (entity.plugins?.length ?? 0) > 0 },
  { id: 'relations', appliesTo: always },
  { id: 'links', appliesTo: (entity) => entity.links.length > 0 },
  {
    id: 'labels-and-annotations',
    appliesTo: (entity) => Object.keys(entity.labels).length > 0 || Object.keys(entity.annotations).length > 0,
  },
] as const satisfies readonly SectionRule[];

export type SectionId = (typeof SECTION_RULES)[number]['id'];

/** The ids of the sections an entity's page shows, in display order; `plugins` expands to the plugin sections. */
export function sectionIdsFor(entity: SectionSubject): string[] {
  return SECTION_RULES.filter((rule) => rule.appliesTo(entity)).flatMap((rule) => (rule.id === 'plugins' ? pluginSectionIdsOf(entity) : [rule.id]));
}

/**
 * The plugin sections an entity's page shows, `plugin:<name>:<section>`: those of the plugins that
 * returned data for it (or tried to: a failed read shows "unavailable"), as the build attached them.
 */
export function pluginSectionIdsOf(entity: Pick<SectionSubject, 'plugins'>): string[] {
  return (entity.plugins ?? []).map((section) => section.id);
}
