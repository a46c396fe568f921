/**
 * The values a form starts with, for every step at once (the dry run and the review need the
 * later steps' defaults before the user reaches them): rjsf's own `getDefaultFormState` per step,
 * so `default`, nested objects and `dependencies` behave exactly as rjsf fills them; then the
 * custom fields' starting values (RepoUrlPicker points at this org); then `?formData=<json>`
 * from the page URL, Backstage's way of sharing a prefilled form (`useFormDataFromQuery`).
 */
import { getDefaultFormState, type ValidatorType } from '@rjsf/utils';
import { entityPickerModel } from './entity-options.ts';
import type { ExplorerEntity } from '../explorer/catalog-index.ts';
import { initialRepoUrl, repoUrlOptions } from './repo-url.ts';
import { isObject, orderedProperties, type FormStep } from './steps.ts';

export type FormValues = Record<string, unknown>;

/** Backstage reads `formData` from the query string as JSON; anything else is ignored. */
export function formDataFromQuery(search: string): FormValues {
  const raw = new URLSearchParams(search).get('formData');
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

export function initialFormData(steps: readonly FormStep[], validator: ValidatorType, options: { org: string; prefill?: FormValues }): FormValues {
  let values: FormValues = { ...(options.prefill ?? {}) };
  for (const step of steps) {
    const filled: unknown = getDefaultFormState(validator, step.schema, values, step.schema);
    if (isObject(filled)) values = { ...values, ...filled };
    for (const name of orderedProperties(step)) {
      const ui = step.uiSchema[name];
      if (isObject(ui) && ui['ui:field'] === 'RepoUrlPicker') values[name] = initialRepoUrl(repoUrlOptions(ui['ui:options']), options.org, values[name]);
    }
  }
  return values;
}

/**
 * Backstage's EntityPicker picks the only option when there is exactly one; done once the catalog
 * has loaded, for empty picker fields only.
 */
export function withSingleOptionPicks(steps: readonly FormStep[], values: FormValues, entities: readonly ExplorerEntity[]): FormValues {
  const next = { ...values };
  for (const step of steps) {
    for (const name of orderedProperties(step)) {
      const ui = step.uiSchema[name];
      if (!isObject(ui) || (ui['ui:field'] !== 'OwnerPicker' && ui['ui:field'] !== 'EntityPicker')) continue;
      if (next[name] !== undefined && next[name] !== '') continue;
      const { options } = entityPickerModel(entities, ui['ui:field'], ui['ui:options']);
      if (options.length === 1) next[name] = options[0]!.ref;
    }
  }
  return next;
}
