import { describe, expect, it } from 'vitest';
import { fetchPublishedCatalog, publishedTargets } from './published-catalog.ts';

const respond = (status: number, body: string) => (async () => new Response(body, { status })) as typeof fetch;
const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [],
};

describe('fetchPublishedCatalog', () => {
  it('reads the published entities', async () => {
    const read = await fetchPublishedCatalog('https://portal.example/api/entities.json', respond(200, JSON.stringify([entity])));
    expect(read).toMatchObject({ status: 'read', entities: [entity] });
  });

  it('skips, saying why, without a URL, before the first deploy, offline, or on something that is not a catalog', async () => {
    expect(await fetchPublishedCatalog(undefined)).toMatchObject({ status: 'skipped', reason: expect.stringContaining('no --catalog-url') });
    expect(await fetchPublishedCatalog('https://p.example/api/entities.json', respond(404, ''))).toMatchObject({ reason: expect.stringContaining('(404)') });
    const offline = (async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
    }) as typeof fetch;
    expect(await fetchPublishedCatalog('https://p.example/api/entities.json', offline)).toMatchObject({
      reason: expect.stringContaining('could not be reached (ENOTFOUND)'),
    });
    expect(await fetchPublishedCatalog('https://p.example/api/entities.json', respond(200, '{"entities":[]}'))).toMatchObject({
      reason: expect.stringContaining('is not a list of catalog entities'),
    });
  });
});

describe('publishedTargets', () => {
  it('turns published entities into the graph entities references resolve to, with the relations their spec declares', () => {
    const [group, component] = publishedTargets([
      entity,
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'web' },
        spec: { type: 'website', lifecycle: 'production', owner: 'team-a' },
      },
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'x' }, spec: {} },
    ]);
    expect(group).toMatchObject({ ref: 'group:default/team-a', kind: { kind: 'Group' } });
    expect(component!.relations).toMatchObject([{ field: 'owner', target: 'group:default/team-a' }]);
  });
});
