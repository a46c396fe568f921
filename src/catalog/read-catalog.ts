/**
 * Stage entry: snapshot → validated entities, per-document verdicts and
 * diagnostics.
 *
 * Files are read in *batches*, as Backstage reads them: a repo's catalog file
 * is one batch, and the targets of one Location entity are another. A broken
 * document at the batch level (YAML error, a root that is not a mapping, an
 * envelope failure, an unreadable file, a missing required target) makes
 * Backstage reject every entity of that batch, so Frontdoor does the same and
 * says why on each one. Anything else only affects its own entity, and no
 * problem in one repo affects another: each repo is read in isolation, so even
 * an exception (a bug, or input nobody foresaw) while parsing or validating
 * costs only that file or that repo, with a `repo-failed` diagnostic naming
 * the stage.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { isolate } from '../diagnostics/isolate.ts';
import { makeDiagnostic, type Place } from '../diagnostics/make.ts';
import type { Repo, Snapshot } from '../sources/snapshot.ts';
import { isGlob, readRepoFile, resolveTarget } from '../sources/repo-files.ts';
import { validateDocument, type ValidatedEntity } from './validate/validate-document.ts';
import { parseDocuments } from '../sources/parse-documents.ts';
import type { EntityOrigin } from './generated/origin.ts';
import { inferredComponent } from './generated/inferred-components.ts';
import { orgEntities } from './generated/org-entities.ts';

export interface CatalogLimits {
  maxDocumentsPerFile: number;
  maxAliasCount: number;
  maxLocationDepth: number;
}

export const defaultCatalogLimits: CatalogLimits = { maxDocumentsPerFile: 500, maxAliasCount: 100, maxLocationDepth: 8 };

export interface EntitySource {
  repo: string;
  path: string;
  /** 0-based index among the file's non-empty documents. */
  document: number;
  line: number;
  column: number;
}

export interface LoadedEntity extends ValidatedEntity {
  source: EntitySource;
  /** Set for entities Frontdoor made rather than read from a catalog file. */
  origin?: EntityOrigin;
}

/** One YAML document and Backstage's verdict on it. */
export interface DocumentRecord {
  repo: string;
  path: string;
  document: number;
  line: number;
  ref?: string;
  valid: boolean;
}

export interface CatalogResult {
  documents: DocumentRecord[];
  entities: LoadedEntity[];
  diagnostics: Diagnostic[];
}

interface BatchFile {
  path: string;
  /** Where the Location target naming this file was written (absent for catalog roots). */
  from?: Place;
  optional: boolean;
}

export interface CatalogOptions {
  /** Show repos without a catalog file as inferred Components. */
  inferMissing?: boolean;
}

export function readCatalog(snapshot: Snapshot, limits: CatalogLimits = defaultCatalogLimits, options: CatalogOptions = {}): CatalogResult {
  const result: CatalogResult = { documents: [], entities: [], diagnostics: [] };
  for (const note of snapshot.notes) {
    result.diagnostics.push(makeDiagnostic('source-incomplete', { repo: '', path: '', line: 0, column: 0 }, note));
  }
  const multiOrg = snapshot.people.length > 1;
  for (const repo of snapshot.repos) {
    // A repo's results join the catalog only when all of it was read: half a repo would be worse than none.
    const own: CatalogResult = { documents: [], entities: [], diagnostics: [] };
    const read = isolate({ repo: repo.name, stage: 'reading its catalog files' }, () => readRepo(repo, limits, options, multiOrg, own));
    if (read.ok) {
      result.documents.push(...own.documents);
      result.entities.push(...own.entities);
      result.diagnostics.push(...own.diagnostics);
    } else result.diagnostics.push(read.diagnostic);
  }
  const people = isolate({ repo: '', stage: 'making Groups and Users from the GitHub teams' }, () => orgEntities(snapshot.people));
  if (people.ok) result.entities.push(...people.value);
  else result.diagnostics.push(people.diagnostic);
  return result;
}

function readRepo(repo: Repo, limits: CatalogLimits, options: CatalogOptions, multiOrg: boolean, out: CatalogResult): void {
  // What the source could not take as given (an invalid date or URL, a read that failed) is said here, once, for every command.
  for (const problem of repo.problems ?? []) {
    out.diagnostics.push(makeDiagnostic(problem.rule, { repo: repo.name, path: problem.path ?? '', line: 0, column: 0 }, problem.message));
  }
  if (repo.stale) {
    out.diagnostics.push(
      makeDiagnostic(
        'repo-stale',
        { repo: repo.name, path: '', line: 0, column: 0 },
        `${repo.name} could not be read this time (${repo.stale.reason}); its content is from ${repo.stale.since}. The next crawl tries again.`,
      ),
    );
  }
  if (repo.catalogFiles.length === 0) {
    const inferred = options.inferMissing ? inferredComponent(repo, multiOrg) : undefined;
    if (inferred) out.entities.push(inferred);
    out.diagnostics.push(
      makeDiagnostic(
        'repo-no-catalog',
        { repo: repo.name, path: '', line: 0, column: 0 },
        `Repository ${repo.name} has no catalog file${inferred ? ', so the portal shows an inferred Component for it' : ', so it is not in the catalog'}. Add a catalog-info.yaml at its root to register it${inferred?.origin?.kind === 'inferred' && inferred.origin.registerUrl ? ' (its page has a link that opens one, prefilled, on GitHub)' : ''}.`,
      ),
    );
    return;
  }
  const visited = new Set<string>();
  for (const path of repo.catalogFiles) readBatch(repo, [{ path, optional: false }], 0, visited, limits, out);
}

/** Read a batch; returns false when Backstage would reject it as a whole. */
function readBatch(repo: Repo, files: BatchFile[], depth: number, visited: Set<string>, limits: CatalogLimits, out: CatalogResult): boolean {
  const batchDiagnostics: Diagnostic[] = [];
  let broken: string | undefined;
  const verdicts: { record: DocumentRecord; entity?: LoadedEntity }[] = [];

  for (const file of files) {
    visited.add(file.path);
    const where: Place = file.from ?? { repo: repo.name, path: file.path, line: 0, column: 0 };
    const content = readRepoFile(repo, file.path);
    if (content.status !== 'text') {
      if (content.status === 'missing' && file.optional) continue;
      broken ??= `${file.path} could not be read`;
      batchDiagnostics.push(fileProblem(repo, file, content, where));
      continue;
    }
    if (content.lossy) {
      batchDiagnostics.push(
        makeDiagnostic(
          'file-not-utf8',
          { repo: repo.name, path: file.path, line: 1, column: 1 },
          `${file.path} is not valid UTF-8; invalid bytes were replaced with "�" (as Backstage does). Save the file as UTF-8.`,
        ),
      );
    }
    const parsing = isolate({ repo: repo.name, stage: 'parsing YAML', path: file.path, leftOut: 'This file, and every entity read with it,' }, () =>
      parseDocuments(content.text, { maxDocuments: limits.maxDocumentsPerFile, maxAliasCount: limits.maxAliasCount }),
    );
    if (!parsing.ok) {
      broken ??= `${file.path} could not be parsed`;
      batchDiagnostics.push(parsing.diagnostic);
      continue;
    }
    const parsed = parsing.value;
    if (parsed.skippedDocuments > 0) {
      batchDiagnostics.push(
        makeDiagnostic(
          'yaml-too-many-documents',
          { repo: repo.name, path: file.path, line: 1, column: 1 },
          `${file.path} holds ${parsed.documents.length + parsed.skippedDocuments} documents; only the first ${limits.maxDocumentsPerFile} were read. Split the file, or raise \`limits.maxDocumentsPerFile\` in portal.config.yaml.`,
        ),
      );
    }
    for (const doc of parsed.documents) {
      const record: DocumentRecord = { repo: repo.name, path: file.path, document: doc.index, line: doc.start.line, valid: false };
      if (doc.problem) {
        broken ??= `${file.path}:${doc.problem.at.line} (document ${doc.index + 1})`;
        const fix =
          doc.problem.rule === 'yaml-syntax'
            ? 'Fix the YAML syntax'
            : doc.problem.rule === 'yaml-alias-limit'
              ? 'Remove the nested aliases (this looks like a "billion laughs" document)'
              : 'Each document must be a mapping with apiVersion, kind, metadata and spec';
        batchDiagnostics.push(
          makeDiagnostic(
            doc.problem.rule,
            { repo: repo.name, path: file.path, ...doc.problem.at },
            `${capitalize(doc.problem.message)}. ${fix}; Backstage rejects every entity in this file until it is fixed.`,
          ),
        );
        verdicts.push({ record });
        continue;
      }
      const validating = isolate(
        { repo: repo.name, stage: 'validating a catalog entity', path: file.path, line: doc.start.line, column: doc.start.column, leftOut: 'This document' },
        () => validateDocument(doc, { repo, path: file.path, file: parsed, maxAliasCount: limits.maxAliasCount }),
      );
      if (!validating.ok) {
        // Only this document is lost: the failure says nothing about the rest of the file.
        batchDiagnostics.push(validating.diagnostic);
        verdicts.push({ record });
        continue;
      }
      const verdict = validating.value;
      batchDiagnostics.push(...verdict.diagnostics);
      if (verdict.ref) record.ref = verdict.ref;
      if (verdict.breaksBatch) broken ??= `${file.path}:${doc.start.line} (document ${doc.index + 1})`;
      record.valid = verdict.valid;
      const entity = verdict.entity && {
        ...verdict.entity,
        source: { repo: repo.name, path: file.path, document: doc.index, line: doc.start.line, column: doc.start.column },
      };
      verdicts.push(entity ? { record, entity } : { record });
    }
  }

  if (broken) {
    for (const v of verdicts) {
      if (!v.entity) continue;
      v.record.valid = false;
      const { source } = v.entity;
      batchDiagnostics.push(
        makeDiagnostic(
          'file-rejected',
          { repo: repo.name, path: source.path, line: source.line, column: source.column },
          `${v.entity.ref} is not loaded because ${broken} is broken, and Backstage rejects every entity read together with it. Fix that document first.`,
          v.entity.ref,
        ),
      );
    }
  }
  out.diagnostics.push(...batchDiagnostics);
  out.documents.push(...verdicts.map((v) => v.record));
  if (broken) return false;

  for (const v of verdicts) {
    if (!v.entity) continue;
    out.entities.push(v.entity);
    if (v.entity.kind.kind === 'Location') followLocation(repo, v.entity, depth, visited, limits, out);
  }
  return true;
}

function followLocation(repo: Repo, location: LoadedEntity, depth: number, visited: Set<string>, limits: CatalogLimits, out: CatalogResult): void {
  const spec = location.json.spec as { type?: string; target?: string; targets?: string[]; presence?: string };
  const place = (): Place => ({ repo: repo.name, path: location.source.path, line: location.source.line, column: location.source.column });
  const targets = [spec.target, ...(spec.targets ?? [])].filter((t): t is string => typeof t === 'string' && t.length > 0);
  if (targets.length === 0) return;
  const type = spec.type ?? 'url';
  if (type !== 'url') {
    out.diagnostics.push(
      makeDiagnostic(
        'location-target-not-followed',
        place(),
        `Location targets of type \`${type}\` are not read: Frontdoor reads \`url\` targets inside the same repository. Use relative paths such as \`./apis.yaml\` (and drop \`type\`).`,
        location.ref,
      ),
    );
    return;
  }
  if (depth + 1 > limits.maxLocationDepth) {
    out.diagnostics.push(
      makeDiagnostic(
        'location-depth',
        place(),
        `Locations nest more than ${limits.maxLocationDepth} levels deep here; the targets of ${location.ref} were not read. Point the top Location at the files directly.`,
        location.ref,
      ),
    );
    return;
  }
  const optional = spec.presence === 'optional';
  const batch: BatchFile[] = [];
  let broken = false;
  for (const target of targets) {
    const paths = isGlob(target) ? expandGlob(repo, location.source.path, target) : [resolveTarget(repo, location.source.path, target)];
    for (const resolved of paths) {
      switch (resolved.kind) {
        case 'outside-repo':
          broken = true;
          out.diagnostics.push(
            resolved.reason === 'git-dir'
              ? makeDiagnostic(
                  'file-in-git-dir',
                  place(),
                  `Location target \`${target}\` leads into the repository's git folder, which is never read or published. Targets must be catalog files of this repo.`,
                  location.ref,
                )
              : makeDiagnostic(
                  'location-target-outside-repo',
                  place(),
                  `Location target \`${target}\` points outside the repository. Targets must be files of this repo, written relative to ${location.source.path}.`,
                  location.ref,
                ),
          );
          break;
        case 'other-repo':
        case 'external':
          out.diagnostics.push(
            makeDiagnostic(
              'location-target-not-followed',
              place(),
              `Location target \`${target}\` is not a file of this repository, so Frontdoor does not read it. Each repo is read on its own: give that repo its own catalog-info.yaml, or use a relative path to a file here.`,
              location.ref,
            ),
          );
          break;
        case 'repo-path':
          if (visited.has(resolved.path)) continue; // already read: a loop, or the same file twice
          batch.push({ path: resolved.path, from: place(), optional });
      }
    }
  }
  if (broken) {
    out.diagnostics.push(
      makeDiagnostic(
        'file-rejected',
        place(),
        `None of the targets of ${location.ref} were loaded, because one of them points outside the repository and Backstage then rejects the whole Location.`,
        location.ref,
      ),
    );
    return;
  }
  readBatch(repo, batch, depth + 1, visited, limits, out);
}

/** Glob targets were expanded by the source (it can list files); look up the matches. */
function expandGlob(repo: Repo, fromFile: string, target: string) {
  const resolved = resolveTarget(repo, fromFile, target);
  if (resolved.kind !== 'repo-path') return [resolved];
  return (repo.globs[resolved.path] ?? []).map((path) => ({ kind: 'repo-path' as const, path }));
}

function fileProblem(repo: Repo, file: BatchFile, content: Exclude<ReturnType<typeof readRepoFile>, { status: 'text' }>, where: Place): Diagnostic {
  const name = file.from ? `Location target ${file.path}` : file.path;
  switch (content.status) {
    case 'missing':
      return makeDiagnostic(
        'location-target-not-found',
        where,
        `${name} does not exist in ${repo.name}. Fix the target path (relative to the Location's file), add the file, or set \`presence: optional\`. Backstage rejects all of this Location's targets until then.`,
      );
    case 'too-large':
      return makeDiagnostic(
        'file-too-large',
        where,
        `${name} is ${formatBytes(content.size)}, over the ${formatBytes(content.limit)} limit for catalog files, so it was not read. Split it into smaller files, or raise \`limits.maxFileBytes\` in portal.config.yaml.`,
      );
    case 'binary':
      return makeDiagnostic('file-binary', where, `${name} is a binary file (or UTF-16 text), not YAML. Save it as UTF-8 text.`);
    case 'outside-repo':
      if (content.gitDir)
        return makeDiagnostic(
          'file-in-git-dir',
          where,
          `${name} leads into the repository's git folder (${content.reason}), which is never read or published. Name a catalog file of the repository itself.`,
        );
      return makeDiagnostic(
        'file-outside-repo',
        where,
        `${name} leads outside the repository (${content.reason}), so it was not read. Replace the symlink with the file itself.`,
      );
    case 'unreadable':
      return makeDiagnostic('file-unreadable', where, `${name} could not be read: ${content.reason}.`);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
