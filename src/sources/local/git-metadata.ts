/**
 * HEAD commit, date, branch and web URL of a local working tree, read with
 * the git CLI (only when the folder is a git repo). Remote URLs are turned into
 * web URLs and stripped of credentials, so a token in a remote never reaches
 * the snapshot or the site. The date and the URL are checked here, where they
 * enter (checked-values.ts): a commit dated year 10000 or a remote with an
 * invalid host becomes "unknown" and a problem, never a crash later.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseDate, parseWebUrl, showValue } from '../checked-values.ts';
import type { RepoProblem } from '../snapshot.ts';

const run = promisify(execFile);

export interface GitMetadata {
  head?: { commit: string; date?: string };
  defaultBranch?: string;
  url?: string;
  /** A date or remote URL git gave that was invalid, and left out. */
  problems?: RepoProblem[];
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
  const problems: RepoProblem[] = [];
  if (log) {
    const [commit, rawDate] = log.split('\u0000');
    const date = rawDate ? parseDate(rawDate) : undefined;
    if (rawDate && !date)
      problems.push({
        rule: 'repo-date-invalid',
        message: `The HEAD commit is dated ${showValue(rawDate)} (git log %cI), which is not a valid date between years 0000 and 9999; the portal shows it as unknown. Fix the clock of whoever committed it, or amend the commit's date.`,
      });
    if (commit) out.head = date ? { commit, date } : { commit };
  }
  if (branch && branch !== 'HEAD') out.defaultBranch = branch;
  if (remote) {
    const url = webUrlOfRemote(remote);
    if (url) out.url = url;
    else if (!isLocalRemote(remote))
      problems.push({
        rule: 'repo-url-invalid',
        message: `The remote origin ${showValue(withoutCredentials(remote))} has no valid web URL (an https remote or git@host:path with a valid host), so the portal shows no links to the repository. Fix it with \`git remote set-url origin <url>\`.`,
      });
  }
  if (problems.length > 0) out.problems = problems;
  return out;
}

/** `git@github.com:org/repo.git`, `https://user:token@host/org/repo.git` → `https://host/org/repo`; undefined when there is no valid one. */
export function webUrlOfRemote(remote: string): string | undefined {
  const scp = remote.match(/^(?:[\w.-]+@)?([\w.-]+):(?!\/)(.+?)(?:\.git)?\/?$/);
  if (scp && !remote.includes('://')) return checked(`https://${scp[1]}/${scp[2]}`);
  let url: URL;
  try {
    url = new URL(remote);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
  const path = url.pathname.replace(/\.git\/?$/, '').replace(/\/+$/, '');
  // An https remote's port is the web server's too (GitHub Enterprise on :8443); an ssh port is not.
  const port = url.port && (url.protocol === 'https:' || url.protocol === 'http:') ? `:${url.port}` : '';
  return checked(`https://${url.hostname}${port}${path}`);
}

/** The built URL must pass the same check as every URL entering the snapshot, and name a repo (a path), not a bare host. */
function checked(candidate: string): string | undefined {
  const url = parseWebUrl(candidate);
  return url && new URL(url).pathname.length > 1 ? url : undefined;
}

/** A remote that is a folder (`/srv/git/pay.git`, `../pay`, `file://…`) has no web URL, and needs none. */
function isLocalRemote(remote: string): boolean {
  return !remote.includes(':') || /^(?:\/|\.\.?(?:\/|\\|$)|~|file:|[A-Za-z]:[\\/])/i.test(remote);
}

/**
 * A remote as a message may show it: everything before the last `@` goes
 * (`https://user:token@host/x` → `https://host/x`, `user:token@host:x` → `host:x`).
 * Cruder than parsing, on purpose: the remote is invalid, and a token must never reach a page.
 */
function withoutCredentials(remote: string): string {
  const at = remote.lastIndexOf('@');
  if (at === -1) return remote;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(remote)?.[0] ?? '';
  return scheme + remote.slice(at + 1);
}
