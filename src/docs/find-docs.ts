/**
 * Which entities get docs, and where their sources are:
 * - `backstage.io/techdocs-ref` (dir: relative to the catalog file, or url: of
 *   this or another repo of the org) → an MkDocs site;
 * - otherwise the README next to the entity's catalog file → a single page,
 *   for the first entity of the file only (a file declaring a System and its
 *   Components shows the README once), and not when another entity of the
 *   file has TechDocs (those are the repo's docs).
 */
import { posix } from 'node:path';
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Repo, RepoFile } from '../sources/snapshot.ts';
import { configPathsOf } from '../sources/mkdocs/read-config.ts';
import { ANNOTATION_TECHDOCS_REF } from '../catalog-model/annotations.ts';
import { findRepoByUrl, locateTechdocs, techdocsRefOf } from '../sources/techdocs-ref.ts';
import { docsFailed } from './docs-failed.ts';

export type DocsSource = { kind: 'mkdocs'; entity: LoadedEntity; repo: Repo; dir: string } | { kind: 'readme'; entity: LoadedEntity; repo: Repo; path: string };

const README_NAMES = ['README.md', 'readme.md', 'Readme.md'];
/** Kinds whose README describes them; a Location's or a Group's README is about the repo, not the entity. */
const README_KINDS = new Set(['component', 'api', 'resource', 'system', 'domain']);

export function findDocsSources(entities: readonly LoadedEntity[], repos: readonly Repo[], org: string): { sources: DocsSource[]; diagnostics: Diagnostic[] } {
  const repoByName = new Map(repos.map((r) => [r.name, r]));
  const sources: DocsSource[] = [];
  const diagnostics: Diagnostic[] = [];
  // A catalog file whose entities have TechDocs already has docs: its README is not shown a second time.
  const readmeTaken = new Set<string>(entities.filter((e) => techdocsRefOf(e.json) !== undefined).map((e) => `${e.source.repo}\0${e.source.path}`));
  // File order, so "first entity of the file" is the one written first.
  const ordered = [...entities].sort(
    (a, b) => a.source.repo.localeCompare(b.source.repo) || a.source.path.localeCompare(b.source.path) || a.source.document - b.source.document,
  );
  for (const entity of ordered) {
    const repo = repoByName.get(entity.source.repo);
    if (!repo) continue;
    try {
      findSource(entity, repo);
    } catch (error) {
      // One entity's odd annotation must not cost every other entity its docs.
      diagnostics.push(docsFailed({ repo: repo.name, ref: entity.ref, path: entity.source.path }, error));
    }
  }
  return { sources, diagnostics };

  function findSource(entity: LoadedEntity, repo: Repo): void {
    const ref = techdocsRefOf(entity.json);
    const problem = (message: string) =>
      diagnostics.push({
        repo: repo.name,
        path: entity.source.path,
        line: entity.source.line,
        column: entity.source.column,
        severity: 'warning',
        rule: 'docs-source-missing',
        ref: entity.ref,
        message,
      });
    if (ref !== undefined) {
      const location = locateTechdocs(repo, entity.source.path, ref);
      if (location.kind === 'invalid') {
        problem(`${location.reason}, so the entity has no docs. ${location.fix}`);
        return;
      }
      const docsRepo = location.kind === 'this-repo' ? repo : findRepoByUrl(repos, location.repoUrl, org);
      if (!docsRepo) {
        problem(
          `${ANNOTATION_TECHDOCS_REF} points at ${location.kind === 'other-repo' ? location.repoUrl : ref}, which is not a repository of this portal. Point it at a repository of the organization, or move the docs next to the catalog file and write dir:.`,
        );
        return;
      }
      if (!hasSite(docsRepo.files, location.dir)) {
        const where = location.dir === '' ? 'the repository root' : `${location.dir}/`;
        problem(
          `${ANNOTATION_TECHDOCS_REF} "${ref}" names ${where} in ${docsRepo.name}, which has neither mkdocs.yml nor a docs/ folder. Add mkdocs.yml (site_name, nav) and docs/index.md there, or fix the path.`,
        );
        return;
      }
      sources.push({ kind: 'mkdocs', entity, repo: docsRepo, dir: location.dir });
      return;
    }
    if ((entity.origin && entity.origin.kind !== 'inferred') || !README_KINDS.has(entity.json.kind.toLowerCase())) return;
    const folder = entity.origin ? '' : posix.dirname(entity.source.path) === '.' ? '' : posix.dirname(entity.source.path);
    const readme = README_NAMES.map((n) => (folder ? `${folder}/${n}` : n)).find((p) => repo.files[p]?.status === 'text');
    const key = `${repo.name}\0${entity.source.path}`;
    if (!readme || readmeTaken.has(key)) return;
    readmeTaken.add(key);
    sources.push({ kind: 'readme', entity, repo, path: readme });
  }
}

/** An MkDocs site is there: a config, or at least a docs/ folder (TechDocs then writes a default config). */
function hasSite(files: Record<string, RepoFile>, dir: string): boolean {
  if (configPathsOf(dir).some((p) => files[p]?.status === 'text')) return true;
  const docs = dir === '' ? 'docs/' : `${dir}/docs/`;
  return Object.keys(files).some((p) => p.startsWith(docs) && /\.md$/i.test(p));
}
