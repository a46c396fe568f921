import { describe, expect, it } from 'vitest';
import { defaultCatalogLimits, readCatalog, type LoadedEntity } from '../catalog/read-catalog.ts';
import { inMemorySnapshot } from '../../test/support/in-memory-source.ts';
import { resolveGraph } from './resolve-graph.ts';

function entitiesOf(yaml: string, maxDocumentsPerFile = defaultCatalogLimits.maxDocumentsPerFile): LoadedEntity[] {
  const catalog = readCatalog(inMemorySnapshot([{ name: 'org', catalogFiles: ['catalog-info.yaml'], files: { 'catalog-info.yaml': yaml } }]), {
    ...defaultCatalogLimits,
    maxDocumentsPerFile,
  });
  expect(catalog.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return catalog.entities;
}

const graphOf = (yaml: string) => resolveGraph(entitiesOf(yaml));

const cycles = (yaml: string) => graphOf(yaml).diagnostics.filter((d) => d.rule === 'relation-cycle');
const lineOf = (yaml: string, text: string) => yaml.split('\n').findIndex((l) => l.includes(text)) + 1;

const group = (name: string, spec: string) => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: ${name} }
spec: { type: team, children: [], ${spec} }
`;
const component = (name: string, spec: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${name} }
spec: { type: service, lifecycle: production, owner: team, ${spec} }
`;
const owner = group('team', 'members: []');
const docs = (...d: string[]) => [owner, ...d].join('---\n');

describe('partOf cycles', () => {
  it('reports two components that are each a subcomponent of the other, at the field', () => {
    const yaml = docs(component('a', 'subcomponentOf: b'), component('b', 'subcomponentOf: a'));
    const found = cycles(yaml);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', ref: 'component:default/a', line: lineOf(yaml, 'name: a }') + 1 });
    expect(found[0]?.message).toContain('partOf');
    expect(found[0]?.message).toContain('component:default/a → component:default/b → component:default/a');
    expect(found[0]?.message).toMatch(/subcomponentOf/);
  });

  it('reports a domain that is its own subdomain', () => {
    const yaml = docs(`apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: { name: commerce }
spec: { owner: team, subdomainOf: commerce }
`);
    const found = cycles(yaml);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('domain:default/commerce → domain:default/commerce');
  });

  it('reports a loop through component → system → domain → component', () => {
    const yaml = docs(
      component('web', 'system: shop'),
      `apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: shop }
spec: { owner: team, domain: commerce }
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: { name: commerce }
spec: { owner: team, subdomainOf: component:web }
`,
    );
    const graph = graphOf(yaml);
    const rules = graph.diagnostics.map((d) => d.rule).sort();
    expect(rules).toEqual(['relation-cycle', 'relation-target-kind']);
    const cycle = graph.diagnostics.find((d) => d.rule === 'relation-cycle');
    expect(cycle?.message).toContain('component:default/web → system:default/shop → domain:default/commerce → component:default/web');
    expect(cycle?.message).toMatch(/point up the hierarchy/);
  });

  it('accepts a deep but loop-free hierarchy', () => {
    const yaml = docs(
      component('web', 'system: shop, subcomponentOf: platform'),
      component('platform', 'system: shop'),
      `apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: shop }
spec: { owner: team, domain: commerce }
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: { name: commerce }
spec: { owner: team, subdomainOf: business }
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: { name: business }
spec: { owner: team }
`,
    );
    expect(graphOf(yaml).diagnostics).toEqual([]);
  });

  it('ignores a dangling link, which cannot close a loop', () => {
    const yaml = docs(component('a', 'subcomponentOf: b'), component('b', 'subcomponentOf: ghost'));
    expect(graphOf(yaml).diagnostics.map((d) => d.rule)).toEqual(['ref-not-found']);
  });
});

describe('childOf cycles', () => {
  it('reports group parents that loop, with a fix that names `parent`', () => {
    const yaml = docs(group('a', 'parent: b'), group('b', 'parent: c'), group('c', 'parent: a'));
    const found = cycles(yaml);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', ref: 'group:default/a' });
    expect(found[0]?.message).toContain('childOf');
    expect(found[0]?.message).toContain('group:default/a → group:default/b → group:default/c → group:default/a');
    expect(found[0]?.message).toMatch(/`parent`/);
  });

  it('reports a group that is its own parent', () => {
    const yaml = docs(group('a', 'parent: a'));
    const found = cycles(yaml);
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(lineOf(yaml, 'parent: a'));
  });

  it('reports a loop declared only through `children` lists', () => {
    const yaml = docs(group('a', 'members: []').replace('children: []', 'children: [b]'), group('b', 'members: []').replace('children: []', 'children: [a]'));
    expect(cycles(yaml)).toHaveLength(1);
  });

  it('reports each separate loop once', () => {
    const yaml = docs(group('a', 'parent: b'), group('b', 'parent: a'), group('x', 'parent: y'), group('y', 'parent: x'));
    expect(
      cycles(yaml)
        .map((d) => d.ref)
        .sort(),
    ).toEqual(['group:default/a', 'group:default/x']);
  });
});

describe('very deep hierarchies', () => {
  const N = 20_000;
  // The chain is read once: what is tested is the walk over it, not reading 20,000 documents twice.
  let open: LoadedEntity[] | undefined;
  const chain = (closed: boolean): LoadedEntity[] => {
    open ??= entitiesOf(Array.from({ length: N }, (_, i) => group(`g${i}`, i > 0 ? `parent: g${i - 1}` : 'members: []')).join('---\n'), N);
    return closed ? [...entitiesOf(group('g0', `parent: g${N - 1}`)), ...open.slice(1)] : open;
  };

  it(`walks a chain of ${N} nested groups without overflowing the stack`, () => {
    const graph = resolveGraph(chain(false));
    expect(graph.entities).toHaveLength(N);
    expect(graph.diagnostics).toEqual([]);
    expect(graph.relationsOf.get(`group:default/g${N - 1}`)).toEqual([{ type: 'childOf', target: `group:default/g${N - 2}` }]);
  });

  it(`finds the loop when the ${N}-group chain is closed`, () => {
    const found = resolveGraph(chain(true)).diagnostics.filter((d) => d.rule === 'relation-cycle');
    expect(found).toHaveLength(1);
    expect(found[0]?.ref).toBe('group:default/g0');
    // The message shows the loop's ends and how many were left out, not 20,000 names.
    expect(found[0]?.message).toMatch(/… \(\d+ more\) →/);
    expect(found[0]!.message.length).toBeLessThan(1000);
  });
});
