import { describe, expect, it } from 'vitest';
import { entityPagePath, parseEntityRef, stringifyEntityRef } from './refs.ts';

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
