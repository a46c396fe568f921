/**
 * The entity page's sections: each rule of `section-rules.ts` (its id, which
 * entities it applies to, the display order) paired with the component that
 * renders it. Every section component takes the entity as its one prop and
 * reads anything else it needs from src/page-lookups/ itself.
 */
import type { EntityRecord } from '../../entity-record/schema.ts';
import ApiSummary from '../api/ApiSummary.astro';
import Scorecard from '../Scorecard.astro';
import AboutSection from './AboutSection.astro';
import GroupMembersSection from './GroupMembersSection.astro';
import InferredNotice from './InferredNotice.astro';
import LabelsAndAnnotationsSection from './LabelsAndAnnotationsSection.astro';
import LinksSection from './LinksSection.astro';
import LocationTargetsSection from './LocationTargetsSection.astro';
import OriginNote from './OriginNote.astro';
import OwnedSection from './OwnedSection.astro';
import PluginSections from '../plugins/PluginSections.astro';
import PartsSection from './PartsSection.astro';
import ProblemsNotice from './ProblemsNotice.astro';
import RelationsSection from './RelationsSection.astro';
import { SECTION_RULES, type SectionId, type SectionRule } from './section-rules.ts';
import SystemDiagramSection from './SystemDiagramSection.astro';
import TemplateSection from './TemplateSection.astro';
import UserGroupsSection from './UserGroupsSection.astro';

export type SectionComponent = (props: { entity: EntityRecord }) => unknown;

export interface EntitySection extends SectionRule {
  component: SectionComponent;
}

/** A record, not a list, so a rule without a component (or the reverse) fails the type check. */
const COMPONENTS: Record<SectionId, SectionComponent> = {
  inferred: InferredNotice,
  'github-origin': OriginNote,
  problems: ProblemsNotice,
  about: AboutSection,
  scorecard: Scorecard,
  'api-definition': ApiSummary,
  'group-members': GroupMembersSection,
  'user-groups': UserGroupsSection,
  owned: OwnedSection,
  'system-diagram': SystemDiagramSection,
  parts: PartsSection,
  'location-targets': LocationTargetsSection,
  template: TemplateSection,
  // One component for every plugin section the entity has (`plugin:<name>:<section>`), in config order.
  plugins: PluginSections,
  relations: RelationsSection,
  links: LinksSection,
  'labels-and-annotations': LabelsAndAnnotationsSection,
};

/** In display order. */
export const ENTITY_SECTIONS: readonly EntitySection[] = SECTION_RULES.map((rule) => ({ ...rule, component: COMPONENTS[rule.id] }));

/** The sections an entity's page shows, in display order. */
export function sectionsFor(entity: EntityRecord): EntitySection[] {
  return ENTITY_SECTIONS.filter((section) => section.appliesTo(entity));
}
