/**
 * The values the build renders each template with, to test it: every field's `default`, else its
 * first `examples` entry, else its first `enum` value; a field with none of these gets a made-up
 * value that fits the usual patterns (listed, so a diagnostic can say which values were made up).
 *
 * A template may instead ship the values to test with: a `template.values.yaml` (or JSON) beside
 * its template.yaml, a mapping of parameter names to values, merged over the made-up ones.
 */
import { posix } from 'node:path';
import { parse } from 'yaml';
import { TEMPLATE_VALUES_FILE } from '../sources/discover-files.ts';
import type { Repo } from '../sources/snapshot.ts';
import { parameterSteps } from './parameter-docs.ts';

/** The values file beside a template's template.yaml (read by the sources with the template). */
export const VALUES_FILE = TEMPLATE_VALUES_FILE;

export interface SampleValues {
  values: Record<string, unknown>;
  /** `defaults` or the repo path of the values file. */
  source: string;
  /** Fields whose value was made up (no default, example, enum or values-file entry). */
  synthesized: string[];
  /** The values file did not parse, or is not a mapping. */
  problem?: string;
}

export interface SampleContext {
  /** The GitHub org: RepoUrlPicker values name it as owner. */
  org: string;
  /** The template's owner ref: OwnerPicker values name it. */
  owner?: string | undefined;
}

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);

export function sampleValues(parameters: unknown, context: SampleContext, repo?: Repo, templatePath?: string): SampleValues {
  const synthesized: string[] = [];
  const values: Record<string, unknown> = {};
  for (const step of parameterSteps(parameters)) Object.assign(values, objectSample(step, '', context, synthesized));
  const file = repo && templatePath ? valuesFile(repo, templatePath) : undefined;
  if (!file) return { values, source: 'defaults', synthesized };
  if ('problem' in file) return { values, source: 'defaults', synthesized, problem: file.problem };
  return {
    values: { ...values, ...file.values },
    source: file.path,
    synthesized: synthesized.filter((name) => !(name.split('.')[0]! in file.values)),
  };
}

function objectSample(schema: Schema, prefix: string, context: SampleContext, synthesized: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  for (const [key, field] of Object.entries(properties)) {
    if (!isObject(field)) continue;
    const value = fieldSample(field, `${prefix}${key}`, key, context, synthesized);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function fieldSample(field: Schema, path: string, key: string, context: SampleContext, synthesized: string[]): unknown {
  if ('default' in field) return field['default'];
  if (Array.isArray(field['examples']) && field['examples'].length > 0) return field['examples'][0];
  if (Array.isArray(field['enum']) && field['enum'].length > 0) return field['enum'][0];
  if ('const' in field) return field['const'];
  const type: unknown = Array.isArray(field['type']) ? (field['type'] as unknown[])[0] : field['type'];
  if (type === 'object') return objectSample(field, `${path}.`, context, synthesized);
  if (type === 'boolean') return false;
  if (type === 'array') return [];
  if (type === 'number' || type === 'integer') return typeof field['minimum'] === 'number' ? field['minimum'] : 1;
  synthesized.push(path);
  return madeUpString(field, key, context);
}

function madeUpString(field: Schema, key: string, context: SampleContext): string {
  const options = isObject(field['ui:options']) ? field['ui:options'] : {};
  switch (field['ui:field']) {
    case 'RepoUrlPicker': {
      const owners = Array.isArray(options['allowedOwners']) ? options['allowedOwners'] : [];
      const hosts = Array.isArray(options['allowedHosts']) ? options['allowedHosts'] : [];
      return `${String(hosts[0] ?? 'github.com')}?owner=${encodeURIComponent(String(owners[0] ?? context.org))}&repo=example-repo`;
    }
    case 'OwnerPicker':
    case 'MyGroupsPicker':
      return context.owner ?? 'group:default/example-team';
    case 'EntityPicker':
    case 'OwnedEntityPicker': {
      const kind = typeof options['defaultKind'] === 'string' ? options['defaultKind'].toLowerCase() : 'component';
      return `${kind}:default/example-${kind}`;
    }
  }
  if (field['format'] === 'email') return 'someone@example.com';
  if (field['format'] === 'uri' || field['format'] === 'url') return 'https://example.com';
  // Lowercase with dashes fits the entity-name and repo-name patterns templates usually ask for.
  const slug = `example-${key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')}`.replace(/-+$/, '');
  return typeof field['maxLength'] === 'number' ? slug.slice(0, Math.max(1, field['maxLength'])) : slug;
}

function valuesFile(repo: Repo, templatePath: string): { path: string; values: Record<string, unknown> } | { problem: string } | undefined {
  const dir = posix.dirname(templatePath);
  const path = dir === '.' ? VALUES_FILE : `${dir}/${VALUES_FILE}`;
  const file = repo.files[path];
  if (file?.status !== 'text') return undefined;
  try {
    const values: unknown = parse(file.text);
    return isObject(values) ? { path, values } : { problem: `${path} is not a mapping of parameter names to values` };
  } catch (error) {
    return { problem: `${path} does not parse: ${(error as Error).message.split('\n')[0]}` };
  }
}
