/**
 * Reads the previous deploy's catalog (api/entities.json) and changelog (changelog.json): from
 * the live site when its URL is known, else from the output folder the last build left (read
 * before Astro empties it; a CI runner can restore it from a cache). Offline-safe: every failure
 * (no network, a timeout, an HTTP error, a file that does not parse) is a note for the page and
 * the log, never a failed build.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BackstageEntitySchema } from '../static-api/index.ts';
import type { PreviousDeploy } from './history.ts';
import { ChangelogSchema, type Changelog } from './schema.ts';

/** Where the site publishes them, relative to its base. */
export const ENTITIES_FILE = 'api/entities.json';
export const CHANGELOG_FILE = 'changelog.json';
/** Per request: a slow site must not hold the nightly build up. */
export const FETCH_TIMEOUT_MS = 15_000;

export interface PreviousDeploySources {
  /** The live site with its base path (`https://acme.github.io/portal/`), when known. */
  siteUrl?: string | undefined;
  /** The output folder, which still holds the last build's site. */
  outDir: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface PreviousDeployReading {
  previous?: PreviousDeploy;
  /** The previous changelog when its catalog could not be read: its history is kept. */
  history?: Changelog;
  /** What could not be read, and why. */
  notes: string[];
}

const EntitiesSchema = z.array(BackstageEntitySchema);

/** A file that is not there: no previous deploy (yet), not a problem. */
const ABSENT = Symbol('absent');
type Read = { ok: true; json: unknown; where: string } | { ok: false; problem: string | typeof ABSENT };

export async function readPreviousDeploy(sources: PreviousDeploySources): Promise<PreviousDeployReading> {
  const notes: string[] = [];
  const places: { source: PreviousDeploy['source']; read: (file: string) => Promise<Read> }[] = [];
  if (sources.siteUrl) {
    const siteUrl = sources.siteUrl.endsWith('/') ? sources.siteUrl : `${sources.siteUrl}/`;
    places.push({ source: 'site', read: (file) => fetchJson(new URL(file, siteUrl).href, sources.fetch ?? fetch, sources.timeoutMs ?? FETCH_TIMEOUT_MS) });
  }
  places.push({ source: 'previous-output', read: (file) => readJson(join(sources.outDir, file)) });

  let history: Changelog | undefined;
  for (const { source, read } of places) {
    const changelog = parsed(await read(CHANGELOG_FILE), ChangelogSchema, notes);
    history ??= changelog;
    const entities = parsed(await read(ENTITIES_FILE), EntitiesSchema, notes);
    if (entities) return { previous: { source, entities, ...(changelog ? { changelog } : {}) }, notes };
  }
  return { ...(history ? { history } : {}), notes };
}

function parsed<T>(read: Read, schema: z.ZodType<T>, notes: string[]): T | undefined {
  if (!read.ok) {
    if (read.problem !== ABSENT) notes.push(read.problem);
    return undefined;
  }
  const result = schema.safeParse(read.json);
  if (result.success) return result.data;
  notes.push(`${read.where}: not the expected shape: ${z.prettifyError(result.error).split('\n').slice(0, 3).join('; ')}`);
  return undefined;
}

async function fetchJson(url: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<Read> {
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (response.status === 404) return { ok: false, problem: ABSENT };
    if (!response.ok) return { ok: false, problem: `${url}: HTTP ${response.status}` };
    const text = await response.text();
    return parseJson(text, url);
  } catch (error) {
    const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : errorText(error);
    return { ok: false, problem: `${url}: ${why}` };
  }
}

async function readJson(path: string): Promise<Read> {
  try {
    return parseJson(await readFile(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, problem: ABSENT };
    return { ok: false, problem: `${path}: ${errorText(error)}` };
  }
}

function parseJson(text: string, where: string): Read {
  try {
    return { ok: true, json: JSON.parse(text), where };
  } catch (error) {
    return { ok: false, problem: `${where}: not JSON (${errorText(error)})` };
  }
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch wraps the network error (ENOTFOUND, ECONNREFUSED) in a bare "fetch failed".
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
