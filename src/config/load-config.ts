/**
 * Read portal.config.yaml (optional), apply flag overrides, validate once.
 * Errors come back as one readable line per problem, naming the key, what is
 * allowed and what was found.
 */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { PortalConfigSchema, type PortalConfig } from './schema.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ConfigOverrides {
  source?: string | undefined;
  base?: string | undefined;
}

export const DEFAULT_CONFIG_FILE = 'portal.config.yaml';

export async function loadConfig(file: string | undefined, overrides: ConfigOverrides = {}): Promise<{ config: PortalConfig; file?: string }> {
  const path = file ?? DEFAULT_CONFIG_FILE;
  let raw: unknown = {};
  let found = false;
  try {
    const text = await readFile(path, 'utf8');
    found = true;
    const doc = parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) throw new ConfigError(`${path}: ${doc.errors[0]!.message.split('\n')[0]}`);
    raw = doc.toJS() ?? {};
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if ((error as { code?: string }).code !== 'ENOENT' || file !== undefined)
      throw new ConfigError(`Cannot read config file ${path}: ${(error as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError(`${path}: the file must be a mapping of settings (title, source, base, catalog, limits).`);
  const merged = { ...(raw as Record<string, unknown>) };
  if (overrides.source !== undefined) merged['source'] = overrides.source;
  if (overrides.base !== undefined) merged['base'] = overrides.base;
  const parsed = PortalConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${found ? path : 'config'}: ${describeConfigIssue(issue, merged, overrides)}`);
    throw new ConfigError(lines.join('\n'));
  }
  return found ? { config: parsed.data, file: path } : { config: parsed.data };
}

/**
 * One friendly line for a zod issue: the key, what is allowed and what was found. Plugins' settings
 * (src/plugins/load-plugins.ts) are described the same way, with their own `schema` and `keyPrefix`.
 */
export function describeConfigIssue(
  issue: z.core.$ZodIssue,
  value: Record<string, unknown>,
  overrides: ConfigOverrides,
  schema: z.ZodType = PortalConfigSchema,
  keyPrefix = '',
): string {
  const key = keyPrefix + issue.path.map(String).join('.');
  const fromFlag = issue.path.length === 1 && (overrides as Record<string, unknown>)[key] !== undefined ? ` (from --${key})` : '';
  let found: unknown = value;
  for (const p of issue.path) found = found !== null && typeof found === 'object' ? (found as Record<string, unknown>)[String(p)] : undefined;
  const shown = found === undefined ? 'nothing' : JSON.stringify(found);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(issue.path, schema);
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${keyPrefix}${[...issue.path, k].join('.')}\``).join(', ')}; allowed here: ${allowed.map((k) => `\`${k}\``).join(', ')}.`;
    }
    case 'invalid_type':
      return `\`${key}\`${fromFlag} must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}, but is ${shown}.`;
    case 'invalid_format':
      return `\`${key}\`${fromFlag} must be ${issue.format === 'regex' ? issue.message : `a valid ${issue.format}`}, but is ${shown}.`;
    case 'too_small':
      return `\`${key}\`${fromFlag} is too small (${shown}); it must be ${issue.origin === 'array' ? 'a non-empty list' : issue.origin === 'string' ? 'a non-empty string' : issue.inclusive === false ? `greater than ${String(issue.minimum)}` : `at least ${String(issue.minimum)}`}.`;
    default:
      return `\`${key}\`${fromFlag}: ${issue.message} (found ${shown}).`;
  }
}

function allowedKeys(path: readonly PropertyKey[], root: z.ZodType): string[] {
  let schema: z.ZodType = root;
  for (const p of path) {
    while (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(p)]!;
  }
  while (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}
