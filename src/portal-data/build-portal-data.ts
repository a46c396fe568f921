/**
 * Stage entry: graph → PortalData, the finished data the site renders. Every
 * per-page lookup (owner, system, domain, relation targets, the entity's own
 * diagnostics) is resolved here once, so pages only read; so are an API's
 * definition (parsed once, for its scorecard and its pages) and whether an
 * entity has docs (docs-of.ts, for the check and the Docs button). Each entity's record
 * is built in isolation and checked against what its page will do with it
 * (renderable.ts): one that cannot be built or rendered is left out with a
 * `repo-failed` diagnostic, so its page is missing rather than the whole site.
 */
import type { CatalogResult, LoadedEntity } from '../catalog/read-catalog.ts';
import { RELATION_OWNED_BY, RELATION_PART_OF } from '../catalog-model/relations.ts';
import { entityPagePath, splitCanonicalRef } from '../catalog-model/refs.ts';
import { fileWebUrl } from '../sources/repo-files.ts';
import { compareDiagnostics, countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { isolate, type FailurePlace } from '../diagnostics/isolate.ts';
import type { CatalogGraph } from '../graph/resolve-graph.ts';
import type { Repo, Snapshot } from '../sources/snapshot.ts';
import { findCodeowners } from '../catalog/generated/codeowners.ts';
import type { PortalData, RepoRecord } from './schema.ts';
import type { EntityRecord } from '../entity-record/schema.ts';
import { HealthConfigSchema, type HealthConfig } from '../config/schema.ts';
import { readApiDefinition } from '../api-docs/index.ts';
import { docsOf } from './docs-of.ts';
import { assertRenderableEntity, assertRenderableRepo } from './renderable.ts';
import { scoreIsolated } from './score-isolated.ts';
import { emptyTemplatesData } from '../scaffolder/page-schema.ts';
import type { TemplatesResult } from '../scaffolder/index.ts';
import type { PluginsResult } from '../plugins/run-plugins.ts';

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
  /** The template stage's result (src/scaffolder): its checks' diagnostics join the others, its data feeds /create/. */
  templates?: TemplatesResult;
  /** This portal's own repo, `owner/name` (`portalRepoOf`). */
  portalRepo?: string | undefined;
  /** The integrations stage's result (src/plugins): sections on entity pages, checks joining scorecards, its diagnostics. */
  plugins?: Pick<PluginsResult, 'sections' | 'checks' | 'diagnostics'>;
}

/**
 * The portal's own repo from GitHub Actions' `GITHUB_REPOSITORY` (set on every run: the nightly
 * build runs in the portal repo), when it has the `owner/name` form; a local build does not know it.
 */
export function portalRepoOf(env: Record<string, string | undefined>): string | undefined {
  const repo = env['GITHUB_REPOSITORY']?.trim();
  return repo && /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repo) ? repo : undefined;
}

export function allDiagnostics(catalog: CatalogResult, graph: CatalogGraph): Diagnostic[] {
  return [...catalog.diagnostics, ...graph.diagnostics].sort(compareDiagnostics);
}

export function buildPortalData(input: PortalDataInput): PortalData {
  const { snapshot, graph } = input;
  const diagnostics = [
    ...allDiagnostics(input.catalog, graph),
    ...(input.docs?.diagnostics ?? []),
    ...(input.templates?.diagnostics ?? []),
    ...(input.plugins?.diagnostics ?? []),
  ].sort(compareDiagnostics);
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

  function entityRecord(entity: LoadedEntity): EntityRecord {
    const { apiVersion, metadata, ...typed } = entity.json;
    const { spec } = typed;
    const path = entityPagePath(entity.ref);
    const annotations = (metadata['annotations'] as Record<string, string> | undefined) ?? {};
    // An API's definition is read here, once: its scorecard and its pages all show this reading.
    const parsedDefinition = typed.kind === 'API' ? readApiDefinition(typed.spec) : undefined;
    const kindAndSpec = typed.kind === 'API' && parsedDefinition ? { ...typed, parsedDefinition } : typed;
    const docs = docsOf({ path, annotations, renderedDocsPath: input.docs?.pathByRef.get(entity.ref), parsedDefinition });
    const system = firstTarget(entity.ref, RELATION_PART_OF, 'system');
    const domain =
      entity.kind.kind === 'System' ? firstTarget(entity.ref, RELATION_PART_OF, 'domain') : system && firstTarget(system, RELATION_PART_OF, 'domain');
    const owner = firstTarget(entity.ref, RELATION_OWNED_BY);
    const repo = repos.get(entity.source.repo);
    const fileUrl = repo && fileWebUrl(repo, entity.source.path);
    return {
      ref: entity.ref,
      ...kindAndSpec,
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
      path,
      apiVersion,
      labels: (metadata['labels'] as Record<string, string> | undefined) ?? {},
      annotations,
      links: linksOf(metadata['links']),
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
      ...(docs ? { docs } : {}),
      relations: (graph.relationsOf.get(entity.ref) ?? []).map((r) => ({ type: r.type, target: r.target, exists: graph.byRef.has(r.target) })),
      diagnostics: diagnosticsByRef.get(entity.ref) ?? [],
      ...(entity.origin ? { origin: entity.origin } : {}),
      ...pluginSectionsOf(entity.ref),
    };
  }
  const pluginSectionsOf = (ref: string): Pick<EntityRecord, 'plugins'> => {
    const sections = input.plugins?.sections.get(ref);
    return sections && sections.length > 0 ? { plugins: sections } : {};
  };

  const failures: Diagnostic[] = [];
  const placeOf = (entity: LoadedEntity): FailurePlace => ({
    repo: entity.source.repo,
    path: entity.source.path,
    line: entity.source.line,
    column: entity.source.column,
    ref: entity.ref,
    stage: 'building its page data',
  });
  const built = graph.entities.flatMap((entity) => {
    const record = isolate(placeOf(entity), () => {
      const r = entityRecord(entity);
      assertRenderableEntity(r);
      return r;
    });
    if (record.ok) return [record.value];
    failures.push(record.diagnostic);
    return [];
  });

  // Scorecards read the finished records (owners, relations, repo facts), so they come last.
  const generatedAt = input.generatedAt ?? new Date();
  const { staleAfterDays } = input.health ?? HealthConfigSchema.parse({});
  const recordPlace = (e: EntityRecord): FailurePlace => ({
    repo: e.source.repo,
    path: e.source.path,
    line: e.source.line,
    column: 0,
    ref: e.ref,
    stage: 'scoring it',
  });
  const scored = scoreIsolated(
    {
      entities: linkPublished(built),
      diagnostics,
      now: generatedAt,
      staleAfterDays,
      ...(input.plugins ? { extraChecks: input.plugins.checks } : {}),
    },
    recordPlace,
  );
  failures.push(...scored.failures);
  const entities = linkPublished(scored.entities).map((e): EntityRecord => {
    const scorecard = scored.scorecards.get(e.ref);
    return scorecard ? { ...e, scorecard } : e;
  });

  const entitiesPerRepo = countPerRepo(entities);
  const repoRecords = snapshot.repos.flatMap((r) => {
    const record = isolate({ repo: r.name, stage: 'listing it on the repositories page' }, () => {
      const repoRecord: RepoRecord = {
        name: r.name,
        ...(r.url ? { url: r.url } : {}),
        ...(r.description ? { description: r.description } : {}),
        catalogFiles: r.catalogFiles,
        entityCount: entitiesPerRepo.get(r.name) ?? 0,
        ...(r.head ? { head: r.head } : {}),
      };
      assertRenderableRepo(repoRecord);
      return repoRecord;
    });
    if (record.ok) return [record.value];
    failures.push(record.diagnostic);
    return [];
  });

  const published = [...diagnostics, ...failures].sort(compareDiagnostics);
  const byKind: Record<string, number> = {};
  for (const e of entities) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  const counts = countBySeverity(published);
  return {
    meta: {
      title: input.title,
      org: input.org,
      source: snapshot.source,
      generatedAt: generatedAt.toISOString(),
      ...(input.portalRepo ? { portalRepo: input.portalRepo } : {}),
      counts: { repos: snapshot.repos.length, entities: entities.length, byKind, errors: counts.error, warnings: counts.warning },
    },
    entities,
    repos: repoRecords,
    diagnostics: published,
    health: scored.overview,
    templates: input.templates?.data ?? emptyTemplatesData,
  };
}

/** A relation to an entity that was left out leads nowhere: mark it so pages do not link to a missing page. */
function linkPublished(records: EntityRecord[]): EntityRecord[] {
  const published = new Set(records.map((e) => e.ref));
  return records.map((e) =>
    e.relations.every((r) => !r.exists || published.has(r.target))
      ? e
      : { ...e, relations: e.relations.map((r) => ({ ...r, exists: r.exists && published.has(r.target) })) },
  );
}

function countPerRepo(entities: readonly EntityRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.source.repo, (counts.get(e.source.repo) ?? 0) + 1);
  return counts;
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
