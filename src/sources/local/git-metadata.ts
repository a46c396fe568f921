/**
 * HEAD commit, date, branch and web URL of a local working tree, read with
 * the git CLI (only when the folder is a git repo). Remote URLs are turned into
 * web URLs and stripped of credentials, so a token in a remote never reaches
 * the snapshot or the site.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitMetadata {
  head?: { commit: string; date?: string };
  defaultBranch?: string;
  url?: string;
}

async function git(dir: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['-C', dir, ...args], { timeout: 10_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function readGitMetadata(dir: string): Promise<GitMetadata> {
  if (!existsSync(join(dir, '.git'))) return {};
  const [log, branch, remote] = await Promise.all([
    git(dir, ['log', '-1', '--format=%H%x00%cI']),
    git(dir, ['rev-parse', '--abbrev-ref', 'HEAD']),
    git(dir, ['config', '--get', 'remote.origin.url']),
  ]);
  const out: GitMetadata = {};
  if (log) {
    const [commit, date] = log.split('\u0000');
    if (commit) out.head = date ? { commit, date } : { commit };
  }
  if (branch && branch !== 'HEAD') out.defaultBranch = branch;
  const url = remote && webUrlOfRemote(remote);
  if (url) out.url = url;
  return out;
}

/** `git@github.com:org/repo.git`, `https://user:token@host/org/repo.git` → `https://host/org/repo`. */
export function webUrlOfRemote(remote: string): string | undefined {
  const scp = remote.match(/^(?:[\w.-]+@)?([\w.-]+):(?!\/)(.+?)(?:\.git)?\/?$/);
  if (scp && !remote.includes('://')) return `https://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(remote);
    if (!['http:', 'https:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
    const path = url.pathname.replace(/\.git\/?$/, '').replace(/\/+$/, '');
    // An https remote's port is the web server's too (GitHub Enterprise on :8443); an ssh port is not.
    const port = url.port && (url.protocol === 'https:' || url.protocol === 'http:') ? `:${url.port}` : '';
    return `https://${url.hostname}${port}${path}`;
  } catch {
    return undefined;
  }
}
