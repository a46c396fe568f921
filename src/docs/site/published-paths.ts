/**
 * Where each file of a site is published, decided for the whole site before
 * anything is written: every name made safe (page-slug.ts), every path held
 * to the length budget, and every collision settled as MkDocs settles its own
 * ("Excluding 'x' from the site because it conflicts with 'y'"). Collisions
 * MkDocs does not see, and the portal must: `foo.md` and `foo/index.md` (both
 * `foo/`), names that differ only in case or Unicode normalisation (one file
 * on macOS or Windows, two URLs on GitHub Pages), a file where a page needs a
 * folder. Renamed and left-out files are reported; links still find renamed
 * ones, because they resolve through the site model by file name.
 */
import { logText } from '../../diagnostics/log-text.ts';
import { collisionKey, mkdocsPath, outputFileOf, overBudget, publishedPath, renameReason } from './page-slug.ts';
import { nowhere, type Problems } from './problems.ts';

export interface PublishInput {
  /** Docs-relative source (in MkDocs' file order). */
  src: string;
  repoPath: string;
  kind: 'page' | 'file';
  /** The folders of a page's directory URL (`guide/setup.md` → `['guide', 'setup']`), or a file's path parts. */
  parts: string[];
  /** A folder's index page (`index.md`, `README.md`): its parts end with its folder, not its own name. */
  isIndex?: boolean;
}

interface Placed {
  file: PublishInput;
  path: string;
  /** The output file, split (`['guide', 'setup', 'index.html']`). */
  out: string[];
}

/** Renamed names reported one by one per site; past this, one diagnostic counts the rest (a generated tree could rename thousands). */
const MAX_RENAME_REPORTS = 20;

/** A name in a message: escaped for logs, and cut short (a name may be 255 bytes, a path 2 KB). */
const shown = (text: string) => `'${logText(text.length > 120 ? `${text.slice(0, 60)}…${text.slice(-40)}` : text)}'`;

/**
 * Folders by case-folded name under their parent's id (0 is the site's folder): one
 * step per name, so a path costs its length and never its length squared.
 */
class FolderTree<T> {
  private readonly nodes = new Map<string, { id: number; value: T }>();

  /** The folder `name` under `parent`, made with `value` on first sight. */
  at(parent: number, name: string, value: () => T): { id: number; value: T } {
    const key = `${parent}/${collisionKey(name)}`;
    let node = this.nodes.get(key);
    if (!node) this.nodes.set(key, (node = { id: this.nodes.size + 1, value: value() }));
    return node;
  }

  find(parent: number, name: string): { id: number; value: T } | undefined {
    return this.nodes.get(`${parent}/${collisionKey(name)}`);
  }
}

export interface PublishedPaths {
  /** src → published path (decoded, site-relative); a file missing here is left out, with a diagnostic. */
  paths: Map<string, string>;
  /**
   * A file left out because another is published at its very path → that one: a link to
   * `foo.md` finds `foo/index.md`'s page at `foo/`, as it would on the site MkDocs builds.
   */
  aliases: Map<string, string>;
}

export function assignPublishedPaths(files: readonly PublishInput[], prefix: string, problems: Problems): PublishedPaths {
  const tooLong = (file: PublishInput, path: string) => {
    const why = overBudget(prefix, path, file.kind);
    if (why)
      problems.add(
        'docs-path-too-long',
        nowhere(file.repoPath),
        `${shown(file.src)} is left out of the site: ${why}. Shorten its name or the folders above it.`,
      );
    return why !== undefined;
  };
  const placed: Placed[] = [];
  for (const file of files) {
    const path = publishedPath(file.parts, file.kind);
    if (!tooLong(file, path)) placed.push({ file, path, out: outputFileOf(path, file.kind).split('/') });
  }

  // Two files at one output file: a page beats a file, else the later one wins, as it would overwrite the other in `mkdocs build`.
  const winners = new Map<string, Placed>();
  for (const p of placed) {
    const key = collisionKey(p.out.join('/'));
    const held = winners.get(key);
    if (!held || !(held.file.kind === 'page' && p.file.kind === 'file')) winners.set(key, p);
  }
  // A file where a page (or another file) needs a folder: the file gives way.
  const needed = new FolderTree<Placed>();
  const parentOf = new Map<Placed, number>();
  for (const p of winners.values()) {
    let parent = 0;
    for (const name of p.out.slice(0, -1)) parent = needed.at(parent, name, () => p).id;
    parentOf.set(p, parent);
  }

  // On a case-insensitive disk the first spelling of a folder is the one that exists: later ones join it.
  const spelling = new FolderTree<string>();
  const renames = { reported: new Set<string | number>(), more: new Set<string | number>() };
  const paths = new Map<string, string>();
  const aliases = new Map<string, string>();
  for (const p of placed) {
    const winner = winners.get(collisionKey(p.out.join('/')))!;
    const other = winner !== p ? winner : needed.find(parentOf.get(p)!, p.out[p.out.length - 1]!)?.value;
    if (other !== undefined) {
      const caseOnly = winner !== p && p.path !== other.path;
      const where =
        winner !== p
          ? `both would be published at ${shown(`${prefix}${other.path}`)}${caseOnly ? ', as names that differ only in case or Unicode form are one file on macOS and Windows' : ''}`
          : `${shown(`${prefix}${p.path}/`)} must be a folder to hold it`;
      problems.add(
        'docs-path-conflict',
        nowhere(p.file.repoPath),
        `Excluding ${shown(p.file.src)} from the site because it conflicts with ${shown(other.file.src)} (${where}). Rename or delete one of them.`,
      );
      if (winner !== p) aliases.set(p.file.src, winner.file.src);
      continue;
    }
    const own = splitPublished(p.path, p.file.kind);
    const slugs = [...own];
    const ids: number[] = [];
    const folders = p.file.kind === 'page' ? slugs.length : slugs.length - 1;
    let parent = 0;
    for (let i = 0; i < folders; i++) {
      const node = spelling.at(parent, own[i]!, () => own[i]!);
      slugs[i] = node.value;
      ids.push((parent = node.id));
    }
    const path = joinPublished(slugs, p.file.kind);
    if (path !== p.path && tooLong(p.file, path)) continue;
    reportRenames(p.file, { slugs, own, ids }, prefix, renames, problems);
    paths.set(p.file.src, path);
  }
  if (renames.more.size > 0) {
    problems.add(
      'docs-path-renamed',
      nowhere(''),
      `${renames.more.size} more docs file and folder names are published under other names, for the same reasons as the ${MAX_RENAME_REPORTS} reported one by one. Links to them still work.`,
    );
  }
  return { paths, aliases };
}

/** Each renamed name once (a folder, not every file in it), with why. */
function reportRenames(
  file: PublishInput,
  names: { slugs: readonly string[]; own: readonly string[]; ids: readonly number[] },
  prefix: string,
  renames: { reported: Set<string | number>; more: Set<string | number> },
  problems: Problems,
): void {
  const { slugs, own, ids } = names;
  const natural = splitPublished(mkdocsPath(file.parts, file.kind), file.kind);
  const folders = file.kind === 'page' ? slugs.length : slugs.length - 1;
  for (let i = 0; i < slugs.length; i++) {
    if (slugs[i] === natural[i]) continue;
    const isOwnName = i === slugs.length - 1 && !file.isIndex;
    const key = isOwnName ? file.src : ids[i]!;
    if (renames.reported.has(key) || renames.more.has(key)) continue;
    if (renames.reported.size >= MAX_RENAME_REPORTS) {
      renames.more.add(key);
      continue;
    }
    renames.reported.add(key);
    const role = i < folders ? 'folder' : 'file';
    const reason =
      slugs[i] !== own[i]
        ? `a folder spelled ${shown(slugs[i]!)} comes first, and names that differ only in case are one folder on macOS and Windows`
        : renameReason(file.parts[i]!, role, i === 0);
    const named = isOwnName ? file.src : file.parts.slice(0, i + 1).join('/');
    problems.add(
      'docs-path-renamed',
      nowhere(file.repoPath),
      `${shown(named)} is published as ${shown(`${prefix}${slugs.slice(0, i + 1).join('/')}${role === 'folder' ? '/' : ''}`)}: ${reason}. Links to it still work; rename it to keep the URL MkDocs would give it.`,
    );
  }
}

function splitPublished(path: string, kind: 'page' | 'file'): string[] {
  if (path === '') return [];
  return (kind === 'page' ? path.slice(0, -1) : path).split('/');
}

function joinPublished(slugs: readonly string[], kind: 'page' | 'file'): string {
  return kind === 'page' ? slugs.map((s) => `${s}/`).join('') : slugs.join('/');
}
