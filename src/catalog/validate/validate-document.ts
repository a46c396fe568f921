/**
 * Validate one parsed YAML document the way Backstage processes an entity
 * (`DefaultCatalogProcessingOrchestrator`, with the policies in the order
 * `CatalogBuilder.buildEntityPolicy` sets, both in
 * https://github.com/backstage/backstage/tree/master/plugins/catalog-backend/src): envelope, location annotations,
 * placeholders, policies (schema, namespace default, root fields, field
 * formats), the kind's schema, then the relation refs. Unlike Backstage,
 * which stops at the first error, every problem is reported, each with the
 * line of the field it concerns.
 */
import { z } from 'zod';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../../diagnostics/make.ts';
import type { RuleId } from '../../diagnostics/rules.ts';
import type { Repo } from '../../sources/snapshot.ts';
import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_VIEW_URL,
} from '../../catalog-model/annotations.ts';
import { isValidApiVersion, isValidKind, formatHelp } from '../../catalog-model/formats.ts';
import { builtinKinds, findKind, kindByLowercase, parseSpec, type KindDefinition, type KindWithSpec } from '../../catalog-model/kinds/index.ts';
import { MetadataSchema } from '../../catalog-model/metadata.ts';
import { DEFAULT_NAMESPACE, stringifyEntityRef } from '../../catalog-model/refs.ts';
import { fileWebUrl } from '../../sources/repo-files.ts';
import { locate, type JsonPath } from '../yaml/locate.ts';
import type { ParsedDocument, ParsedFile } from '../../sources/parse-documents.ts';
import { declaredRelations, type DeclaredRelation } from './declared-relations.ts';
import { describeIssue, describeValue, type DescribedIssue } from './describe-issue.ts';
import { findMisspelledFields } from './misspelled-fields.ts';
import { resolvePlaceholders } from './placeholders.ts';

export type { DeclaredRelation } from './declared-relations.ts';

/** A valid entity as the graph carries it: placeholders resolved, and its spec as its kind's schema parsed it (narrow on `kind`). */
export type EntityJson = { apiVersion: string; metadata: Record<string, unknown> & { name: string; namespace: string } } & KindWithSpec;

export interface ValidatedEntity {
  ref: string;
  kind: KindDefinition;
  json: EntityJson;
  relations: DeclaredRelation[];
}

export interface DocumentVerdict {
  ref?: string;
  valid: boolean;
  /** An envelope-level failure: Backstage rejects every entity read in the same batch. */
  breaksBatch: boolean;
  entity?: ValidatedEntity;
  diagnostics: Diagnostic[];
}

export interface DocumentContext {
  repo: Repo;
  path: string;
  file: ParsedFile;
  maxAliasCount: number;
}

const EnvelopeSchema = z.looseObject({
  apiVersion: z.string().min(1),
  kind: z.string().min(1),
  metadata: z.looseObject({ name: z.string().min(1), namespace: z.string().min(1).optional() }),
});

const knownRootFields = new Set(['apiVersion', 'kind', 'metadata', 'spec']);

export function validateDocument(doc: ParsedDocument, ctx: DocumentContext): DocumentVerdict {
  const diagnostics: Diagnostic[] = [];
  const at = (path: JsonPath, where: 'value' | 'key' = 'value') => {
    const pos = locate(doc.tree, ctx.file.lineCounter, path, doc.start, where);
    return { repo: ctx.repo.name, path: ctx.path, line: pos.line, column: pos.column };
  };
  const raw = doc.value!;

  // 1. Envelope: without it there is no entity, and Backstage drops the whole batch.
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    for (const issue of envelope.error.issues) {
      diagnostics.push(makeDiagnostic('envelope-invalid', at(issue.path as JsonPath), envelopeMessage(issue.path as JsonPath, raw)));
    }
    return { valid: false, breaksBatch: true, diagnostics };
  }
  const { apiVersion, kind, metadata } = envelope.data;
  const namespace = metadata.namespace || DEFAULT_NAMESPACE;
  const ref = stringifyEntityRef({ kind, namespace, name: metadata.name });
  // Backstage's collector replaces any falsy `annotations` (null, "", false, 0) with its own mapping.
  const annotations = metadata['annotations'];
  if (annotations && (typeof annotations !== 'object' || Array.isArray(annotations))) {
    diagnostics.push(
      makeDiagnostic(
        'annotations-not-object',
        at(['metadata', 'annotations']),
        `\`metadata.annotations\` must be a mapping of \`key: value\` strings, but it is ${describeValue(annotations)}. Backstage rejects every entity in this file until it is fixed.`,
        ref,
      ),
    );
    return { ref, valid: false, breaksBatch: true, diagnostics };
  }
  const add = (rule: RuleId, path: JsonPath, message: string, where: 'value' | 'key' = 'value') =>
    diagnostics.push(makeDiagnostic(rule, at(path, where), message, ref));

  // 2. The collector's location annotations, then placeholders over the whole entity.
  const withLocation = injectLocationAnnotations(raw, ctx.repo, ctx.path);
  const placeholders = resolvePlaceholders(withLocation, { repo: ctx.repo, fromFile: ctx.path, maxAliasCount: ctx.maxAliasCount });
  for (const p of placeholders.problems) add(p.rule, p.path, p.message);
  const entity = placeholders.value as Record<string, unknown>;
  const underFailedPlaceholder = (path: JsonPath) => placeholders.failedPaths.some((failed) => failed.every((segment, i) => path[i] === segment));
  const addIssues = (issues: DescribedIssue[]) => {
    for (const d of issues) if (!underFailedPlaceholder(d.path)) add(d.rule, d.path, d.message, d.atKey ? 'key' : 'value');
  };

  // 3. Policies: root fields, formats of apiVersion and kind, metadata schema and formats.
  for (const field of Object.keys(entity)) {
    if (!knownRootFields.has(field)) add('root-field-unknown', [field], rootFieldMessage(field, kind), 'key');
  }
  if (!isValidApiVersion(apiVersion))
    add('api-version-format', ['apiVersion'], `\`apiVersion\` ${JSON.stringify(apiVersion)} is not valid: expected ${formatHelp.apiVersion.expected}.`);
  if (!isValidKind(kind))
    add('kind-format', ['kind'], `\`kind\` ${JSON.stringify(kind)} is not valid: expected ${formatHelp.kind.expected}, e.g. \`Component\`.`);
  const meta = MetadataSchema.safeParse(entity['metadata']);
  if (!meta.success) for (const issue of meta.error.issues) addIssues(describeIssue(issue, MetadataSchema, ['metadata'], entity, kind));

  // 4. The kind: exactly one built-in kind must recognize (kind, apiVersion).
  const kindDef = findKind(kind, apiVersion);
  const spec = entity['spec'];
  const badFields = new Set<string>();
  let typed: KindWithSpec | undefined;
  if (!kindDef) {
    add('kind-unknown', ['kind'], unknownKindMessage(kind, apiVersion));
  } else {
    const parsed = parseSpec(kindDef, spec);
    if (parsed.success) typed = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        const described = describeIssue(issue, kindDef.spec, ['spec'], entity, kind);
        addIssues(described);
        if (issue.path[0] !== undefined) badFields.add(String(issue.path[0]));
      }
    }
  }

  // 5. Relations: Backstage parses every relation ref after validation; a bad ref fails the entity.
  let relations: DeclaredRelation[] = [];
  if (kindDef && isPlainObject(spec)) {
    relations = declaredRelations(kindDef, spec, namespace, { position: at, onInvalid: (path, message) => add('ref-invalid', path, message), skip: badFields });
    for (const m of findMisspelledFields(kindDef, spec)) add('field-misspelled', ['spec', m.field], m.message, 'key');
  }

  const valid = !diagnostics.some((d) => d.severity === 'error');
  if (!valid || !kindDef || !typed) return { ref, valid: false, breaksBatch: false, diagnostics };
  // A valid entity has no root fields but these (any other is an error above).
  const json: EntityJson = { apiVersion, metadata: { ...(entity['metadata'] as Record<string, unknown>), name: metadata.name, namespace }, ...typed };
  return { ref, valid: true, breaksBatch: false, entity: { ref, kind: kindDef, json, relations }, diagnostics };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Backstage's collector overwrites the managed-by annotations and adds view/edit/source URLs for url locations. */
function injectLocationAnnotations(raw: Record<string, unknown>, repo: Repo, path: string): Record<string, unknown> {
  const metadata = raw['metadata'] as Record<string, unknown>;
  const existing = (metadata['annotations'] || {}) as Record<string, unknown>;
  const fileUrl = fileWebUrl(repo, path);
  const location = fileUrl ? `url:${fileUrl}` : `file:${repo.name}/${path}`;
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const sourceUrl = repo.url ? fileWebUrl(repo, dir, 'tree') : undefined;
  const editUrl = fileWebUrl(repo, path, 'edit');
  const annotations: Record<string, unknown> = {
    ...(sourceUrl ? { [ANNOTATION_SOURCE_LOCATION]: `url:${sourceUrl.replace(/\/?$/, '/')}` } : {}),
    ...(fileUrl ? { [ANNOTATION_VIEW_URL]: fileUrl } : {}),
    ...(editUrl ? { [ANNOTATION_EDIT_URL]: editUrl } : {}),
    ...existing,
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
  };
  return { ...raw, metadata: { ...metadata, annotations } };
}

function envelopeMessage(path: JsonPath, raw: Record<string, unknown>): string {
  const field = path.join('.');
  let found: unknown = raw;
  for (const p of path) found = found !== null && typeof found === 'object' ? (found as Record<string, unknown>)[String(p)] : undefined;
  const fix: Record<string, string> = {
    apiVersion: 'Start the document with `apiVersion: backstage.io/v1alpha1` (`scaffolder.backstage.io/v1beta3` for a Template).',
    kind: 'Add the kind, e.g. `kind: Component`.',
    metadata: 'Add a `metadata` mapping with at least `name`.',
    'metadata.name': 'Give the entity a name, e.g. `name: payments-api`.',
    'metadata.namespace': 'Remove `namespace` (it defaults to `default`) or set it, e.g. `namespace: payments`.',
  };
  const what =
    found === undefined
      ? `\`${field}\` is missing`
      : `\`${field}\` must be ${field === 'metadata' ? 'a mapping' : 'a non-empty string'}, but it is ${describeValue(found)}`;
  return `${what}, so this document is not an entity. ${fix[field] ?? ''} Backstage rejects every entity in this file until it is fixed.`.replace(
    / {2,}/g,
    ' ',
  );
}

function rootFieldMessage(field: string, kind: string): string {
  if (field === 'relations' || field === 'status')
    return `\`${field}\` is computed by the catalog and must not be written in a catalog file. Remove it; declare relations with spec fields such as \`owner\` and \`dependsOn\`.`;
  const metaKeys = Object.keys(MetadataSchema.shape);
  if (metaKeys.includes(field))
    return `Unknown top-level field \`${field}\`: did you mean \`metadata.${field}\`? Only apiVersion, kind, metadata and spec may appear at the top level.`;
  const def = builtinKinds.find((k) => k.kind === kind);
  const specKeys = def && def.spec instanceof z.ZodObject ? Object.keys(def.spec.shape) : [];
  if (specKeys.includes(field))
    return `Unknown top-level field \`${field}\`: did you mean \`spec.${field}\`? Only apiVersion, kind, metadata and spec may appear at the top level.`;
  return `Unknown top-level field \`${field}\`. Only apiVersion, kind, metadata and spec may appear at the top level; move it under \`metadata\` or \`spec\`, or remove it.`;
}

function unknownKindMessage(kind: string, apiVersion: string): string {
  const known = kindByLowercase(kind);
  if (known && known.kind !== kind) return `\`kind: ${kind}\` is not recognized: kinds are case-sensitive. Write \`kind: ${known.kind}\`.`;
  if (known) {
    if (known.kind === 'Template')
      return `Templates need \`apiVersion: scaffolder.backstage.io/v1beta3\`, not \`${apiVersion}\`; older Template versions are no longer read by Backstage. See https://backstage.io/docs/features/software-templates/migrating-from-v1beta2-to-v1beta3.`;
    return `\`${known.kind}\` entities use \`apiVersion\` ${known.apiVersions.map((v) => `\`${v}\``).join(' or ')}, not \`${apiVersion}\`.`;
  }
  return `\`kind: ${kind}\` is not a built-in kind (${builtinKinds.map((k) => k.kind).join(', ')}). Backstage only accepts other kinds through a custom processor, and rejects this entity by default.`;
}
