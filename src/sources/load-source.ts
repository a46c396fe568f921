/** Stage entry: a source spec (`local:<dir>`, `github:<org>`) → Snapshot. */
import type { PortalConfig } from '../config/schema.ts';
import { readLocalSource, SourceError } from './local/read-local.ts';
import type { DiscoveryOptions } from './discover-files.ts';
import type { Snapshot } from './snapshot.ts';

export { SourceError } from './local/read-local.ts';

export interface SourceProgress {
  onRepo?: (name: string, index: number, total: number) => void;
}

export async function loadSource(config: PortalConfig, progress: SourceProgress = {}): Promise<Snapshot> {
  const spec = config.source;
  const colon = spec.indexOf(':');
  const type = spec.slice(0, colon);
  const target = spec.slice(colon + 1);
  const discovery = readOptions(config);
  if (type === 'local') {
    return readLocalSource(target, { ...discovery, ...(config.org ? { org: config.org } : {}), ...(progress.onRepo ? { onRepo: progress.onRepo } : {}) });
  }
  throw new SourceError(`The GitHub source (${spec}) is not available in this version; build from a local folder of repos with --source local:<dir>.`);
}

/** What every source needs to know to read a repo's catalog files, from the config. */
export function readOptions(config: PortalConfig): DiscoveryOptions & { maxFileBytes: number } {
  return {
    catalogPaths: config.catalog.paths,
    maxAliasCount: config.limits.maxAliasCount,
    maxDocumentsPerFile: config.limits.maxDocumentsPerFile,
    maxReferencedFiles: config.limits.maxReferencedFiles,
    maxFileBytes: config.limits.maxFileBytes,
  };
}
