/**
 * Rendered docs pages, kept across builds under `.cache/docs/`: a page is
 * rendered once per (renderer version, page text, site layout) and reused
 * while the snippets it pulled in are unchanged. On a large org docs are most
 * of the build's work, and a nightly build sees few changed pages.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetCopy } from './link-targets.ts';
import type { RenderedMarkdown } from './markdown/types.ts';

/** Bump when the cache entry's shape changes. */
const CACHE_FORMAT = 2;

/**
 * Part of every key: the cache format, the renderer's own source and the versions of the
 * libraries it uses. Any change to how pages render invalidates every entry, with nobody
 * having to remember to bump a number.
 */
export const RENDERER_VERSION = rendererFingerprint();

function rendererFingerprint(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256').update(String(CACHE_FORMAT));
  const sources = [join(here, 'markdown'), join(here, 'site'), join(here, 'publish'), here];
  for (const dir of sources) {
    for (const name of readdirSync(dir)
      .filter((n) => /\.(ts|css)$/.test(n) && !n.endsWith('.test.ts'))
      .sort())
      hash.update(name).update(readFileSync(join(dir, name)));
  }
  const lock = join(here, '..', '..', 'package-lock.json');
  try {
    const packages = (JSON.parse(readFileSync(lock, 'utf8')) as { packages?: Record<string, { version?: string }> }).packages ?? {};
    for (const name of ['shiki', 'unified', 'remark-parse', 'remark-gfm', 'remark-rehype', 'rehype-raw', 'rehype-sanitize', 'rehype-stringify', 'remark-emoji'])
      hash.update(`${name}@${packages[`node_modules/${name}`]?.version ?? '?'}`);
  } catch {
    /* no lock file: the sources alone */
  }
  return hash.digest('hex').slice(0, 16);
}

export interface CachedRender {
  rendered: RenderedMarkdown;
  /** Snippet files the page read, with a hash of what they held ('missing' when absent). */
  snippets: Record<string, string>;
  /** Images and files the page links to that are copied into the site. */
  assets: AssetCopy[];
}

export interface RenderCache {
  get(key: string, currentSnippet: (path: string) => string): Promise<CachedRender | undefined>;
  set(key: string, value: CachedRender): Promise<void>;
  readonly stats: { hits: number; misses: number };
}

export function hashText(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** A cache on disk; `dir` undefined gives one that never hits (tests, `--no-cache`). */
export function createRenderCache(dir: string | undefined): RenderCache {
  const stats = { hits: 0, misses: 0 };
  const fileOf = (key: string) => join(dir!, key.slice(0, 2), `${key}.json`);
  return {
    stats,
    async get(key, currentSnippet) {
      if (!dir) return miss();
      let entry: CachedRender;
      try {
        entry = JSON.parse(await readFile(fileOf(key), 'utf8')) as CachedRender;
      } catch {
        return miss();
      }
      for (const [path, hash] of Object.entries(entry.snippets ?? {})) if (currentSnippet(path) !== hash) return miss();
      stats.hits++;
      return entry;
    },
    async set(key, value) {
      if (!dir) return;
      // A cache that cannot be written only costs speed: never fail the build for it.
      try {
        await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
        await writeFile(fileOf(key), JSON.stringify(value));
      } catch {
        /* ignore */
      }
    },
  };
  function miss() {
    stats.misses++;
    return undefined;
  }
}
