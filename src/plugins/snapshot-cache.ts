/**
 * The last good data of each plugin for each entity, kept in `.cache/plugins/<plugin>.json`
 * between builds, so a plugin whose service fails tonight still shows yesterday's data, labelled
 * "data from <time>". Only what a plugin's `data` schema accepts is written, and it is checked
 * again when read back (a plugin's data shape may have changed since). Never published.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export interface CachedData<TData = unknown> {
  /** When the data was read (ISO time). */
  at: string;
  data: TData;
}

const CacheFileSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), z.object({ at: z.iso.datetime(), data: z.unknown() })),
});

export function pluginCacheFile(cacheDir: string, plugin: string): string {
  return join(cacheDir, 'plugins', `${plugin}.json`);
}

/** The cached entries of `plugin` whose data `schema` still accepts; none when the file is missing or unreadable. */
export async function readPluginCache<TData>(cacheDir: string, plugin: string, schema: z.ZodType<TData, unknown>): Promise<Map<string, CachedData<TData>>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(pluginCacheFile(cacheDir, plugin), 'utf8'));
  } catch {
    return new Map();
  }
  const file = CacheFileSchema.safeParse(raw);
  if (!file.success) return new Map();
  const entries = new Map<string, CachedData<TData>>();
  for (const [ref, entry] of Object.entries(file.data.entries)) {
    const data = schema.safeParse(entry.data);
    if (data.success) entries.set(ref, { at: entry.at, data: data.data });
  }
  return entries;
}

/** Replace the cache of `plugin` (written to a temporary file first, so a crash never leaves half a file). */
export async function writePluginCache(cacheDir: string, plugin: string, entries: ReadonlyMap<string, CachedData>): Promise<void> {
  const file = pluginCacheFile(cacheDir, plugin);
  await mkdir(join(cacheDir, 'plugins'), { recursive: true });
  const sorted = Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(`${file}.tmp`, `${JSON.stringify({ version: 1, entries: sorted })}\n`);
  await rename(`${file}.tmp`, file);
}
