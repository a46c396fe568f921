/**
 * Which repo an entity ref belongs to, when more than one declares it (or when
 * the one declaring it is not the one it was published from). Deciding by
 * repo name let anyone steal another team's Group or Component with a repo
 * named to sort first, so only facts a repo author cannot set for another
 * team's repo decide, in this order:
 * 1. the repo the previous build published the ref from, if it still declares
 *    it (a ref recorded for a repo whose catalog has errors this time is held:
 *    it may only be missing because of them);
 * 2. the repo that every copy's `github.com/project-slug` names, when all
 *    copies carry one and agree: a verbatim copy names its source, and a copy
 *    that names its own repo instead breaks the agreement, so an attacker can
 *    only ever hand the ref to the victim.
 * Anything else (a CODEOWNERS, a slug only the attacker's copy carries) is
 * written by the very author it would have to be checked against, so it
 * decides nothing: when no rule decides, no copy is published.
 */
import { ANNOTATION_PROJECT_SLUG } from '../catalog-model/annotations.ts';
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import type { OwnershipEvidence, RepoEvidence } from './ownership-evidence.ts';

export type OwnerVerdict =
  | { kind: 'only-copy'; winner: LoadedEntity }
  | { kind: 'published'; winner: LoadedEntity }
  | { kind: 'project-slug'; winner: LoadedEntity; slug: string }
  /** The ref was last published from `repo`, whose catalog has errors this time. */
  | { kind: 'held'; repo: string }
  /** No rule decided: `slugs` is how many copies carry a project-slug, `slugRepos` how many repos they name. */
  | { kind: 'undecided'; slugs: number; slugRepos: number };

/**
 * `copies`: one per repo (duplicates inside one repo are settled before, as Backstage does), at
 * least one. Pure: the same copies and evidence always give the same verdict.
 */
export function decideOwner(ref: string, copies: readonly LoadedEntity[], evidence: OwnerEvidence): OwnerVerdict {
  const recorded = evidence.publishedFrom.get(ref);
  const fromRecord = recorded === undefined ? undefined : copies.find((c) => c.source.repo === recorded);
  if (fromRecord) return copies.length === 1 ? { kind: 'only-copy', winner: fromRecord } : { kind: 'published', winner: fromRecord };
  if (recorded !== undefined && evidence.unsettled.has(recorded)) return { kind: 'held', repo: recorded };
  if (copies.length === 1) return { kind: 'only-copy', winner: copies[0]! };

  const slugs = copies.map(projectSlug).filter((s): s is string => s !== undefined && s !== '');
  const named = new Set(slugs.map((s) => s.toLowerCase()));
  if (slugs.length === copies.length && named.size === 1) {
    const slug = slugs[0]!;
    const winner = copies.find((c) => slugNamesRepo(slug, c, evidence.repos.get(c.source.repo)));
    if (winner) return { kind: 'project-slug', winner, slug };
  }
  return { kind: 'undecided', slugs: slugs.length, slugRepos: named.size };
}

type OwnerEvidence = Pick<OwnershipEvidence, 'publishedFrom' | 'unsettled' | 'repos'>;

export function projectSlug(entity: LoadedEntity): string | undefined {
  const value = (entity.json.metadata['annotations'] as Record<string, unknown> | undefined)?.[ANNOTATION_PROJECT_SLUG];
  return typeof value === 'string' ? value.trim() : undefined;
}

/**
 * The slug names the repo the copy is in: compared with the repo URL's `org/repo`, ignoring case;
 * a repo without a URL (a plain local folder) is matched by name, which is unique in a snapshot.
 */
function slugNamesRepo(slug: string, copy: LoadedEntity, repo: RepoEvidence | undefined): boolean {
  const wanted = slug.toLowerCase();
  if (repo?.urlPath) return wanted === repo.urlPath;
  return wanted.split('/').pop() === copy.source.repo.toLowerCase();
}
