/**
 * A portal with private or internal repos in it must not be published where anyone can read it:
 * say so before the build writes a page, naming the first few repos.
 */
import { logText } from '../diagnostics/log-text.ts';
import type { PhaseLog } from '../progress/phase-log.ts';
import type { Snapshot } from '../sources/snapshot.ts';

export function warnUnpublicRepos(snapshot: Snapshot, log: PhaseLog): void {
  const unpublic = snapshot.repos.filter((r) => r.visibility !== 'public');
  if (unpublic.length === 0) return;
  const named = `${unpublic
    .slice(0, 5)
    .map((r) => logText(r.name))
    .join(', ')}${unpublic.length > 5 ? ', …' : ''}`;
  log.info(
    `\n⚠ ${unpublic.length} private or internal repos are in this portal (${named}). Publish it only where their readers may see it: a GitHub Pages site can be public.`,
  );
}
