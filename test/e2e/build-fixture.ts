/**
 * The site under test: the demo org (content/) built by the real
 * `npm run build` command into a temporary folder, then served over HTTP the
 * way a static host (GitHub Pages) serves it. Used by the vitest global setup
 * (test/e2e/global-setup.ts) and by scripts/screenshots.ts; nothing here
 * imports vitest.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { buildCacheFiles } from '../../src/pipeline/build-cache-files.ts';
import { buildInfoFile, projectRoot } from '../../src/pipeline/project-root.ts';
import type { PortalData } from '../../src/portal-data/schema.ts';
import { withBuildLock } from '../support/build-lock.ts';

export { projectRoot };

/** Base paths the tests build for: a user/org Pages site and a project site. */
export type FixtureBase = '/' | '/fernway-portal/';

export interface BuiltSite {
  base: FixtureBase;
  /** Absolute output folder (what a static host would publish). */
  outDir: string;
  /** The PortalData JSON the pages were rendered from. */
  dataFile: string;
}

/**
 * Runs `npm run build -- --base <base> --out <outDir> -q` as a child process
 * (the same entry point users run), then puts back `.cache/build-info.json`,
 * which the build overwrites and `npm run preview` reads: a test build must
 * not change what the developer's next preview serves.
 */
export async function buildDemoSite(base: FixtureBase, outDir: string): Promise<BuiltSite> {
  const previousInfo = await readFile(buildInfoFile, 'utf8').catch(() => undefined);
  const absoluteOut = resolve(outDir);
  try {
    await withBuildLock(() => run(process.execPath, ['scripts/build.ts', '--base', base, '--out', absoluteOut, '-q']));
  } finally {
    if (previousInfo === undefined) await rm(buildInfoFile, { force: true });
    else await writeFile(buildInfoFile, previousInfo);
  }
  // build-command.ts names the data file of a non-default --out after a hash of the folder.
  const { dataFile } = buildCacheFiles(absoluteOut);
  await stat(dataFile).catch(() => {
    throw new Error(`The build of base ${base} wrote no portal data at ${dataFile}; did src/pipeline/build-cache-files.ts change how it names the file?`);
  });
  return { base, outDir: absoluteOut, dataFile };
}

/** Deletes a test build: its output folder, its portal and docs data files and its Astro cache. */
export async function removeBuiltSite(site: BuiltSite): Promise<void> {
  const { astroCache, docsDataFile, publicationRecord } = buildCacheFiles(site.outDir);
  await Promise.all([
    rm(site.outDir, { recursive: true, force: true }),
    rm(site.dataFile, { force: true }),
    rm(docsDataFile, { force: true }),
    rm(publicationRecord, { force: true }),
    ...(astroCache ? [rm(astroCache, { recursive: true, force: true })] : []),
  ]);
}

export async function readPortalData(site: BuiltSite): Promise<PortalData> {
  return JSON.parse(await readFile(site.dataFile, 'utf8')) as PortalData;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`\`node ${args.join(' ')}\` exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}

export interface SiteServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  base: string;
  /** Absolute URL of a base-relative path: `url('catalog/')` → `http://127.0.0.1:<port>/fernway-portal/catalog/`. */
  url(path?: string): string;
  close(): Promise<void>;
}

/** Content types of the files a built site has, as a static host sends them (the bench's server uses them too). */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

/**
 * Serves `outDir` under `base` on 127.0.0.1, port 0, like GitHub Pages:
 * `<dir>/` → `<dir>/index.html`, a folder without its slash → 301 to the
 * slashed URL, anything else missing (or outside the base) → 404.html with
 * status 404.
 */
export async function serveSite(outDir: string, base: string): Promise<SiteServer> {
  const root = resolve(outDir);
  const notFoundPage = join(root, '404.html');

  const server = createServer((request, response) => {
    void (async () => {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      const send = (status: number, file: string) => {
        response.writeHead(status, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file).pipe(response);
      };
      const notFound = () => send(404, notFoundPage);

      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      if (`${pathname}/` === base) {
        response.writeHead(301, { location: base }).end();
        return;
      }
      if (!pathname.startsWith(base)) return notFound();
      let relative: string;
      try {
        relative = decodeURIComponent(pathname.slice(base.length));
      } catch {
        return notFound();
      }
      const file = resolve(root, relative);
      if (file !== root && !file.startsWith(root + sep)) return notFound();
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) return send(200, file);
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          response.writeHead(301, { location: `${pathname}/` }).end();
          return;
        }
        const index = join(file, 'index.html');
        if ((await stat(index).catch(() => undefined))?.isFile()) return send(200, index);
      }
      return notFound();
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    base,
    url: (path = '') => `${origin}${base}${path.replace(/^\/+/, '')}`,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
