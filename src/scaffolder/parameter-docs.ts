/**
 * A template's `spec.parameters` as documentation: every form step with its title, and each field's
 * title, description, type, default, required, allowed values, pattern and `ui:` hints, the way
 * Backstage's scaffolder form reads them (one JSON Schema object, or a list of them, one per step).
 */
import type { ParameterField, ParameterStep } from './page-schema.ts';
import { isSupportedUiField } from './ui-fields.ts';

/**
 * The `ui:field`s the form has an equivalent for (the form island's custom fields); any other is
 * shown as a plain text field, and the template page says so.
 */

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);
const json = (v: unknown) => JSON.stringify(v);

/** The form's steps: `parameters` is one schema (one step) or a list of them. */
export function parameterSteps(parameters: unknown): Schema[] {
  if (Array.isArray(parameters)) return parameters.filter(isObject);
  return isObject(parameters) && Object.keys(parameters).length > 0 ? [parameters] : [];
}

export function documentParameters(parameters: unknown): ParameterStep[] {
  return parameterSteps(parameters).map((step, index) => ({
    title: typeof step['title'] === 'string' && step['title'].trim() ? step['title'] : `Step ${index + 1}`,
    ...(typeof step['description'] === 'string' ? { description: step['description'] } : {}),
    fields: fieldsOf(step, ''),
    conditional: ['dependencies', 'oneOf', 'anyOf', 'allOf', 'if'].some((key) => key in step),
  }));
}

function fieldsOf(schema: Schema, prefix: string): ParameterField[] {
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  const required = new Set(Array.isArray(schema['required']) ? schema['required'].filter((r) => typeof r === 'string') : []);
  return Object.entries(properties).flatMap(([key, value]) => {
    if (!isObject(value)) return [];
    const name = `${prefix}${key}`;
    const field = describeField(name, value, required.has(key));
    // An object field without a custom widget is a group of fields: list its own fields after it.
    const nested = value['type'] === 'object' && !value['ui:field'] && isObject(value['properties']) ? fieldsOf(value, `${name}.`) : [];
    return [field, ...nested];
  });
}

function describeField(name: string, schema: Schema, required: boolean): ParameterField {
  const type = Array.isArray(schema['type']) ? schema['type'].join(' | ') : typeof schema['type'] === 'string' ? schema['type'] : '—';
  const uiField = typeof schema['ui:field'] === 'string' ? schema['ui:field'] : undefined;
  return {
    name,
    ...(typeof schema['title'] === 'string' ? { title: schema['title'] } : {}),
    ...(typeof schema['description'] === 'string' ? { description: schema['description'] } : {}),
    type,
    ...('default' in schema ? { default: json(schema['default']) } : {}),
    required,
    ...enumOf(schema),
    ...(typeof schema['pattern'] === 'string' ? { pattern: schema['pattern'] } : {}),
    constraints: constraintsOf(schema),
    ui: Object.entries(schema)
      .filter(([key]) => key.startsWith('ui:'))
      .map(([key, value]) => ({ key, value: json(value) })),
    ...(uiField && !isSupportedUiField(uiField) ? { unknownField: uiField } : {}),
  };
}

function enumOf(schema: Schema): Pick<ParameterField, 'enum'> {
  // An array of choices keeps them in `items.enum` (a multi-select).
  const source = Array.isArray(schema['enum']) ? schema : isObject(schema['items']) && Array.isArray(schema['items']['enum']) ? schema['items'] : undefined;
  if (!source) return {};
  const names = Array.isArray(source['enumNames']) ? source['enumNames'] : Array.isArray(schema['enumNames']) ? schema['enumNames'] : [];
  const values = source['enum'] as unknown[];
  return {
    enum: values.map((value, i) => ({
      value: typeof value === 'string' ? value : json(value),
      ...(typeof names[i] === 'string' ? { label: names[i] } : {}),
    })),
  };
}

const CONSTRAINTS = ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'format', 'const'];

function constraintsOf(schema: Schema): string[] {
  const list = CONSTRAINTS.filter((key) => key in schema).map((key) => `${key} ${typeof schema[key] === 'string' ? schema[key] : json(schema[key])}`);
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) list.push(`examples ${schema['examples'].map(json).join(', ')}`);
  if (schema['uniqueItems'] === true) list.push('uniqueItems');
  return list;
}

/** The `ui:field`s of all steps that the form shows as plain text fields, each once. */
export function unknownFieldsOf(steps: readonly ParameterStep[]): string[] {
  return [...new Set(steps.flatMap((s) => s.fields.flatMap((f) => (f.unknownField ? [f.unknownField] : []))))].sort();
}
