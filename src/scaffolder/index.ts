/**
 * Stage entry: the catalog's Template entities and the snapshot's repos → what the site shows about
 * software templates (issue 12), and the diagnostics of the build-time checks.
 *
 * In: the snapshot, the resolved graph, config `templates`, the org and the catalog's YAML limits.
 * Out: gallery cards (recommended first; a card for each GitHub template repository without a
 * Template entity), one page record per Template, one `TemplateLaunchData` per Template (the form's
 * template.json), and the checks' diagnostics, each placed in the template repo's files.
 *
 * Per Template: read its skeletons from the snapshot (launch-data.ts), choose sample values
 * (sample-values.ts), render once with them (the shared renderer's `dryRun`), run the checks on
 * that one rendering (checks/), and describe parameters, skeleton and steps for its page. One
 * template that throws costs its page (a `repo-failed` diagnostic), not the build.
 */
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import { RELATION_OWNED_BY } from '../catalog-model/relations.ts';
import type { TemplatesConfig } from '../config/schema.ts';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { isolate } from '../diagnostics/isolate.ts';
import type { CatalogGraph } from '../graph/resolve-graph.ts';
import { entityPagePath } from '../catalog-model/refs.ts';
import { fileWebUrl } from '../sources/repo-files.ts';
import type { Repo, Snapshot } from '../sources/snapshot.ts';
import { runTemplateChecks } from './checks/index.ts';
import { generateUrl, isRecommended, repoCards, sortCards } from './gallery.ts';
import { launchData, repoPathOf, skeletonSources } from './launch-data.ts';
import { optInWorkflow } from './opt-in-workflow.ts';
import { documentParameters, unknownFieldsOf } from './parameter-docs.ts';
import type { TemplateCard, TemplatePage, TemplatesData } from './page-schema.ts';
import { timeBudget } from '../docs/markdown/time-budget.ts';
import { dryRun } from './render/index.ts';
import { sampleValues } from './sample-values.ts';
import type { TemplateLaunchData } from './schema.ts';
import { checklist, fileTree, skeletonLanguage, type SkeletonEntry } from './skeleton-analysis.ts';
import { documentSteps } from './step-docs.ts';

export interface TemplatesInput {
  snapshot: Snapshot;
  graph: Pick<CatalogGraph, 'entities' | 'relationsOf' | 'byRef'>;
  config: TemplatesConfig;
  /** The GitHub org (config `org`, else the snapshot's). */
  org: string;
  limits: { maxDocumentsPerFile: number; maxAliasCount: number; maxPageRenderMs: number };
}

export interface TemplatesResult {
  data: TemplatesData;
  /** Every check's diagnostics, and a `repo-failed` one per template that could not be handled, in stable order. */
  diagnostics: Diagnostic[];
}

/** Base-relative path of a Template's page (Backstage's URL): `create/templates/<namespace>/<name>/`. */
export function templatePagePath(template: { namespace: string; name: string }): string {
  return `create/templates/${template.namespace.toLowerCase()}/${template.name.toLowerCase()}/`;
}

export function buildTemplates(input: TemplatesInput): TemplatesResult {
  const { snapshot, graph, config } = input;
  const repos = new Map(snapshot.repos.map((r) => [r.name, r]));
  const templates = graph.entities.filter((e) => e.kind.kind === 'Template');
  const pages: TemplatePage[] = [];
  const launch: TemplateLaunchData[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const entity of templates) {
    const repo = repos.get(entity.source.repo);
    if (!repo) continue;
    const place = {
      repo: repo.name,
      path: entity.source.path,
      line: entity.source.line,
      column: entity.source.column,
      ref: entity.ref,
      stage: 'checking the template',
    };
    const built = isolate(place, () => templatePage(entity, repo, input));
    if (!built.ok) {
      diagnostics.push(built.diagnostic);
      continue;
    }
    pages.push(built.value.page);
    launch.push(built.value.launch);
    diagnostics.push(...built.value.page.diagnostics);
  }
  const withTemplates = new Set(templates.map((t) => t.source.repo));
  const cards = sortCards([...pages.map((p) => p.card), ...repoCards(snapshot.repos, withTemplates, input.org, config.recommended)], config.recommended);
  return { data: { cards, pages, launch }, diagnostics: diagnostics.sort(compareDiagnostics) };
}

function templatePage(entity: LoadedEntity, repo: Repo, input: TemplatesInput): { page: TemplatePage; launch: TemplateLaunchData } {
  const { graph, config } = input;
  const template = launchData(entity, repo, input.org);
  const owner = graph.relationsOf.get(entity.ref)?.find((r) => r.type === RELATION_OWNED_BY)?.target;
  const sources = skeletonSources(repo, template.templatePath, template.steps);
  const sample = sampleValues(template.parameters, { org: template.repo.owner, owner }, repo, template.templatePath);
  // A template is repo content: a loop over `range(0, 1e10)` must cost its own page, not stall the build.
  const rendered = timeBudget(input.limits.maxPageRenderMs).run(() => dryRun(template, sample.values));
  const diagnostics = runTemplateChecks({
    template,
    repo,
    line: entity.source.line,
    column: entity.source.column,
    sources,
    sample,
    dryRun: rendered,
    config,
    limits: input.limits,
  }).sort(compareDiagnostics);

  const entries = skeletonEntries(template, sources);
  const parameters = documentParameters(template.parameters);
  const spec = entity.json.spec as { type?: unknown; lifecycle?: unknown };
  const tags = (entity.json.metadata['tags'] as string[] | undefined) ?? [];
  const ownerEntity = owner ? graph.byRef.get(owner) : undefined;
  const ownerTitle = ownerEntity?.json.metadata['title'];
  const language = skeletonLanguage(entries.map((e) => e.path)) ?? repo.language;
  const path = templatePagePath(template);
  const card: TemplateCard = {
    id: entity.ref,
    kind: 'template',
    title: template.title,
    ...(template.description ? { description: template.description } : {}),
    ...(typeof spec.type === 'string' ? { type: spec.type } : {}),
    tags,
    ...(owner ? { owner } : {}),
    ...(ownerEntity ? { ownerName: typeof ownerTitle === 'string' && ownerTitle.trim() ? ownerTitle : ownerEntity.json.metadata.name } : {}),
    ...(language ? { language } : {}),
    ...(repo.head?.date ? { updated: repo.head.date } : {}),
    recommended: isRecommended(entity.ref, tags, repo.name, config.recommended),
    path,
    ...withGenerateUrl(template),
    problems: {
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    },
  };
  const templateUrl = fileWebUrl(repo, template.templatePath);
  const workflow = optInWorkflow(config);
  const page: TemplatePage = {
    ref: entity.ref,
    namespace: template.namespace,
    name: template.name,
    path,
    dataPath: `${path}template.json`,
    entityPath: entityPagePath(entity.ref),
    card,
    ...(typeof spec.lifecycle === 'string' ? { lifecycle: spec.lifecycle } : {}),
    repo: template.repo,
    templatePath: template.templatePath,
    ...(templateUrl ? { templateUrl } : {}),
    parameters,
    unknownFields: unknownFieldsOf(parameters),
    skeletons: Object.values(template.skeletons).map((s) => ({
      dir: s.dir,
      ...targetPathOf(template, sources, s.dir),
      truncated: s.truncated,
      files: s.files.length,
    })),
    tree: fileTree(entries),
    // What the new repo gets: the rendered paths when rendering worked, else the skeleton's as written.
    checklist: checklist(rendered.files.length > 0 ? rendered.files.map((f) => f.path) : entries.map((e) => e.path)),
    steps: documentSteps(rendered.steps),
    workflow: { ...workflow, ...(config.action ? { action: config.action } : {}), present: repo.files[workflow.path]?.status === 'text' },
    sampleValues: { source: sample.source, synthesized: sample.synthesized },
    diagnostics,
  };
  return { page, launch: template };
}

function withGenerateUrl(template: TemplateLaunchData): { generateUrl?: string } {
  const url = generateUrl(template.repo);
  return url ? { generateUrl: url } : {};
}

/** The skeleton files as they land in the new repo: under the fetch step's plain `targetPath`, if any. */
function skeletonEntries(template: TemplateLaunchData, sources: ReturnType<typeof skeletonSources>): SkeletonEntry[] {
  const entries: SkeletonEntry[] = [];
  for (const source of sources) {
    if (source.kind !== 'repo-path') continue;
    const skeleton = template.skeletons[source.dir];
    if (!skeleton) continue;
    const target = targetPathOf(template, sources, source.dir).targetPath;
    for (const file of skeleton.files)
      entries.push({ path: target ? repoPathOf(target, file.path) : file.path, size: file.size, ...(file.binary ? { binary: true } : {}) });
  }
  return entries;
}

function targetPathOf(template: TemplateLaunchData, sources: ReturnType<typeof skeletonSources>, dir: string): { targetPath?: string } {
  const source = sources.find((s) => s.kind === 'repo-path' && s.dir === dir);
  const raw = source ? (template.steps[source.step]?.input as { targetPath?: unknown } | undefined)?.targetPath : undefined;
  const target = typeof raw === 'string' ? raw.replace(/^\.\/+/, '').replace(/\/+$/, '') : '';
  return target && target !== '.' ? { targetPath: target } : {};
}
