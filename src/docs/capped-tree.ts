/**
 * A docs folder over `limits.maxDocsFiles` was read in part: the readers keep
 * index pages, nav targets and Markdown pages first and say how many files they
 * left out. The site says so once, naming the cap and the setting; links and
 * images that point at a left-out file go to GitHub instead of each reporting
 * that the file "does not exist" on every page that names it.
 */
import { fileWebUrl } from '../sources/repo-files.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Repo } from '../sources/snapshot.ts';
import type { ResolvedRef } from './markdown/types.ts';
import { docsRules } from '../diagnostics/docs-rules.ts';
import { dirname, isInside, repoJoin } from './site/paths.ts';

export interface CappedTree {
  /** Repo-relative docs folder. */
  dir: string;
  /** Files the cap left out, when the reader counted them. */
  omitted?: number | undefined;
  /** The folder held more than was even listed: `omitted` is a lower bound. */
  unlisted?: boolean | undefined;
}

/** The site's docs folders whose listing was cut short. */
export function cappedTrees(repo: Repo, docsDirs: readonly string[]): CappedTree[] {
  return docsDirs.flatMap((dir) => {
    const tree = repo.trees[dir];
    return tree?.truncated ? [{ dir, omitted: tree.omitted, unlisted: tree.unlisted }] : [];
  });
}

/** The one `docs-tree-truncated` diagnostic of a site. */
export function treeTruncated(repo: Repo, capped: readonly CappedTree[], maxDocsFiles: number): Omit<Diagnostic, 'repo' | 'ref'> {
  const folders = capped.map((t) => `${t.dir || '.'}/`).join(', ');
  const counted = capped.every((t) => t.omitted !== undefined);
  const omitted = capped.reduce((n, t) => n + (t.omitted ?? 0), 0);
  const lost =
    counted && omitted > 0
      ? `${capped.some((t) => t.unlisted) ? 'at least ' : ''}${omitted} file${omitted === 1 ? ' was' : 's were'} left out`
      : 'some files were left out (the listing was cut short)';
  return {
    path: capped[0]?.dir ?? '',
    line: 0,
    column: 0,
    severity: docsRules['docs-tree-truncated'].severity,
    rule: 'docs-tree-truncated',
    message:
      `The docs folder${capped.length > 1 ? 's' : ''} ${folders} of ${repo.name} hold${capped.length > 1 ? '' : 's'} more files than \`limits.maxDocsFiles\` (${maxDocsFiles}) allows: ${lost}. ` +
      `Index pages, nav targets and Markdown pages were kept first; links to files that were left out go to GitHub. Raise \`limits.maxDocsFiles\` in portal.config.yaml, or move generated files out of the docs folder.`,
  };
}

/**
 * What a link or image that found nothing becomes when its target may be a file
 * the cap left out: its GitHub page (or raw file, for an image), or the link left
 * as written when the repo has no web URL. `undefined`: not a left-out file.
 */
export function leftOutTarget(
  repo: Repo,
  capped: readonly CappedTree[],
  fromRepoPath: string,
  target: string,
  kind: 'link' | 'image',
): { ref: ResolvedRef | undefined } | undefined {
  const path = target.split('#', 1)[0]!.split('?', 1)[0]!;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    /* keep as written */
  }
  const repoPath = decoded.startsWith('/') ? undefined : repoJoin(dirname(fromRepoPath), decoded);
  if (repoPath === undefined || repo.files[repoPath] !== undefined || !capped.some((t) => isInside(t.dir, repoPath))) return undefined;
  const fragment = target.includes('#') ? target.slice(target.indexOf('#')) : '';
  const url = fileWebUrl(repo, repoPath, 'blob');
  if (!url) return { ref: undefined };
  return { ref: { url: kind === 'image' ? `${url}?raw=true` : `${url}${fragment}` } };
}
