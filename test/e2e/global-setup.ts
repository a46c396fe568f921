/**
 * vitest globalSetup: builds the demo site at most once per test run per
 * base path, for every e2e test file (each runs in its own worker).
 *
 * The builds happen on demand, not here: this setup runs whenever an e2e
 * file does, and a run of one file should pay only for the base it uses.
 * So it starts a tiny local HTTP endpoint in the main
 * vitest process; a test file asks it for a base (`site-fixture.ts`), the
 * first request builds, later ones get the same result. Builds run one at a
 * time because they share the project root (Astro's `.astro/` and cache).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDemoSite, removeBuiltSite, type BuiltSite, type FixtureBase } from './build-fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the build endpoint: GET `<url>?base=/fernway-portal/` → BuiltSite JSON. */
    frontdoorSiteBuilds: string;
  }
}

const BASES: readonly FixtureBase[] = ['/', '/fernway-portal/'];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tempRoot = await mkdtemp(join(tmpdir(), 'frontdoor-e2e-'));
  const builds = new Map<FixtureBase, Promise<BuiltSite>>();
  let queue: Promise<unknown> = Promise.resolve();

  const buildOnce = (base: FixtureBase): Promise<BuiltSite> => {
    let build = builds.get(base);
    if (!build) {
      const outDir = join(tempRoot, base === '/' ? 'root' : base.replaceAll('/', ''));
      build = queue.then(() => buildDemoSite(base, outDir));
      queue = build.catch(() => undefined);
      builds.set(base, build);
    }
    return build;
  };

  const server = createServer((request, response) => {
    const base = new URL(request.url ?? '/', 'http://localhost').searchParams.get('base');
    const known = BASES.find((b) => b === base);
    if (!known) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end(`Unknown base "${base}"; expected one of ${BASES.join(', ')}.`);
      return;
    }
    buildOnce(known).then(
      (site) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(site)),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error)),
    );
  });
  // Builds take seconds; don't let Node's request timeouts cut a waiting test file off.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  project.provide('frontdoorSiteBuilds', `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);

  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const settled = await Promise.allSettled(builds.values());
    await Promise.all(settled.flatMap((result) => (result.status === 'fulfilled' ? [removeBuiltSite(result.value)] : [])));
    await rm(tempRoot, { recursive: true, force: true });
  };
}
