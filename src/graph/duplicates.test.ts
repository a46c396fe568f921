import { describe, expect, it } from 'vitest';
import { readCatalog } from '../catalog/read-catalog.ts';
import { inMemorySnapshot, type InMemoryRepo } from '../sources/in-memory.ts';
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

function graphOf(repos: InMemoryRepo[]) {
  return resolveGraph(readCatalog(inMemorySnapshot(repos)).entities);
}

const duplicates = (graph: ReturnType<typeof graphOf>) => graph.diagnostics.filter((d) => d.rule === 'duplicate-entity');
const ownerOfWeb = (graph: ReturnType<typeof graphOf>) => graph.relationsOf.get('component:default/web')?.find((r) => r.type === 'ownedBy')?.target;

describe('duplicate entity refs', () => {
  const alpha = repo('alpha', { 'catalog-info.yaml': component('web', 'team-alpha') });
  const beta = repo('beta', { 'catalog-info.yaml': component('web', 'team-beta') });

  it.each([
    ['alpha first', [alpha, beta]],
    ['beta first', [beta, alpha]],
  ])('across repos, the first repo by name wins whatever the input order (%s)', (_, repos) => {
    const graph = graphOf(repos);
    expect(graph.byRef.get('component:default/web')?.source.repo).toBe('alpha');
    expect(graph.entities.filter((e) => e.ref === 'component:default/web')).toHaveLength(1);
    // Only the winner's relations exist: the losing copy's owner owns nothing.
    expect(ownerOfWeb(graph)).toBe('group:default/team-alpha');
    expect(graph.relationsOf.get('group:default/team-beta')).toBeUndefined();
  });

  it('reports an error on the losing copy that names both files and how to fix it', () => {
    const [d, ...rest] = duplicates(graphOf([beta, alpha]));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', repo: 'beta', path: 'catalog-info.yaml', line: 1, ref: 'component:default/web' });
    expect(d?.message).toContain('beta/catalog-info.yaml');
    expect(d?.message).toContain('alpha/catalog-info.yaml');
    expect(d?.message).toMatch(/wins/);
    expect(d?.message).toMatch(/rename|delete/);
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
    const graph = graphOf([alpha, repo('gamma', { 'catalog-info.yaml': component('WEB', 'team-gamma') })]);
    expect(graph.entities.map((e) => e.ref)).toEqual(['component:default/web']);
    expect(duplicates(graph)).toHaveLength(1);
  });

  it('reports every losing copy when there are three', () => {
    const gamma = repo('gamma', { 'catalog-info.yaml': component('web', 'team-gamma') });
    const graph = graphOf([gamma, beta, alpha]);
    expect(graph.byRef.get('component:default/web')?.source.repo).toBe('alpha');
    expect(duplicates(graph).map((d) => d.repo).sort()).toEqual(['beta', 'gamma']);
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
