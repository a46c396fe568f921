/**
 * .gitignore-style patterns, as MkDocs reads `exclude_docs`, `draft_docs` and
 * `not_in_nav` (pathspec's GitIgnoreSpec) and its default exclusion of
 * dot-files and a top-level `templates/` folder. Paths are docs-relative.
 */
import picomatch from 'picomatch';

interface Rule {
  negate: boolean;
  dirOnly: boolean;
  match: (path: string) => boolean;
}

export type IgnoreSpec = (path: string) => boolean;

export function gitignoreSpec(lines: readonly string[]): IgnoreSpec {
  const rules: Rule[] = [];
  for (const raw of lines) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    line = line.replace(/^\\([#!])/, '$1');
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.replace(/\/+$/, '');
    if (line === '') continue;
    // A slash at the start or in the middle anchors the pattern to the docs root; otherwise it matches at any depth.
    const anchored = line.includes('/');
    const glob = anchored ? line.replace(/^\/+/, '') : `**/${line}`;
    const isMatch = picomatch(glob, { dot: true });
    rules.push({ negate, dirOnly, match: (p) => isMatch(p) });
  }
  return (path) => {
    const parts = path.split('/');
    // The file itself, and every folder above it (a pattern matching a folder excludes its content).
    const folders = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
    let ignored = false;
    for (const rule of rules) {
      const hit = (!rule.dirOnly && rule.match(path)) || folders.some((f) => rule.match(f));
      if (hit) ignored = !rule.negate;
    }
    return ignored;
  };
}

/** MkDocs' `_default_exclude`: `.*` and `/templates/`. */
export const defaultExclude = gitignoreSpec(['.*', '/templates/']);

/** The pattern lines of a config value: a multi-line string (MkDocs' form) or a list of strings. */
export function patternLines(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? value.split(/\r?\n/) : [...value];
}
