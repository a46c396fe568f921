/**
 * When each docs page of a working tree last changed, for "Last updated":
 * one `git log --name-only` over the pages' folders. Git lists commits newest
 * first, so the first commit naming a path is the last one that changed it,
 * and reading stops once every page has its date: a long history is not
 * walked to its start for pages edited last week. Never throws; a folder that
 * is not a git repo, a missing git or a timeout give the dates found so far,
 * and a page without one shows the repo's HEAD date. A commit date that is
 * no valid date (year 10000) leaves its pages undated, and says which.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseDate } from '../checked-values.ts';

/** A history slower than this to read keeps the dates found so far. */
const TIMEOUT_MS = 30_000;
/** Marks a commit line in the log; file names follow it. */
const COMMIT = '\u0001';

export interface FileDates {
  /** Repo path → committer date of the newest commit touching it (checked, as `toISOString()` writes it). */
  dates: Record<string, string>;
  /** Pages whose newest commit has an invalid date, with that date as git printed it: they have no date. */
  invalid: Record<string, string>;
}

export function readFileDates(dir: string, paths: readonly string[], timeoutMs = TIMEOUT_MS): Promise<FileDates> {
  const wanted = new Set(paths);
  const dates: Record<string, string> = {};
  const invalid: Record<string, string> = {};
  const result = { dates, invalid };
  if (wanted.size === 0 || !existsSync(join(dir, '.git'))) return Promise.resolve(result);
  const args = [
    // Folder names are names, not globs; no user config may change the output's shape.
    '--literal-pathspecs',
    '-C',
    dir,
    '-c',
    'log.showSignature=false',
    'log',
    '--no-color',
    '--no-relative',
    '--no-renames',
    '-z',
    '--name-only',
    `--format=${COMMIT}%cI`,
    'HEAD',
    '--',
    ...folders(paths),
  ];
  const child = gitLog(args);
  if (!child) return Promise.resolve(result);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill(), timeoutMs);
    let found = 0;
    let date: string | undefined;
    let rawDate = '';
    let rest = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      // -z: the commit line and every file name end in NUL; the first name of a commit starts with a newline.
      const tokens = (rest + chunk).split('\0');
      rest = tokens.pop()!;
      for (const raw of tokens) {
        const token = raw.startsWith('\n') ? raw.slice(1) : raw;
        if (token.startsWith(COMMIT)) {
          rawDate = token.slice(COMMIT.length);
          date = parseDate(rawDate);
        } else if (rawDate && wanted.has(token) && !(token in dates) && !(token in invalid)) {
          // The newest commit decides: an invalid date there is "unknown", not an older commit's date.
          if (date) dates[token] = date;
          else invalid[token] = rawDate;
          if (++found === wanted.size) child.kill();
        }
      }
    });
    const done = () => {
      clearTimeout(timer);
      resolve(result);
    };
    child.on('error', done);
    child.on('close', done);
  });
}

/** The log's process; undefined when the OS refuses the arguments (too long, a NUL): no dates, never a failed build. */
function gitLog(args: string[]) {
  try {
    return spawn('git', args, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  } catch {
    return undefined;
  }
}

/** The fewest folders holding every path (none = the whole repo), so git only looks at docs. */
function folders(paths: readonly string[]): string[] {
  const dirs = [...new Set(paths.map((p) => posix.dirname(p)))].sort();
  if (dirs.includes('.')) return [];
  return dirs.filter((dir) => !dirs.some((other) => other !== dir && dir.startsWith(`${other}/`)));
}
