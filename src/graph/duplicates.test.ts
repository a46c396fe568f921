import { describe, expect, it } from 'vitest';
import { readCatalog } from '../catalog/read-catalog.ts';
import { inMemorySnapshot, type InMemoryRepo } from '../../test/support/in-memory-source.ts';
import { ownershipEvidence } from './ownership-evidence.ts';
import { resolveGraph } from './resolve-graph.ts';

const component = (name: string, owner: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: ${owner}
`;

const repo = (name: string, files: Record<string, string>): InMemoryRepo => ({ name, catalogFiles: Object.keys(files), files });

function graphOf(repos: InMemoryRepo[], record: Record<string, string> = {}) {
  const snapshot = inMemorySnapshot(repos, 'acme');
  const catalog = readCatalog(snapshot);
  return resolveGraph(catalog.entities, { ownership: ownershipEvidence(snapshot, catalog, new Map(Object.entries(record))) });
}

const duplicates = (graph: ReturnType<typeof graphOf>) => graph.diagnostics.filter((d) => d.rule === 'duplicate-entity');
const ownerOfWeb = (graph: ReturnType<typeof graphOf>) => graph.relationsOf.get('component:default/web')?.find((r) => r.type === 'ownedBy')?.target;

describe('duplicate entity refs across repos', () => {
  const alpha = repo('alpha', { 'catalog-info.yaml': component('web', 'team-alpha') });
  const beta = repo('beta', { 'catalog-info.yaml': component('web', 'team-beta') });

  it.each([
    ['alpha first', [alpha, beta]],
    ['beta first', [beta, alpha]],
  ])('publishes neither copy when nothing decides, whatever the input order (%s)', (_, repos) => {
    const graph = graphOf(repos);
    expect(graph.byRef.has('component:default/web')).toBe(false);
    // Neither copy's relations exist either.
    expect(graph.relationsOf.get('group:default/team-alpha')).toBeUndefined();
    expect(graph.relationsOf.get('group:default/team-beta')).toBeUndefined();
  });

  it('reports an error on both copies that names both repos, why neither won, and how to fix it', () => {
    const found = duplicates(graphOf([beta, alpha]));
    expect(found.map((d) => d.repo).sort()).toEqual(['alpha', 'beta']);
    for (const d of found) {
      expect(d).toMatchObject({ severity: 'error', path: 'catalog-info.yaml', line: 1, ref: 'component:default/web' });
      expect(d.message).toContain('alpha/catalog-info.yaml:1');
      expect(d.message).toContain('beta/catalog-info.yaml:1');
      expect(d.message).toMatch(/neither copy is published/);
      expect(d.message).toMatch(/not published from one of them before, and no copy carries a `github\.com\/project-slug`/);
      expect(d.message).toMatch(/Delete the copy that does not belong.*github\.com\/project-slug: <org>\/<repo>/);
    }
  });

  it('keeps the copy of the repo the previous build published it from, and tells the other why', () => {
    const graph = graphOf([alpha, beta], { 'component:default/web': 'beta' });
    expect(graph.byRef.get('component:default/web')?.source.repo).toBe('beta');
    expect(ownerOfWeb(graph)).toBe('group:default/team-beta');
    const [d, ...rest] = duplicates(graph);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ repo: 'alpha', severity: 'error' });
    expect(d?.message).toMatch(
      /this copy at alpha\/catalog-info\.yaml:1 is not published, because beta\/catalog-info\.yaml:1 declares it too and wins: the previous build published it from beta/,
    );
  });

  it('within one repo, the first path wins, whatever the order of the catalog files', () => {
    const graph = graphOf([repo('shop', { 'z/catalog-info.yaml': component('web', 'team-z'), 'a/catalog-info.yaml': component('web', 'team-a') })]);
    expect(graph.byRef.get('component:default/web')?.source.path).toBe('a/catalog-info.yaml');
    expect(ownerOfWeb(graph)).toBe('group:default/team-a');
    expect(duplicates(graph).map((d) => d.path)).toEqual(['z/catalog-info.yaml']);
  });

  it('within one file, the later document wins (as in Backstage) and the earlier one is reported', () => {
    const yaml = `${component('web', 'team-old')}---\n${component('web', 'team-new')}`;
    const graph = graphOf([repo('shop', { 'catalog-info.yaml': yaml })]);
    const winner = graph.byRef.get('component:default/web');
    expect(winner?.source.document).toBe(1);
    expect(ownerOfWeb(graph)).toBe('group:default/team-new');
    const [d, ...rest] = duplicates(graph);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', line: 1, path: 'catalog-info.yaml' });
    expect(d?.message).toMatch(/later/);
  });

  it('treats refs differing only in case as the same entity', () => {
    const graph = graphOf([alpha, repo('gamma', { 'catalog-info.yaml': component('WEB', 'team-gamma') })], { 'component:default/web': 'alpha' });
    expect(graph.entities.map((e) => e.ref)).toEqual(['component:default/web']);
    expect(duplicates(graph)).toHaveLength(1);
  });

  it('reports every losing copy when there are three', () => {
    const gamma = repo('gamma', { 'catalog-info.yaml': component('web', 'team-gamma') });
    const graph = graphOf([gamma, beta, alpha], { 'component:default/web': 'alpha' });
    expect(graph.byRef.get('component:default/web')?.source.repo).toBe('alpha');
    expect(
      duplicates(graph)
        .map((d) => d.repo)
        .sort(),
    ).toEqual(['beta', 'gamma']);
  });

  it('does not confuse entities with the same name but a different kind or namespace', () => {
    const other = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: web, namespace: shop }
spec: { type: service, lifecycle: production, owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: web }
spec: { owner: team-a }
`;
    const graph = graphOf([alpha, repo('beta', { 'catalog-info.yaml': other })]);
    expect(duplicates(graph)).toEqual([]);
    expect(graph.entities.map((e) => e.ref)).toEqual(['component:default/web', 'component:shop/web', 'system:default/web']);
  });
});

describe("a repo named to sort first cannot take over another team's entities", () => {
  const group = (description: string, annotations = '') =>
    `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: payments-team\n  description: ${description}\n${annotations ? `  annotations: { ${annotations} }\n` : ''}spec:\n  type: team\n  profile: { email: ${description.replace(/\W/g, '')}@acme.example }\n  children: []\n`;
  const payments = (annotations = '', extra: Record<string, string> = {}) => ({
    ...repo('payments', { 'catalog-info.yaml': group('Owns payments', annotations), ...extra }),
    url: 'https://github.com/acme/payments',
    catalogFiles: ['catalog-info.yaml'],
  });
  const evil = (annotations = '', extra: Record<string, string> = {}) => ({
    ...repo('aaa-evil', { 'catalog-info.yaml': group('Stolen', annotations), ...extra }),
    url: 'https://github.com/acme/aaa-evil',
    catalogFiles: ['catalog-info.yaml'],
  });
  const GROUP = 'group:default/payments-team';
  const description = (graph: ReturnType<typeof graphOf>) => graph.byRef.get(GROUP)?.json.metadata['description'];

  it("aaa-evil redeclaring payments' Group wins nothing: neither is published, both hear why", () => {
    const graph = graphOf([evil(), payments()]);
    expect(graph.byRef.has(GROUP)).toBe(false);
    const found = duplicates(graph);
    expect(found.map((d) => d.repo).sort()).toEqual(['aaa-evil', 'payments']);
    for (const d of found)
      expect(d.message).toMatch(
        /aaa-evil\/catalog-info\.yaml:1.*payments\/catalog-info\.yaml:1|payments\/catalog-info\.yaml:1.*aaa-evil\/catalog-info\.yaml:1/,
      );
  });

  it('with a record naming payments, payments keeps it (email and description)', () => {
    const graph = graphOf([evil(), payments()], { [GROUP]: 'payments' });
    expect(graph.byRef.get(GROUP)?.source.repo).toBe('payments');
    expect(description(graph)).toBe('Owns payments');
    expect(duplicates(graph)).toMatchObject([{ repo: 'aaa-evil', message: expect.stringContaining('the previous build published it from payments') }]);
  });

  it("with github.com/project-slug on payments' copy, payments keeps it", () => {
    const graph = graphOf([evil('github.com/project-slug: acme/payments'), payments('github.com/project-slug: acme/payments')]);
    expect(graph.byRef.get(GROUP)?.source.repo).toBe('payments');
    expect(duplicates(graph)).toMatchObject([
      { repo: 'aaa-evil', message: expect.stringContaining("every copy's `github.com/project-slug` names acme/payments, the repository it is in") },
    ]);
  });

  it('with slugs naming different repos, or CODEOWNERS on both, neither is published', () => {
    const codeowners = { '.github/CODEOWNERS': '* @acme/payments-team\n' };
    const graph = graphOf([evil('github.com/project-slug: acme/aaa-evil', codeowners), payments('github.com/project-slug: acme/payments', codeowners)]);
    expect(graph.byRef.has(GROUP)).toBe(false);
    expect(duplicates(graph)[0]?.message).toMatch(/their `github\.com\/project-slug` annotations name 2 different repositories/);
  });

  it('a Component loses nothing to a copy in aaa-evil once published: the record holds against every signal', () => {
    const real = repo('payments', { 'catalog-info.yaml': component('payments-api', 'payments-team') });
    const fake = {
      ...repo('aaa-evil', {
        'catalog-info.yaml': component('payments-api', 'evil-team').replace(
          'metadata:',
          'metadata:\n  annotations: { github.com/project-slug: acme/aaa-evil }',
        ),
        '.github/CODEOWNERS': '* @acme/evil-team\n',
      }),
      catalogFiles: ['catalog-info.yaml'],
    };
    const graph = graphOf([fake, real], { 'component:default/payments-api': 'payments' });
    expect(graph.byRef.get('component:default/payments-api')?.source.repo).toBe('payments');
  });
});

describe('generated Groups and Users (GitHub teams and people)', () => {
  const people = { org: 'acme', teams: [{ slug: 'payments-team', name: 'Payments', description: 'From GitHub', members: [] }], users: [] };
  const group =
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: payments-team, description: From YAML }\nspec: { type: team, children: [] }\n';
  const withPeople = (repos: InMemoryRepo[]) => {
    const snapshot = { ...inMemorySnapshot(repos, 'acme'), people: [people] };
    const catalog = readCatalog(snapshot);
    return resolveGraph(catalog.entities, { ownership: ownershipEvidence(snapshot, catalog, new Map()) });
  };

  it('one declaration still wins over the generated Group, reported as generated-entity-overridden', () => {
    const graph = withPeople([repo('payments', { 'catalog-info.yaml': group })]);
    expect(graph.byRef.get('group:default/payments-team')?.json.metadata['description']).toBe('From YAML');
    expect(graph.diagnostics.filter((d) => d.rule === 'generated-entity-overridden')).toMatchObject([{ repo: 'payments', severity: 'info' }]);
    expect(duplicates(graph)).toEqual([]);
  });

  it('two undecided declarations leave the Group generated from GitHub, and say so', () => {
    const graph = withPeople([repo('aaa-evil', { 'catalog-info.yaml': group }), repo('payments', { 'catalog-info.yaml': group })]);
    expect(graph.byRef.get('group:default/payments-team')?.json.metadata['description']).toBe('From GitHub');
    expect(graph.diagnostics.filter((d) => d.rule === 'generated-entity-overridden')).toEqual([]);
    expect(duplicates(graph).map((d) => d.message)).toEqual([
      expect.stringMatching(/The one generated from the GitHub team acme\/payments-team is shown instead\.$/),
      expect.stringMatching(/shown instead\.$/),
    ]);
  });
});

describe('many copies', () => {
  it('each message names a few of the other copies and counts the rest, so its size does not grow with them', () => {
    const repos = Array.from({ length: 8 }, (_, i) => repo(`r${i}`, { 'catalog-info.yaml': component('web', 'team-a') }));
    const found = duplicates(graphOf(repos));
    expect(found).toHaveLength(8);
    expect(found[0]?.message).toMatch(/and in (r\d\/catalog-info\.yaml:1, ){5}2 more, and nothing decides/);
    expect(found[0]?.message).toMatch(/so no copy is published/);
  });
});

describe('isolation', () => {
  it('a ref whose decision throws publishes no copy, and each repo gets a repo-failed error', () => {
    const entities = readCatalog(
      inMemorySnapshot([repo('alpha', { 'catalog-info.yaml': component('web', 'team-a') }), repo('beta', { 'catalog-info.yaml': component('web', 'team-b') })]),
    ).entities;
    // Nothing read from a file can do this; a metadata that throws when read stands in for the unforeseen.
    const exploding = entities.map((e) =>
      e.source.repo === 'beta'
        ? {
            ...e,
            json: {
              ...e.json,
              metadata: Object.defineProperty({ ...e.json.metadata }, 'annotations', {
                get: () => {
                  throw new Error('boom');
                },
              }),
            },
          }
        : e,
    );
    const graph = resolveGraph(exploding);
    expect(graph.byRef.has('component:default/web')).toBe(false);
    expect(graph.diagnostics.filter((d) => d.rule === 'repo-failed').map((d) => [d.repo, d.ref])).toEqual([
      ['alpha', 'component:default/web'],
      ['beta', 'component:default/web'],
    ]);
    expect(graph.diagnostics.find((d) => d.rule === 'repo-failed')?.message).toMatch(
      /^Frontdoor failed while deciding which copy of component:default\/web to publish: Error: boom\./,
    );
  });
});
