/**
 * The apply-template action's work, in the new repo's checkout: render the template the repo was
 * created from with the values the user typed, replace the working tree (all but `.git`) with the
 * result, and commit and push it as github-actions[bot]. The render is `dryRun`, the same code as
 * the portal's dry run, fed the skeletons read from disk; files it copies without rendering
 * (binary, copyWithoutTemplating, fetch:plain) are copied byte for byte, with their mode.
 * Any problem stops the run before the tree is touched: nothing half-rendered is committed.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { dryRun } from '../render/dry-run.ts';
import type { RenderProblem } from '../render/types.ts';
import { findTemplateFiles, readTemplate } from './read-template.ts';

const run = promisify(execFile);

export interface ApplyTemplateOptions {
  /** The new repo's checkout (GITHUB_WORKSPACE). */
  workspace: string;
  /** The `values` input: a JSON object, the form's values. */
  values: string;
  /** Repo-relative path of template.yaml; default: the only one in the repo. */
  template?: string | undefined;
  commitMessage?: string | undefined;
  /** Branch to push to when HEAD is detached (GITHUB_REF_NAME). */
  branch?: string | undefined;
  log: (line: string) => void;
}

export type ApplyTemplateResult = { ok: true; files: number; committed: boolean } | { ok: false; problems: RenderProblem[] };

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

function parseValues(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function chooseTemplate(workspace: string, named: string | undefined): Promise<string | RenderProblem> {
  if (named) {
    const path = named.replace(/^\.\//, '');
    if (path.startsWith('/') || path.split('/').includes('..')) return { message: `template ${JSON.stringify(named)} is not a path inside the repository` };
    return path;
  }
  const found = await findTemplateFiles(workspace);
  if (found.length === 1) return found[0]!;
  if (found.length === 0)
    return {
      message: 'no template.yaml in this repository',
      fix: 'Run this in a repo created from a template repo; once applied, the template files are gone.',
    };
  return { message: `several template.yaml files: ${found.join(', ')}`, fix: 'Name one with the `template` input.' };
}

/** Executable bits survive; everything else gets the usual 644/755. */
const fileMode = (mode: number) => (mode & 0o111 ? 0o755 : 0o644);

export async function applyTemplate(options: ApplyTemplateOptions): Promise<ApplyTemplateResult> {
  const { workspace, log } = options;
  const values = parseValues(options.values);
  if (!values)
    return {
      ok: false,
      problems: [{ message: 'the values input is not a JSON object', fix: 'Pass the values JSON the portal shows, e.g. {"name":"payments"}.' }],
    };
  const templatePath = await chooseTemplate(workspace, options.template);
  if (typeof templatePath !== 'string') return { ok: false, problems: [templatePath] };
  log(`Rendering ${templatePath}`);

  const problems: RenderProblem[] = [];
  const template = await readTemplate(workspace, templatePath, problems);
  if (!template) return { ok: false, problems };
  const result = dryRun(template, values);
  problems.push(...result.problems);
  if (problems.length > 0) return { ok: false, problems };
  for (const step of result.steps) log(`  step ${step.id ?? step.name ?? step.action} (${step.action}): ${step.skipped ? 'skipped' : step.note}`);

  // Everything is read before anything is deleted: the skeletons live in the tree being replaced.
  const contents = await Promise.all(
    result.files.map(async (file) => {
      const source = join(workspace, file.skeleton, file.source);
      const { mode } = await stat(source);
      const bytes = file.templated && file.text !== undefined ? Buffer.from(file.text, 'utf8') : await readFile(source);
      return { path: file.path, bytes, mode: fileMode(mode) };
    }),
  );
  for (const entry of await readdir(workspace)) if (entry !== '.git') await rm(join(workspace, entry), { recursive: true, force: true });
  for (const file of contents) {
    const target = join(workspace, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.bytes, { mode: file.mode });
    log(`  wrote ${file.path}`);
  }

  await git(workspace, 'add', '--all');
  if ((await git(workspace, 'status', '--porcelain')) === '') {
    log('Nothing changed: the repository already holds the rendered template.');
    return { ok: true, files: contents.length, committed: false };
  }
  const message = options.commitMessage || `Apply template ${templatePath}`;
  await git(workspace, '-c', `user.name=${BOT.name}`, '-c', `user.email=${BOT.email}`, 'commit', '--quiet', '-m', message);
  const branch = (await git(workspace, 'symbolic-ref', '--short', '-q', 'HEAD').catch(() => '')) || options.branch;
  if (!branch) return { ok: false, problems: [{ message: 'HEAD is detached and no branch was given, so there is nothing to push to' }] };
  try {
    await git(workspace, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
  } catch (error) {
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error);
    const workflows = /without `?workflows?`? permission/.test(detail);
    return {
      ok: false,
      problems: [
        {
          message: `git push to ${branch} failed: ${detail}`,
          fix: workflows
            ? 'GITHUB_TOKEN may not change files in .github/workflows: give actions/checkout a token with the workflow scope (token: ${{ secrets.TEMPLATE_TOKEN }}).'
            : 'The workflow needs `permissions: contents: write`.',
        },
      ],
    };
  }
  log(`Committed ${contents.length} files to ${branch}.`);
  return { ok: true, files: contents.length, committed: true };
}
