/**
 * Where a rendered skeleton entry lands in the new repo. Backstage (`fetch/template.ts`) first
 * skips an entry whose rendered path is empty, starts with `/` or contains `//` (that is how a
 * template leaves a file out: `${{ 'Dockerfile' if values.docker }}`), then resolves it below
 * `targetPath` with `resolveSafeChildPath`, which fails when the result leaves the workspace.
 * Here the failure is a problem for that file only, and two more things are refused: a drive
 * letter (which leaves the target on Windows) and anything inside `.git`, which the
 * apply-template action must never write.
 */

/** Backstage's `containsSkippedContent`: a templated name that rendered to nothing. */
export function isSkippedPath(rendered: string): boolean {
  return rendered === '' || rendered.startsWith('/') || rendered.includes('//');
}

export type OutputPath = { ok: true; path: string } | { ok: false; message: string };

/** Normalise `targetPath` + the rendered skeleton path to a `/`-separated path inside the new repo. */
export function resolveOutputPath(targetPath: unknown, rendered: string): OutputPath {
  if (targetPath !== undefined && targetPath !== null && typeof targetPath !== 'string') return { ok: false, message: 'targetPath is not a string' };
  const target = targetPath ?? './';
  if (target.startsWith('/') || target.startsWith('\\')) return { ok: false, message: `targetPath ${JSON.stringify(target)} is absolute` };
  const joined = `${target}/${rendered}`;
  if (/(^|[/\\])[A-Za-z]:/.test(joined)) return { ok: false, message: `${JSON.stringify(joined)} names a drive` };
  const parts: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment.split('\\').includes('..')) {
      if (segment !== '..' || parts.length === 0) return { ok: false, message: `${JSON.stringify(joined)} leaves the new repository` };
      parts.pop();
      continue;
    }
    parts.push(segment);
  }
  if (parts.length === 0) return { ok: false, message: `${JSON.stringify(joined)} names no file` };
  if (parts.some((part) => part.toLowerCase() === '.git')) return { ok: false, message: `${JSON.stringify(joined)} is inside a .git folder` };
  return { ok: true, path: parts.join('/') };
}

/** Resolve a fetch step's relative `url` against the template file's folder; undefined when it leaves the repo. */
export function resolveSkeletonDir(templatePath: string, url: string): string | undefined {
  const base = templatePath.includes('/') ? templatePath.slice(0, templatePath.lastIndexOf('/')) : '';
  const parts: string[] = [];
  for (const segment of `${base}/${url}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}
