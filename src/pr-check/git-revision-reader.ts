/**
 * A repo as it was at a git revision (the pull request's base), read without checking it out:
 * one `git ls-tree` for the listing, `git cat-file` for the bytes (what `git show <ref>:<path>`
 * prints). It is a `RepoReader`, so the base's catalog files are discovered, followed and parsed
 * by the same code as the working tree's, and "what the change does" compares like with like.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import type { RepoReader, RepoTree } from '../sources/discover-files.ts';
import { classifyBytes } from '../sources/file-content.ts';
import { checkRepoPath, isGitDirName, refusedFile } from '../sources/repo-path.ts';
import type { RepoFile } from '../sources/snapshot.ts';
import { keepFirst, type TreeHints } from '../sources/tree-cap.ts';

const exec = promisify(execFile);

export class BaseRefError extends Error {
  override name = 'BaseRefError';
}

interface TreeEntry {
  mode: string;
  sha: string;
  size: number;
}

export async function gitRevisionReader(root: string, ref: string, maxFileBytes: number, maxTreeFiles: number): Promise<RepoReader> {
  const commit = await resolveCommit(root, ref);
  const entries = await listTree(root, commit);

  const fileOf = async (path: string, bytes: Buffer | undefined): Promise<RepoFile> => {
    const entry = entries.get(path);
    if (!entry) return { status: 'missing' };
    // A symlink's blob is its target's path: the working-tree reader follows it, a revision has nothing to follow.
    if (entry.mode === '120000') return { status: 'unreadable', reason: 'a symlink, not followed in the base revision' };
    if (entry.size > maxFileBytes) return { status: 'too-large', size: entry.size, limit: maxFileBytes };
    return classifyBytes(bytes ?? (await readBlobs(root, [entry.sha])).get(entry.sha)!);
  };

  return {
    async read(path: string): Promise<RepoFile> {
      const checked = checkRepoPath(path);
      if (!checked.ok) return refusedFile(checked);
      return fileOf(checked.path, undefined);
    },
    async readTree(dir: string, hints?: TreeHints): Promise<RepoTree> {
      const checked = checkRepoPath(dir);
      if (!checked.ok) return { files: {}, truncated: false };
      const prefix = checked.path ? `${checked.path}/` : '';
      const listed = [...entries.keys()].filter((p) => p.startsWith(prefix) && !p.split('/').some((s) => s === 'node_modules' || isGitDirName(s)));
      const { kept, omitted } = keepFirst(listed, maxTreeFiles, hints);
      const wanted = kept.map((p) => entries.get(p)!).filter((e) => e.mode !== '120000' && e.size <= maxFileBytes);
      const blobs = await readBlobs(
        root,
        wanted.map((e) => e.sha),
      );
      const files: Record<string, RepoFile> = {};
      for (const path of kept) files[path] = await fileOf(path, blobs.get(entries.get(path)!.sha));
      return { files, truncated: omitted > 0, ...(omitted > 0 ? { omitted } : {}) };
    },
  };
}

async function resolveCommit(root: string, ref: string): Promise<string> {
  // A ref is data, never a flag (`--output=…`).
  if (ref.startsWith('-')) throw new BaseRefError(`the base revision ${JSON.stringify(ref)} is not a git ref.`);
  try {
    const { stdout } = await exec('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root });
    return stdout.trim();
  } catch {
    throw new BaseRefError(
      `the base revision ${JSON.stringify(ref)} is not in this clone; check out with enough history (actions/checkout \`fetch-depth: 0\`) or fetch it first (\`git fetch origin ${ref}\`).`,
    );
  }
}

async function listTree(root: string, commit: string): Promise<Map<string, TreeEntry>> {
  const { stdout } = await exec('git', ['ls-tree', '-r', '-z', '--long', '--full-tree', commit], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  const entries = new Map<string, TreeEntry>();
  for (const line of stdout.split('\0')) {
    // `<mode> <type> <sha> <size>\t<path>`; submodules (`commit`) have no bytes here.
    const match = /^(\d+) blob ([0-9a-f]+)\s+(\d+)\t(.+)$/s.exec(line);
    if (match) entries.set(match[4]!, { mode: match[1]!, sha: match[2]!, size: Number(match[3]) });
  }
  return entries;
}

/** Blobs by sha, all through one `git cat-file --batch`. */
function readBlobs(root: string, shas: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(shas)];
  if (unique.length === 0) return Promise.resolve(new Map<string, Buffer>());
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const out = Buffer.concat(chunks);
      const blobs = new Map<string, Buffer>();
      let at = 0;
      while (at < out.length) {
        const eol = out.indexOf(0x0a, at);
        const [sha, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
        if (type === 'missing' || size === undefined) {
          at = eol + 1;
          continue;
        }
        const length = Number(size);
        blobs.set(sha!, out.subarray(eol + 1, eol + 1 + length));
        at = eol + 1 + length + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(`${unique.join('\n')}\n`);
  });
}
