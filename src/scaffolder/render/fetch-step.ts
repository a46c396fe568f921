/**
 * One `fetch:template` or `fetch:plain` step applied to a skeleton's files, the way Backstage's
 * `fetch:template` handler does it (backstage/backstage
 * `plugins/scaffolder-backend/src/scaffolder/actions/builtin/fetch/template.ts` at 40f6b10e, the
 * same loop as `templateActionHandler.ts` at 013be843):
 * - the skeleton-relative path of every entry is rendered as a whole (folder names included), then
 *   skipped when it renders empty (see output-path.ts) and placed below `targetPath`;
 * - `templateFileExtension` (`true` means `.njk`): only files with that extension have their
 *   contents rendered, and lose the extension; every path is still rendered;
 * - `copyWithoutTemplating` globs: contents copied as they are, paths still rendered;
 *   `copyWithoutRender` (deprecated): neither contents nor paths rendered;
 * - the template sees `values` (`cookiecutter` in `cookiecutterCompat` mode), nothing else;
 * - binary files are copied as they are; an existing output file is kept unless `replace`.
 * `fetch:plain` copies the skeleton below `targetPath` without rendering anything.
 */
import picomatch from 'picomatch/posix.js';
import type { Skeleton } from '../schema.ts';
import { createRenderer, TemplateRenderError } from './nunjucks-env.ts';
import { isSkippedPath, resolveOutputPath } from './output-path.ts';
import type { RenderedFile, RenderProblem } from './types.ts';

export interface FetchStepInput {
  action: 'fetch:template' | 'fetch:plain';
  /** The step's input, already templated against the workflow context. */
  input: Record<string, unknown>;
  skeleton: Skeleton;
  /** Output files of earlier steps, by path; this step adds to it. */
  output: Map<string, RenderedFile>;
  problems: RenderProblem[];
  step?: string | undefined;
}

/** node's `path.extname` for `/`-separated paths: a leading dot starts no extension. */
function extname(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

const byteLength = (text: string) => new TextEncoder().encode(text).byteLength;

function stringList(value: unknown): string[] | undefined | false {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : false;
}

interface Settings {
  extension: string | false;
  copyOnly: string[];
  renderCopyOnlyPaths: boolean;
}

function settings(input: Record<string, unknown>, fail: (message: string, fix: string) => void): Settings | undefined {
  const withoutRender = stringList(input['copyWithoutRender']);
  const withoutTemplating = stringList(input['copyWithoutTemplating']);
  if (withoutRender === false || withoutTemplating === false) {
    fail('copyWithoutRender/copyWithoutTemplating must be a list of glob patterns', 'Write them as a YAML list of strings.');
    return undefined;
  }
  if (withoutRender && withoutTemplating) {
    fail('copyWithoutRender and copyWithoutTemplating can not be used at the same time', 'Keep copyWithoutTemplating only.');
    return undefined;
  }
  const copyOnly = withoutRender ?? withoutTemplating;
  const option = input['templateFileExtension'];
  if (option !== undefined && typeof option !== 'string' && typeof option !== 'boolean') {
    fail('templateFileExtension must be an extension or true', 'Write `.njk` (or any extension), or true for `.njk`.');
    return undefined;
  }
  if (option && (copyOnly || input['cookiecutterCompat'])) {
    fail('templateFileExtension is incompatible with copyWithoutRender/copyWithoutTemplating and cookiecutterCompat', 'Use one of them.');
    return undefined;
  }
  let extension: string | false = false;
  if (option) {
    extension = option === true ? '.njk' : option;
    if (!extension.startsWith('.')) extension = `.${extension}`;
  }
  return { extension, copyOnly: copyOnly ?? [], renderCopyOnlyPaths: !withoutRender };
}

export function applyFetchStep({ action, input, skeleton, output, problems, step }: FetchStepInput): void {
  const fail = (message: string, fix: string) => problems.push({ ...(step ? { step } : {}), message: `${action}: ${message}`, fix });
  const plain = action === 'fetch:plain';
  const options = plain ? { extension: false as const, copyOnly: [], renderCopyOnlyPaths: false } : settings(input, fail);
  if (!options) return;
  const compat = input['cookiecutterCompat'] === true;
  const render = createRenderer({ cookiecutterCompat: compat, trimBlocks: input['trimBlocks'] === true, lstripBlocks: input['lstripBlocks'] === true });
  const context = { [compat ? 'cookiecutter' : 'values']: input['values'] ?? {} };
  const copyOnly = options.copyOnly.length > 0 ? picomatch(options.copyOnly, { dot: true }) : () => false;
  const replace = input['replace'] === true;

  for (const file of skeleton.files) {
    const repoPath = skeleton.dir ? `${skeleton.dir}/${file.path}` : file.path;
    const problem = (message: string, extra: Partial<RenderProblem> = {}) => problems.push({ file: repoPath, ...(step ? { step } : {}), message, ...extra });

    let renderContents: boolean;
    let local = file.path;
    let renderPath: boolean;
    if (plain) {
      renderContents = false;
      renderPath = false;
    } else if (options.extension) {
      renderContents = extname(local) === options.extension;
      if (renderContents) local = local.slice(0, -options.extension.length);
      renderPath = true;
    } else {
      renderContents = !copyOnly(file.path);
      renderPath = options.renderCopyOnlyPaths || renderContents;
    }
    if (renderPath) {
      try {
        local = render(local, context);
      } catch (error) {
        problem(`its file name does not render: ${error instanceof Error ? error.message : String(error)}`, {
          fix: 'Fix the ${{ }} expression in the file or folder name.',
        });
        continue;
      }
    }
    if (isSkippedPath(local)) continue;
    const resolved = resolveOutputPath(input['targetPath'], local);
    if (!resolved.ok) {
      problem(`skipped: ${resolved.message}`, { fix: 'Keep rendered paths and targetPath relative, inside the new repository.' });
      continue;
    }
    if (output.has(resolved.path) && !replace) continue;

    const base = { path: resolved.path, source: file.path, skeleton: skeleton.dir };
    if (file.binary) {
      output.set(resolved.path, { ...base, size: file.size, binary: true, templated: false });
    } else if (file.text === undefined) {
      // Left out of the published data (too large): the action still reads it from the repo.
      output.set(resolved.path, { ...base, size: file.size, templated: renderContents });
    } else if (!renderContents) {
      output.set(resolved.path, { ...base, size: file.size, text: file.text, templated: false });
    } else {
      try {
        const text = render(file.text, context);
        output.set(resolved.path, { ...base, size: byteLength(text), text, templated: true });
      } catch (error) {
        const located = error instanceof TemplateRenderError ? error : undefined;
        problem(error instanceof Error ? error.message : String(error), {
          ...(located?.line !== undefined ? { line: located.line } : {}),
          ...(located?.column !== undefined ? { column: located.column } : {}),
          fix: 'Fix the template syntax at this line, or list the file under copyWithoutTemplating if it is not a template.',
        });
        output.set(resolved.path, { ...base, size: file.size, text: file.text, templated: true });
      }
    }
  }
}
