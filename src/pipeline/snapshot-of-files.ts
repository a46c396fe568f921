/**
 * Catalog files named on the command line, read as one repo rooted at the directory the command
 * ran from (placeholders and Location targets resolve inside it): what a repo's own CI validates.
 */
import { sep } from 'node:path';
import type { PortalConfig } from '../config/schema.ts';
import { readOptions, SourceError } from '../sources/load-source.ts';
import { readLocalRepo } from '../sources/local/read-local.ts';
import type { Snapshot } from '../sources/snapshot.ts';

/** `paths` are repo-relative with `/` separators; one that is not a readable file is a SourceError. */
export async function snapshotOfFiles(root: string, paths: string[], config: PortalConfig): Promise<Snapshot> {
  const name = root.split(sep).pop() || 'repo';
  const repo = await readLocalRepo(root, name, { ...readOptions(config), catalogPaths: paths });
  for (const path of paths) {
    if (!repo.catalogFiles.includes(path)) throw new SourceError(`${path} does not exist.`);
  }
  return { version: 1, source: 'files', org: name, createdAt: new Date().toISOString(), repos: [repo], people: [], notes: [] };
}
