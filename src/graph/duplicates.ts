/**
 * One winner per entity ref. Backstage keeps whichever copy it happened to
 * read first and only logs a warning; Frontdoor picks deterministically and
 * reports an error that names both files:
 * - in one file, the later document wins (as in Backstage);
 * - across files, the first by repo name, then path, then document wins.
 */
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';

const where = (e: LoadedEntity) => `${e.source.repo}/${e.source.path}:${e.source.line}`;

export function pickWinners(entities: readonly LoadedEntity[]): { winners: LoadedEntity[]; diagnostics: Diagnostic[] } {
  const byRef = new Map<string, LoadedEntity[]>();
  for (const e of entities) {
    const list = byRef.get(e.ref);
    if (list) list.push(e);
    else byRef.set(e.ref, [e]);
  }
  const winners: LoadedEntity[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [ref, copies] of byRef) {
    if (copies.length === 1) {
      winners.push(copies[0]!);
      continue;
    }
    // An entity declared in a catalog file always wins over one Frontdoor generated (from GitHub, or inferred).
    const declared = copies.filter((e) => !e.origin);
    if (declared.length > 0 && declared.length < copies.length) {
      const first = declared[0]!;
      for (const g of copies.filter((e) => e.origin)) {
        diagnostics.push(
          makeDiagnostic(
            'generated-entity-overridden',
            { repo: first.source.repo, path: first.source.path, line: first.source.line, column: first.source.column },
            `${ref} is declared here and also ${describeOrigin(g)}; the declaration in the catalog file wins.`,
            ref,
          ),
        );
      }
      if (declared.length === 1) {
        winners.push(first);
        continue;
      }
    }
    const candidates = declared.length > 0 ? declared : copies;
    const sorted = [...candidates].sort(
      (a, b) => a.source.repo.localeCompare(b.source.repo) || a.source.path.localeCompare(b.source.path) || a.source.document - b.source.document,
    );
    // Within the first file, Backstage's last-wins applies.
    const first = sorted[0]!;
    const sameFile = sorted.filter((e) => e.source.repo === first.source.repo && e.source.path === first.source.path);
    const winner = sameFile[sameFile.length - 1]!;
    winners.push(winner);
    for (const loser of sorted) {
      if (loser === winner) continue;
      const inSameFile = loser.source.repo === winner.source.repo && loser.source.path === winner.source.path;
      const why = inSameFile
        ? 'it is declared again later in the same file, and the later document wins (as in Backstage)'
        : `${where(winner)} declares it too and wins (the first by repository name, then path)`;
      diagnostics.push(
        makeDiagnostic(
          'duplicate-entity',
          { repo: loser.source.repo, path: loser.source.path, line: loser.source.line, column: loser.source.column },
          `${ref} is declared twice: this copy at ${where(loser)} is ignored because ${why}. Entity refs are unique per kind and namespace, ignoring case: rename one of them or delete the duplicate.`,
          ref,
        ),
      );
    }
  }
  winners.sort((a, b) => a.ref.localeCompare(b.ref));
  return { winners, diagnostics };
}

function describeOrigin(entity: LoadedEntity): string {
  switch (entity.origin?.kind) {
    case 'github-team':
      return `generated from the GitHub team ${entity.json.metadata['annotations'] ? String((entity.json.metadata['annotations'] as Record<string, string>)['github.com/team-slug']) : ''}`;
    case 'github-user':
      return `generated from the GitHub user ${entity.json.metadata.name}`;
    case 'inferred':
      return `inferred from the repository ${entity.source.repo}, which has no catalog file`;
    default:
      return 'generated';
  }
}
