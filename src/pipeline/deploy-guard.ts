/**
 * The deploy guard: a build that is about to be published (`npm run build -- --guard`, as the
 * nightly workflow runs it) refuses to go on when what it read would make a broken portal, and the
 * live site stays as it was. Two things make a broken portal:
 * - an incomplete crawl: the listing or the file reads stopped early (rate limit, outage, a token
 *   that expired mid-crawl), teams could not be read, or repos are kept with last night's content.
 *   A crawl that cannot start at all (bad token, GitHub unreachable) already fails the build
 *   (src/sources/load-source.ts);
 * - a sudden drop: the catalog has lost more than `deploy.maxEntityDrop` of the entities the last
 *   deploy published, which is more often a token that lost access than an org that shrank.
 *
 * It runs right after the catalog is loaded, before anything is rendered. Every build writes the
 * deploy record (its entity count) into the site; the next guarded build reads it back from the
 * output folder, where the workflow restores the last deploy's copy before building.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { DeployConfig } from '../config/schema.ts';
import { logText } from '../diagnostics/log-text.ts';
import type { Snapshot } from '../sources/snapshot.ts';
import { writeJsonFile } from './write-json-file.ts';

export const DEPLOY_RECORD_FILE = 'deploy-record.json';

export const DeployRecordSchema = z.object({
  version: z.literal(1),
  /** Entities in the published catalog, generated ones (teams, people, inferred Components) included. */
  entities: z.number().int().nonnegative(),
  repos: z.number().int().nonnegative(),
  /** When the build that wrote it ran (ISO 8601). */
  builtAt: z.string(),
});
export type DeployRecord = z.infer<typeof DeployRecordSchema>;

/** What the build refused to publish, and why: one reason per line, each saying what to do. */
export class DeployRefusedError extends Error {
  override name = 'DeployRefusedError';
  readonly reasons: readonly string[];
  constructor(reasons: readonly string[]) {
    super(
      `Not deploying: this build would publish a broken portal, so the live site stays as it was.\n${reasons.map((r) => `  - ${r}`).join('\n')}\n` +
        'To publish anyway (the drop is real, or stale repos are acceptable tonight), run the workflow by hand with "force".',
    );
    this.reasons = reasons;
  }
}

/**
 * Snapshot notes that say the crawl did not read the whole org (written by src/sources/github/crawl.ts;
 * src/pipeline/deploy-guard-build.test.ts crawls a fake GitHub to keep these in step with it).
 * Other notes (docs pages without a date, URLs GitHub gave that were left out) do not block.
 */
const INCOMPLETE_CRAWL_NOTES = [/^The repository listing of .+ stopped early/, /^The crawl of .+ stopped early/, /^Teams of .+ could not be read/];

/** How many repo names a reason lists before "and N more", and how many reasons are quoted. */
const NAMES_SHOWN = 5;
const REASONS_SHOWN = 3;

export interface DeployVerdict {
  /** Why the build must not be published; empty when it may be. */
  refusals: string[];
  /** What the guard noticed without objecting to it: worth a line in the log. */
  notes: string[];
}

export interface JudgeInput {
  snapshot: Snapshot;
  /** Entities this build would publish. */
  entities: number;
  /** The last deploy's record; undefined before the first deploy. */
  previous: DeployRecord | undefined;
  config: DeployConfig;
}

export function judgeDeploy({ snapshot, entities, previous, config }: JudgeInput): DeployVerdict {
  const refusals: string[] = [];
  const notes: string[] = [];
  for (const note of snapshot.notes) {
    if (INCOMPLETE_CRAWL_NOTES.some((pattern) => pattern.test(note))) refusals.push(`The crawl of ${snapshot.source} is incomplete: ${note}`);
  }
  const stale = snapshot.repos.filter((repo) => repo.stale);
  if (stale.length > 0) {
    // One stop (a rate limit) makes every unread repo stale for the same reason: say it once.
    const byReason = new Map<string, string[]>();
    for (const repo of stale) byReason.set(repo.stale!.reason, [...(byReason.get(repo.stale!.reason) ?? []), repo.name]);
    const groups = [...byReason].slice(0, REASONS_SHOWN).map(([reason, names]) => `${listed(names)} (${reason})`);
    const others = byReason.size > REASONS_SHOWN ? `; and repos failing for ${byReason.size - REASONS_SHOWN} other reasons` : '';
    refusals.push(
      `${stale.length} repo${stale.length === 1 ? '' : 's'} of ${snapshot.source} could not be read and would be published with the content of an earlier crawl: ${groups.join('; ')}${others}. The next run reads them again.`,
    );
  }
  if (!previous) notes.push(`No deploy record from a previous deploy: the drop in entities is not checked this time (${entities} entities).`);
  else if (previous.entities > 0) {
    const drop = (previous.entities - entities) / previous.entities;
    if (drop > config.maxEntityDrop)
      refusals.push(
        `The catalog would shrink from ${previous.entities} entities at the last deploy (${previous.builtAt}) to ${entities}, ${percent(drop)} fewer, ` +
          `more than deploy.maxEntityDrop allows (${percent(config.maxEntityDrop)}). If repos lost their catalog files or the token lost access to repos or teams, fix that; ` +
          'if the org really shrank, raise deploy.maxEntityDrop in portal.config.yaml or run the workflow by hand with "force".',
      );
  }
  return { refusals, notes };
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  return names.length > NAMES_SHOWN ? `${shown} and ${names.length - NAMES_SHOWN} more` : shown;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** The record a build leaves in its output folder; absent (first deploy) or unusable is no record, with why. */
export async function readDeployRecord(outDir: string): Promise<{ record?: DeployRecord; problem?: string }> {
  const path = join(outDir, DEPLOY_RECORD_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : { problem: `${path}: ${(error as Error).message}` };
  }
  try {
    const parsed = DeployRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? { record: parsed.data } : { problem: `${path}: ${z.prettifyError(parsed.error).replace(/\s*\n\s*/g, '; ')}` };
  } catch (error) {
    return { problem: `${path}: not JSON (${(error as Error).message})` };
  }
}

export async function writeDeployRecord(outDir: string, counts: { entities: number; repos: number }): Promise<void> {
  const record: DeployRecord = { version: 1, ...counts, builtAt: new Date().toISOString() };
  await writeJsonFile(join(outDir, DEPLOY_RECORD_FILE), record);
}

export interface GuardInput {
  snapshot: Snapshot;
  entities: number;
  /** The output folder, before Astro empties it: the last deploy's record is there. */
  outDir: string;
  config: DeployConfig;
  log: (line: string) => void;
}

/** Read the last deploy's record, judge this build, log what was noticed; throws DeployRefusedError to refuse. */
export async function guardDeploy(input: GuardInput): Promise<void> {
  const previous = await readDeployRecord(input.outDir);
  if (previous.problem) input.log(`⚠ The deploy record was not used: ${logText(previous.problem)}`);
  const verdict = judgeDeploy({ snapshot: input.snapshot, entities: input.entities, previous: previous.record, config: input.config });
  for (const note of verdict.notes) input.log(`Deploy guard: ${note}`);
  if (verdict.refusals.length > 0) throw new DeployRefusedError(verdict.refusals);
  input.log(
    `Deploy guard: the crawl is complete and ${input.entities} entities${previous.record ? ` (last deploy: ${previous.record.entities})` : ''} may be published.`,
  );
}
