/**
 * Which files of a repo the pipeline needs, found by following its catalog
 * files: Location targets (relative paths and globs) and `$text`/`$json`/`$yaml`
 * placeholders, recursively, plus the README, CODEOWNERS and mkdocs.yml. Every
 * source uses this, so the snapshot holds exactly what later stages read,
 * whether the bytes come from disk or from GitHub.
 */
import picomatch from 'picomatch';
import { isGlob, resolveTarget } from '../catalog/repo-files.ts';
import { parseDocuments } from '../catalog/yaml/parse-documents.ts';
import type { Repo, RepoFile } from './snapshot.ts';

export interface RepoReader {
  /** Read one repo-relative path (already normalized and inside the repo). */
  read(path: string): Promise<RepoFile>;
  /** Every file path in the repo, for glob targets; called at most once. */
  listFiles(): Promise<string[]>;
}

export interface DiscoveryOptions {
  catalogPaths: readonly string[];
  maxAliasCount: number;
  maxDocumentsPerFile: number;
  /** Safety cap on files followed from catalog files (Location targets and placeholders). */
  maxReferencedFiles: number;
}

const wellKnownFiles = ['README.md', 'readme.md', 'README', '.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', 'mkdocs.yml', 'mkdocs.yaml'];

export async function discoverRepoFiles(repo: Pick<Repo, 'name' | 'url'>, reader: RepoReader, options: DiscoveryOptions): Promise<Pick<Repo, 'catalogFiles' | 'files' | 'globs'>> {
  const files: Record<string, RepoFile> = {};
  const globs: Record<string, string[]> = {};
  let allPaths: Promise<string[]> | undefined;
  const read = async (path: string) => (files[path] ??= await reader.read(path));

  const catalogFiles: string[] = [];
  // A path named twice (`validate a.yaml ./a.yaml`, overlapping globs) is still one file: reading it twice would duplicate every entity.
  for (const path of new Set(options.catalogPaths)) {
    const file = await read(path);
    if (file.status !== 'missing') catalogFiles.push(path);
  }

  const queue = [...catalogFiles];
  const seen = new Set(queue);
  let followed = 0;
  const follow = (path: string) => {
    if (seen.has(path) || followed >= options.maxReferencedFiles) return;
    seen.add(path);
    followed++;
    queue.push(path);
  };
  const shaped = { ...repo, topics: [], visibility: 'public', archived: false, isTemplate: false, catalogFiles, files, globs } as Repo;

  while (queue.length > 0) {
    const path = queue.shift()!;
    const file = await read(path);
    if (file.status !== 'text') continue;
    const { documents } = parseDocuments(file.text, { maxDocuments: options.maxDocumentsPerFile, maxAliasCount: options.maxAliasCount });
    for (const doc of documents) {
      if (!doc.value) continue;
      for (const target of placeholderTargets(doc.value)) {
        const resolved = resolveTarget(shaped, path, target);
        if (resolved.kind === 'repo-path') await read(resolved.path);
      }
      for (const target of locationTargets(doc.value)) {
        const resolved = resolveTarget(shaped, path, target);
        if (resolved.kind !== 'repo-path') continue;
        if (isGlob(target)) {
          allPaths ??= reader.listFiles();
          const isMatch = picomatch(resolved.path, { dot: false });
          const matches = (await allPaths).filter((p) => isMatch(p)).sort();
          globs[resolved.path] = matches;
          matches.forEach(follow);
        } else {
          follow(resolved.path);
        }
      }
    }
  }

  for (const path of wellKnownFiles) await read(path);
  // Misses of well-known files are noise in a snapshot: keep only what exists.
  for (const path of wellKnownFiles) if (files[path]?.status === 'missing') delete files[path];
  return { catalogFiles, files, globs };
}

function* placeholderTargets(node: unknown): Generator<string> {
  if (Array.isArray(node)) {
    for (const item of node) yield* placeholderTargets(item);
  } else if (node !== null && typeof node === 'object') {
    const keys = Object.keys(node);
    const only = keys.length === 1 ? keys[0]! : undefined;
    const value = only ? (node as Record<string, unknown>)[only] : undefined;
    if (only && ['$text', '$json', '$yaml'].includes(only) && typeof value === 'string') {
      yield value;
      return;
    }
    for (const v of Object.values(node)) yield* placeholderTargets(v);
  }
}

function locationTargets(doc: Record<string, unknown>): string[] {
  if (doc['kind'] !== 'Location') return [];
  const spec = doc['spec'] as { type?: unknown; target?: unknown; targets?: unknown } | undefined;
  if (!spec || typeof spec !== 'object' || (spec.type !== undefined && spec.type !== 'url')) return [];
  const list = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])];
  return list.filter((t): t is string => typeof t === 'string' && t.length > 0);
}
