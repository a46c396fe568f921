/**
 * The build's phases in order, with Astro and Pagefind replaced by fakes: a tiny org read from a
 * local folder, a page that throws once while Astro renders it, and everything the build writes.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalConfigSchema } from '../config/schema.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { PortalData } from '../portal-data/schema.ts';
import type { PhaseLog } from '../progress/phase-log.ts';
import { buildCacheFiles } from './build-cache-files.ts';
import { buildPortal, type BuildResult } from './build.ts';
import { PUBLICATION_RECORD_FILE } from './publication-record.ts';

const component = (name: string, owner: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec: { type: service, lifecycle: production, owner: ${owner} }\n`;
const group = 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-a }\nspec: { type: team, children: [] }\n';

let tmp: string;
let outDir: string;
const lines: string[] = [];
const shown: { rules: string[]; limit: number | undefined }[] = [];
const astroCalls: string[] = [];
let result: BuildResult;

/** A phase log that records what the build says, in order, instead of printing it. */
const recordingLog: PhaseLog = {
  timings: [],
  info: (line) => lines.push(line),
  async phase(name, run, describe) {
    lines.push(`▸ ${name}`);
    const value = await run();
    lines.push(`✓ ${name}: ${describe(value)}`);
    return value;
  },
};

/** Astro, as far as the build can tell: the first render throws on one entity's page, the next writes pages. */
async function fakeAstroBuild(config: { outDir: string }): Promise<void> {
  astroCalls.push(process.env['FRONTDOOR_PORTAL_DATA']!);
  if (astroCalls.length === 1) {
    process.stderr.write('[ERROR] [build] Caught error rendering /catalog/default/component/breaks/: Error: boom\n');
    throw new Error('boom');
  }
  const portal = JSON.parse(await readFile(process.env['FRONTDOOR_PORTAL_DATA']!, 'utf8')) as PortalData;
  for (const path of ['', ...portal.entities.map((e) => e.path)]) {
    await mkdir(join(config.outDir, path), { recursive: true });
    await writeFile(join(config.outDir, path, 'index.html'), '<html></html>');
  }
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-build-'));
  const org = join(tmp, 'org');
  outDir = join(tmp, 'site');
  const put = async (path: string, text: string) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  };
  await put(join(org, 'shop/catalog-info.yaml'), `${component('shop', 'team-a')}---\n${group}`);
  await put(join(org, 'broken/catalog-info.yaml'), component('breaks', 'nobody'));
  await put(join(org, 'plain/README.md'), '# Plain\n');
  const config = PortalConfigSchema.parse({ title: 'Test', source: `local:${org}`, catalog: { inferMissing: false } });
  result = await buildPortal({
    config,
    outDir,
    log: recordingLog,
    formatProblems: (problems, _snapshot, limit) => (shown.push({ rules: problems.map((d) => d.rule), limit }), problems.map((d) => d.rule).join(',')),
    astroBuild: fakeAstroBuild,
    indexSearch: async (dir) => ({ pages: (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).length }),
  });
});

afterAll(async () => {
  const files = buildCacheFiles(outDir);
  await Promise.all([tmp, files.dataFile, files.docsDataFile, files.publicationRecord].map((path) => rm(path, { recursive: true, force: true })));
});

describe('buildPortal', () => {
  it('runs every phase in order', () => {
    expect(lines.filter((l) => l.startsWith('▸ '))).toEqual([
      `▸ Reading repos from local:${join(tmp, 'org')}`,
      '▸ Validating catalog files',
      '▸ Resolving relations',
      '▸ Rendering docs (TechDocs)',
      '▸ Checking software templates',
      '▸ Writing portal data',
      '▸ Rendering pages (Astro)',
      '▸ Publishing the PR check',
      '▸ Indexing for search (Pagefind)',
    ]);
  });

  it("shows the catalog's problems, infos left out, before the docs are rendered", () => {
    expect(shown[0]).toEqual({ rules: ['owner-not-found'], limit: 40 });
    expect(lines.indexOf('\nowner-not-found\n')).toBeLessThan(lines.indexOf('▸ Rendering docs (TechDocs)'));
  });

  it('leaves out a page Astro cannot render, says so, and renders the site again without it', async () => {
    expect(astroCalls).toHaveLength(2);
    expect(lines).toContain('repo-failed');
    expect(lines).toContain('✓ Rendering pages (Astro): 3 pages under base /, 1 left out (repo-failed)');
    const portal = JSON.parse(await readFile(buildCacheFiles(outDir).dataFile, 'utf8')) as PortalData;
    expect(portal.entities.map((e) => e.ref).sort()).toEqual(['component:default/shop', 'group:default/team-a']);
    expect(portal.diagnostics.map((d: Diagnostic) => d.rule)).toContain('repo-failed');
  });

  it('reports what the summary needs: pages, searchable pages, entities, repos, and every problem', () => {
    expect(result).toMatchObject({ outDir, pages: 3, searchable: 3, entities: 3, repos: 3 });
    expect(result.diagnostics.map((d) => d.rule).sort()).toEqual(['owner-not-found', 'repo-failed', 'repo-no-catalog']);
  });

  it('writes the publication record to the cache and into the site, for the next build', async () => {
    const cached = JSON.parse(await readFile(buildCacheFiles(outDir).publicationRecord, 'utf8'));
    expect(cached.origins).toEqual({ 'component:default/breaks': 'broken', 'component:default/shop': 'shop', 'group:default/team-a': 'shop' });
    expect(JSON.parse(await readFile(join(outDir, PUBLICATION_RECORD_FILE), 'utf8'))).toEqual(cached);
  });
});
