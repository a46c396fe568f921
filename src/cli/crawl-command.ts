/**
 * `npm run crawl -- [--source …]`: parse the flags and crawl (src/pipeline/crawl.ts), which reads
 * the source and writes the snapshot to .cache/snapshot.json, printing repo counts and timing.
 */
import { loadConfig } from '../config/load-config.ts';
import { crawlSnapshot } from '../pipeline/crawl.ts';
import { createPhaseLog } from '../progress/phase-log.ts';
import { parseCommonFlags } from './args.ts';

export async function runCrawl(argv: string[]): Promise<number> {
  const flags = parseCommonFlags(argv);
  if (flags.help) {
    process.stdout.write(
      'Usage: npm run crawl -- [--source local:<dir>|github:<org>] [--config portal.config.yaml]\n\nReads every repo of the source and writes the snapshot to .cache/snapshot.json.\n',
    );
    return 0;
  }
  const { config } = await loadConfig(flags.config, { source: flags.source });
  await crawlSnapshot(config, createPhaseLog(flags.quiet));
  return 0;
}
