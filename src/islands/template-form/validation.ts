/**
 * Validation messages people can act on. Two sources, as in Backstage's stepper:
 * - JSON Schema errors from rjsf's ajv validator, reworded here (ajv says `must match pattern
 *   "^[a-z]…$"`; the form says what to type and shows the field's `ui:help`);
 * - the custom fields' own checks (Backstage's `createAsyncValidators` runs a validator per
 *   `ui:field`): RepoUrlPicker's location, EntityNamePicker's name rule, and a picker that does not
 *   allow arbitrary values.
 *
 * The form announces the result in one live region and moves focus to the first invalid field,
 * so every error carries the field's DOM id (rjsf's `root_<property>` ids).
 */
import { entityPickerModel, findOption } from './entity-options.ts';
import type { ExplorerEntity } from '../explorer/catalog-index.ts';
import { repoUrlErrors, repoUrlOptions } from './repo-url.ts';
import { isObject, orderedProperties, type FormStep } from './steps.ts';

/** The subset of rjsf's RJSFValidationError this module reads and writes. */
export interface SchemaError {
  name?: string;
  property?: string;
  message?: string;
  params?: Record<string, unknown>;
  stack: string;
}

export interface FieldError {
  /** Top-level property name (`name`), or the dotted path for nested ones (`a.b`). */
  property: string;
  /** The DOM id rjsf gives the field's input. */
  id: string;
  label: string;
  message: string;
}

/** rjsf's `.a.b` / `.list.0` → `a.b` / `list.0`. */
export function propertyPath(property: string | undefined): string {
  return (property ?? '').replace(/^\./, '').replace(/\['([^']*)'\]/g, '.$1');
}

/** rjsf's default ids: `root` plus each path segment, joined with `_`. */
export function fieldId(path: string): string {
  return path === '' ? 'root' : `root_${path.split('.').join('_')}`;
}

function propertySchema(step: FormStep, path: string): Record<string, unknown> | undefined {
  let node: unknown = step.schema;
  for (const segment of path.split('.')) {
    if (!isObject(node)) return undefined;
    if (isObject(node.properties) && isObject(node.properties[segment])) node = node.properties[segment];
    else if (isObject(node.items)) node = node.items;
    else return undefined;
  }
  return isObject(node) ? node : undefined;
}

function uiFor(step: FormStep, path: string): Record<string, unknown> {
  let node: unknown = step.uiSchema;
  for (const segment of path.split('.')) node = isObject(node) ? (node[segment] ?? node.items) : undefined;
  return isObject(node) ? node : {};
}

export function fieldLabel(step: FormStep, path: string): string {
  const schema = propertySchema(step, path);
  return typeof schema?.title === 'string' && schema.title !== '' ? schema.title : (path.split('.').pop() ?? path);
}

/** One JSON Schema error → a sentence for the person filling the form. */
export function describeSchemaError(error: SchemaError, step: FormStep): string {
  const path = propertyPath(error.property);
  const params = error.params ?? {};
  const help = uiFor(step, path)['ui:help'];
  const hint = typeof help === 'string' && help !== '' ? ` (${help})` : '';
  switch (error.name) {
    case 'required':
      return 'Required';
    case 'pattern':
      return `Does not match the expected format \`${String(params.pattern)}\`${hint}`;
    case 'minLength':
      return `At least ${String(params.limit)} character${params.limit === 1 ? '' : 's'}`;
    case 'maxLength':
      return `At most ${String(params.limit)} characters`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `Must be ${String(params.comparison)} ${String(params.limit)}`;
    case 'enum':
      return 'Choose one of the listed values';
    case 'type':
      return `Must be a ${String(params.type)}`;
    case 'format':
      return `Must be a valid ${String(params.format)}${hint}`;
    case 'minItems':
      return `Add at least ${String(params.limit)}`;
    default:
      return error.message ?? error.stack;
  }
}

/** For rjsf's `transformErrors`: the reworded message, also in `stack`, which rjsf shows under a field. */
export function transformSchemaErrors<E extends SchemaError>(errors: E[], step: FormStep): E[] {
  return errors.map((error) => {
    const message = describeSchemaError(error, step);
    return { ...error, message, stack: message };
  });
}

/** Backstage's `KubernetesValidatorFunctions.isValidObjectName`, used by EntityNamePicker. */
export function isValidEntityName(value: string): boolean {
  return value.length >= 1 && value.length <= 63 && /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(value);
}

export const ENTITY_NAME_MESSAGE =
  'Must start and end with an alphanumeric character, and contain only alphanumeric characters, hyphens, underscores, and periods. Maximum length is 63 characters.';

export interface CustomValidationContext {
  /** The catalog, once loaded; pickers are not checked against it before. */
  entities?: readonly ExplorerEntity[];
}

/** The custom fields' errors for one step's top-level properties: property → messages. */
export function customFieldErrors(step: FormStep, formData: Record<string, unknown>, context: CustomValidationContext): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const name of orderedProperties(step)) {
    const ui = uiFor(step, name);
    const value = formData[name];
    const add = (messages: string[]) => {
      if (messages.length > 0) result[name] = [...(result[name] ?? []), ...messages];
    };
    switch (ui['ui:field']) {
      case 'RepoUrlPicker':
        add(repoUrlErrors(value, repoUrlOptions(ui['ui:options'])));
        break;
      case 'EntityNamePicker':
        if (typeof value === 'string' && value !== '' && !isValidEntityName(value)) add([ENTITY_NAME_MESSAGE]);
        break;
      case 'OwnerPicker':
      case 'EntityPicker': {
        if (!context.entities || typeof value !== 'string' || value === '') break;
        const model = entityPickerModel(context.entities, ui['ui:field'], ui['ui:options']);
        if (!model.allowArbitraryValues && !findOption(model.options, value)) add(['Choose one of the listed entries']);
        break;
      }
    }
  }
  return result;
}

/**
 * All of a step's errors, in the order the fields appear, one entry per message: what the live
 * region reads and where focus goes.
 */
export function stepErrorList(step: FormStep, schemaErrors: readonly SchemaError[], custom: Record<string, string[]>): FieldError[] {
  const order = orderedProperties(step);
  const rank = (path: string) => {
    const i = order.indexOf(path.split('.')[0] ?? '');
    return i === -1 ? order.length : i;
  };
  const list: FieldError[] = [];
  const seen = new Set<string>();
  const push = (path: string, message: string) => {
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push({ property: path, id: fieldId(path), label: fieldLabel(step, path), message });
  };
  for (const error of schemaErrors) push(propertyPath(error.property), describeSchemaError(error, step));
  for (const [name, messages] of Object.entries(custom)) for (const message of messages) push(name, message);
  return list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e.property) - rank(b.e.property) || a.i - b.i)
    .map(({ e }) => e);
}

/** The sentence the live region announces. */
export function errorAnnouncement(errors: readonly FieldError[]): string {
  if (errors.length === 0) return '';
  const first = errors[0]!;
  const more = errors.length - 1;
  return `${errors.length} problem${errors.length === 1 ? '' : 's'} on this step. ${first.label}: ${first.message}${more > 0 ? `, and ${more} more` : ''}.`;
}
