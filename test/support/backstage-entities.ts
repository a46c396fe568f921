/** Entities in Backstage's shape for the changelog's tests: one Component to mutate per test. */
import type { BackstageEntity } from '../../src/static-api/index.ts';

export function component(name: string, overrides: { metadata?: Partial<BackstageEntity['metadata']>; spec?: Record<string, unknown> } = {}): BackstageEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'github.com/project-slug': `acme/${name}` },
      uid: `uid-${name}`,
      etag: `etag-${name}`,
      ...overrides.metadata,
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a', ...overrides.spec },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
  };
}
