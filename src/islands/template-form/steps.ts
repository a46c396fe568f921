/**
 * A template's `spec.parameters` → the form's steps, the way Backstage's scaffolder splits them
 * (read at backstage/backstage, commit 16c5967: `plugins/scaffolder-react/src/next/lib/schema.ts`
 * `extractSchemaFromStep`, and `next/hooks/useTemplateSchema.ts`):
 * - `parameters` is one JSON Schema object or a list of them; each is one step of the wizard;
 * - every `ui:*` key moves out of the JSON Schema into a parallel uiSchema, recursing through
 *   `properties` (by name), `items` (under `items`), and `anyOf`/`oneOf`/`allOf`/`dependencies`/
 *   `then`/`else` (merged into the uiSchema of the object that holds them);
 * - the step's `title` becomes the step heading and is removed from the schema rjsf draws.
 *
 * Pure: no React, no rjsf, so the template page (build time) and the form share it.
 */

export type JsonObject = Record<string, unknown>;
export type UiSchema = Record<string, unknown>;

export interface FormStep {
  /** Heading of the step (Backstage's fallback when a step has no title). */
  title: string;
  description?: string;
  /** The JSON Schema rjsf draws: no `ui:*` keys, no title. */
  schema: JsonObject;
  uiSchema: UiSchema;
  /** The step as written (with `ui:*` keys), for validation that needs both. */
  mergedSchema: JsonObject;
}

/** Backstage's own fallback title (`plugins/scaffolder-backend` template parameter schema). */
export const DEFAULT_STEP_TITLE = 'Please enter the following information';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of JSON data (template parameters come from YAML: plain JSON values). */
function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function extractUiSchema(schema: JsonObject, uiSchema: UiSchema): void {
  for (const key of Object.keys(schema)) {
    if (key.startsWith('ui:')) {
      uiSchema[key] = schema[key];
      delete schema[key];
    }
  }
  const { properties, items, anyOf, oneOf, allOf, dependencies, then, else: otherwise } = schema;
  if (isObject(properties)) {
    for (const [name, node] of Object.entries(properties)) {
      if (!isObject(node)) continue;
      if (!isObject(uiSchema[name])) uiSchema[name] = {};
      extractUiSchema(node, uiSchema[name] as UiSchema);
    }
  }
  if (isObject(items)) {
    const inner: UiSchema = {};
    uiSchema.items = inner;
    extractUiSchema(items, inner);
  }
  for (const list of [anyOf, oneOf, allOf]) {
    if (Array.isArray(list)) for (const node of list) if (isObject(node)) extractUiSchema(node, uiSchema);
  }
  if (isObject(dependencies)) for (const node of Object.values(dependencies)) if (isObject(node)) extractUiSchema(node, uiSchema);
  if (isObject(then)) extractUiSchema(then, uiSchema);
  if (isObject(otherwise)) extractUiSchema(otherwise, uiSchema);
}

/** Backstage's `extractSchemaFromStep`: the schema without `ui:*` keys and the uiSchema they form. */
export function extractSchemaFromStep(step: JsonObject): { schema: JsonObject; uiSchema: UiSchema } {
  const schema = cloneJson(step);
  const uiSchema: UiSchema = {};
  extractUiSchema(schema, uiSchema);
  return { schema, uiSchema };
}

/** `parameters` as written (object, list, or absent) → one entry per step, non-objects dropped. */
export function parameterSteps(parameters: unknown): JsonObject[] {
  const list = Array.isArray(parameters) ? parameters : parameters === undefined || parameters === null ? [] : [parameters];
  return list.filter(isObject);
}

export function templateSteps(parameters: unknown): FormStep[] {
  return parameterSteps(parameters).map((step) => {
    const { schema, uiSchema } = extractSchemaFromStep(step);
    const title = typeof schema.title === 'string' && schema.title.trim() !== '' ? schema.title : DEFAULT_STEP_TITLE;
    const description = typeof schema.description === 'string' ? schema.description : undefined;
    // The heading shows them; rjsf would draw them a second time.
    delete schema.title;
    delete schema.description;
    return { title, ...(description === undefined ? {} : { description }), schema, uiSchema, mergedSchema: step };
  });
}

/** The property names a step asks for, in the order the form shows them (`ui:order`, `*` = the rest). */
export function orderedProperties(step: FormStep): string[] {
  const names = isObject(step.schema.properties) ? Object.keys(step.schema.properties) : [];
  const order = step.uiSchema['ui:order'];
  if (!Array.isArray(order)) return names;
  const listed = order.filter((name): name is string => typeof name === 'string');
  const rest = names.filter((name) => !listed.includes(name));
  const result: string[] = [];
  for (const name of listed) {
    if (name === '*') result.push(...rest);
    else if (names.includes(name)) result.push(name);
  }
  if (!listed.includes('*')) result.push(...rest);
  return result;
}
