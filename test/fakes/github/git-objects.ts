/**
 * Git objects of a fake repo's default branch, as GitHub's GraphQL API shows
 * them: `Repository.object(expression:)` resolves "<rev>:<path>" to a Blob, a
 * Tree or null. Blob and tree oids are real git object hashes, so an oid
 * changes exactly when the content under it changes (the crawler's change
 * markers rely on that).
 */
import { createHash } from 'node:crypto';
import type { FakeRepo } from './org-model.ts';

/** GitHub cuts `Blob.text` here (reported, undocumented) and sets `isTruncated`. */
export const MAX_BLOB_TEXT_BYTES = 512_000;

const BLOB_MODE = 0o100644;
const TREE_MODE = 0o040000;

interface IndexedBlob {
  kind: 'blob';
  path: string;
  bytes: Uint8Array;
  isBinary: boolean;
  oid: string;
}
interface IndexedTree {
  kind: 'tree';
  path: string;
  children: Map<string, IndexedBlob | IndexedTree>;
  oid: string;
}
type IndexedObject = IndexedBlob | IndexedTree;

interface RepoGitIndex {
  headOid: string;
  files: FakeRepo['files'];
  byPath: Map<string, IndexedObject>;
}

const cache = new WeakMap<FakeRepo, RepoGitIndex>();

function gitHash(type: 'blob' | 'tree', body: Uint8Array): string {
  return createHash('sha1').update(`${type} ${body.byteLength}\0`).update(body).digest('hex');
}

/** Git orders tree entries by name, comparing a subtree's name as if it ended in "/". */
function gitEntryOrder(a: [string, IndexedObject], b: [string, IndexedObject]): number {
  const left = a[1].kind === 'tree' ? `${a[0]}/` : a[0];
  const right = b[1].kind === 'tree' ? `${b[0]}/` : b[0];
  return Buffer.compare(Buffer.from(left), Buffer.from(right));
}

function hashTree(tree: IndexedTree): string {
  const parts: Buffer[] = [];
  for (const [name, child] of [...tree.children].sort(gitEntryOrder)) {
    if (child.kind === 'tree') child.oid = hashTree(child);
    const mode = (child.kind === 'tree' ? TREE_MODE : BLOB_MODE).toString(8);
    parts.push(Buffer.from(`${mode} ${name}\0`), Buffer.from(child.oid, 'hex'));
  }
  return gitHash('tree', Buffer.concat(parts));
}

function buildIndex(repo: FakeRepo): RepoGitIndex {
  const root: IndexedTree = { kind: 'tree', path: '', children: new Map(), oid: '' };
  const byPath = new Map<string, IndexedObject>([['', root]]);
  for (const [path, content] of Object.entries(repo.files)) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const segments = path.split('/');
    let dir = root;
    for (let i = 0; i < segments.length - 1; i++) {
      const dirPath = segments.slice(0, i + 1).join('/');
      let next = dir.children.get(segments[i]!);
      if (next?.kind !== 'tree') {
        next = { kind: 'tree', path: dirPath, children: new Map(), oid: '' };
        dir.children.set(segments[i]!, next);
        byPath.set(dirPath, next);
      }
      dir = next;
    }
    const blob: IndexedBlob = { kind: 'blob', path, bytes, isBinary: typeof content !== 'string', oid: gitHash('blob', bytes) };
    dir.children.set(segments.at(-1)!, blob);
    byPath.set(path, blob);
  }
  root.oid = hashTree(root);
  return { headOid: repo.headOid, files: repo.files, byPath };
}

function repoIndex(repo: FakeRepo): RepoGitIndex {
  let index = cache.get(repo);
  if (!index || index.headOid !== repo.headOid || index.files !== repo.files) {
    index = buildIndex(repo);
    cache.set(repo, index);
  }
  return index;
}

function nodeId(prefix: string, repo: FakeRepo, oid: string): string {
  return `${prefix}_${createHash('sha1').update(`${repo.id}:${oid}`).digest('base64url')}`;
}

function blobObject(repo: FakeRepo, blob: IndexedBlob) {
  const truncated = blob.bytes.byteLength > MAX_BLOB_TEXT_BYTES;
  return {
    __typename: 'Blob',
    id: nodeId('B', repo, blob.oid),
    oid: blob.oid,
    abbreviatedOid: blob.oid.slice(0, 7),
    byteSize: blob.bytes.byteLength,
    isBinary: blob.isBinary,
    isTruncated: truncated,
    text: blob.isBinary ? null : new TextDecoder().decode(truncated ? blob.bytes.subarray(0, MAX_BLOB_TEXT_BYTES) : blob.bytes),
  };
}

function treeObject(repo: FakeRepo, tree: IndexedTree) {
  return {
    __typename: 'Tree',
    id: nodeId('T', repo, tree.oid),
    oid: tree.oid,
    abbreviatedOid: tree.oid.slice(0, 7),
    entries: () => [...tree.children].sort(gitEntryOrder).map(([name, child]) => treeEntry(repo, name, child)),
  };
}

function treeEntry(repo: FakeRepo, name: string, child: IndexedObject) {
  const dot = name.lastIndexOf('.');
  return {
    name,
    nameRaw: Buffer.from(name).toString('base64'),
    path: child.path,
    pathRaw: Buffer.from(child.path).toString('base64'),
    type: child.kind,
    mode: child.kind === 'tree' ? TREE_MODE : BLOB_MODE,
    size: child.kind === 'blob' ? child.bytes.byteLength : 0,
    oid: child.oid,
    extension: child.kind === 'blob' && dot > 0 ? name.slice(dot) : null,
    isGenerated: false,
    submodule: null,
    object: () => gitObject(repo, child),
  };
}

function gitObject(repo: FakeRepo, object: IndexedObject) {
  return object.kind === 'blob' ? blobObject(repo, object) : treeObject(repo, object);
}

/** The root tree of HEAD, for `Commit.tree`. */
export function rootTree(repo: FakeRepo) {
  return treeObject(repo, repoIndex(repo).byPath.get('') as IndexedTree);
}

/** Revisions the fake knows: HEAD, the default branch (optionally as refs/heads/…), and HEAD's oid or a prefix of ≥ 4 hex digits. */
function isHeadRevision(repo: FakeRepo, revision: string): boolean {
  if (revision === 'HEAD' || revision === repo.defaultBranch || revision === `refs/heads/${repo.defaultBranch}`) return true;
  return /^[0-9a-f]{4,40}$/.test(revision) && repo.headOid.startsWith(revision);
}

/**
 * "<rev>:<path>" → Blob | Tree | null; "<rev>" alone → the commit (via
 * `commit`). Paths are repo-relative: "HEAD:/x" does not resolve, as on
 * GitHub. Only the current HEAD exists: older oids do not resolve.
 */
export function resolveExpression(repo: FakeRepo, expression: string, commit: () => unknown): unknown {
  const colon = expression.indexOf(':');
  const revision = colon === -1 ? expression : expression.slice(0, colon);
  if (!isHeadRevision(repo, revision) || Object.keys(repo.files).length === 0) return null;
  if (colon === -1) return commit();
  let path = expression.slice(colon + 1);
  if (path.startsWith('/')) return null;
  if (path.endsWith('/')) path = path.slice(0, -1);
  const object = repoIndex(repo).byPath.get(path);
  if (!object || (object.kind === 'blob' && expression.endsWith('/'))) return null;
  return gitObject(repo, object);
}

/**
 * When `path` (a file, or a folder: its newest file; '' = the repo) last
 * changed at HEAD, from `fileDates` with `committedDate` as the default;
 * undefined when nothing is there.
 */
export function lastChangeOf(repo: FakeRepo, path: string): string | undefined {
  const dir = path.replace(/\/+$/, '');
  let newest: string | undefined;
  for (const file of Object.keys(repo.files)) {
    if (dir !== '' && file !== dir && !file.startsWith(`${dir}/`)) continue;
    const date = repo.fileDates?.[file] ?? repo.committedDate;
    if (newest === undefined || Date.parse(date) > Date.parse(newest)) newest = date;
  }
  return newest;
}
