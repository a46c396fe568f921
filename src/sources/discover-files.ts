/**
 * Which files of a repo the pipeline needs, found by following its catalog
 * files: Location targets (relative paths and globs), `$text`/`$json`/`$yaml`
 * placeholders, the TechDocs folder named by `backstage.io/techdocs-ref`
 * (its mkdocs.yml and docs_dir), the skeleton folders of Templates, plus the
 * README and CODEOWNERS. Every source
 * uses this, so the snapshot holds exactly what later stages read, whether
 * the bytes come from disk or from GitHub.
 *
 * Reads happen in rounds, every read of a round at once: a source that
 * batches (the GitHub crawler puts many repos' files in one request) then
 * needs one request per round, not one per file.
 */
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { globBase, isGlob, resolveTarget } from './repo-files.ts';
import { parseDocuments } from './parse-documents.ts';
import { discoverDocs } from './discover-docs.ts';
import { checkRepoPath, isCleanRepoPath } from './repo-path.ts';
import { locateTechdocs, techdocsRefOf } from './techdocs-ref.ts';
import { matchHints, type TreeHints } from './tree-cap.ts';
import type { Repo, RepoFile } from './snapshot.ts';

export interface RepoTree {
  /** The files below the folder that were read (repo-relative paths), with their content. */
  files: Record<string, RepoFile>;
  /** True when the folder held more files than the cap, or more levels than the source could read. */
  truncated: boolean;
  /** Files listed but left out by the cap (see tree-cap.ts for which are kept). */
  omitted?: number;
  /** The folder held more entries than the reader would even list: `omitted` is a lower bound. */
  unlisted?: boolean;
}

export interface RepoReader {
  /** Read one repo-relative path (already normalized and inside the repo; readers check again, and refuse the git folder). */
  read(path: string): Promise<RepoFile>;
  /**
   * Every file below a folder ('' = the repo root), recursively, never inside a git folder, and capped:
   * over the cap, index pages, then `hints` (nav targets, glob matches), then Markdown pages are kept first. A missing folder gives no files.
   */
  readTree(dir: string, hints?: TreeHints): Promise<RepoTree>;
}

export interface DiscoveryOptions {
  catalogPaths: readonly string[];
  /**
   * The workflow a template repo runs after GitHub's copy (`templates.workflow`), read in every
   * repo so a template's page can warn when its repo lacks it.
   */
  templateWorkflow?: string;
  maxAliasCount: number;
  maxDocumentsPerFile: number;
  /** Safety cap on files followed from catalog files (Location targets and placeholders). */
  maxReferencedFiles: number;
}

export const wellKnownFiles = ['README.md', 'readme.md', 'README', '.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** The values a Template is tested with on every build, beside its template.yaml (src/scaffolder/sample-values.ts). */
export const TEMPLATE_VALUES_FILE = 'template.values.yaml';

type Discovered = Pick<Repo, 'catalogFiles' | 'files' | 'globs' | 'trees'>;

export async function discoverRepoFiles(repo: Pick<Repo, 'name' | 'url'>, reader: RepoReader, options: DiscoveryOptions): Promise<Discovered> {
  const files: Record<string, RepoFile> = {};
  const globs: Record<string, string[]> = {};
  const trees: Repo['trees'] = {};
  const shaped = { ...repo, topics: [], visibility: 'public', archived: false, isTemplate: false, catalogFiles: [], files, globs, trees } as Repo;
  const { readAll, readTrees, treeFiles } = createReadContext(reader, files, trees);

  // Round 1: the catalog files. A path named twice (`validate a.yaml ./a.yaml`) is still one
  // file: reading it twice would duplicate every entity.
  const catalogPaths = [...new Set(options.catalogPaths)];
  await readAll(catalogPaths);
  // A path the boundary refuses was never read, so it is no catalog file either.
  const catalogFiles = catalogPaths.filter((p) => p in files && files[p]!.status !== 'missing');

  // Then a round per level of references, everything of a level at once (the README and
  // CODEOWNERS ride along with the first), until nothing new turns up.
  let frontier = [...catalogFiles];
  let first = true;
  const followed = new Set(frontier);
  while (frontier.length > 0 || first) {
    const refs = frontier.flatMap((path) => referencesOf(shaped, path, files[path], options));
    const next: string[] = [];
    const follow = (path: string) => {
      if (followed.has(path) || followed.size >= options.maxReferencedFiles + catalogFiles.length) return;
      followed.add(path);
      next.push(path);
    };
    for (const ref of refs) if (ref.kind === 'location') follow(ref.path);
    const globRefs = refs.filter((r) => r.kind === 'glob').map((r) => ({ ...r, isMatch: picomatch(r.pattern, { dot: false }) }));
    await Promise.all([
      readAll([
        ...refs.filter((r) => r.kind === 'placeholder' || r.kind === 'template-values').map((r) => r.path),
        ...next,
        ...(first ? [...wellKnownFiles, ...(options.templateWorkflow ? [options.templateWorkflow] : [])] : []),
        ...frontier.flatMap(readmesNextTo),
      ]),
      readTrees(
        globRefs.map((r) => r.dir),
        false,
        matchHints(globRefs),
      ),
      readTrees(
        refs.filter((r) => r.kind === 'template').map((r) => r.dir),
        true,
      ),
      discoverDocs(
        refs.filter((r) => r.kind === 'techdocs').map((r) => r.dir),
        { files, trees, readAll, readTrees },
      ),
    ]);
    // Glob matches were read with their folder; they are parsed in the next round.
    for (const ref of globRefs) {
      const matches = (trees[ref.dir]?.paths ?? []).filter((p) => ref.isMatch(p)).sort();
      globs[ref.pattern] = matches;
      for (const path of matches) {
        follow(path);
        if (treeFiles[path]) files[path] ??= treeFiles[path];
      }
    }
    frontier = next;
    first = false;
  }
  // Files read in case they exist: a missing one is no problem, and leaves no trace.
  const optional = [
    ...wellKnownFiles,
    ...(options.templateWorkflow ? [options.templateWorkflow] : []),
    ...Object.keys(files).filter((p) => /(^|\/)readme\.md$/i.test(p) || posix.basename(p) === TEMPLATE_VALUES_FILE),
  ];
  for (const path of optional) if (files[path]?.status === 'missing') delete files[path];
  return { catalogFiles, files, globs, trees };
}

/**
 * Reads into `files` and `trees`, skipping what is already there: each path costs one read however often it is named.
 * A path the repo-path boundary refuses (out of the repo, into its git folder) is never asked for, nor recorded.
 */
export function createReadContext(reader: RepoReader, files: Record<string, RepoFile>, trees: Repo['trees']) {
  const allowed = (path: string) => checkRepoPath(path).ok;
  const readAll = (paths: Iterable<string>) =>
    Promise.all([...new Set(paths)].filter((p) => !(p in files) && allowed(p)).map(async (p) => (files[p] = await reader.read(p))));
  // Files of folders read whole; a docs folder keeps them all, a glob base only its matches.
  const treeFiles: Record<string, RepoFile> = {};
  /** `hints`: per folder, what to keep first when it is over the cap (a docs_dir's nav targets, a glob's matches). */
  const readTrees = (dirs: Iterable<string>, keepAll: boolean, hints?: ReadonlyMap<string, TreeHints>) =>
    Promise.all(
      [...new Set(dirs)].filter(allowed).map(async (dir) => {
        if (!(dir in trees)) {
          const tree = await reader.readTree(dir, hints?.get(dir));
          // Readers never list the git folder; a path that is not clean still never enters the snapshot.
          for (const path of Object.keys(tree.files)) if (!isCleanRepoPath(path)) delete tree.files[path];
          trees[dir] = {
            paths: Object.keys(tree.files).sort(),
            truncated: tree.truncated,
            ...(tree.omitted ? { omitted: tree.omitted } : {}),
            ...(tree.unlisted ? { unlisted: true } : {}),
          };
          Object.assign(treeFiles, tree.files);
        }
        if (keepAll) for (const path of trees[dir]!.paths) if (treeFiles[path]) files[path] ??= treeFiles[path];
      }),
    );
  return { readAll, readTrees, treeFiles };
}

/** The README beside a catalog file in a subfolder: an entity without TechDocs shows it as its docs. */
function readmesNextTo(catalogFile: string): string[] {
  const dir = posix.dirname(catalogFile);
  return dir === '.' ? [] : [`${dir}/README.md`, `${dir}/readme.md`];
}

type Reference =
  | { kind: 'placeholder'; path: string }
  | { kind: 'location'; path: string }
  | { kind: 'glob'; pattern: string; dir: string }
  | { kind: 'techdocs'; dir: string }
  | { kind: 'template'; dir: string }
  | { kind: 'template-values'; path: string };

/** What a catalog file points at, resolved to repo paths; anything outside the repo is left to the validator to report. */
function referencesOf(repo: Repo, path: string, file: RepoFile | undefined, options: DiscoveryOptions): Reference[] {
  if (file?.status !== 'text') return [];
  const refs: Reference[] = [];
  const { documents } = parseDocuments(file.text, { maxDocuments: options.maxDocumentsPerFile, maxAliasCount: options.maxAliasCount });
  for (const doc of documents) {
    if (!doc.value) continue;
    for (const target of placeholderTargets(doc.value)) {
      const resolved = resolveTarget(repo, path, target);
      if (resolved.kind === 'repo-path') refs.push({ kind: 'placeholder', path: resolved.path });
    }
    for (const target of locationTargets(doc.value)) {
      const resolved = resolveTarget(repo, path, target);
      if (resolved.kind !== 'repo-path') continue;
      if (isGlob(target)) refs.push({ kind: 'glob', pattern: resolved.path, dir: globBase(resolved.path) });
      else refs.push({ kind: 'location', path: resolved.path });
    }
    const techdocs = techdocsDir(repo, path, doc.value);
    if (techdocs !== undefined) refs.push({ kind: 'techdocs', dir: techdocs });
    for (const dir of templateDirs(repo, path, doc.value)) refs.push({ kind: 'template', dir });
    if (doc.value['kind'] === 'Template') refs.push({ kind: 'template-values', path: posix.join(posix.dirname(path), TEMPLATE_VALUES_FILE) });
  }
  return refs;
}

/** A Template's skeleton folders: the relative `url` of its fetch steps (`fetch:template`, `fetch:plain`). */
function templateDirs(repo: Repo, fromFile: string, doc: Record<string, unknown>): string[] {
  if (doc['kind'] !== 'Template') return [];
  const steps = (doc['spec'] as { steps?: unknown } | undefined)?.steps;
  if (!Array.isArray(steps)) return [];
  const dirs: string[] = [];
  for (const step of steps) {
    const url = (step as { input?: { url?: unknown } } | null)?.input?.url;
    if (typeof url !== 'string' || !url.startsWith('.')) continue;
    const resolved = resolveTarget(repo, fromFile, url);
    if (resolved.kind === 'repo-path' && resolved.path !== '') dirs.push(resolved.path);
  }
  return dirs;
}

/** The TechDocs folder of this repo an entity names; docs in other repos are read by `readCrossRepoDocs`. */
function techdocsDir(repo: Repo, fromFile: string, doc: Record<string, unknown>): string | undefined {
  const ref = techdocsRefOf(doc);
  if (ref === undefined) return undefined;
  const location = locateTechdocs(repo, fromFile, ref);
  return location.kind === 'this-repo' ? location.dir : undefined;
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
  const list = [spec.target, ...(Array.isArray(spec.targets) ? (spec.targets as unknown[]) : [])];
  return list.filter((t): t is string => typeof t === 'string' && t.length > 0);
}
