/**
 * Safe readers for an entity's `spec` (typed `Record<string, unknown>`: its
 * shape depends on the kind, and it comes from untrusted repo files).
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field (numbers and booleans are printed), or undefined. */
export function specString(spec: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = spec?.[key];
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A list of strings (a single string counts as a list of one). */
export function specStrings(spec: Record<string, unknown> | undefined, key: string): string[] {
  const value = spec?.[key];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

export function specRecord(spec: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined {
  const value = spec?.[key];
  return isRecord(value) ? value : undefined;
}

/** An API's definition as text: strings as they are, anything else as JSON. */
export function apiDefinitionText(spec: Record<string, unknown>): string | undefined {
  const definition = spec['definition'];
  if (definition === undefined || definition === null) return undefined;
  if (typeof definition === 'string') return definition;
  return JSON.stringify(definition, null, 2);
}

export interface TemplateStep {
  id?: string;
  name?: string;
  action?: string;
}

/** A Template's steps (id, name, action), skipping malformed items. */
export function templateSteps(spec: Record<string, unknown>): TemplateStep[] {
  const steps = spec['steps'];
  if (!Array.isArray(steps)) return [];
  return steps.filter(isRecord).map((step) => {
    const out: TemplateStep = {};
    const id = specString(step, 'id');
    const name = specString(step, 'name');
    const action = specString(step, 'action');
    if (id !== undefined) out.id = id;
    if (name !== undefined) out.name = name;
    if (action !== undefined) out.action = action;
    return out;
  });
}

/** Titles of a Template's parameter pages (`parameters` is an object or a list of them). */
export function templateParameterTitles(spec: Record<string, unknown>): string[] {
  const parameters = spec['parameters'];
  const pages = Array.isArray(parameters) ? parameters : parameters === undefined ? [] : [parameters];
  return pages.filter(isRecord).map((page, index) => specString(page, 'title') ?? `Step ${index + 1}`);
}
