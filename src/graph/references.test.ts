import { describe, expect, it } from 'vitest';
import { readCatalog } from '../catalog/read-catalog.ts';
import { inMemorySnapshot } from '../../test/support/in-memory-source.ts';
import { resolveGraph } from './resolve-graph.ts';

/** What every fixture below can point at. */
const known = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-payments }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: jane }
spec: { memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: orders-db }
spec: { type: database, owner: team-payments }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: checkout }
spec: { owner: team-payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: cart }
spec: { type: service, lifecycle: production, owner: team-payments }
`;

/** `spec` lines of a Component named `web`, in its own file so lines are easy to count. */
function check(specLines: string, namespace = 'default') {
  const web = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: web
  namespace: ${namespace}
spec:
  type: service
  lifecycle: production
${specLines}`;
  const catalog = readCatalog(inMemorySnapshot([{ name: 'shop', catalogFiles: ['known.yaml', 'web.yaml'], files: { 'known.yaml': known, 'web.yaml': web } }]));
  expect(catalog.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const graph = resolveGraph(catalog.entities);
  const lineOf = (text: string) => web.split('\n').findIndex((l) => l.includes(text)) + 1;
  return { graph, diagnostics: graph.diagnostics, lineOf };
}

describe('references to entities that do not exist', () => {
  it('warns with ref-not-found at the line and column of the field, and keeps the relation', () => {
    const { graph, diagnostics, lineOf } = check('  owner: team-payments\n  system: payments-platform\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      rule: 'ref-not-found',
      severity: 'warning',
      repo: 'shop',
      path: 'web.yaml',
      line: lineOf('system: payments-platform'),
      column: '  system: '.length + 1,
      ref: 'component:default/web',
    });
    expect(diagnostics[0]?.message).toContain('`spec.system`');
    expect(diagnostics[0]?.message).toContain('system:default/payments-platform');
    expect(graph.relationsOf.get('component:default/web')).toContainEqual({ type: 'partOf', target: 'system:default/payments-platform' });
  });

  it('points at the list item that is wrong, not the field', () => {
    const { diagnostics, lineOf } = check('  owner: team-payments\n  dependsOn:\n    - resource:orders-db\n    - resource:ledger\n');
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([['ref-not-found', lineOf('resource:ledger')]]);
  });

  it('suggests the entity with the same name and another kind', () => {
    const { diagnostics } = check('  owner: team-payments\n  dependsOn: [component:orders-db]\n');
    expect(diagnostics[0]?.rule).toBe('ref-not-found');
    expect(diagnostics[0]?.message).toMatch(/Did you mean `resource:default\/orders-db`\?/);
  });

  it('suggests the entity with the same name in another namespace', () => {
    const { diagnostics } = check('  owner: team-payments\n', 'shop');
    expect(diagnostics.map((d) => d.rule)).toEqual(['owner-not-found']);
    expect(diagnostics[0]?.message).toMatch(/group:shop\/team-payments.*Did you mean `group:default\/team-payments`/);
  });

  it('suggests a near spelling of the name', () => {
    const { diagnostics } = check('  owner: team-paymnts\n  system: chekout\n');
    expect(diagnostics.map((d) => d.message.match(/Did you mean (`[^`]+`)/)?.[1])).toEqual(['`group:default/team-payments`', '`system:default/checkout`']);
  });

  it('never suggests the entity holding the reference', () => {
    const snapshot = inMemorySnapshot([
      {
        name: 'r',
        catalogFiles: ['c.yaml'],
        files: {
          'c.yaml':
            'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: web}\nspec: {type: website, lifecycle: production, owner: user:nobody, dependsOn: [resource:web]}\n',
        },
      },
    ]);
    const graph = resolveGraph(readCatalog(snapshot).entities);
    const dangling = graph.diagnostics.find((d) => d.rule === 'ref-not-found');
    expect(dangling?.message).toContain('resource:default/web');
    expect(dangling?.message).not.toMatch(/Did you mean `component:default\/web`/);
  });

  it('says how refs are resolved when nothing is close', () => {
    const { diagnostics } = check('  owner: team-payments\n  system: zzzzzzzzzz\n');
    expect(diagnostics[0]?.message).not.toMatch(/Did you mean/);
    expect(diagnostics[0]?.message).toMatch(/kind and namespace/);
  });
});

describe('owners', () => {
  it('reports a missing owner as owner-not-found, saying it must be a Group or User', () => {
    const { diagnostics, lineOf } = check('  owner: nobody-at-all\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'owner-not-found', severity: 'warning', line: lineOf('owner:') });
    expect(diagnostics[0]?.message).toMatch(/`spec\.owner`.*group:default\/nobody-at-all/);
    expect(diagnostics[0]?.message).toMatch(/Group or User/);
  });

  it('suggests the User when `owner: jane` defaults to a Group that does not exist', () => {
    const { diagnostics } = check('  owner: jane\n');
    expect(diagnostics[0]?.rule).toBe('owner-not-found');
    expect(diagnostics[0]?.message).toMatch(/Did you mean `user:default\/jane`/);
  });

  it('accepts a User as owner', () => {
    expect(check('  owner: user:jane\n').diagnostics).toEqual([]);
  });
});

describe('relations to the wrong kind', () => {
  it('warns when the owner is a Component, naming the kinds it should be', () => {
    const { diagnostics, lineOf } = check('  owner: component:cart\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'relation-target-kind', severity: 'warning', line: lineOf('owner:') });
    expect(diagnostics[0]?.message).toMatch(/`spec\.owner`.*component:default\/cart, a Component/);
    expect(diagnostics[0]?.message).toMatch(/a Group or a User/);
  });

  it('warns when `system` names a Resource', () => {
    const { diagnostics } = check('  owner: team-payments\n  system: resource:orders-db\n');
    expect(diagnostics.map((d) => d.rule)).toEqual(['relation-target-kind']);
    expect(diagnostics[0]?.message).toMatch(/should be a System/);
  });

  it('accepts dependsOn to a Component and to a Resource', () => {
    expect(check('  owner: team-payments\n  dependsOn: [component:cart, resource:orders-db]\n').diagnostics).toEqual([]);
  });
});
