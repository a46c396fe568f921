/**
 * Where an entity's TechDocs live, from `backstage.io/techdocs-ref`:
 * `dir:<path>` relative to the catalog file (inside the repo only), or
 * `url:<repo tree URL>` of this repo or another repo of the organization.
 * Used by discovery (what to read) and by the docs stage (what to render),
 * so the two never disagree.
 */
import { ANNOTATION_TECHDOCS_REF } from '../catalog-model/annotations.ts';
import { resolveTarget } from './repo-files.ts';
import { resolveRepoPath } from './repo-path.ts';
import type { Repo } from './snapshot.ts';

/** The annotation's value on a catalog document (parsed YAML or a validated entity), when it is a string. */
export function techdocsRefOf(doc: unknown): string | undefined {
  const metadata = doc !== null && typeof doc === 'object' ? (doc as { metadata?: unknown }).metadata : undefined;
  const annotations = metadata !== null && typeof metadata === 'object' ? (metadata as { annotations?: unknown }).annotations : undefined;
  const ref = annotations !== null && typeof annotations === 'object' ? (annotations as Record<string, unknown>)[ANNOTATION_TECHDOCS_REF] : undefined;
  return typeof ref === 'string' ? ref : undefined;
}

export type TechdocsLocation =
  { kind: 'this-repo'; dir: string } | { kind: 'other-repo'; repoUrl: string; dir: string } | { kind: 'invalid'; reason: string; fix: string };

export function locateTechdocs(repo: Pick<Repo, 'url'>, fromFile: string, ref: string): TechdocsLocation {
  const colon = ref.indexOf(':');
  const type = colon === -1 ? '' : ref.slice(0, colon).trim();
  const target = colon === -1 ? '' : ref.slice(colon + 1).trim();
  if (type === 'dir') {
    const resolved = resolveTarget(repo as Repo, fromFile, target === '' ? '.' : target.replace(/\/?$/, '/'));
    if (resolved.kind === 'repo-path') return { kind: 'this-repo', dir: resolved.path.replace(/\/+$/, '') };
    const where =
      resolved.kind === 'outside-repo' && resolved.reason === 'git-dir' ? "into the repository's git folder, which is never read" : 'out of the repository';
    return {
      kind: 'invalid',
      reason: `${ANNOTATION_TECHDOCS_REF} "${ref}" leads ${where}`,
      fix: 'Point dir: at a folder inside this repository, relative to the catalog file (usually dir:.).',
    };
  }
  if (type === 'url') {
    const resolved = resolveTarget(repo as Repo, fromFile, target);
    if (resolved.kind === 'repo-path') return { kind: 'this-repo', dir: resolved.path.replace(/\/+$/, '') };
    const other = repoTreeUrl(target);
    if (other) return { kind: 'other-repo', ...other };
    return {
      kind: 'invalid',
      reason: `${ANNOTATION_TECHDOCS_REF} "${ref}" is not a repository URL`,
      fix: 'Use url:https://github.com/<org>/<repo>/tree/<branch>/<folder>/ for docs in another repository, or dir:. for docs next to the catalog file.',
    };
  }
  return {
    kind: 'invalid',
    reason: `${ANNOTATION_TECHDOCS_REF} "${ref}" has type "${type}"; only dir: and url: are supported`,
    fix: 'Write dir:. (docs next to the catalog file) or url:https://github.com/<org>/<repo>/tree/<branch>/<folder>/.',
  };
}

/** `https://host/owner/name[/tree|blob/<ref>/<path>]` → the repo URL and the folder. */
function repoTreeUrl(target: string): { repoUrl: string; dir: string } | undefined {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const match = url.pathname.match(/^\/([^/]+)\/([^/]+?)(?:\.git)?(?:\/(?:tree|blob)\/[^/]+(\/.*)?)?\/?$/);
  if (!match) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(match[3] ?? '');
  } catch {
    return undefined; // a broken %-escape names no folder
  }
  // The folder is read in the other repo: the same boundary applies there (no `..`, no git folder).
  const dir = resolveRepoPath('', path.replace(/^\/+/, ''));
  if (!dir.ok) return undefined;
  return { repoUrl: `${url.protocol}//${url.host}/${match[1]}/${match[2]}`, dir: dir.path };
}

/** The repo a URL names, by web URL (case-insensitive, as GitHub is), or by owner/name when the repo has no URL. */
export function findRepoByUrl<R extends Pick<Repo, 'name' | 'url'>>(repos: readonly R[], repoUrl: string, org?: string): R | undefined {
  const wanted = repoUrl.replace(/\/+$/, '').toLowerCase();
  const byUrl = repos.find((r) => r.url?.replace(/\/+$/, '').toLowerCase() === wanted);
  if (byUrl) return byUrl;
  let pathname: string;
  try {
    pathname = new URL(repoUrl).pathname;
  } catch {
    return undefined;
  }
  const [owner, name] = pathname.split('/').filter(Boolean);
  return org && owner?.toLowerCase() === org.toLowerCase() ? repos.find((r) => !r.url && r.name.toLowerCase() === name?.toLowerCase()) : undefined;
}
