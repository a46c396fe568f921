/**
 * Turn a zod issue into a diagnostic people can act on: which field, what was
 * expected, what was found, and an example of a value that works. Field
 * descriptions and examples come from the schemas' `.meta()`, so the advice
 * and the JSON Schema for editors never drift apart.
 */
import { z } from 'zod';
import type { RuleId } from '../../diagnostics/rules.ts';
import { formatHelp, suggestEntityName, suggestTag } from '../../catalog-model/formats.ts';
import type { JsonPath } from '../yaml/locate.ts';

export interface DescribedIssue {
  rule: RuleId;
  path: JsonPath;
  message: string;
  /** Point at the key rather than the value (invalid record keys). */
  atKey?: boolean;
}

type Zod = z.ZodType;

/** Find the schema of the field at `path`, looking through optional/nullable wrappers. */
export function schemaAt(schema: Zod, path: JsonPath): Zod | undefined {
  let current: Zod | undefined = schema;
  for (const segment of path) {
    current = current && unwrap(current);
    if (!current) return undefined;
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, Zod>)[String(segment)] ?? (current._zod.def.catchall as Zod | undefined);
    else if (current instanceof z.ZodArray) current = current.element as Zod;
    else if (current instanceof z.ZodRecord) current = current.valueType as Zod;
    else return undefined;
  }
  return current;
}

function unwrap(schema: Zod): Zod {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as Zod;
  return s;
}

function fieldHelp(schema: Zod | undefined): { description?: string; example?: unknown } {
  if (!schema) return {};
  for (const s of [schema, unwrap(schema)]) {
    const meta = s.meta();
    if (meta?.description) return { description: meta.description, example: Array.isArray(meta.examples) ? meta.examples[0] : undefined };
  }
  return {};
}

export function dotted(path: JsonPath): string {
  return path.map((p) => String(p)).join('.');
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `the string ${JSON.stringify(truncate(value))}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  // Parsed YAML and JSON hold nothing else: no bigint, symbol or function.
  return typeof value;
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

function exampleLine(key: string | number | undefined, example: unknown): string {
  if (example === undefined || typeof key !== 'string') return '';
  const shown = typeof example === 'string' ? example : JSON.stringify(example);
  return ` For example: \`${key}: ${shown}\`.`;
}

function typeWord(expected: string): string {
  switch (expected) {
    case 'string':
      return 'a string';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping';
    case 'boolean':
      return 'true or false';
    case 'number':
      return 'a number';
    default:
      return expected;
  }
}

const formatRules: Record<string, RuleId> = {
  entityName: 'entity-name-format',
  namespace: 'namespace-format',
  tag: 'tag-format',
  labelValue: 'label-value-format',
  url: 'link-url-format',
  nonBlank: 'link-text-empty',
};

/** Is this path inside `metadata` (true) or `spec` (false)? Decides rule names. */
function area(path: JsonPath): 'metadata' | 'spec' | 'root' {
  if (path[0] === 'metadata') return 'metadata';
  if (path[0] === 'spec') return 'spec';
  return 'root';
}

function getAt(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[String(p)];
  }
  return v;
}

/**
 * @param root the whole schema the issue came from (to look up field help)
 * @param rootPath where that schema sits in the entity (e.g. ['spec'])
 * @param value the whole entity, to quote what was found
 */
export function describeIssue(issue: z.core.$ZodIssue, root: Zod, rootPath: JsonPath, value: unknown, what: string): DescribedIssue[] {
  const path: JsonPath = [...rootPath, ...(issue.path as (string | number)[])];
  const field = `\`${dotted(path)}\``;
  const found = getAt(value, path);
  const help = fieldHelp(schemaAt(root, issue.path as (string | number)[]));
  const key = path[path.length - 1];
  const advice = `${help.description ? ` ${help.description}` : ''}${exampleLine(key, help.example)}`;
  const inSpec = area(path) === 'spec';
  const invalidRule: RuleId = inSpec ? 'spec-field-invalid' : 'metadata-field-invalid';

  switch (issue.code) {
    case 'invalid_type': {
      if (found === undefined) {
        if (path.length === 1 && path[0] === 'spec')
          return [{ rule: 'spec-missing', path, message: `${what} has no \`spec\`. Every ${what} needs a \`spec\` mapping with its fields.` }];
        return [{ rule: inSpec ? 'spec-field-required' : 'metadata-field-invalid', path, message: `${field} is required but missing.${advice}` }];
      }
      if (path.length === 1 && path[0] === 'spec')
        return [{ rule: 'spec-missing', path, message: `\`spec\` must be a mapping of fields, but it is ${describeValue(found)}.` }];
      const fix = found === null ? ' Give it a value or remove the line.' : '';
      return [{ rule: invalidRule, path, message: `${field} must be ${typeWord(issue.expected)}, but it is ${describeValue(found)}.${fix}${advice}` }];
    }
    case 'too_small':
      if (issue.origin === 'string') return [{ rule: invalidRule, path, message: `${field} is an empty string.${advice}` }];
      return [{ rule: invalidRule, path, message: `${field} is too short.${advice}` }];
    case 'invalid_value':
      return [
        { rule: invalidRule, path, message: `${field} is ${describeValue(found)}; allowed values: ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}.` },
      ];
    case 'invalid_union':
      return [{ rule: invalidRule, path, message: `${field} has the wrong shape: it is ${describeValue(found)}.${advice}` }];
    case 'invalid_key': {
      const k = String(key);
      const isLabel = path[1] === 'labels';
      const rule: RuleId = isLabel ? 'label-key-format' : 'annotation-key-format';
      return [
        {
          rule,
          path,
          atKey: true,
          message: `${isLabel ? 'Label' : 'Annotation'} key ${JSON.stringify(k)} is not valid: expected ${formatHelp.key.expected}, e.g. \`${formatHelp.key.example}\`.`,
        },
      ];
    }
    case 'custom': {
      const format = (issue.params as { format?: string } | undefined)?.format;
      const rule = format ? (formatRules[format] ?? invalidRule) : invalidRule;
      if (format === 'nonBlank') return [{ rule, path, message: `${field} is blank. Give it some text or remove it.` }];
      if (format && format in formatHelp) {
        const f = formatHelp[format as keyof typeof formatHelp];
        const suggestion =
          typeof found === 'string' ? (format === 'tag' ? suggestTag(found) : format === 'entityName' ? suggestEntityName(found) : undefined) : undefined;
        const label = path[1] === 'labels' ? `Label value of \`${String(key)}\`` : field;
        return [
          {
            rule,
            path,
            message: `${label} ${JSON.stringify(found)} is not valid: expected ${f.expected}. ${suggestion ? `Try \`${suggestion}\`.` : `For example \`${f.example}\`.`}`,
          },
        ];
      }
      return [{ rule, path, message: `${field} is not valid.${advice}` }];
    }
    default:
      return [{ rule: invalidRule, path, message: `${field}: ${issue.message}.${advice}` }];
  }
}
