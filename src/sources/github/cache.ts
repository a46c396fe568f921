/**
 * The previous crawl of an organization, kept in `.cache/github/<org>.json`
 * so the next run reads only what changed. The cache is keyed by what shapes
 * a crawl (endpoint, catalog paths, limits, filters): change one, and the
 * next crawl starts cold. A missing or unreadable cache just means a cold
 * crawl. It never holds the token.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SnapshotSchema, type Snapshot } from '../snapshot.ts';

const CacheFileSchema = z.object({ key: z.string(), snapshot: SnapshotSchema });

export function cacheFileOf(cacheDir: string, org: string): string {
  return join(cacheDir, `${org.toLowerCase().replace(/[^a-z0-9._-]/g, '_')}.json`);
}

export async function readGitHubCache(cacheDir: string, org: string, key: string): Promise<Snapshot | undefined> {
  let raw: string;
  try {
    raw = await readFile(cacheFileOf(cacheDir, org), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = CacheFileSchema.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.key === key ? parsed.data.snapshot : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary file, then renamed: a crash mid-write never leaves half a cache. */
export async function writeGitHubCache(cacheDir: string, org: string, key: string, snapshot: Snapshot): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const file = cacheFileOf(cacheDir, org);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ key, snapshot }));
  await rename(tmp, file);
}
