/** What a crawl prints as it goes: repos listed, changed and read, waits, and requests and points at the end. */
import { logText } from '../diagnostics/log-text.ts';
import type { SourceProgress } from '../sources/load-source.ts';
import { formatMs, type PhaseLog } from './phase-log.ts';

export function crawlProgress(log: PhaseLog): SourceProgress {
  return {
    onCrawl(rawOrg, event) {
      // The org name comes from the config, but GitHub's answers (a wait's reason) are quoted from the network.
      const org = logText(rawOrg);
      switch (event.phase) {
        case 'listing':
          log.info(`  ${org}: listed ${event.listed}${event.total !== undefined ? ` of ${event.total}` : ''} repos`);
          break;
        case 'files':
          log.info(`  ${org}: ${event.unchanged} repos unchanged since the last crawl, ${event.changed} to read`);
          break;
        case 'dates':
          log.info(`  ${org}: reading when ${event.pages} docs pages last changed`);
          break;
        case 'people':
          log.info(`  ${org}: reading teams and members`);
          break;
        case 'wait':
          log.info(`  ${org}: waiting ${formatMs(event.ms)} (${logText(event.reason)})`);
          break;
      }
    },
    onCrawlDone(rawOrg, stats) {
      const org = logText(rawOrg);
      const left = stats.remaining !== undefined ? ` (${stats.remaining} left this hour)` : '';
      const sizes = stats.sizeChanges.length ? `, sizes adapted ${stats.sizeChanges.length}×` : '';
      log.info(
        `  ${org}: ${stats.reposListed} listed, ${stats.reposSelected} selected, ${stats.reposChanged} read, ${stats.reposUnchanged} reused, ${stats.reposStale} stale, ${stats.reposDropped} dropped; ` +
          `${stats.requests} requests, ${stats.points} points${left}, ${stats.retries} retries${sizes}, ${formatMs(stats.durationMs)}${stats.listingComplete ? '' : ' — listing incomplete'}`,
      );
    },
  };
}
