/**
 * The nightly build against a hostile organization (test/support/hostile-org.ts):
 * it finishes, publishes nothing it must not, keeps every cost in its budget,
 * prints nothing a CI runner would take as a command, and still gives every
 * hostile repo its page or a diagnostic. `validate` on the same org fails
 * cleanly instead of crashing.
 *
 * No wall-clock assertion: the time both take is measured by hand and noted
 * on issue 9; the timeouts here only stop a hung build.
 */
import { spawn } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCacheFiles } from '../../src/pipeline/build-cache-files.ts';
import { projectRoot } from '../../src/pipeline/project-root.ts';
import { publishedExtensions } from '../../src/docs/publish/file-types.ts';
import type { PortalData } from '../../src/portal-data/schema.ts';
import { GIT_MARKER, NAV_BLOAT_PAGES, OUTSIDE_MARKER, TOKEN_MARKER, writeHostileOrg, type HostileOrg } from '../support/hostile-org.ts';
import { withBuildLock } from '../support/build-lock.ts';

const BUILD_TIMEOUT = 15 * 60_000;

interface Run {
  code: number | null;
  output: string;
}

let temp: string;
let org: HostileOrg;
let outDir: string;
let build: Run;
let data: PortalData;
let files: { path: string; bytes: Buffer }[];

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'frontdoor-hostile-'));
  org = await writeHostileOrg(temp);
  outDir = join(temp, 'out');
  build = await withBuildLock(() => run(['scripts/build.ts', '--config', org.configFile, '--out', outDir]));
  if (build.code !== 0) throw new Error(`The build of the hostile org failed (exit ${build.code}):\n${build.output.slice(-6000)}`);
  data = JSON.parse(await readFile(buildCacheFiles(outDir).dataFile, 'utf8')) as PortalData;
  files = await readTree(outDir);
}, BUILD_TIMEOUT);

afterAll(async () => {
  if (!temp) return;
  const { dataFile, docsDataFile, astroCache, publicationRecord } = buildCacheFiles(outDir);
  await Promise.all([
    rm(temp, { recursive: true, force: true }),
    rm(dataFile, { force: true }),
    rm(docsDataFile, { force: true }),
    rm(publicationRecord, { force: true }),
    ...(astroCache ? [rm(astroCache, { recursive: true, force: true })] : []),
  ]);
});

const diagnosticsOf = (repo: string) => data.diagnostics.filter((d) => d.repo === repo);
const rulesOf = (repo: string) => new Set(diagnosticsOf(repo).map((d) => d.rule));
const page = (path: string) => files.find((f) => f.path === path)?.bytes.toString('utf8');

describe('the build of a hostile org', () => {
  it('exits 0 and prints a summary', () => {
    expect(build.code).toBe(0);
    expect(build.output).toMatch(/Built \d+ pages/);
  });

  it('publishes no .git content, token or file from outside a repo, in any output file', () => {
    const secrets = [TOKEN_MARKER, OUTSIDE_MARKER, GIT_MARKER, 'repositoryformatversion', 'HOSTILE_TAKEOVER', 'HOSTILE_SCRIPT'];
    const leaks = files.flatMap((file) => secrets.filter((secret) => textOf(file).includes(secret)).map((secret) => `${file.path}: ${secret}`));
    expect(leaks).toEqual([]);
  });

  it('prints no secret, no terminal escape and no line a CI runner reads as a command', () => {
    for (const secret of [TOKEN_MARKER, OUTSIDE_MARKER, GIT_MARKER]) expect(build.output).not.toContain(secret);
    const lines = build.output.split(/\r\n|\n|\r|\u2028|\u2029/);
    expect(lines.filter((line) => line.startsWith('::'))).toEqual([]);
    // Colours of our own log use ESC[…m; anything else (titles, clears, cursor moves) came from a repo.
    expect(build.output.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    // The hostile text is still shown, made harmless: its newline and ESC as visible escapes.
    expect(build.output).toContain(String.raw`refers to x\n:default/:error file=x::hostile_log\n\x1b[2j`);
  });

  it('copies only passive docs files, and SVGs only as sanitized markup', () => {
    const allowed = new Set(['.html', ...publishedExtensions.map((ext) => `.${ext}`)]);
    const docsFiles = files.filter((f) => f.path.startsWith('docs/'));
    expect(docsFiles.filter((f) => !allowed.has(extname(f.path).toLowerCase())).map((f) => f.path)).toEqual([]);
    for (const svg of docsFiles.filter((f) => f.path.endsWith('.svg'))) {
      expect(svg.bytes.toString('utf8')).not.toMatch(/<script|foreignObject|\son\w+\s*=|javascript:|&#|<animate|<set\b|data:/i);
    }
    const scriptOrigin = 'docs/default/component/script-origin/';
    expect(files.some((f) => f.path === `${scriptOrigin}ok.png`)).toBe(true);
    expect(files.some((f) => f.path === `${scriptOrigin}ok.svg`)).toBe(true);
    expect(
      files.filter((f) => f.path.startsWith(scriptOrigin) && /(page\.(xht|shtml|mht)|style\.xsl|noext|image\.svgz|fake\.png)$/.test(f.path)).map((f) => f.path),
    ).toEqual([]);
    expect(rulesOf('script-origin')).toContain('docs-asset-unsafe');
  });

  it('holds the size budgets: no copied file over maxFileBytes, no repo over its output budget, nav linear in pages', () => {
    expect(files.filter((f) => f.path.startsWith('docs/') && f.bytes.length > org.limits.maxFileBytes && !f.path.endsWith('.html')).map((f) => f.path)).toEqual(
      [],
    );
    const bloat = files.filter((f) => f.path.startsWith('docs/default/component/output-bloat/'));
    const bloatBytes = bloat.reduce((sum, f) => sum + f.bytes.length, 0);
    // The budget counts what the repo's pages hold; each page's chrome (header, nav) comes on top.
    expect(bloatBytes).toBeLessThan(org.limits.maxRepoOutputBytes + bloat.length * 64 * 1024);
    expect(rulesOf('output-bloat')).toContain('docs-asset-too-large');
    expect(rulesOf('output-bloat')).toContain('repo-output-budget');
    // Every page but the one site map, which lists the whole nav once.
    const navPages = files.filter((f) => f.path.startsWith('docs/default/component/nav-bloat/') && f.path.endsWith('.html') && !f.path.includes('/~pages/'));
    expect(files.some((f) => f.path === 'docs/default/component/nav-bloat/~pages/index.html')).toBe(true);
    expect(navPages.length).toBeGreaterThanOrEqual(NAV_BLOAT_PAGES);
    const largest = Math.max(...navPages.map((f) => f.bytes.length));
    // A full nav would put every page's link on every page: collapsed, it is a few dozen.
    const linksPerPage = Math.max(...navPages.map((f) => (f.bytes.toString('utf8').match(/<a\b/g) ?? []).length));
    expect(linksPerPage).toBeLessThan(NAV_BLOAT_PAGES);
    expect(largest).toBeLessThan(120 * 1024);
  });

  it('still gives every hostile repo its entity page or a diagnostic', () => {
    const pages = new Set(data.entities.map((e) => e.ref));
    for (const repo of Object.keys(org.repos)) {
      const published = data.entities.some((e) => e.source.repo === repo);
      expect(published || diagnosticsOf(repo).length > 0, `${repo}: no page and no diagnostic`).toBe(true);
    }
    for (const name of [
      'git-leak',
      'script-origin',
      'crash-names',
      'crash-git',
      'crash-remote',
      'stall-headings',
      'silent-loss',
      'nav-bloat',
      'output-bloat',
    ]) {
      expect(pages, name).toContain(`component:default/${name}`);
      expect(page(`catalog/default/component/${name}/index.html`), name).toBeDefined();
    }
  });

  it('keeps a repo that names .git from reading it, and says so', () => {
    expect(rulesOf('git-leak')).toContain('file-in-git-dir');
    expect(page('docs/default/component/git-leak/index.html')).toBeDefined();
  });

  it('renders a page of 20,000 repeated headings with Python-Markdown ids', () => {
    const html = page('docs/default/component/stall-headings/index.html')!;
    expect(html).toContain('id="repeated_19999"');
  });

  it('turns file names into safe URLs, reports collisions, and leaves out what is too long', () => {
    const rules = rulesOf('crash-names');
    expect(rules).toContain('docs-path-conflict');
    expect(rules).toContain('docs-path-renamed');
    expect(rules).toContain('docs-path-too-long');
    const paths = files.filter((f) => f.path.startsWith('docs/default/component/crash-names/')).map((f) => f.path);
    expect(paths.filter((p) => /[\u0000-\u001f\u007f%]/.test(p))).toEqual([]);
    expect(paths.some((p) => p.endsWith('/index.html'))).toBe(true);
  });

  it('treats invalid git dates and remote URLs as unknown, with a diagnostic', () => {
    for (const repo of ['crash-git', 'crash-remote']) {
      expect(rulesOf(repo), repo).toContain('repo-date-invalid');
      expect(rulesOf(repo), repo).toContain('repo-url-invalid');
    }
  });

  it('says when a docs tree is over its cap, and keeps index.md and nav targets', () => {
    expect(rulesOf('silent-loss')).toContain('docs-tree-truncated');
    const truncated = diagnosticsOf('silent-loss').find((d) => d.rule === 'docs-tree-truncated')!;
    expect(truncated.message).toContain('limits.maxDocsFiles');
    expect(page('docs/default/component/silent-loss/index.html')).toContain('Home of silent-loss');
    expect(page('docs/default/component/silent-loss/a0250/index.html')).toBeDefined();
    expect(diagnosticsOf('silent-loss').filter((d) => d.message.includes('index.md') && d.rule !== 'docs-tree-truncated')).toEqual([]);
  });

  it("lets no repo take over another repo's entity", () => {
    expect(diagnosticsOf('aaa-takeover').map((d) => d.rule)).toContain('duplicate-entity');
    expect(diagnosticsOf('payments').map((d) => d.rule)).toContain('duplicate-entity');
    const component = data.entities.find((e) => e.ref === 'component:default/payments-api');
    expect(component?.source.repo).toBe('payments');
    expect(page('docs/default/component/payments-api/index.html')).toContain('The real payments docs.');
  });
});

describe('validate on a hostile org', () => {
  it(
    'exits 1 with diagnostics, never a stack trace or a workflow command',
    async () => {
      const result = await run(['scripts/validate.ts', '--config', org.configFile, '--format', 'pretty']);
      expect(result.code).toBe(1);
      expect(result.output).toContain('file-in-git-dir');
      expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(result.output.split(/\r\n|\n|\r/).filter((line) => line.startsWith('::'))).toEqual([]);
      for (const secret of [TOKEN_MARKER, OUTSIDE_MARKER, GIT_MARKER]) expect(result.output).not.toContain(secret);
    },
    BUILD_TIMEOUT,
  );
});

function run(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function readTree(dir: string): Promise<{ path: string; bytes: Buffer }[]> {
  const out: { path: string; bytes: Buffer }[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    if ((await lstat(full)).isFile()) out.push({ path: relative(dir, full), bytes: await readFile(full) });
  }
  return out;
}

/** A file's text; Pagefind's index files are gzip, so they are unpacked first. */
function textOf(file: { path: string; bytes: Buffer }): string {
  if (file.bytes[0] === 0x1f && file.bytes[1] === 0x8b) {
    try {
      return gunzipSync(file.bytes).toString('latin1');
    } catch {
      return file.bytes.toString('latin1');
    }
  }
  return file.bytes.toString('latin1');
}
