/**
 * Backstage's custom field extensions (`ui:field`) that the form draws with a static equivalent,
 * and the ones it does not: those fall back to rjsf's plain field for their type (a text box for a
 * string), which is what rjsf itself does with a `ui:field` it has no component for. The template
 * page lists the fallbacks so nobody is surprised by a text box where Backstage shows a picker.
 */
import { isObject, parameterSteps } from './steps.ts';

import { isSupportedUiField } from '../../scaffolder/ui-fields.ts';

export { isSupportedUiField, SUPPORTED_UI_FIELDS, type SupportedUiField } from '../../scaffolder/ui-fields.ts';

export interface UiFieldUse {
  field: string;
  /** Where it is used: `<step index>.<property path>`, e.g. `1.repoUrl`. */
  paths: string[];
}

/** Every `ui:field` in the parameters, in order of first use. */
export function uiFieldsIn(parameters: unknown): UiFieldUse[] {
  const found = new Map<string, string[]>();
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}.${i}`));
      return;
    }
    if (!isObject(node)) return;
    const field = node['ui:field'];
    if (typeof field === 'string') found.set(field, [...(found.get(field) ?? []), path]);
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('ui:')) continue;
      // A property's name says where a field is; the `properties` keyword itself does not.
      if (key === 'properties' && isObject(value)) for (const [name, child] of Object.entries(value)) visit(child, `${path}.${name}`);
      else visit(value, `${path}.${key}`);
    }
  };
  parameterSteps(parameters).forEach((step, i) => visit(step, String(i)));
  return [...found].map(([field, paths]) => ({ field, paths }));
}

/** The `ui:field`s this form draws as plain fields, with where each is used. */
export function unsupportedUiFields(parameters: unknown): UiFieldUse[] {
  return uiFieldsIn(parameters).filter((use) => !isSupportedUiField(use.field));
}
