/**
 * Test fixtures for the health checks: one entity that passes every check,
 * to mutate one field per test, and the small org it lives in.
 */
import type { EntityRecord } from '../portal-data/schema.ts';
import type { ApiParseOutcome, CheckContext } from './check.ts';

export const NOW = new Date('2024-06-01T00:00:00Z');

/** A Component that passes every check (its repo was committed to 31 days before NOW). */
export function entityRecord(overrides: Partial<EntityRecord> = {}): EntityRecord {
  const kind = overrides.kind ?? 'Component';
  const name = overrides.name ?? 'web';
  const ref = overrides.ref ?? `${kind.toLowerCase()}:default/${name}`;
  return {
    ref,
    kind,
    namespace: 'default',
    name,
    description: 'The storefront.',
    type: 'website',
    lifecycle: 'production',
    owner: 'group:default/team-a',
    system: 'system:default/shop',
    tags: [],
    path: `catalog/default/${kind.toLowerCase()}/${name}/`,
    apiVersion: 'backstage.io/v1alpha1',
    labels: {},
    annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
    links: [],
    spec: { type: 'website', lifecycle: 'production', owner: 'team-a', system: 'shop' },
    source: {
      repo: 'shop',
      path: 'catalog-info.yaml',
      document: 0,
      line: 1,
      repoUrl: 'https://github.com/acme/shop',
      editUrl: 'https://github.com/acme/shop/edit/main/catalog-info.yaml',
    },
    relations: [
      { type: 'ownedBy', target: 'group:default/team-a', exists: true },
      { type: 'partOf', target: 'system:default/shop', exists: true },
    ],
    diagnostics: [],
    repo: {
      name: 'shop',
      url: 'https://github.com/acme/shop',
      defaultBranch: 'main',
      archived: false,
      isTemplate: false,
      visibility: 'public',
      lastCommit: { sha: 'abc123', date: '2024-05-01T12:00:00Z' },
      codeowners: '.github/CODEOWNERS',
    },
    hasDocs: true,
    ...overrides,
  };
}

export const teamA = entityRecord({ kind: 'Group', name: 'team-a', ref: 'group:default/team-a', owner: undefined, system: undefined, lifecycle: undefined, relations: [] });
export const shop = entityRecord({ kind: 'System', name: 'shop', ref: 'system:default/shop', system: undefined, lifecycle: undefined, relations: [{ type: 'ownedBy', target: 'group:default/team-a', exists: true }] });

/**
 * A stand-in for src/api-docs' parseApiDefinition that keeps its contract:
 * `openapi` definitions that start with `openapi:` parse, anything else fails with a line.
 */
export function fakeParseApi(type: string, text: string): ApiParseOutcome {
  if (type === 'openapi' && /^openapi:/m.test(text)) return { ok: true };
  return { ok: false, error: 'expected an `openapi` field', line: 2 };
}

/** A check context over `teamA`, `shop` and `entities`. */
export function contextWith(entities: readonly EntityRecord[] = [], overrides: Partial<CheckContext> = {}): CheckContext {
  return {
    now: NOW,
    staleAfterDays: 180,
    byRef: new Map([teamA, shop, ...entities].map((e) => [e.ref, e])),
    parseApi: fakeParseApi,
    ...overrides,
  };
}
