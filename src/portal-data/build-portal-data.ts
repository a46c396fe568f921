/**
 * Stage entry: graph → PortalData, the finished data the site renders. Every
 * per-page lookup (owner, system, domain, relation targets, the entity's own
 * diagnostics) is resolved here once, so pages only read.
 */
import type { CatalogResult, LoadedEntity } from '../catalog/read-catalog.ts';
import { RELATION_OWNED_BY, RELATION_PART_OF } from '../catalog/model/relations.ts';
import { entityPagePath, splitCanonicalRef } from '../catalog/model/refs.ts';
import { fileWebUrl } from '../catalog/repo-files.ts';
import { compareDiagnostics, countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { CatalogGraph } from '../graph/resolve-graph.ts';
import type { Repo, Snapshot } from '../sources/snapshot.ts';
import { findCodeowners } from '../catalog/generated/codeowners.ts';
import type { EntityRecord, PortalData, RepoRecord } from './schema.ts';
import { HealthConfigSchema, type HealthConfig } from '../config/schema.ts';
import { scoreEntities } from '../health/index.ts';

export interface PortalDataInput {
  title: string;
  org: string;
  snapshot: Snapshot;
  catalog: CatalogResult;
  graph: CatalogGraph;
  generatedAt?: Date;
  /** Config `health` (scorecards); defaults to the config schema's defaults. */
  health?: HealthConfig;
  /** The docs stage's result: its diagnostics join the catalog's, and entities with docs link to them. */
  docs?: { diagnostics: readonly Diagnostic[]; pathByRef: ReadonlyMap<string, string> };
}

export function allDiagnostics(catalog: CatalogResult, graph: CatalogGraph): Diagnostic[] {
  return [...catalog.diagnostics, ...graph.diagnostics].sort(compareDiagnostics);
}

export function buildPortalData(input: PortalDataInput): PortalData {
  const { snapshot, graph } = input;
  const diagnostics = [...allDiagnostics(input.catalog, graph), ...(input.docs?.diagnostics ?? [])].sort(compareDiagnostics);
  const diagnosticsByRef = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!d.ref) continue;
    const list = diagnosticsByRef.get(d.ref);
    if (list) list.push(d);
    else diagnosticsByRef.set(d.ref, [d]);
  }
  const repos = new Map(snapshot.repos.map((r) => [r.name, r]));

  const firstTarget = (ref: string, type: string, kind?: string) =>
    graph.relationsOf.get(ref)?.find((r) => r.type === type && (!kind || splitCanonicalRef(r.target).kind === kind))?.target;

  const entities = graph.entities.map((entity): EntityRecord => {
    const { json } = entity;
    const metadata = json.metadata;
    const spec = json.spec;
    const system = firstTarget(entity.ref, RELATION_PART_OF, 'system');
    const domain = entity.kind.kind === 'System' ? firstTarget(entity.ref, RELATION_PART_OF, 'domain') : system && firstTarget(system, RELATION_PART_OF, 'domain');
    const owner = firstTarget(entity.ref, RELATION_OWNED_BY);
    const repo = repos.get(entity.source.repo);
    const fileUrl = repo && fileWebUrl(repo, entity.source.path);
    return {
      ref: entity.ref,
      kind: json.kind,
      namespace: metadata.namespace,
      name: metadata.name,
      ...optionalString('title', metadata['title']),
      ...optionalString('description', metadata['description']),
      ...optionalString('type', spec['type']),
      ...optionalString('lifecycle', spec['lifecycle']),
      ...(owner ? { owner } : {}),
      ...(system ? { system } : {}),
      ...(domain ? { domain } : {}),
      tags: (metadata['tags'] as string[] | undefined) ?? [],
      path: entityPagePath(entity.ref),
      apiVersion: json.apiVersion,
      labels: (metadata['labels'] as Record<string, string> | undefined) ?? {},
      annotations: (metadata['annotations'] as Record<string, string> | undefined) ?? {},
      links: linksOf(metadata['links']),
      spec,
      source: {
        repo: entity.source.repo,
        path: entity.source.path,
        document: entity.source.document,
        line: entity.source.line,
        ...(repo?.url ? { repoUrl: repo.url } : {}),
        ...(fileUrl ? { fileUrl: `${fileUrl}#L${entity.source.line}` } : {}),
        ...(repo && entity.source.path && repo.url ? { editUrl: fileWebUrl(repo, entity.source.path, 'edit') } : {}),
      },
      ...(repo ? { repo: repoFacts(repo) } : {}),
      hasDocs: typeof (metadata['annotations'] as Record<string, unknown> | undefined)?.['backstage.io/techdocs-ref'] === 'string',
      ...(input.docs?.pathByRef.get(entity.ref) ? { docsPath: input.docs.pathByRef.get(entity.ref)! } : {}),
      relations: (graph.relationsOf.get(entity.ref) ?? []).map((r) => ({ type: r.type, target: r.target, exists: graph.byRef.has(r.target) })),
      diagnostics: diagnosticsByRef.get(entity.ref) ?? [],
      ...(entity.origin ? { origin: entity.origin } : {}),
    };
  });

  const entitiesPerRepo = countPerRepo(graph.entities);
  const repoRecords = snapshot.repos.map(
    (r): RepoRecord => ({
      name: r.name,
      ...(r.url ? { url: r.url } : {}),
      ...(r.description ? { description: r.description } : {}),
      catalogFiles: r.catalogFiles,
      entityCount: entitiesPerRepo.get(r.name) ?? 0,
      ...(r.head ? { head: r.head } : {}),
    }),
  );

  // Scorecards read the finished records (owners, relations, repo facts), so they come last.
  const generatedAt = input.generatedAt ?? new Date();
  const { staleAfterDays } = input.health ?? HealthConfigSchema.parse({});
  const { scorecards, overview } = scoreEntities({ entities, diagnostics, now: generatedAt, staleAfterDays });
  const scoredEntities = entities.map((e): EntityRecord => {
    const scorecard = scorecards.get(e.ref);
    return scorecard ? { ...e, scorecard } : e;
  });

  const byKind: Record<string, number> = {};
  for (const e of entities) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  const counts = countBySeverity(diagnostics);
  return {
    meta: {
      title: input.title,
      org: input.org,
      source: snapshot.source,
      generatedAt: generatedAt.toISOString(),
      counts: { repos: snapshot.repos.length, entities: entities.length, byKind, errors: counts.error, warnings: counts.warning },
    },
    entities: scoredEntities,
    repos: repoRecords,
    diagnostics,
    health: overview,
  };
}

function repoFacts(repo: Repo): EntityRecord['repo'] {
  const codeowners = findCodeowners(repo.files);
  return {
    name: repo.name,
    ...(repo.url ? { url: repo.url } : {}),
    ...(repo.defaultBranch ? { defaultBranch: repo.defaultBranch } : {}),
    archived: repo.archived,
    isTemplate: repo.isTemplate,
    visibility: repo.visibility,
    ...(repo.head ? { lastCommit: { sha: repo.head.commit, ...(repo.head.date ? { date: repo.head.date } : {}) } } : {}),
    ...(codeowners ? { codeowners: codeowners.path } : {}),
    ...(repo.stale ? { staleSince: repo.stale.since } : {}),
  };
}

function optionalString<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' && value.length > 0 ? ({ [key]: value } as Record<K, string>) : {};
}

function linksOf(value: unknown): EntityRecord['links'] {
  if (!Array.isArray(value)) return [];
  return value.map((l: Record<string, unknown>) => ({
    url: String(l['url']),
    ...optionalString('title', l['title']),
    ...optionalString('icon', l['icon']),
    ...optionalString('type', l['type']),
  }));
}

function countPerRepo(entities: readonly LoadedEntity[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.source.repo, (counts.get(e.source.repo) ?? 0) + 1);
  return counts;
}
