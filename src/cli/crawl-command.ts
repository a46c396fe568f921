/**
 * `npm run crawl -- [--source …]`: read the source and write the snapshot to
 * .cache/snapshot.json, printing repo counts and timing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/load-config.ts';
import { loadSource } from '../sources/load-source.ts';
import { parseCommonFlags } from './args.ts';
import { crawlProgress } from './crawl-progress.ts';
import { createPhaseLog } from './log.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const snapshotFile = join(projectRoot, '.cache', 'snapshot.json');

export async function runCrawl(argv: string[]): Promise<number> {
  const flags = parseCommonFlags(argv);
  if (flags.help) {
    process.stdout.write('Usage: npm run crawl -- [--source local:<dir>|github:<org>] [--config portal.config.yaml]\n\nReads every repo of the source and writes the snapshot to .cache/snapshot.json.\n');
    return 0;
  }
  const { config } = await loadConfig(flags.config, { source: flags.source });
  const log = createPhaseLog(flags.quiet);
  const snapshot = await log.phase(`Reading repos from ${[config.source].flat().join(', ')}`, () => loadSource(config, crawlProgress(log)), (s) => {
    const files = s.repos.reduce((n, r) => n + Object.keys(r.files).length, 0);
    return `${s.repos.length} repos, ${s.repos.filter((r) => r.catalogFiles.length > 0).length} with a catalog file, ${files} files read`;
  });
  await log.phase('Writing snapshot', async () => {
    await mkdir(dirname(snapshotFile), { recursive: true });
    await writeFile(snapshotFile, JSON.stringify(snapshot));
  }, () => snapshotFile.replace(`${projectRoot}/`, ''));
  return 0;
}
