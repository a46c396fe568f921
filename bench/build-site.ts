/**
 * The real build command, as a person runs it, timed:
 * `npm run build -- [--source local:<org>] [--base /x/] --out <dir>`.
 * Its progress lines are kept and read back for the time of each phase
 * (`✓ Indexing for search (Pagefind): 4234 pages indexed (3.1 s)`), so the
 * bench reports the numbers the build prints rather than timing them again.
 */
import { spawn } from 'node:child_process';
import { readdir, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface BuiltSite {
  ms: number;
  exitCode: number;
  pages: number;
  files: number;
  distBytes: number;
  outDir: string;
  /** Milliseconds of each phase the build printed, by its name. */
  phases: Record<string, number>;
  output: string;
}

/** The build's phase for the search index (src/pipeline/build.ts). */
export const PAGEFIND_PHASE = 'Indexing for search (Pagefind)';

export interface BuildSiteOptions {
  projectRoot: string;
  /** `local:<dir>`; none builds the demo org in content/. */
  source?: string;
  base?: string;
  outDir: string;
  progress: (line: string) => void;
}

export async function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const { projectRoot, outDir } = options;
  const what = options.source ? `from ${options.source.replace(`local:${projectRoot}/`, 'local:')}` : 'of the demo org';
  options.progress(`Building the portal ${what} into ${relative(projectRoot, outDir)}${options.base ? ` under ${options.base}` : ''}…`);
  await rm(outDir, { recursive: true, force: true });
  const args = [join(projectRoot, 'scripts', 'build.ts'), '--out', outDir];
  if (options.source) args.push('--source', options.source);
  if (options.base) args.push('--base', options.base);
  const started = performance.now();
  const { code, output } = await run(process.execPath, args, projectRoot);
  const ms = performance.now() - started;
  const files = await listFiles(outDir);
  const built: BuiltSite = {
    ms,
    exitCode: code,
    pages: files.filter((f) => f.path.endsWith('.html')).length,
    files: files.length,
    distBytes: files.reduce((n, f) => n + f.size, 0),
    outDir,
    phases: parsePhaseTimes(output),
    output: output.slice(-4000),
  };
  options.progress(
    `Build exited ${code} after ${Math.round(ms)} ms: ${built.pages} pages, ${built.files} files, ${(built.distBytes / 1024 / 1024).toFixed(1)} MiB`,
  );
  return built;
}

/** `✓ <phase>: <what> (<time>)` lines of src/progress/phase-log.ts → ms by phase. */
export function parsePhaseTimes(output: string): Record<string, number> {
  const phases: Record<string, number> = {};
  // Colours, should the build think it writes to a terminal.
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  for (const m of plain.matchAll(/^✓ ([^:\n]+): .*\((\d+(?:\.\d+)?) (ms|s)\)$/gm)) {
    phases[m[1]!] = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
  }
  return phases;
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

async function listFiles(dir: string): Promise<{ path: string; size: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const path = join(e.parentPath, e.name);
        return { path, size: (await stat(path)).size };
      }),
  );
}
