/**
 * `crawlSnapshot`: read every repo of the configured source and write the snapshot to
 * `.cache/snapshot.json`. In: the config and the phase log. Out: the snapshot and the file it was
 * written to. Phases: reading repos (with the crawl's progress lines), writing the snapshot.
 */
import { join } from 'node:path';
import type { PortalConfig } from '../config/schema.ts';
import { crawlProgress } from '../progress/crawl-progress.ts';
import type { PhaseLog } from '../progress/phase-log.ts';
import { loadSource } from '../sources/load-source.ts';
import type { Snapshot } from '../sources/snapshot.ts';
import { cacheDir, projectRoot } from './project-root.ts';
import { writeJsonFile } from './write-json-file.ts';

export const snapshotFile = join(cacheDir, 'snapshot.json');

export async function crawlSnapshot(config: PortalConfig, log: PhaseLog): Promise<{ snapshot: Snapshot; file: string }> {
  const snapshot = await log.phase(
    `Reading repos from ${[config.source].flat().join(', ')}`,
    () => loadSource(config, crawlProgress(log)),
    (s) => {
      const files = s.repos.reduce((n, r) => n + Object.keys(r.files).length, 0);
      return `${s.repos.length} repos, ${s.repos.filter((r) => r.catalogFiles.length > 0).length} with a catalog file, ${files} files read`;
    },
  );
  await log.phase(
    'Writing snapshot',
    () => writeJsonFile(snapshotFile, snapshot),
    () => snapshotFile.replace(`${projectRoot}/`, ''),
  );
  return { snapshot, file: snapshotFile };
}
