import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../../graph/resolve-graph.ts';
import { inMemorySnapshot } from '../../../test/support/in-memory-source.ts';
import type { OrgPeople, Snapshot } from '../../sources/snapshot.ts';
import { readCatalog } from '../read-catalog.ts';

const people: OrgPeople = {
  org: 'acme',
  url: 'https://github.com/acme',
  teams: [
    { slug: 'engineering', name: 'Engineering', members: ['cto'], url: 'https://github.com/orgs/acme/teams/engineering' },
    { slug: 'payments', name: 'Payments', description: 'Card payments', parent: 'engineering', members: ['jane', 'bob'] },
  ],
  users: [{ login: 'jane', name: 'Jane Doe', email: 'jane@acme.example' }, { login: 'bob' }, { login: 'cto' }],
};

function snapshotWith(files: Record<string, string>, extra: Partial<Snapshot> = {}): Snapshot {
  const base = inMemorySnapshot([
    { name: 'no-catalog', url: 'https://github.com/acme/no-catalog', catalogFiles: [], files: { '.github/CODEOWNERS': '* @acme/payments\n' } },
    { name: 'declared', url: 'https://github.com/acme/declared', catalogFiles: Object.keys(files), files },
  ]);
  return { ...base, people: [people], ...extra };
}

describe('GitHub teams and members as Groups and Users', () => {
  const catalog = readCatalog(snapshotWith({}), undefined, { inferMissing: false });
  const graph = resolveGraph(catalog.entities);

  it('makes a Group per team (slug → name) with the team-slug annotation, and a User per member', () => {
    expect(graph.entities.map((e) => e.ref)).toEqual([
      'group:default/engineering',
      'group:default/payments',
      'user:default/bob',
      'user:default/cto',
      'user:default/jane',
    ]);
    const payments = graph.byRef.get('group:default/payments')!;
    expect(payments.json.metadata['annotations']).toMatchObject({ 'github.com/team-slug': 'acme/payments' });
    expect(payments.json.spec).toMatchObject({ type: 'team', parent: 'engineering', members: ['jane', 'bob'], profile: { displayName: 'Payments' } });
    expect(graph.byRef.get('user:default/jane')!.json.spec).toMatchObject({
      profile: { displayName: 'Jane Doe', email: 'jane@acme.example' },
      memberOf: ['payments'],
    });
  });

  it('builds the hierarchy and membership relations both ways', () => {
    expect(graph.relationsOf.get('group:default/engineering')).toEqual(
      expect.arrayContaining([
        { type: 'parentOf', target: 'group:default/payments' },
        { type: 'hasMember', target: 'user:default/cto' },
      ]),
    );
    expect(graph.relationsOf.get('user:default/bob')).toEqual([{ type: 'memberOf', target: 'group:default/payments' }]);
  });

  it('puts each organization in its own namespace when there are several', () => {
    const two = readCatalog(
      { ...snapshotWith({}), people: [people, { ...people, org: 'Other', teams: [{ slug: 'web', name: 'Web', members: [] }], users: [] }] },
      undefined,
      {},
    );
    expect(two.entities.map((e) => e.ref)).toContain('group:other/web');
    expect(two.entities.map((e) => e.ref)).toContain('group:acme/payments');
  });
});

describe('YAML declarations win over generated entities', () => {
  const yaml = 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: payments, description: From YAML }\nspec: { type: team, children: [] }\n';
  const catalog = readCatalog(snapshotWith({ 'catalog-info.yaml': yaml }));
  const graph = resolveGraph(catalog.entities);

  it('keeps the YAML entity and reports the merge at its line', () => {
    expect(graph.byRef.get('group:default/payments')!.json.metadata['description']).toBe('From YAML');
    expect(graph.diagnostics.filter((d) => d.rule === 'generated-entity-overridden')).toEqual([
      expect.objectContaining({
        severity: 'info',
        repo: 'declared',
        path: 'catalog-info.yaml',
        line: 1,
        message: expect.stringContaining('GitHub team acme/payments'),
      }),
    ]);
    expect(graph.diagnostics.filter((d) => d.rule === 'duplicate-entity')).toEqual([]);
  });
});

describe('repos without a catalog file', () => {
  const catalog = readCatalog(snapshotWith({}), undefined, { inferMissing: true });
  const inferred = catalog.entities.find((e) => e.ref === 'component:default/no-catalog')!;

  it('appear as an inferred Component, owned by the CODEOWNERS team', () => {
    expect(inferred.origin).toMatchObject({ kind: 'inferred' });
    expect(inferred.json.metadata['annotations']).toMatchObject({ 'frontdoor.dev/inferred': 'true', 'github.com/project-slug': 'acme/no-catalog' });
    expect(inferred.relations).toEqual([expect.objectContaining({ type: 'ownedBy', target: 'group:default/payments' })]);
  });

  it("link to GitHub's new-file page with a prefilled catalog-info.yaml for that repo", () => {
    const url = new URL(inferred.origin?.kind === 'inferred' ? inferred.origin.registerUrl! : '');
    expect(url.origin + url.pathname).toBe('https://github.com/acme/no-catalog/new/main');
    expect(url.searchParams.get('filename')).toBe('catalog-info.yaml');
    const body = url.searchParams.get('value')!;
    expect(body).toContain('name: no-catalog');
    expect(body).toContain('owner: group:payments');
    // The prefilled file is a valid catalog file.
    const check = readCatalog(inMemorySnapshot([{ name: 'r', catalogFiles: ['c.yaml'], files: { 'c.yaml': body } }]));
    expect(check.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('say so in the repo-no-catalog note', () => {
    expect(catalog.diagnostics.find((d) => d.rule === 'repo-no-catalog')?.message).toMatch(/inferred Component.*prefilled/);
  });

  it('are not made unless asked for', () => {
    expect(readCatalog(snapshotWith({})).entities.some((e) => e.origin?.kind === 'inferred')).toBe(false);
  });
});
