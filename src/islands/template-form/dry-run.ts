/**
 * What the dry-run panel shows of a `dryRun` result (src/scaffolder/render): the rendered files
 * as a folder tree, which file is selected, and each problem as one line with where it is.
 */
import type { DryRunResult, RenderedFile, RenderProblem } from './renderer.ts';

export interface TreeNode {
  name: string;
  /** Full path from the new repo's root. */
  path: string;
  /** Present for a folder (sorted: folders first, then by name). */
  children?: TreeNode[];
  file?: RenderedFile;
}

export function fileTree(files: readonly RenderedFile[]): TreeNode[] {
  const root: TreeNode = { name: '', path: '', children: [] };
  for (const file of files) {
    const parts = file.path.split('/').filter(Boolean);
    let node = root;
    parts.forEach((part, i) => {
      const path = parts.slice(0, i + 1).join('/');
      const last = i === parts.length - 1;
      let child = node.children!.find((c) => c.name === part && (last ? !c.children : !!c.children));
      if (!child) {
        child = last ? { name: part, path, file } : { name: part, path, children: [] };
        node.children!.push(child);
      }
      node = child;
    });
  }
  const sort = (nodes: TreeNode[]): TreeNode[] =>
    nodes
      .map((n) => (n.children ? { ...n, children: sort(n.children) } : n))
      .sort((a, b) => Number(!a.children) - Number(!b.children) || a.name.localeCompare(b.name));
  return sort(root.children!);
}

/** Keep the selection while that file still exists; else the README, the catalog file, or the first text file. */
export function selectedFile(files: readonly RenderedFile[], previous: string | undefined): RenderedFile | undefined {
  const byPath = (path: string) => files.find((f) => f.path === path);
  return (previous ? byPath(previous) : undefined) ?? byPath('README.md') ?? byPath('catalog-info.yaml') ?? files.find((f) => f.text !== undefined) ?? files[0];
}

export function problemLine(problem: RenderProblem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  const step = problem.step ? `step ${problem.step}` : '';
  const prefix = [where, step].filter(Boolean).join(', ');
  return `${prefix ? `${prefix}: ` : ''}${problem.message}${problem.fix ? ` (${problem.fix})` : ''}`;
}

export function dryRunSummary(result: DryRunResult): string {
  const files = result.files.length;
  const problems = result.problems.length;
  return `${files} file${files === 1 ? '' : 's'}${problems > 0 ? `, ${problems} problem${problems === 1 ? '' : 's'}` : ''}`;
}
