/**
 * How the Content Layer reads a data file the build wrote: a JSON file named
 * by an environment variable (else a default path, both relative to the
 * project root), parsed and checked against its schema once per version of
 * the file (mtime and size), and shared by every loader that asks for it.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export interface JsonDataFileSpec<T> {
  /** The schema's name, for messages: `PortalData`. */
  name: string;
  /** The environment variable that names the file; the build sets it. */
  envVar: string;
  /** The file when the variable is unset or blank, relative to the project root. */
  defaultPath: string;
  schema: z.ZodType<T>;
  /** What no file means: data to use (a portal built before that file existed), or an error saying how to make it. */
  whenMissing: { data: T } | { error: (file: string) => string };
}

export interface JsonDataFile<T> {
  /** The file's absolute path for a project root. */
  pathFor(root: URL): string;
  /** Its checked contents; read again only when the file changed. */
  read(file: string): Promise<T>;
}

export function jsonDataFile<T>(spec: JsonDataFileSpec<T>): JsonDataFile<T> {
  let cached: { key: string; data: Promise<T> } | undefined;
  return {
    pathFor: (root) => path.resolve(fileURLToPath(root), process.env[spec.envVar]?.trim() || spec.defaultPath),
    async read(file) {
      if (!existsSync(file)) {
        if ('data' in spec.whenMissing) return spec.whenMissing.data;
        throw new Error(spec.whenMissing.error(file));
      }
      const { mtimeMs, size } = statSync(file);
      const key = `${file}:${mtimeMs}:${size}`;
      if (cached?.key !== key) cached = { key, data: parseDataFile(file, spec) };
      return cached.data;
    },
  };
}

async function parseDataFile<T>(file: string, { name, schema }: JsonDataFileSpec<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`Frontdoor: cannot read ${name} file ${file}: ${(error as Error).message}`, { cause: error });
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(`Frontdoor: ${file} is not valid ${name} (rebuild it with \`npm run build\`):\n${z.prettifyError(result.error)}`);
  return result.data;
}
