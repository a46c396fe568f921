import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog, type CatalogResult } from '../src/catalog/read-catalog.ts';
import { PortalConfigSchema } from '../src/config/schema.ts';
import { resolveGraph, type CatalogGraph } from '../src/graph/resolve-graph.ts';
import { ORG_SIDECAR_FILE, OrgSidecarSchema, type OrgSidecar } from '../test/fakes/github/org-model.ts';
import { readOptions } from '../src/sources/load-source.ts';
import { readLocalSource } from '../src/sources/local/read-local.ts';
import { touchRepos } from './mutate-org.ts';
import { generateSyntheticOrg, type SyntheticOrgSummary } from './synthetic-org.ts';

let tmp: string;
let summary: SyntheticOrgSummary;
let sidecar: OrgSidecar;
const orgA = () => join(tmp, 'a');

/** Every file under `dir`, by relative path. */
async function readTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const tree = new Map<string, string>();
  for (const file of files.sort()) tree.set(file.slice(dir.length + 1), await readFile(file, 'utf8'));
  return tree;
}

async function loadThroughPipeline(dir: string): Promise<{ catalog: CatalogResult; graph: CatalogGraph }> {
  const config = PortalConfigSchema.parse({ source: `local:${dir}` });
  const snapshot = await readLocalSource(dir, { ...readOptions(config), org: 'acme' });
  const catalog = readCatalog(snapshot, config.limits);
  return { catalog, graph: resolveGraph(catalog.entities) };
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-synthetic-'));
  summary = await generateSyntheticOrg(orgA(), { repos: 100, seed: 7 });
  sidecar = OrgSidecarSchema.parse(JSON.parse(await readFile(join(orgA(), ORG_SIDECAR_FILE), 'utf8')));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('generateSyntheticOrg', () => {
  it('writes byte-identical orgs for the same seed and different ones for another seed', async () => {
    await generateSyntheticOrg(join(tmp, 'b'), { repos: 100, seed: 7 });
    await generateSyntheticOrg(join(tmp, 'c'), { repos: 100, seed: 8 });
    const [a, b, c] = await Promise.all([readTree(orgA()), readTree(join(tmp, 'b')), readTree(join(tmp, 'c'))]);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, text] of a) expect(b.get(path), path).toBe(text);
    expect(c.get(ORG_SIDECAR_FILE)).not.toBe(a.get(ORG_SIDECAR_FILE));
    expect([...c.keys()]).not.toEqual([...a.keys()]);
  });

  it('returns counts that match the files on disk', async () => {
    const repos = (await readdir(orgA(), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    const has = async (repo: string, path: string) =>
      readFile(join(orgA(), repo, path)).then(
        () => true,
        () => false,
      );
    const count = async (path: string) => (await Promise.all(repos.map((r) => has(r, path)))).filter(Boolean).length;
    expect(summary).toMatchObject({ repos: 100, teams: 15, users: 100, reposWithoutCatalog: 10, reposWithCatalog: 90 });
    expect(repos).toHaveLength(100);
    expect(await count('catalog-info.yaml')).toBe(summary.reposWithCatalog);
    expect(await count('mkdocs.yml')).toBe(summary.reposWithDocs);
    expect(summary.reposWithDocs).toBeGreaterThan(20);
    expect(summary.reposWithDocs).toBeLessThan(45);
    expect(await count('skeleton/catalog-info.yaml')).toBe(summary.templates);
    expect(new Set(summary.brokenRepos.map((b) => b.problem))).toEqual(new Set(['missing-owner', 'bad-name', 'yaml-syntax']));
    expect(summary.danglingRefs.length).toBeGreaterThanOrEqual(2);
    const tree = await readTree(orgA());
    expect(summary.files).toBe(tree.size);
    for (const [path, text] of tree) if (/^[^/]+\/docs\/.+\.md$/.test(path)) expect(text.length, path).toBeLessThan(3500);
  });

  it('writes a sidecar that validates and describes a coherent org', () => {
    const dirs = Object.keys(sidecar.repos);
    expect(dirs).toHaveLength(100);
    expect(Object.values(sidecar.repos).filter((r) => r.isTemplate)).toHaveLength(summary.templates);
    expect(sidecar.teams).toHaveLength(summary.teams);
    expect(sidecar.users).toHaveLength(summary.users);
    const teams = new Map(sidecar.teams.map((t) => [t.slug, t]));
    const depth = (slug: string): number => (teams.get(slug)!.parent ? 1 + depth(teams.get(slug)!.parent!) : 1);
    for (const team of sidecar.teams) {
      if (team.parent) expect(teams.has(team.parent), team.slug).toBe(true);
      expect(
        team.members.some((m) => m.role === 'MAINTAINER'),
        team.slug,
      ).toBe(true);
    }
    // Org root → department → team (→ sub-team): 3 or 4 levels counting the org.
    expect(Math.max(...sidecar.teams.map((t) => depth(t.slug))) + 1).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sidecar.teams.map((t) => depth(t.slug))) + 1).toBeLessThanOrEqual(4);
    const logins = new Set(sidecar.users.map((u) => u.login));
    const membership = new Map<string, number>();
    for (const team of sidecar.teams) for (const m of team.members) membership.set(m.login, (membership.get(m.login) ?? 0) + 1);
    for (const login of logins) expect(membership.get(login), login).toBeGreaterThanOrEqual(1);
    for (const [login, n] of membership) {
      expect(logins.has(login), login).toBe(true);
      expect(n, login).toBeLessThanOrEqual(2);
    }
  });

  it('is a valid, coherent catalog through the local source, readCatalog and resolveGraph', async () => {
    const { catalog, graph } = await loadThroughPipeline(orgA());
    const broken = new Map(summary.brokenRepos.map((b) => [b.repo, b.problem]));

    // Only the deliberately broken repos have invalid documents, each with the rule its mistake breaks.
    const invalidRepos = new Set(catalog.documents.filter((d) => !d.valid).map((d) => d.repo));
    expect([...invalidRepos].sort()).toEqual([...broken.keys()].sort());
    const expectedRule = { 'missing-owner': 'spec-field-required', 'bad-name': 'entity-name-format', 'yaml-syntax': 'yaml-syntax' };
    for (const [repo, problem] of broken) {
      expect(
        catalog.diagnostics.some((d) => d.repo === repo && d.rule === expectedRule[problem]),
        `${repo}: ${problem}`,
      ).toBe(true);
    }
    const errors = catalog.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) expect(broken.has(d.repo), `${d.repo}: ${d.rule} ${d.message}`).toBe(true);
    const allowed = new Set(['spec-field-required', 'entity-name-format', 'yaml-syntax', 'file-rejected', 'repo-no-catalog']);
    for (const d of catalog.diagnostics) expect(allowed.has(d.rule), `${d.repo}/${d.path}: ${d.rule} ${d.message}`).toBe(true);
    expect(catalog.diagnostics.filter((d) => d.rule === 'repo-no-catalog')).toHaveLength(summary.reposWithoutCatalog);

    // The entities that load are exactly the ones the summary promises, and no ref is declared twice.
    const byKind: Record<string, number> = {};
    for (const e of catalog.entities) byKind[e.kind.kind] = (byKind[e.kind.kind] ?? 0) + 1;
    expect(byKind).toEqual(Object.fromEntries(Object.entries(summary.entities).filter(([, n]) => n > 0)));
    expect(graph.entities).toHaveLength(catalog.entities.length);
    const graphRules = new Set(graph.diagnostics.map((d) => d.rule));
    for (const rule of ['duplicate-entity', 'relation-cycle', 'relation-target-kind']) expect(graphRules.has(rule), rule).toBe(false);

    // Refs lead somewhere, except the deliberate ones and teams that only GitHub knows (generated from the sidecar).
    const sidecarGroups = new Set(sidecar.teams.map((t) => `group:default/${t.slug}`));
    const dangling = new Set<string>();
    for (const entity of graph.entities) {
      for (const r of entity.relations) if (!graph.byRef.has(r.target) && !sidecarGroups.has(r.target)) dangling.add(r.target);
    }
    expect([...dangling].sort()).toEqual(summary.danglingRefs);
    for (const d of graph.diagnostics) expect(['ref-not-found', 'owner-not-found']).toContain(d.rule);

    // Every owner is a team in the sidecar.
    const owners = new Set(graph.entities.flatMap((e) => e.relations.filter((r) => r.type === 'ownedBy').map((r) => r.target)));
    expect(owners.size).toBeGreaterThan(5);
    for (const owner of owners) expect(sidecarGroups.has(owner), owner).toBe(true);

    // What the org repo declares in YAML loads, and names the same teams and people as the sidecar.
    for (const name of summary.yamlGroups) expect(graph.byRef.has(`group:default/${name}`), name).toBe(true);
    for (const name of summary.yamlUsers) {
      const annotations = graph.byRef.get(`user:default/${name}`)?.json.metadata.annotations as Record<string, string> | undefined;
      expect(annotations?.['github.com/user-login']).toBe(name);
    }
    expect(summary.yamlGroups.slice(1).every((g) => sidecarGroups.has(`group:default/${g}`))).toBe(true);
  });

  it('refuses a non-empty folder without a sidecar, and replaces a previous synthetic org', async () => {
    const user = join(tmp, 'user-data');
    await mkdir(user, { recursive: true });
    await writeFile(join(user, 'notes.txt'), 'mine');
    await expect(generateSyntheticOrg(user, { repos: 10 })).rejects.toThrow(/not empty/);
    expect(await readFile(join(user, 'notes.txt'), 'utf8')).toBe('mine');

    const again = join(tmp, 'again');
    await generateSyntheticOrg(again, { repos: 30, seed: 1 });
    const small = await generateSyntheticOrg(again, { repos: 12, seed: 1 });
    expect((await readdir(again)).filter((e) => !e.startsWith('.'))).toHaveLength(small.repos);
  });

  it('rejects orgs too small to hold every kind of repo', async () => {
    await expect(generateSyntheticOrg(join(tmp, 'tiny'), { repos: 5 })).rejects.toThrow(RangeError);
  });
});

describe('touchRepos', () => {
  it('changes one file in a deterministic share of repos and keeps the catalog as valid as before', async () => {
    const [x, y] = [join(tmp, 'touch-x'), join(tmp, 'touch-y')];
    // 40 repos: 5 % is 2 of them, enough to tell the chosen from the rest.
    await generateSyntheticOrg(x, { repos: 40, seed: 11 });
    await generateSyntheticOrg(y, { repos: 40, seed: 11 });
    const before = await readTree(x);
    const changed = await touchRepos(x, 0.05, 3);
    expect(await touchRepos(y, 0.05, 3)).toEqual(changed);
    expect(changed).toHaveLength(2);
    const after = await readTree(x);
    expect(after).toEqual(await readTree(y));
    const diff = [...after.keys()].filter((p) => before.get(p) !== after.get(p));
    expect(
      diff
        .filter((p) => p !== ORG_SIDECAR_FILE)
        .map((p) => p.split('/')[0])
        .sort(),
    ).toEqual(changed);

    // Touching again changes the same repos again.
    expect(await touchRepos(x, 0.05, 3)).toEqual(changed);
    const third = await readTree(x);
    for (const repo of changed)
      expect(
        [...third.keys()].some((p) => p.startsWith(`${repo}/`) && third.get(p) !== after.get(p)),
        repo,
      ).toBe(true);

    const { catalog } = await loadThroughPipeline(x);
    const { catalog: untouched } = await loadThroughPipeline(join(tmp, 'touch-y'));
    expect(catalog.documents.filter((d) => !d.valid).length).toBe(untouched.documents.filter((d) => !d.valid).length);
  });
});
