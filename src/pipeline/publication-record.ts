/**
 * The publication record: which repo each published entity ref came from.
 * Every build writes it (to `.cache/` and into the site, as
 * `published-origins.json`); the next build reads it, so a ref declared again
 * in another repo stays with the repo it was published from
 * (src/graph/decide-owner.ts). The Pages workflow keeps the `.cache/` copy
 * between nightly runs, and falls back to the deployed copy when the cache is
 * gone. Neither is repo content: only Frontdoor writes them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { LoadedEntity } from '../catalog/read-catalog.ts';

export const PUBLICATION_RECORD_FILE = 'published-origins.json';

export const PublicationRecordSchema = z.object({
  version: z.literal(1),
  /** Lowercase entity ref (`kind:namespace/name`) → the repo it was last published from, e.g. `{ "group:default/payments-team": "payments" }`. */
  origins: z.record(z.string(), z.string()),
});
export type PublicationRecord = z.infer<typeof PublicationRecordSchema>;

export interface ReadRecord {
  origins: Map<string, string>;
  /** The file it came from; absent when there was none (a first build). */
  from?: string;
  /** Files that exist but could not be used, with why: worth a line in the log. */
  problems: string[];
}

/** The first of `paths` that holds a valid record; none is an empty record, as on a first build. */
export async function readPublicationRecord(paths: readonly string[]): Promise<ReadRecord> {
  const problems: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${path}: ${(error as Error).message}`);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push(`${path}: not JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = PublicationRecordSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(`${path}: ${z.prettifyError(parsed.error).replace(/\s*\n\s*/g, '; ')}`);
      continue;
    }
    return { origins: new Map(Object.entries(parsed.data.origins)), from: path, problems };
  }
  return { origins: new Map(), problems };
}

/**
 * This build's record: where every published entity declared in a catalog file came from, plus the
 * previous entries of refs not published this time whose repo did not read cleanly (`unsettled`):
 * an entity missing for a night because of its repo's errors is still that repo's when it returns.
 * Other entries are dropped (the repo read cleanly without the ref: it was removed or moved), so the
 * record does not grow forever. Generated entities (GitHub teams and people, inferred Components)
 * are not recorded: GitHub made them, no repo declared them.
 */
export function nextPublicationRecord(
  previous: ReadonlyMap<string, string>,
  published: readonly LoadedEntity[],
  unsettled: ReadonlySet<string>,
): PublicationRecord {
  const origins = new Map([...previous].filter(([, repo]) => unsettled.has(repo)));
  for (const entity of published) if (!entity.origin && entity.source.repo) origins.set(entity.ref, entity.source.repo);
  return { version: 1, origins: Object.fromEntries([...origins].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

export async function writePublicationRecord(paths: readonly string[], record: PublicationRecord): Promise<void> {
  const text = `${JSON.stringify(record, null, 1)}\n`;
  for (const path of paths) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
}
