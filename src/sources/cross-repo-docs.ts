/**
 * Docs an entity keeps in another repo of the organization
 * (`backstage.io/techdocs-ref: url:https://github.com/<org>/<repo>/tree/main/docs/`).
 * Runs after every repo was read, over all of them (changed or not): the
 * repo holding the docs does not know who points at it, so its own
 * discovery cannot have read that folder.
 */
import { parseDocuments } from './parse-documents.ts';
import { createReadContext, type DiscoveryOptions, type RepoReader } from './discover-files.ts';
import { discoverDocs } from './discover-docs.ts';
import { configPathsOf } from './mkdocs/read-config.ts';
import { showValue } from './checked-values.ts';
import type { Repo } from './snapshot.ts';
import { ANNOTATION_TECHDOCS_REF } from '../catalog-model/annotations.ts';
import { findRepoByUrl, locateTechdocs, techdocsRefOf } from './techdocs-ref.ts';

/** For each repo, the TechDocs folders other repos point at that it has not read yet. */
export function crossRepoDocsRequests(
  repos: readonly Repo[],
  options: Pick<DiscoveryOptions, 'maxAliasCount' | 'maxDocumentsPerFile'>,
  org?: string,
): Map<Repo, string[]> {
  const requests = new Map<Repo, Set<string>>();
  for (const repo of repos) {
    for (const path of repo.catalogFiles) {
      const file = repo.files[path];
      if (file?.status !== 'text' || !file.text.includes(ANNOTATION_TECHDOCS_REF)) continue;
      const { documents } = parseDocuments(file.text, { maxDocuments: options.maxDocumentsPerFile, maxAliasCount: options.maxAliasCount });
      for (const doc of documents) {
        const ref = techdocsRefOf(doc.value);
        if (ref === undefined) continue;
        const location = locateTechdocs(repo, path, ref);
        if (location.kind !== 'other-repo') continue;
        const target = findRepoByUrl(repos, location.repoUrl, org);
        if (!target || target === repo || isRead(target, location.dir)) continue;
        requests.set(target, (requests.get(target) ?? new Set()).add(location.dir));
      }
    }
  }
  return new Map([...requests].map(([repo, dirs]) => [repo, [...dirs]]));
}

/** Read the requested folders into their repos (mutates `files` and `trees`); a repo that fails keeps what was read, with a `repo-failed` problem. */
export async function readCrossRepoDocs(
  requests: Map<Repo, string[]>,
  readerFor: (repo: Repo) => RepoReader | undefined | Promise<RepoReader | undefined>,
): Promise<void> {
  await Promise.all(
    [...requests].map(async ([repo, dirs]) => {
      try {
        const reader = await readerFor(repo);
        if (!reader) return;
        const { readAll, readTrees } = createReadContext(reader, repo.files, repo.trees);
        await discoverDocs(dirs, { files: repo.files, trees: repo.trees, readAll, readTrees });
      } catch (error) {
        const reason = showValue(error instanceof Error ? error.message : String(error), 300);
        (repo.problems ??= []).push({
          rule: 'repo-failed',
          message: `Reading the docs other repos point at in ${repo.name} (${dirs.map((d) => showValue(d)).join(', ')}) failed (${reason}); those docs are left out.`,
        });
      }
    }),
  );
}

function isRead(repo: Repo, dir: string): boolean {
  return configPathsOf(dir).every((p) => p in repo.files);
}
