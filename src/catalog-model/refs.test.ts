import { describe, expect, it } from 'vitest';
import { entityPagePath, parseEntityRef, splitCanonicalRef, stringifyEntityRef, type RefContext } from './refs.ts';

describe('parseEntityRef', () => {
  it('fills the default kind and the source entity namespace', () => {
    expect(parseEntityRef('team-a', { defaultKind: 'Group', defaultNamespace: 'payments' })).toEqual({ kind: 'Group', namespace: 'payments', name: 'team-a' });
  });
  it('splits at the first colon and the first slash, like Backstage', () => {
    expect(parseEntityRef('a/b:c', { defaultKind: 'Group' })).toEqual({ kind: 'Group', namespace: 'a', name: 'b:c' });
    expect(parseEntityRef('k:a:b')).toEqual({ kind: 'k', namespace: 'default', name: 'a:b' });
    expect(parseEntityRef('k:n/a/b')).toEqual({ kind: 'k', namespace: 'n', name: 'a/b' });
  });
  it.each(['group:', ':a', 'k:/a', 'n/'])('rejects %s, which has an empty part', (ref) => {
    expect(() => parseEntityRef(ref, { defaultKind: 'Group' })).toThrow(/empty/);
  });
  it('requires a kind when the field has no default kind', () => {
    expect(() => parseEntityRef('my-db')).toThrow(/names no kind.*resource:my-db/);
  });
  it('accepts the object form Backstage passes through for dependencyOf', () => {
    expect(parseEntityRef({ kind: 'Component', name: 'x' }, { defaultNamespace: 'ns' })).toEqual({ kind: 'Component', namespace: 'ns', name: 'x' });
  });
});

describe('stringifyEntityRef and page paths', () => {
  it('lowercases every part, so refs compare case-insensitively', () => {
    expect(stringifyEntityRef({ kind: 'Component', namespace: 'Default', name: 'Foo' })).toBe('component:default/foo');
  });
  it('maps a ref to Backstage-style /catalog/<namespace>/<kind>/<name>/', () => {
    expect(entityPagePath('component:default/foo.bar')).toBe('catalog/default/component/foo.bar/');
  });
});

// Everything after the catalog (pages, health checks, graphs, the explorer) reads refs in their
// canonical form, so the one thing it relies on is that splitting gives back what parsing found.
describe('canonical refs, from what a catalog file says to the page they link to', () => {
  const cases: [written: string, canonical: string, page: string, context?: RefContext][] = [
    ['Component:Payments/Web', 'component:payments/web', 'catalog/payments/component/web/'],
    ['team-a', 'group:shop/team-a', 'catalog/shop/group/team-a/', { defaultKind: 'Group', defaultNamespace: 'shop' }],
    ['k:a:b', 'k:default/a:b', 'catalog/default/k/a%3Ab/'],
    ['k:n/a/b', 'k:n/a/b', 'catalog/n/k/a%2Fb/'],
    ['a/b:c', 'group:a/b:c', 'catalog/a/group/b%3Ac/', { defaultKind: 'Group' }],
  ];
  it.each(cases)('%s → %s → %s', (written, canonical, page, context) => {
    const parsed = parseEntityRef(written, context);
    expect(stringifyEntityRef(parsed)).toBe(canonical);
    expect(splitCanonicalRef(canonical)).toEqual({
      kind: parsed.kind.toLowerCase(),
      namespace: parsed.namespace.toLowerCase(),
      name: parsed.name.toLowerCase(),
    });
    expect(entityPagePath(canonical)).toBe(page);
  });
});
