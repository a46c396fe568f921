/**
 * Stage entry: the changelog. In: this build's entity records and time, the output folder (which
 * still holds the last build's site) and the live site's URL when known. Out: the changelog the
 * site publishes (changelog.json, /changelog/, /changelog/feed.xml), with this build's changes
 * on top when the catalog changed since the previous deploy. Never throws for want of a previous
 * deploy: what could not be read is in `notes`.
 */
import type { EntityRecord } from '../entity-record/schema.ts';
import { toBackstageEntities } from '../static-api/index.ts';
import { nextChangelog } from './history.ts';
import { readPreviousDeploy, type PreviousDeploySources } from './previous-deploy.ts';
import type { Changelog } from './schema.ts';

export { atomFeed, changeSummary, entryAnchor } from './atom-feed.ts';
export { CHANGELOG_FILE, ENTITIES_FILE } from './previous-deploy.ts';
export { CHANGELOG_LIMIT, ChangelogSchema, type Changelog, type ChangelogEntry } from './schema.ts';

/** The env var the Pages workflow sets to the deployed site (`https://acme.github.io/portal/`); `off` reads no site. */
export const PREVIOUS_DEPLOY_ENV = 'FRONTDOOR_PREVIOUS_DEPLOY_URL';

export interface ChangelogStageInput extends PreviousDeploySources {
  /** The finished portal data (src/portal-data): its records and generation time. */
  portal: { entities: readonly EntityRecord[]; meta: { generatedAt: string } };
  log?: (line: string) => void;
}

export async function buildChangelog(input: ChangelogStageInput): Promise<Changelog> {
  const reading = await readPreviousDeploy(input);
  for (const note of reading.notes) input.log?.(`⚠ Changelog: the previous deploy could not be read: ${note}`);
  return nextChangelog({
    current: toBackstageEntities(input.portal.entities),
    generatedAt: input.portal.meta.generatedAt,
    notes: reading.notes,
    ...(reading.previous ? { previous: reading.previous } : {}),
    ...(reading.history ? { history: reading.history } : {}),
  });
}

/**
 * Where the previous deploy is served: the env var when set (`off`: nowhere), else the configured
 * site and base. Unset both and the build stays offline, reading only the output folder.
 */
export function previousDeployUrl(config: { site?: string | undefined; base: string }, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env[PREVIOUS_DEPLOY_ENV]?.trim();
  if (fromEnv) return fromEnv === 'off' ? undefined : fromEnv;
  if (!config.site) return undefined;
  try {
    return new URL(config.base, config.site).href;
  } catch {
    return undefined;
  }
}
