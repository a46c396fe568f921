/**
 * A template repo on disk, read into the shape the build publishes (`TemplateLaunchData`'s
 * `steps`, `skeletons`, `templatePath`), so the action feeds `dryRun` exactly what the portal's
 * dry run gets. Files are classified like every other source (src/sources/file-content.ts): NUL
 * bytes make a file binary. Unlike the build, nothing is left out for size.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { TemplateSpecSchema } from '../../catalog-model/kinds/template.ts';
import { resolveSkeletonDir } from '../render/output-path.ts';
import type { RenderProblem } from '../render/types.ts';
import type { Skeleton, SkeletonFile, TemplateLaunchData } from '../schema.ts';
import { classifyBytes } from '../../sources/file-content.ts';

export type TemplateOnDisk = Pick<TemplateLaunchData, 'steps' | 'skeletons' | 'templatePath'> & { parameters: unknown };

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** Every `template.yaml` below `root`, repo-relative and sorted. */
export async function findTemplateFiles(root: string, dir = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) found.push(...(await findTemplateFiles(root, path)));
    else if (entry.isFile() && entry.name === 'template.yaml') found.push(path);
  }
  return found.sort();
}

/** All files below a skeleton folder; symbolic links are refused (they could point anywhere on the runner). */
export async function readSkeleton(root: string, dir: string, problems: RenderProblem[]): Promise<Skeleton> {
  const files: SkeletonFile[] = [];
  async function walk(relative: string): Promise<void> {
    for (const entry of await readdir(join(root, dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const repoPath = posix.join(dir, path);
      if (entry.isSymbolicLink()) {
        problems.push({ file: repoPath, message: 'a symbolic link in the skeleton is not copied', fix: 'Replace the link with the file it points to.' });
      } else if (entry.isDirectory()) {
        if (entry.name !== '.git') await walk(path);
      } else if (entry.isFile()) {
        const bytes = await readFile(join(root, dir, path));
        const content = classifyBytes(bytes);
        files.push(content.status === 'text' ? { path, size: content.size, text: content.text } : { path, size: bytes.byteLength, binary: true });
      }
    }
  }
  await walk('');
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { dir, files, truncated: false };
}

/** Parse `templatePath` (the Template document in it) and read the skeleton folders its fetch steps name. */
export async function readTemplate(root: string, templatePath: string, problems: RenderProblem[]): Promise<TemplateOnDisk | undefined> {
  const source = await readFile(join(root, templatePath), 'utf8');
  const document = parseAllDocuments(source)
    .map((doc) => doc.toJS() as unknown)
    .find((doc) => (doc as { kind?: unknown } | null)?.kind === 'Template') as { spec?: unknown } | undefined;
  if (!document) {
    problems.push({ file: templatePath, message: 'no Template document in this file', fix: 'Name the template file with the `template` input.' });
    return undefined;
  }
  const spec = TemplateSpecSchema.safeParse(document.spec);
  if (!spec.success) {
    problems.push({
      file: templatePath,
      message: `spec is not a valid Template spec: ${spec.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    });
    return undefined;
  }
  const skeletons: Record<string, Skeleton> = {};
  for (const step of spec.data.steps) {
    const url = (step.input as { url?: unknown } | undefined)?.url;
    if (step.action !== 'fetch:template' && step.action !== 'fetch:plain') continue;
    if (typeof url !== 'string' || !url.startsWith('.')) continue;
    const dir = resolveSkeletonDir(templatePath, url);
    if (dir === undefined || skeletons[dir]) continue;
    const stat = await lstat(join(root, dir)).catch(() => undefined);
    // A missing folder is reported by dryRun, which names the step.
    if (stat?.isDirectory()) skeletons[dir] = await readSkeleton(root, dir, problems);
  }
  return { templatePath, steps: spec.data.steps, parameters: spec.data.parameters, skeletons };
}
