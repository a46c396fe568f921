import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtinKinds } from '../catalog-model/kinds/index.ts';
import type { EntityRecord } from '../entity-record/schema.ts';
import { PortalDataSchema } from '../portal-data/schema.ts';
import { BackstageEntitySchema, backstageRef, nameBasedUuid, toBackstageEntities, toBackstageEntity } from './backstage-entity.ts';
import { stableJsonText } from './stable-json.ts';

// One entity of each kind, as the content layer hands them to the pages.
const sample = PortalDataSchema.parse(JSON.parse(readFileSync(new URL('../../test/fixtures/sample-portal-data.json', import.meta.url), 'utf8')));
const byRef = (ref: string): EntityRecord => sample.entities.find((e) => e.ref === ref)!;

describe('toBackstageEntity', () => {
  test('returns a Component as Backstage catalog API does: metadata as written, spec as written, relations with targetRef', () => {
    const entity = toBackstageEntity(byRef('component:default/checkout-service'));
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'checkout-service',
        namespace: 'default',
        description: 'Owns carts and orders; talks to the payment provider.',
        labels: { 'fernway.dev/cost-center': 'cc-204', tier: '1' },
        annotations: { 'backstage.io/techdocs-ref': 'dir:.', 'github.com/project-slug': 'fernway/checkout', 'pagerduty.com/service-id': 'PX8K2QZ' },
        tags: ['go', 'grpc'],
        links: [
          { url: 'https://runbooks.fernway.example/checkout-service', title: 'Runbook' },
          { url: 'mailto:checkout-oncall@fernway.example', title: 'On-call email' },
        ],
        uid: nameBasedUuid('component:default/checkout-service'),
        etag: expect.stringMatching(/^[0-9a-f]{40}$/),
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'checkout-team',
        system: 'checkout',
        providesApis: ['checkout-api'],
        dependsOn: ['resource:orders-db', 'component:legacy-billing'],
      },
      relations: [
        { type: 'dependencyOf', targetRef: 'component:default/checkout-web' },
        // A dangling reference is a relation all the same, as in Backstage.
        { type: 'dependsOn', targetRef: 'component:default/legacy-billing' },
        { type: 'dependsOn', targetRef: 'resource:default/orders-db' },
        { type: 'ownedBy', targetRef: 'group:default/checkout-team' },
        { type: 'partOf', targetRef: 'system:default/checkout' },
        { type: 'providesApi', targetRef: 'api:default/checkout-api' },
      ],
    });
  });

  test.each(builtinKinds.map((k) => k.kind))('maps the sample %s in the fixed key order, its spec untouched', (kind) => {
    const record = sample.entities.find((e) => e.kind === kind);
    expect(record, `the sample portal data has a ${kind}`).toBeDefined();
    const entity = toBackstageEntity(record!);
    expect(BackstageEntitySchema.safeParse(entity).success).toBe(true);
    expect(Object.keys(entity)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'relations']);
    const order = ['name', 'namespace', 'title', 'description', 'labels', 'annotations', 'tags', 'links', 'uid', 'etag'];
    expect(Object.keys(entity.metadata)).toEqual(order.filter((k) => k in entity.metadata));
    expect(entity.kind).toBe(kind);
    expect(backstageRef(entity)).toBe(record!.ref);
    expect(entity.spec).toEqual(record!.spec);
    expect(entity.relations).toEqual(record!.relations.map((r) => ({ type: r.type, targetRef: r.target })));
  });

  test('leaves out empty labels, annotations, tags and links, as a file that has none', () => {
    const { metadata } = toBackstageEntity(byRef('user:default/ada'));
    expect(Object.keys(metadata)).toEqual(['name', 'namespace', 'uid', 'etag']);
  });

  test('uid: a version 5 UUID of the ref, the same every build', () => {
    const uid = nameBasedUuid('component:default/checkout-service');
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameBasedUuid('component:default/checkout-service')).toBe(uid);
    expect(nameBasedUuid('component:default/checkout-web')).not.toBe(uid);
  });

  test('etag changes with the content, and only with it (not with the order keys were built in)', () => {
    const record = byRef('component:default/checkout-service');
    const { etag } = toBackstageEntity(record).metadata;
    const reordered = {
      ...record,
      labels: Object.fromEntries(Object.entries(record.labels).reverse()),
      spec: Object.fromEntries(Object.entries(record.spec).reverse()),
    };
    expect(toBackstageEntity(reordered as EntityRecord).metadata.etag).toBe(etag);
    expect(toBackstageEntity({ ...record, description: 'Changed.' }).metadata.etag).not.toBe(etag);
  });
});

describe('toBackstageEntities', () => {
  test('sorts by ref and writes the same text whatever the input order', () => {
    const forward = toBackstageEntities(sample.entities);
    expect(forward.map(backstageRef)).toEqual(sample.entities.map((e) => e.ref).sort());
    expect(stableJsonText(toBackstageEntities([...sample.entities].reverse()))).toBe(stableJsonText(forward));
  });
});
