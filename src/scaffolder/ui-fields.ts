/**
 * Backstage's custom field extensions (`ui:field`) the template form draws with a static
 * equivalent (src/islands/template-form): the one list the form and the template page share, so
 * the page says exactly which fields fall back to a plain text box.
 *
 * - OwnerPicker / EntityPicker: choices from the explorer's catalog.json;
 * - RepoUrlPicker: host, owner and repo name → `github.com?owner=…&repo=…`;
 * - EntityNamePicker: a text box with Backstage's name rule.
 */
export const SUPPORTED_UI_FIELDS = ['OwnerPicker', 'EntityPicker', 'RepoUrlPicker', 'EntityNamePicker'] as const;
export type SupportedUiField = (typeof SUPPORTED_UI_FIELDS)[number];

export function isSupportedUiField(name: unknown): name is SupportedUiField {
  return typeof name === 'string' && (SUPPORTED_UI_FIELDS as readonly string[]).includes(name);
}
