/**
 * Test fixtures for the health checks: one entity that passes every check,
 * to mutate one field per test, and the small org it lives in.
 */
import { ANNOTATION_TECHDOCS_REF } from '../../src/catalog-model/annotations.ts';
import { readApiDefinition } from '../../src/api-docs/index.ts';
import type { EntitySpecs, KindName } from '../../src/catalog-model/kinds/index.ts';
import type { EntityRecord, KindRecord } from '../../src/entity-record/schema.ts';
import type { CheckContext } from '../../src/health/check.ts';
import { scorecardOf } from '../../src/health/scorecard.ts';

export const NOW = new Date('2024-06-01T00:00:00Z');

/** A valid spec of each kind, so an entity of any kind is well-formed. */
const SPECS: EntitySpecs = {
  Component: { type: 'website', lifecycle: 'production', owner: 'team-a', system: 'shop' },
  API: {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'team-a',
    system: 'shop',
    definition: 'openapi: 3.0.0\ninfo: { title: Shop, version: 1.0.0 }\npaths: {}\n',
  },
  Resource: { type: 'database', owner: 'team-a', system: 'shop' },
  System: { owner: 'team-a' },
  Domain: { owner: 'team-a' },
  Group: { type: 'team', children: [] },
  User: { memberOf: ['team-a'] },
  Location: { targets: ['./more.yaml'] },
  Template: { type: 'service', owner: 'team-a', steps: [] },
};

/** A Component that passes every check (its repo was committed to 31 days before NOW). */
export function entityRecord(overrides: Partial<EntityRecord> = {}): EntityRecord {
  const kind: KindName = overrides.kind ?? 'Component';
  const name = overrides.name ?? 'web';
  const ref = overrides.ref ?? `${kind.toLowerCase()}:default/${name}`;
  // TypeScript cannot pair `kind` with `spec` across the spread; SPECS keeps them paired unless a test overrides one.
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
    annotations: { [ANNOTATION_TECHDOCS_REF]: 'dir:.' },
    links: [],
    spec: SPECS[kind],
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
    docs: { path: `docs/default/${kind.toLowerCase()}/${name}/`, from: 'techdocs' },
    ...overrides,
  } as EntityRecord;
}

/** An API record as the build makes it: its definition read once by src/api-docs. */
export function apiRecord(spec: Partial<EntitySpecs['API']> = {}): KindRecord<'API'> {
  const full = { ...SPECS.API, ...spec };
  const parsedDefinition = readApiDefinition(full);
  return { ...(entityRecord({ kind: 'API', name: 'orders-api' }) as KindRecord<'API'>), spec: full, ...(parsedDefinition ? { parsedDefinition } : {}) };
}

export const teamA = entityRecord({
  kind: 'Group',
  name: 'team-a',
  ref: 'group:default/team-a',
  owner: undefined,
  system: undefined,
  lifecycle: undefined,
  relations: [],
});
export const shop = entityRecord({
  kind: 'System',
  name: 'shop',
  ref: 'system:default/shop',
  system: undefined,
  lifecycle: undefined,
  relations: [{ type: 'ownedBy', target: 'group:default/team-a', exists: true }],
});

/** A check context over `teamA`, `shop` and `entities`. */
export function contextWith(entities: readonly EntityRecord[] = [], overrides: Partial<CheckContext> = {}): CheckContext {
  return {
    now: NOW,
    staleAfterDays: 180,
    byRef: new Map([teamA, shop, ...entities].map((e) => [e.ref, e])),
    ...overrides,
  };
}

/** The kinds (lowercase, sorted) whose scorecard lists the check `id`, from one entity of every kind. */
export function kindsScoredBy(id: string): string[] {
  const kinds = ['Component', 'API', 'Resource', 'System', 'Domain', 'Template', 'Group', 'User', 'Location'] as const;
  const scored = kinds.filter((kind) => scorecardOf(entityRecord({ kind, name: 'x' }), contextWith())?.checks.some((c) => c.id === id));
  return scored.map((kind) => kind.toLowerCase()).sort();
}
