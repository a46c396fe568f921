/**
 * The GitHub source builds the same portal as the local source: one synthetic
 * org, written to disk, read as `local:<dir>` and crawled as `github:<login>`
 * through the fake GitHub, gives the same catalog-file entities and relations.
 * GitHub adds what only it knows: Groups and Users from teams (so owners that
 * are teams resolve), and repo URLs (so inferred Components get a register
 * link). Then the build's own pipeline against the fake, up to the portal data
 * the pages are rendered from: every entity gets its page, and the token is
 * nowhere in what it wrote or printed.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSyntheticOrg, type SyntheticOrgSummary } from '../../../bench/synthetic-org.ts';
import { entityPagePath } from '../../catalog-model/refs.ts';
import { readCatalog, type CatalogResult, type LoadedEntity } from '../../catalog/read-catalog.ts';
import { loadConfig } from '../../config/load-config.ts';
import { PortalConfigSchema, type PortalConfig } from '../../config/schema.ts';
import { resolveGraph, type CatalogGraph } from '../../graph/resolve-graph.ts';
import { loadSource } from '../load-source.ts';
import type { Snapshot } from '../snapshot.ts';
import { displayPathFor } from '../../cli/report/display-path.ts';
import { formatPretty } from '../../cli/report/pretty.ts';
import { buildCacheFiles } from '../../pipeline/build-cache-files.ts';
import { buildPortal } from '../../pipeline/build.ts';
import { PortalDataSchema } from '../../portal-data/schema.ts';
import { createPhaseLog } from '../../progress/phase-log.ts';
import { cacheFileOf } from './cache.ts';
import { loadFakeOrgFromDir } from '../../../test/fakes/github/load-org.ts';
import { startFakeGitHub, type FakeGitHub } from '../../../test/fakes/github/server.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const LOGIN = 'frontdoor-build-test';
/** Distinctive, so finding it anywhere in the output means it leaked. */
const TOKEN = 'ghp_FrontdoorBuildTestToken7Qx2Lm9Zr4Vw';

interface Loaded {
  snapshot: Snapshot;
  catalog: CatalogResult;
  graph: CatalogGraph;
}

let tmp: string;
let orgDir: string;
let summary: SyntheticOrgSummary;
let fake: FakeGitHub;
let github: Loaded;
let local: Loaded;

const crawlEnvironment = (cacheDir: string) => ({
  env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: fake.url },
  cacheDir,
  crawlClient: { sleep: async () => {}, backoffMs: 1 },
});

async function load(config: PortalConfig, cacheDir: string): Promise<Loaded> {
  const snapshot = await loadSource(config, {}, crawlEnvironment(cacheDir));
  const catalog = readCatalog(snapshot, config.limits, { inferMissing: true });
  return { snapshot, catalog, graph: resolveGraph(catalog.entities) };
}

/** Every repo, so both sources see the same ones (a folder of repos has no visibility or archive flag). */
const everyRepo = (source: string) => PortalConfigSchema.parse({ source, github: { visibility: ['public', 'internal', 'private'], archived: true } });
const fromFiles = (loaded: Loaded) => loaded.graph.entities.filter((e) => !e.origin);
const refsOf = (entities: readonly LoadedEntity[]) => entities.map((e) => e.ref).sort();
const teamRefs = () => new Set(fake.org().teams.map((t) => `group:default/${t.slug}`));
/** Targets of `owner-not-found` diagnostics, from their message ("refers to <ref>, which …"). */
const missingOwners = (loaded: Loaded) =>
  loaded.graph.diagnostics.filter((d) => d.rule === 'owner-not-found').map((d) => /refers to (\S+),/.exec(d.message)?.[1]);

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-github-build-'));
  orgDir = join(tmp, 'org');
  summary = await generateSyntheticOrg(orgDir, { repos: 40, seed: 11, login: LOGIN });
  fake = await startFakeGitHub({ org: await loadFakeOrgFromDir(orgDir), token: TOKEN });
  github = await load(everyRepo(`github:${LOGIN}`), join(tmp, 'cache'));
  local = await load(everyRepo(`local:${orgDir}`), join(tmp, 'cache'));
});

afterAll(async () => {
  await fake?.close();
  await rm(tmp, { recursive: true, force: true });
  await rm(cacheFileOf(join(projectRoot, '.cache', 'github'), LOGIN), { force: true });
});

describe('github:<org> and local:<dir> of the same org', () => {
  it('read the same repos', () => {
    expect(github.snapshot.repos.map((r) => r.name)).toEqual(local.snapshot.repos.map((r) => r.name));
    expect(github.snapshot.repos).toHaveLength(summary.repos);
  });

  it('give the same entities from catalog files', () => {
    expect(refsOf(fromFiles(github))).toEqual(refsOf(fromFiles(local)));
    expect(fromFiles(github).length).toBeGreaterThan(summary.entities.Component);
  });

  it('give those entities the same relations', () => {
    const fileRefs = new Set(refsOf(fromFiles(local)));
    const declared = (loaded: Loaded) => Object.fromEntries(fromFiles(loaded).map((e) => [e.ref, e.relations.map((r) => `${r.type} ${r.target}`).sort()]));
    expect(declared(github)).toEqual(declared(local));
    // Both directions, between entities from files (GitHub adds more towards its generated Groups and Users).
    const between = (loaded: Loaded) =>
      Object.fromEntries([...fileRefs].map((ref) => [ref, (loaded.graph.relationsOf.get(ref) ?? []).filter((r) => fileRefs.has(r.target))]));
    expect(between(github)).toEqual(between(local));
  });

  it('adds Groups and Users from GitHub teams, so owners that are teams resolve', () => {
    const generated = (origin: string) => github.graph.entities.filter((e) => e.origin?.kind === origin);
    expect(generated('github-team').length).toBeGreaterThan(0);
    expect(generated('github-user').length).toBeGreaterThan(0);
    expect(local.graph.entities.filter((e) => e.origin && e.origin.kind !== 'inferred')).toEqual([]);
    // Every team is a Group (generated, or declared in the org repo's YAML, which wins).
    const groups = new Set(github.graph.entities.filter((e) => e.kind.kind === 'Group').map((e) => e.ref));
    for (const ref of teamRefs()) expect(groups, ref).toContain(ref);

    const teams = teamRefs();
    expect(missingOwners(local).filter((ref) => ref && teams.has(ref)).length).toBeGreaterThan(0);
    expect(missingOwners(github).filter((ref) => ref && teams.has(ref))).toEqual([]);
  });

  it('infers Components for repos without a catalog file, with a register link only on GitHub', () => {
    const inferred = (loaded: Loaded) => loaded.graph.entities.filter((e) => e.origin?.kind === 'inferred');
    expect(refsOf(inferred(github))).toEqual(refsOf(inferred(local)));
    expect(inferred(github)).toHaveLength(summary.reposWithoutCatalog);
    for (const entity of inferred(github)) {
      const registerUrl = entity.origin?.kind === 'inferred' ? entity.origin.registerUrl : undefined;
      expect(registerUrl, entity.ref).toMatch(
        new RegExp(`^https://github\\.com/${LOGIN}/${entity.source.repo}/new/main\\?filename=catalog-info\\.yaml&value=`),
      );
    }
    for (const entity of inferred(local)) expect(entity.origin, entity.ref).toEqual({ kind: 'inferred' });
  });
});

describe('the build of github:<org>, up to the data its pages are rendered from', () => {
  // Astro and Pagefind are left out: what they make of portal data is the e2e tests' (test/e2e), and
  // the token cannot reach a page that the data does not hold.
  it('gives every entity from a catalog file and every team its page, and writes or prints the token nowhere', async () => {
    const outDir = join(tmp, 'dist');
    const files = buildCacheFiles(outDir);
    const printed: string[] = [];
    for (const name of [
      'FRONTDOOR_PORTAL_DATA',
      'FRONTDOOR_BASE',
      'FRONTDOOR_DOCS_DATA',
      'FRONTDOOR_SITE',
      'FRONTDOOR_ASTRO_CACHE',
      'ASTRO_TELEMETRY_DISABLED',
    ])
      vi.stubEnv(name, process.env[name]);
    vi.stubEnv('GITHUB_TOKEN', TOKEN);
    vi.stubEnv('GITHUB_GRAPHQL_URL', fake.url);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true));
    try {
      // The project's own config, as `npm run build -- --source github:<org>` reads it.
      const { config } = await loadConfig(join(projectRoot, 'portal.config.yaml'), { source: `github:${LOGIN}` });
      await buildPortal({
        config,
        outDir,
        log: createPhaseLog(),
        formatProblems: (problems, snapshot, limit) => formatPretty(problems, displayPathFor(snapshot), { stream: process.stderr, limit }),
        astroBuild: async (astro) => void (await mkdir(astro.outDir, { recursive: true })),
        indexSearch: async () => ({ pages: 0 }),
      });
      vi.restoreAllMocks();
      expect(printed.join('')).toContain('Writing portal data');

      const data = PortalDataSchema.parse(JSON.parse(await readFile(files.dataFile, 'utf8')));
      const pages = new Set(data.entities.map((e) => e.path));
      const expected = await load(config, join(tmp, 'cache-expected'));
      expect(fromFiles(expected).length).toBeGreaterThan(10);
      expect(
        fromFiles(expected)
          .map((e) => entityPagePath(e.ref))
          .filter((path) => !pages.has(path)),
      ).toEqual([]);
      const teams = expected.graph.entities.filter((e) => e.origin?.kind === 'github-team');
      expect(teams.length).toBeGreaterThan(0);
      for (const team of teams) expect(pages, team.ref).toContain(entityPagePath(team.ref));

      const written = [
        ...(await listFiles(outDir)),
        cacheFileOf(join(projectRoot, '.cache', 'github'), LOGIN),
        files.dataFile,
        files.docsDataFile,
        files.publicationRecord,
      ];
      const leaks: string[] = [];
      for (const file of written) if ((await readFile(file)).includes(TOKEN)) leaks.push(file);
      expect(leaks).toEqual([]);
      expect(printed.join('')).not.toContain(TOKEN);
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
      await Promise.all([files.dataFile, files.docsDataFile, files.publicationRecord].map((file) => rm(file, { force: true })));
    }
  });
});

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
