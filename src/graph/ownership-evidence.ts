/**
 * What decides which repo an entity ref belongs to when several repos declare
 * it (src/graph/decide-owner.ts): facts a repo author cannot set for another
 * team's repo. The publication record comes from the previous build
 * (src/pipeline/publication-record.ts); the rest is read from the snapshot.
 */
import type { CatalogResult } from '../catalog/read-catalog.ts';
import { repoSlugOf } from '../sources/repo-files.ts';
import type { Repo, Snapshot } from '../sources/snapshot.ts';

export interface RepoEvidence {
  /** `org/repo` from the repo's web URL, lowercase; absent when the repo has no URL. */
  urlPath?: string;
}

export interface OwnershipEvidence {
  /** Ref → the repo the previous build published it from. */
  publishedFrom: ReadonlyMap<string, string>;
  /**
   * Repos whose catalog did not read cleanly this time (stale, or an error in a catalog file). A
   * ref recorded for one of them may only be missing because of that error, so it is not handed
   * to another repo until the recorded repo reads cleanly without it.
   */
  unsettled: ReadonlySet<string>;
  /** By repo name. A repo missing here has no URL. */
  repos: ReadonlyMap<string, RepoEvidence>;
}

export const noEvidence: OwnershipEvidence = { publishedFrom: new Map(), unsettled: new Set(), repos: new Map() };

export function ownershipEvidence(snapshot: Snapshot, catalog: CatalogResult, publishedFrom: ReadonlyMap<string, string>): OwnershipEvidence {
  const unsettled = new Set(snapshot.repos.filter((r) => r.stale).map((r) => r.name));
  for (const d of catalog.diagnostics) if (d.repo && d.severity === 'error') unsettled.add(d.repo);
  return { publishedFrom, unsettled, repos: new Map(snapshot.repos.map((r) => [r.name, safeRepoEvidence(r)])) };
}

/** A repo whose files cannot even be looked at was reported by the catalog stage; here it just has no evidence. */
function safeRepoEvidence(repo: Repo): RepoEvidence {
  try {
    return repoEvidence(repo);
  } catch {
    return {};
  }
}

export function repoEvidence(repo: Pick<Repo, 'url'>): RepoEvidence {
  const urlPath = repo.url ? repoSlugOf(repo.url)?.toLowerCase() : undefined;
  return urlPath ? { urlPath } : {};
}
