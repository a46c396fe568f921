/**
 * One site build at a time in this project, across test files (vitest runs them in separate
 * processes): Astro writes its prerender chunks to the project's `.astro/`, and a build that
 * finishes cleans up the chunks of one still running ("Cannot find module …/.prerender/chunks/…",
 * seen once on CI when the hostile-org and secret-scan builds overlapped).
 *
 * The lock is a folder made with `mkdir`, which only one process can create; a lock older than
 * STALE_MS (a crashed run) is taken over.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from '../../src/pipeline/project-root.ts';

const LOCK = join(cacheDir, 'site-build.lock');
const POLL_MS = 200;
const STALE_MS = 15 * 60_000;

export async function withBuildLock<T>(build: () => Promise<T>): Promise<T> {
  await mkdir(cacheDir, { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      const since = await stat(LOCK).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (since > STALE_MS) await rm(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    return await build();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}
