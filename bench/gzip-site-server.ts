/**
 * A built site served the way GitHub Pages serves it, for measuring what a
 * browser downloads: under its base path, every response gzip-compressed
 * (files that are gzip already, such as Pagefind's index chunks, as they are),
 * `cache-control: max-age=600`, `<dir>/` → `<dir>/index.html`. Every answer
 * is logged with the bytes that went over the wire, so a measurement can
 * take the requests between two marks.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONTENT_TYPES } from '../test/e2e/build-fixture.ts';

export interface LoggedResponse {
  /** Path as requested, without the query. */
  path: string;
  status: number;
  /** Bytes of the body as sent (gzip-compressed). */
  bytes: number;
}

export interface GzipSiteServer {
  /** `http://127.0.0.1:<port><base>` */
  url(path?: string): string;
  /** Every response so far, in order; `log.length` is a mark. */
  readonly log: readonly LoggedResponse[];
  /** Resolves once no request has been open for `quietMs`. */
  idle(quietMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Pagefind writes its chunks gzip-compressed already; compressing again would only add bytes. */
const GZIP_MAGIC = [0x1f, 0x8b];

export async function serveGzipSite(outDir: string, base: string): Promise<GzipSiteServer> {
  const root = resolve(outDir);
  const log: LoggedResponse[] = [];
  let open = 0;
  let lastDone = performance.now();
  const cache = new Map<string, { body: Buffer; encoding?: 'gzip' }>();

  const server = createServer((request, response) => {
    open++;
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const finish = (status: number, body: Buffer | undefined, type = 'text/plain', encoding?: 'gzip') => {
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'max-age=600' };
      if (encoding) headers['content-encoding'] = encoding;
      response.writeHead(status, headers);
      response.end(body);
      log.push({ path, status, bytes: body?.length ?? 0 });
      open--;
      lastDone = performance.now();
    };
    void (async () => {
      const file = await resolveFile(root, base, path);
      if (!file) return finish(404, undefined);
      let sent = cache.get(file);
      if (!sent) {
        const raw = await readFile(file);
        // Sent as they are, like GitHub Pages sends a file type it does not compress: pagefind.js unpacks them itself.
        const packed = raw[0] === GZIP_MAGIC[0] && raw[1] === GZIP_MAGIC[1];
        sent = packed ? { body: raw } : { body: gzipSync(raw), encoding: 'gzip' };
        cache.set(file, sent);
      }
      finish(200, sent.body, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', sent.encoding);
    })().catch(() => finish(500, undefined));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path = '') => `${origin}${base}${path.replace(/^\/+/, '')}`,
    log,
    async idle(quietMs = 300) {
      while (open > 0 || performance.now() - lastDone < quietMs) await new Promise((r) => setTimeout(r, 50));
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function resolveFile(root: string, base: string, path: string): Promise<string | undefined> {
  if (!path.startsWith(base)) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(path.slice(base.length));
  } catch {
    return undefined;
  }
  let file = resolve(root, relative);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) file = join(file, 'index.html');
  return (await stat(file).catch(() => undefined))?.isFile() ? file : undefined;
}
