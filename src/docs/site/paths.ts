/**
 * Python's path and URL helpers, as MkDocs uses them (posixpath.normpath,
 * PurePosixPath, urllib.parse.quote/unquote/urlsplit, string ordering), and
 * the one rule every repo path obeys here: it never leaves the repository,
 * which the repo-path boundary (src/sources/repo-path.ts) decides.
 */
import { resolveRepoPath } from '../../sources/repo-path.ts';

/** posixpath.normpath: `a/./b/../c` → `a/c`; a relative path may keep leading `..`. */
export function normpath(path: string): string {
  if (path === '') return '.';
  const slashes = path.startsWith('//') && !path.startsWith('///') ? 2 : path.startsWith('/') ? 1 : 0;
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..' || (!slashes && out.length === 0) || out[out.length - 1] === '..') out.push(part);
    else if (out.length) out.pop();
  }
  const joined = '/'.repeat(slashes) + out.join('/');
  return joined || '.';
}

/** PurePosixPath(path).as_posix(): drops empty and `.` segments but keeps `..`. */
export function purePosix(path: string): string {
  const root = path.startsWith('//') && !path.startsWith('///') ? '//' : path.startsWith('/') ? '/' : '';
  const joined =
    root +
    path
      .split('/')
      .filter((p) => p !== '' && p !== '.')
      .join('/');
  return joined || '.';
}

/** posixpath.dirname */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i < 0) return '';
  const head = path.slice(0, i + 1);
  return /^\/+$/.test(head) ? head : head.replace(/\/+$/, '');
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** posixpath.splitext on a file name: [stem, '.ext']; a leading dot does not start an extension. */
export function splitext(name: string): [string, string] {
  const base = basename(name);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || /^\.+$/.test(base.slice(0, dot + 1))) return [name, ''];
  const cut = name.length - (base.length - dot);
  return [name.slice(0, cut), name.slice(cut)];
}

/**
 * Join a relative path onto a repo-relative folder and normalise it with
 * posixpath's rules; undefined when the repo-path boundary refuses it (absolute,
 * a drive path, out of the repo, into its git folder). '' is the repo root.
 */
export function repoJoin(dir: string, relative: string): string | undefined {
  const joined = resolveRepoPath(dir, relative, 'posix');
  return joined.ok ? joined.path : undefined;
}

/** `isInside(folder, path)` and `isCleanRepoPath(path)` (a safe repo file key: no absolute path, no `.`/`..`/empty segment, no git folder) live with the boundary. */
export { isInside, isCleanRepoPath } from '../../sources/repo-path.ts';

/** `path` relative to `folder` (which must contain it). */
export function relativeTo(folder: string, path: string): string {
  return folder === '' ? path : path === folder ? '' : path.slice(folder.length + 1);
}

/** urllib.parse.quote(url, safe='/'): UTF-8 percent-encoding of all but `A-Za-z0-9_.-~/`. */
export function pyQuote(url: string): string {
  return url
    .split('/')
    .map((segment) => {
      try {
        return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
      } catch {
        return segment; // a lone surrogate: cannot be UTF-8 encoded, keep it as is
      }
    })
    .join('/');
}

/** urllib.parse.unquote: decodes %XX sequences of valid UTF-8, leaves the rest. */
export function pyUnquote(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9a-fA-F]{2})/g, (m, hex: string) => (parseInt(hex, 16) < 0x80 ? String.fromCharCode(parseInt(hex, 16)) : m));
    }
  });
}

/** urllib.parse.urlsplit, enough for MkDocs' link checks. */
export function urlsplit(url: string): { scheme: string; netloc: string; path: string; query: string; fragment: string } {
  let rest = url;
  let fragment = '';
  let query = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) [rest, fragment] = [rest.slice(0, hash), rest.slice(hash + 1)];
  const q = rest.indexOf('?');
  if (q >= 0) [rest, query] = [rest.slice(0, q), rest.slice(q + 1)];
  let scheme = '';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  if (m) [scheme, rest] = [m[1]!.toLowerCase(), rest.slice(m[0].length)];
  let netloc = '';
  if (rest.startsWith('//')) {
    const end = rest.indexOf('/', 2);
    [netloc, rest] = end < 0 ? [rest.slice(2), ''] : [rest.slice(2, end), rest.slice(end)];
  }
  return { scheme, netloc, path: rest, query, fragment };
}

/** Python's str ordering: by code point (JS `<` compares UTF-16 units, which differs above U+FFFF). */
export function comparePy(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d) return d;
  }
}

/** Tuples of strings, compared like Python tuples. */
export function compareParts(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = comparePy(a[i]!, b[i]!);
    if (d) return d;
  }
  return a.length - b.length;
}
