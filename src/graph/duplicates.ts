/**
 * One winner per entity ref, or none. Backstage keeps whichever copy it
 * happened to read first and only logs a warning; Frontdoor decides by rules a
 * repo author cannot game, and reports an error that names every copy:
 * - a copy declared in a catalog file wins over one Frontdoor generated (from a
 *   GitHub team or person, or inferred for a repo without a catalog file);
 * - inside one repo (one author), the later document of a file wins (as in
 *   Backstage), then the first file by path;
 * - across repos, `decideOwner` (src/graph/decide-owner.ts) picks the repo, or
 *   no copy is published at all: never the first by repo name, which anyone
 *   can choose.
 */
import { ANNOTATION_TEAM_SLUG } from '../catalog-model/annotations.ts';
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { isolate } from '../diagnostics/isolate.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';
import { decideOwner, type OwnerVerdict } from './decide-owner.ts';
import { noEvidence, type OwnershipEvidence } from './ownership-evidence.ts';

const where = (e: LoadedEntity) => `${e.source.repo}/${e.source.path}:${e.source.line}`;
const placeOf = (e: LoadedEntity) => ({ repo: e.source.repo, path: e.source.path, line: e.source.line, column: e.source.column });
const UNIQUE = 'Entity refs are unique per kind and namespace, ignoring case';

export function pickWinners(
  entities: readonly LoadedEntity[],
  evidence: OwnershipEvidence = noEvidence,
): { winners: LoadedEntity[]; diagnostics: Diagnostic[] } {
  const byRef = new Map<string, LoadedEntity[]>();
  for (const e of entities) {
    const list = byRef.get(e.ref);
    if (list) list.push(e);
    else byRef.set(e.ref, [e]);
  }
  const winners: LoadedEntity[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [ref, copies] of byRef) {
    // One ref's decision is isolated: if it throws, none of its copies is published, and each repo hears why.
    const decided = isolate({ repo: copies[0]!.source.repo, stage: `deciding which copy of ${ref} to publish`, ref }, () => {
      const found: Diagnostic[] = [];
      return { published: publishedCopy(ref, copies, evidence, found), found };
    });
    if (!decided.ok) {
      for (const repo of new Set(copies.map((c) => c.source.repo))) diagnostics.push({ ...decided.diagnostic, repo, path: '', line: 0, column: 0 });
      continue;
    }
    diagnostics.push(...decided.value.found);
    if (decided.value.published) winners.push(decided.value.published);
  }
  winners.sort((a, b) => a.ref.localeCompare(b.ref));
  return { winners, diagnostics };
}

function publishedCopy(ref: string, copies: LoadedEntity[], evidence: OwnershipEvidence, diagnostics: Diagnostic[]): LoadedEntity | undefined {
  const declared = copies.filter((e) => !e.origin);
  const generated = copies.filter((e) => e.origin);
  const winner = declared.length > 0 ? pickAmong(ref, declared, evidence, diagnostics, generated[0]) : pickAmong(ref, generated, evidence, diagnostics);
  if (winner && declared.includes(winner)) {
    for (const g of generated) {
      diagnostics.push(
        makeDiagnostic(
          'generated-entity-overridden',
          placeOf(winner),
          `${ref} is declared here and also ${describeOrigin(g)}; the declaration in the catalog file wins.`,
          ref,
        ),
      );
    }
  }
  // When no declared copy can be published, the generated one (from GitHub) still can.
  return winner ?? (declared.length > 0 && generated.length > 0 ? pickAmong(ref, generated, evidence, diagnostics) : undefined);
}

/**
 * The copy to publish among copies of one origin (declared, or generated), reporting every other.
 * `fallback`: the generated copy shown when no declared one can be.
 */
function pickAmong(ref: string, copies: LoadedEntity[], evidence: OwnershipEvidence, out: Diagnostic[], fallback?: LoadedEntity): LoadedEntity | undefined {
  // Generated copies need no evidence: GitHub made them, and only a declared copy is recorded.
  const decide = (perRepo: LoadedEntity[]) =>
    copies[0]!.origin && perRepo.length === 1 ? { kind: 'only-copy' as const, winner: perRepo[0]! } : decideOwner(ref, perRepo, evidence);
  const perRepo = [...groupByRepo(copies).values()].map((sameRepo) => winnerInRepo(ref, sameRepo, out));
  const verdict = decide(perRepo);
  if ('winner' in verdict) {
    for (const loser of perRepo)
      if (loser !== verdict.winner) out.push(makeDiagnostic('duplicate-entity', placeOf(loser), lostMessage(ref, loser, verdict), ref));
    return verdict.winner;
  }
  const instead = fallback ? ` The one ${describeOrigin(fallback)} is shown instead.` : '';
  for (const copy of perRepo) out.push(makeDiagnostic('duplicate-entity', placeOf(copy), `${unpublishedMessage(ref, copy, perRepo, verdict)}${instead}`, ref));
  return undefined;
}

function groupByRepo(copies: readonly LoadedEntity[]): Map<string, LoadedEntity[]> {
  const byRepo = new Map<string, LoadedEntity[]>();
  for (const c of copies) {
    const list = byRepo.get(c.source.repo);
    if (list) list.push(c);
    else byRepo.set(c.source.repo, [c]);
  }
  return byRepo;
}

/** Inside one repo: the first file by path, and in it the later document (Backstage's last-wins). */
function winnerInRepo(ref: string, copies: LoadedEntity[], out: Diagnostic[]): LoadedEntity {
  if (copies.length === 1) return copies[0]!;
  const sorted = [...copies].sort((a, b) => a.source.path.localeCompare(b.source.path) || a.source.document - b.source.document);
  const firstPath = sorted[0]!.source.path;
  const winner = sorted.filter((e) => e.source.path === firstPath).at(-1)!;
  for (const loser of sorted) {
    if (loser === winner) continue;
    const why =
      loser.source.path === winner.source.path
        ? 'it is declared again later in the same file, and the later document wins (as in Backstage)'
        : `${where(winner)} declares it too and wins (the first file of the repository by path)`;
    out.push(
      makeDiagnostic(
        'duplicate-entity',
        placeOf(loser),
        `${ref} is declared twice: this copy at ${where(loser)} is ignored because ${why}. ${UNIQUE}: rename one of them or delete the duplicate.`,
        ref,
      ),
    );
  }
  return winner;
}

function lostMessage(ref: string, loser: LoadedEntity, verdict: Extract<OwnerVerdict, { winner: LoadedEntity }>): string {
  const winner = verdict.winner;
  const repo = winner.source.repo;
  const because = (() => {
    switch (verdict.kind) {
      case 'published':
        return `the previous build published it from ${repo}, which still declares it (a ref stays with the repository it was published from)`;
      case 'project-slug':
        return `every copy's \`github.com/project-slug\` names ${verdict.slug}, the repository it is in`;
      case 'only-copy':
        return 'it is the only copy that could be read';
    }
  })();
  return `${ref} is declared in more than one repository: this copy at ${where(loser)} is not published, because ${where(winner)} declares it too and wins: ${because}. ${UNIQUE}: delete this copy, or rename it if it is another entity.`;
}

function unpublishedMessage(ref: string, copy: LoadedEntity, all: readonly LoadedEntity[], verdict: Exclude<OwnerVerdict, { winner: LoadedEntity }>): string {
  if (verdict.kind === 'held') {
    return `${ref} was last published from ${verdict.repo}, whose catalog files have errors this time, so it may be missing there only because of them: this copy at ${where(copy)} is not published while that is so. Fix the errors in ${verdict.repo}: if it no longer declares ${ref}, the next build publishes this copy; if it does, that one stays.`;
  }
  // A ref copied into hundreds of repos must not make every message list all of them.
  const otherCopies = all.filter((c) => c !== copy);
  const others = [...otherCopies.slice(0, 5).map(where), ...(otherCopies.length > 5 ? [`${otherCopies.length - 5} more`] : [])];
  const slug =
    verdict.slugs < all.length
      ? `${verdict.slugs === 0 ? 'no copy' : `only ${verdict.slugs} of the ${all.length} copies`} carries a \`github.com/project-slug\``
      : verdict.slugRepos > 1
        ? `their \`github.com/project-slug\` annotations name ${verdict.slugRepos} different repositories`
        : "the repository every copy's `github.com/project-slug` names is none of them";
  return (
    `${ref} is declared here (${where(copy)}) and in ${others.join(', ')}, and nothing decides which repository it belongs to, so ${all.length === 2 ? 'neither copy is' : 'no copy is'} published: ` +
    `it was not published from one of them before, and ${slug}. ` +
    `Delete the copy that does not belong (a ref names one entity), or give every copy the same \`github.com/project-slug: <org>/<repo>\` naming the repository it belongs to.`
  );
}

function describeOrigin(entity: LoadedEntity): string {
  switch (entity.origin?.kind) {
    case 'github-team':
      return `generated from the GitHub team ${entity.json.metadata['annotations'] ? String((entity.json.metadata['annotations'] as Record<string, string>)[ANNOTATION_TEAM_SLUG]) : ''}`;
    case 'github-user':
      return `generated from the GitHub user ${entity.json.metadata.name}`;
    case 'inferred':
      return `inferred from the repository ${entity.source.repo}, which has no catalog file`;
    default:
      return 'generated';
  }
}
