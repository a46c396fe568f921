/**
 * Field formats exactly as Backstage's default validators check them
 * (`KubernetesValidatorFunctions`, `CommonValidatorFunctions`, `makeValidator`
 * in @backstage/catalog-model 1.10.3, applied by `FieldFormatEntityPolicy`:
 * https://github.com/backstage/backstage/tree/master/packages/catalog-model/src/validation).
 *
 * Each format is a predicate plus the words a diagnostic uses to explain it,
 * and a regex form so the JSON Schema for editors can carry the same rule.
 */

/** DNS label: lowercase, `-` only between groups, 1–63 chars (`a--b` is fine). */
const dnsLabel = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;
/** Object name: starts and ends alphanumeric, `-_.` inside (repeats allowed). */
const objectName = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** Tags: lowercase groups of [a-z0-9:+#] joined by single dashes (`c++`, `tier:1`). */
const tag = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;
const kindPattern = /^[a-zA-Z][a-z0-9A-Z]*$/;
const apiVersionSuffix = /^[a-z0-9A-Z]+$/;

const isString = (v: unknown): v is string => typeof v === 'string';

export function isValidDnsLabel(v: unknown): boolean {
  return isString(v) && v.length >= 1 && v.length <= 63 && dnsLabel.test(v);
}

export function isValidDnsSubdomain(v: unknown): boolean {
  return isString(v) && v.length >= 1 && v.length <= 253 && v.split('.').every(isValidDnsLabel);
}

export function isValidObjectName(v: unknown): boolean {
  return isString(v) && v.length >= 1 && v.length <= 63 && objectName.test(v);
}

/** `<suffix>` or `<prefix>/<suffix>`, never two slashes. */
function isValidPrefixAndOrSuffix(v: unknown, prefix: (s: string) => boolean, suffix: (s: string) => boolean): boolean {
  if (!isString(v)) return false;
  const parts = v.split('/');
  if (parts.length === 1) return suffix(parts[0]!);
  if (parts.length === 2) return prefix(parts[0]!) && suffix(parts[1]!);
  return false;
}

export function isValidApiVersion(v: unknown): boolean {
  return isValidPrefixAndOrSuffix(v, isValidDnsSubdomain, (s) => s.length >= 1 && s.length <= 63 && apiVersionSuffix.test(s));
}

export function isValidKind(v: unknown): boolean {
  return isString(v) && v.length >= 1 && v.length <= 63 && kindPattern.test(v);
}

export const isValidNamespace = isValidDnsLabel;
export const isValidEntityName = isValidObjectName;

export function isValidLabelKey(v: unknown): boolean {
  return isValidPrefixAndOrSuffix(v, isValidDnsSubdomain, isValidObjectName);
}
export const isValidAnnotationKey = isValidLabelKey;

export function isValidLabelValue(v: unknown): boolean {
  return v === '' || isValidObjectName(v);
}

export function isValidTag(v: unknown): boolean {
  return isString(v) && v.length >= 1 && v.length <= 63 && tag.test(v);
}

/** WHATWG URL parse, as Backstage's `isValidUrl`: a scheme is required. */
export function isValidUrl(v: unknown): boolean {
  if (!isString(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

/** Backstage trims before checking, so a whitespace-only title fails. */
export function isNonEmptyString(v: unknown): boolean {
  return isString(v) && v.trim().length >= 1;
}

/** How each format is explained to people, with an example that passes. */
export const formatHelp = {
  entityName: {
    expected: '1–63 characters of letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit',
    example: 'payments-api',
  },
  namespace: {
    expected: '1–63 lowercase letters or digits in groups joined by `-` (no dots, underscores or capitals)',
    example: 'default',
  },
  tag: {
    expected: '1–63 characters: lowercase letters, digits, `+`, `#` or `:`, in groups joined by single `-`',
    example: 'java',
  },
  labelValue: {
    expected: 'an empty string, or 1–63 characters of letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit',
    example: 'production',
  },
  key: {
    expected: 'a name (1–63 letters, digits, `-`, `_`, `.`) with an optional lowercase DNS prefix and one `/`',
    example: 'example.com/team',
  },
  apiVersion: {
    expected: 'a version like `backstage.io/v1alpha1`: an optional lowercase DNS prefix, one `/`, then letters and digits',
    example: 'backstage.io/v1alpha1',
  },
  kind: {
    expected: 'a letter followed by letters or digits, at most 63 characters',
    example: 'Component',
  },
  url: {
    expected: 'an absolute URL with a scheme',
    example: 'https://example.com/dashboard',
  },
} as const;

/** Turn an invalid value into the closest valid entity name, to suggest as a fix. */
export function suggestEntityName(value: string): string | undefined {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
    .slice(0, 63)
    .replace(/[^A-Za-z0-9]+$/, '');
  return isValidObjectName(slug) && slug !== value ? slug : undefined;
}

/** Turn an invalid tag into the closest valid one, to suggest as a fix. */
export function suggestTag(value: string): string | undefined {
  const slug = value
    .toLowerCase()
    .replace(/[^a-z0-9:+#]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 63)
    .replace(/-+$/, '');
  return isValidTag(slug) && slug !== value ? slug : undefined;
}

/** Regex sources for the JSON Schema (ECMA-262, lookaheads carry the length limits). */
export const jsonSchemaPatterns = {
  entityName: '^(?=.{1,63}$)([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$',
  namespace: '^(?=.{1,63}$)[a-z0-9]+(?:-+[a-z0-9]+)*$',
  tag: '^(?=.{1,63}$)[a-z0-9:+#]+(-[a-z0-9:+#]+)*$',
  // Each DNS label of the prefix is at most 63 characters, as in isValidDnsLabel.
  key: '^((?=.{1,253}/)(?=[a-z0-9-]{1,63}[./])[a-z0-9]+(?:-+[a-z0-9]+)*(\\.(?=[a-z0-9-]{1,63}[./])[a-z0-9]+(?:-+[a-z0-9]+)*)*/)?(?=[^/]{1,63}$)([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$',
  labelValue: '^$|^(?=.{1,63}$)([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$',
} as const;
