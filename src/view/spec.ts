/**
 * What entity pages print from an entity's spec. The spec is typed by its
 * kind's schema (src/catalog-model/kinds), so these only decide what is worth
 * printing: blank text is not, and a Template parameter page's `title` is
 * free-form (the schema leaves the JSON Schema of a form open, as Backstage does).
 */
import type { EntitySpecs } from '../catalog-model/kinds/index.ts';
import type { EntityRecord } from '../entity-record/schema.ts';

/** `text` when it has something to print, else undefined. */
export function nonBlank(text: string | undefined): string | undefined {
  return text !== undefined && text.trim() !== '' ? text : undefined;
}

/** The profile of a Group or User (display name, email, picture), the kinds that have one. */
export function profileOf(entity: EntityRecord): EntitySpecs['User']['profile'] {
  return entity.kind === 'Group' || entity.kind === 'User' ? entity.spec.profile : undefined;
}

/** A Location's targets: `target`, then `targets`, blank ones left out. */
export function locationTargets(spec: EntitySpecs['Location']): string[] {
  return [spec.target, ...(spec.targets ?? [])].filter((target): target is string => nonBlank(target) !== undefined);
}

export interface TemplateStep {
  id?: string | undefined;
  name?: string | undefined;
  action?: string | undefined;
}

/** A Template's steps, with blank ids, names and actions left out. */
export function templateSteps(spec: EntitySpecs['Template']): TemplateStep[] {
  return spec.steps.map((step) => ({ id: nonBlank(step.id), name: nonBlank(step.name), action: nonBlank(step.action) }));
}

/** Titles of a Template's parameter pages (`parameters` is one page or a list of them); `Step <n>` for a page without one. */
export function templateParameterTitles(spec: EntitySpecs['Template']): string[] {
  const pages = spec.parameters === undefined ? [] : Array.isArray(spec.parameters) ? spec.parameters : [spec.parameters];
  return pages.map((page, index) => printable(page['title']) ?? `Step ${index + 1}`);
}

/** A free-form value as text: strings (when not blank), numbers and booleans. */
function printable(value: unknown): string | undefined {
  if (typeof value === 'string') return nonBlank(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
