/**
 * A Template entity and its repo → `TemplateLaunchData`: the spec as written and the skeleton
 * folders its fetch steps name, with their files' text, so the form's dry run renders in the
 * browser exactly what the apply-template action renders from the repo.
 */
import { posix } from 'node:path';
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import { resolveTarget, repoSlugOf } from '../sources/repo-files.ts';
import type { Repo, RepoFile } from '../sources/snapshot.ts';
import type { SkeletonFile, Skeleton, TemplateLaunchData, TemplateRepo } from './schema.ts';

/** The actions that copy a skeleton folder into the new repo. */
export const FETCH_ACTIONS: ReadonlySet<string> = new Set(['fetch:template', 'fetch:plain', 'fetch:plain:file']);

export type SkeletonSource =
  | { kind: 'repo-path'; dir: string; step: number }
  /** A URL or a path the repo boundary refused: Frontdoor does not fetch it. */
  | { kind: 'elsewhere'; url: string; step: number };

type Step = TemplateLaunchData['steps'][number];

/** Where each fetch step's `input.url` points, resolved against the template file (Backstage's rule for relative URLs). */
export function skeletonSources(repo: Repo, templatePath: string, steps: readonly Step[]): SkeletonSource[] {
  const sources: SkeletonSource[] = [];
  steps.forEach((step, index) => {
    if (!FETCH_ACTIONS.has(step.action)) return;
    const url = (step.input as { url?: unknown } | undefined)?.url;
    if (typeof url !== 'string' || url.trim() === '') return;
    const resolved = resolveTarget(repo, templatePath, url.trim());
    if (resolved.kind === 'repo-path') sources.push({ kind: 'repo-path', dir: resolved.path, step: index });
    else sources.push({ kind: 'elsewhere', url, step: index });
  });
  return sources;
}

/** A skeleton folder's files as the snapshot read them (the folder was read whole by discover-files.ts). */
export function readSkeleton(repo: Repo, dir: string): Skeleton {
  const tree = repo.trees[dir];
  const prefix = dir === '' ? '' : `${dir}/`;
  const files = (tree?.paths ?? [])
    .filter((p) => p.startsWith(prefix))
    .map((p) => skeletonFile(p.slice(prefix.length), repo.files[p]))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { dir, files, truncated: tree?.truncated ?? false };
}

function skeletonFile(path: string, file: RepoFile | undefined): SkeletonFile {
  switch (file?.status) {
    case 'text':
      return { path, size: file.size, text: file.text };
    case 'binary':
      return { path, size: file.size, binary: true };
    case 'too-large':
      return { path, size: file.size, omitted: 'too-large' };
    default:
      return { path, size: 0, omitted: 'unreadable' };
  }
}

/** The template repo as GitHub names it: owner and name from its web URL, else the org and the folder name. */
export function templateRepo(repo: Repo, org: string): TemplateRepo {
  const slug = repo.url ? repoSlugOf(repo.url) : undefined;
  const [owner, name] = slug && /^[^/]+\/[^/]+$/.test(slug) ? slug.split('/') : [org, repo.name];
  return {
    owner: owner!,
    name: name!,
    ...(repo.url ? { url: repo.url } : {}),
    ...(repo.defaultBranch ? { defaultBranch: repo.defaultBranch } : {}),
    isTemplate: repo.isTemplate,
    visibility: repo.visibility,
  };
}

export function launchData(entity: LoadedEntity, repo: Repo, org: string): TemplateLaunchData {
  const { metadata } = entity.json;
  const spec = entity.json.spec as { parameters?: unknown; steps?: Step[] };
  const steps = spec.steps ?? [];
  const skeletons: Record<string, Skeleton> = {};
  for (const source of skeletonSources(repo, entity.source.path, steps))
    if (source.kind === 'repo-path') skeletons[source.dir] ??= readSkeleton(repo, source.dir);
  const title = typeof metadata['title'] === 'string' && metadata['title'].trim() ? metadata['title'] : metadata.name;
  const description = typeof metadata['description'] === 'string' ? metadata['description'] : undefined;
  return {
    ref: entity.ref,
    namespace: metadata.namespace,
    name: metadata.name,
    title,
    ...(description ? { description } : {}),
    parameters: spec.parameters ?? [],
    steps,
    templatePath: entity.source.path,
    repo: templateRepo(repo, org),
    skeletons,
  };
}

/** `templates/x/skeleton` + `src/a.ts` → `templates/x/skeleton/src/a.ts`. */
export function repoPathOf(dir: string, path: string): string {
  return dir === '' ? path : posix.join(dir, path);
}
