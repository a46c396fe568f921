/**
 * Diagnostics as the portal shows them.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/** `file:line:column`, leaving out the parts that are 0 (unknown). */
export function diagnosticLocation(d: Pick<Diagnostic, 'path' | 'line' | 'column'>): string {
  if (d.path === '') return d.line > 0 ? `line ${d.line}` : '';
  if (d.line <= 0) return d.path;
  return d.column > 0 ? `${d.path}:${d.line}:${d.column}` : `${d.path}:${d.line}`;
}

export interface DiagnosticFileGroup {
  path: string;
  diagnostics: Diagnostic[];
}

export interface DiagnosticRepoGroup {
  repo: string;
  files: DiagnosticFileGroup[];
  count: number;
}

/** Groups diagnostics by repo, then file, keeping their order (call with sorted input). */
export function groupDiagnostics(list: readonly Diagnostic[]): DiagnosticRepoGroup[] {
  const repos = new Map<string, Map<string, Diagnostic[]>>();
  for (const d of list) {
    let files = repos.get(d.repo);
    if (!files) repos.set(d.repo, (files = new Map<string, Diagnostic[]>()));
    const inFile = files.get(d.path);
    if (inFile) inFile.push(d);
    else files.set(d.path, [d]);
  }
  return [...repos.entries()].map(([repo, files]) => ({
    repo,
    files: [...files.entries()].map(([path, diagnostics]) => ({ path, diagnostics })),
    count: [...files.values()].reduce((sum, ds) => sum + ds.length, 0),
  }));
}

export function repoHeading(repo: string): string {
  return repo === '' ? 'Not tied to a repository' : repo;
}

export function fileHeading(path: string): string {
  return path === '' ? 'The repository as a whole' : path;
}
