/**
 * CODEOWNERS, as GitHub reads it: the first file found in `.github/`, the
 * root, then `docs/`; later rules win; `#` starts a comment. Frontdoor only
 * needs who owns the whole repository: the owners of the last rule that
 * matches everything (`*`, `/`, `/*`, `**`).
 */
import type { RepoFile } from '../../sources/snapshot.ts';

export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

export type CodeOwner = { kind: 'team'; org: string; slug: string } | { kind: 'user'; login: string } | { kind: 'email'; email: string };

export function findCodeowners(files: Record<string, RepoFile>): { path: string; text: string } | undefined {
  for (const path of CODEOWNERS_PATHS) {
    const file = files[path];
    if (file?.status === 'text') return { path, text: file.text };
  }
  return undefined;
}

const wholeRepo = new Set(['*', '/', '/*', '**', '/**']);

/** Owners of the whole repository (the last catch-all rule), or [] when there is none. */
export function repoOwners(text: string): CodeOwner[] {
  let owners: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const [pattern, ...rest] = line.split(/\s+/);
    if (pattern && wholeRepo.has(pattern)) owners = rest;
  }
  return owners.map(parseOwner).filter((o): o is CodeOwner => o !== undefined);
}

function parseOwner(token: string): CodeOwner | undefined {
  const team = token.match(/^@([\w.-]+)\/([\w.-]+)$/);
  if (team) return { kind: 'team', org: team[1]!, slug: team[2]!.toLowerCase() };
  const user = token.match(/^@([\w-]+)$/);
  if (user) return { kind: 'user', login: user[1]! };
  if (/^[^@\s]+@[^@\s]+$/.test(token)) return { kind: 'email', email: token };
  return undefined;
}
