/**
 * `metadata`: the schema of Backstage's `EntityMeta.schema.json` plus the
 * field formats its `FieldFormatEntityPolicy` enforces (names, namespaces,
 * label and annotation keys, tags, link URLs), in one zod schema.
 */
import { z } from 'zod';
import {
  formatHelp,
  isNonEmptyString,
  isValidAnnotationKey,
  isValidEntityName,
  isValidLabelKey,
  isValidLabelValue,
  isValidNamespace,
  isValidTag,
  isValidUrl,
  jsonSchemaPatterns,
} from './formats.ts';

/**
 * A format rule: the exact Backstage predicate as a refinement tagged with
 * `params.format` (so diagnostics can explain it), and the equivalent regex as
 * JSON Schema `pattern` metadata for editors.
 */
function formatted(check: (v: unknown) => boolean, format: keyof typeof formatHelp, pattern: string) {
  return z.string().refine(check, { params: { format } }).meta({ pattern });
}

export const EntityNameSchema = formatted(isValidEntityName, 'entityName', jsonSchemaPatterns.entityName).meta({
  description: 'The entity name: unique per kind within a namespace (case-insensitively). 1–63 characters of letters, digits, `-`, `_`, `.`.',
  examples: ['payments-api'],
});

export const NamespaceSchema = formatted(isValidNamespace, 'namespace', jsonSchemaPatterns.namespace).meta({
  description: 'Namespace of the entity; `default` when omitted. Lowercase letters, digits and `-`.',
  examples: ['default'],
});

const LabelKeySchema = formatted(isValidLabelKey, 'key', jsonSchemaPatterns.key);
const AnnotationKeySchema = formatted(isValidAnnotationKey, 'key', jsonSchemaPatterns.key);
const LabelValueSchema = formatted(isValidLabelValue, 'labelValue', jsonSchemaPatterns.labelValue);
const TagSchema = formatted(isValidTag, 'tag', jsonSchemaPatterns.tag);

const nonBlank = (description: string, example: string) =>
  z
    .string()
    .min(1)
    .refine(isNonEmptyString, { params: { format: 'nonBlank' } })
    .meta({ description, examples: [example] });

export const LinkSchema = z.looseObject({
  url: z
    .string()
    .min(1)
    .refine(isValidUrl, { params: { format: 'url' } })
    .meta({ description: 'Absolute URL of the link.', examples: ['https://grafana.example.com/d/payments'], format: 'uri' }),
  title: nonBlank('Text shown for the link.', 'Dashboard').optional(),
  icon: nonBlank('Icon name, e.g. `dashboard`, `docs`, `github`.', 'dashboard').optional(),
  type: z
    .string()
    .min(1)
    .meta({ description: 'What kind of link this is, e.g. `runbook`, `dashboard`.', examples: ['runbook'] })
    .optional(),
});

export const MetadataSchema = z
  .looseObject({
    name: EntityNameSchema,
    namespace: NamespaceSchema.optional(),
    title: z
      .string()
      .min(1)
      .meta({ description: 'Display name shown instead of `name`.', examples: ['Payments API'] })
      .optional(),
    description: z
      .string()
      .meta({ description: 'One or two sentences on what this is.', examples: ['Takes card payments for bookings.'] })
      .optional(),
    labels: z.record(LabelKeySchema, LabelValueSchema).meta({ description: 'Short identifying key/value pairs; values are name-like (no spaces).' }).optional(),
    // Backstage accepts a null `annotations:` because its collector replaces it before validation.
    annotations: z
      .record(AnnotationKeySchema, z.string())
      .nullable()
      .meta({ description: 'Non-identifying key/value pairs read by tools, e.g. `backstage.io/techdocs-ref: dir:.`.' })
      .optional(),
    tags: z
      .array(TagSchema)
      .meta({ description: 'Lowercase tags such as `java` or `tier:1`.', examples: [['java', 'payments']] })
      .optional(),
    links: z.array(LinkSchema).meta({ description: 'Links shown on the entity page.' }).optional(),
    uid: z.string().min(1).optional(),
    etag: z.string().min(1).optional(),
  })
  .meta({ id: 'EntityMetadata', description: 'Identity and descriptive data shared by every kind.' });
