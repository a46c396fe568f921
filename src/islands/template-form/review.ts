/**
 * The Review step: each step's values with their field titles, as Backstage's `ReviewState`
 * shows them (`plugins/scaffolder-react/src/next/components/ReviewState`): a password widget or
 * `ui:backstage.review.mask` is masked, `ui:backstage.review.show: false` hides the value, enum
 * values show their `enumNames`, a repo location shows as `host/owner/repo`.
 */
import { parseRepoUrl } from './repo-url.ts';
import { isObject, orderedProperties, type FormStep } from './steps.ts';

export interface ReviewRow {
  name: string;
  label: string;
  value: string;
}

export interface ReviewSection {
  title: string;
  rows: ReviewRow[];
}

const MASK = '******';

function displayValue(value: unknown, schema: Record<string, unknown>, ui: Record<string, unknown>): string {
  if (ui['ui:field'] === 'RepoUrlPicker' && typeof value === 'string') {
    const { host, owner, repoName } = parseRepoUrl(value);
    if (host) return [host, owner, repoName].filter(Boolean).join('/');
  }
  if (Array.isArray(schema.enum) && Array.isArray(schema.enumNames)) {
    const i = schema.enum.findIndex((option) => option === value);
    const name: unknown = schema.enumNames[i];
    if (i !== -1 && typeof name === 'string') return name;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export function reviewSections(steps: readonly FormStep[], values: Record<string, unknown>): ReviewSection[] {
  return steps.map((step) => {
    const properties = isObject(step.schema.properties) ? step.schema.properties : {};
    const rows: ReviewRow[] = [];
    for (const name of orderedProperties(step)) {
      const value = values[name];
      if (value === undefined || value === '') continue;
      const schema = isObject(properties[name]) ? properties[name] : {};
      const ui = isObject(step.uiSchema[name]) ? step.uiSchema[name] : {};
      const review = isObject(ui['ui:backstage']) && isObject(ui['ui:backstage'].review) ? ui['ui:backstage'].review : {};
      if (review.show === false) continue;
      const masked = ui['ui:widget'] === 'password' || review.mask !== undefined;
      const mask = typeof review.mask === 'string' ? review.mask : MASK;
      const label = typeof schema.title === 'string' && schema.title !== '' ? schema.title : name;
      rows.push({ name, label, value: masked ? mask : displayValue(value, schema, ui) });
    }
    return { title: step.title, rows };
  });
}
