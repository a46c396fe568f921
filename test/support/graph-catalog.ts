/**
 * A tiny in-memory catalog for the graph-view tests: entities with their
 * relations in both directions, as the portal data has them.
 */
import { entityPagePath, splitCanonicalRef } from '../../src/catalog-model/refs.ts';
import { inverseRelation } from '../../src/catalog-model/relations.ts';
import type { EntityInfo, EntityLookup } from '../../src/graph-view/graph-model.ts';

export class TestCatalog {
  readonly entities = new Map<string, EntityInfo>();

  /** Adds an entity; `ref` is `kind:namespace/name`, its title the name unless given. */
  add(ref: string, title?: string): this {
    const { kind, name } = splitCanonicalRef(ref);
    const kindName = kind === 'api' ? 'API' : kind.charAt(0).toUpperCase() + kind.slice(1);
    this.entities.set(ref, { ref, kind: kindName, title: title ?? name, path: entityPagePath(ref), relations: [] });
    return this;
  }

  /** Adds `source type target` and, when the target exists, its inverse. */
  relate(source: string, type: string, target: string): this {
    const from = this.entities.get(source);
    if (!from) throw new Error(`no ${source}`);
    const to = this.entities.get(target);
    (from.relations as { type: string; target: string; exists: boolean }[]).push({ type, target, exists: to !== undefined });
    const inverse = inverseRelation[type];
    if (to && inverse) (to.relations as { type: string; target: string; exists: boolean }[]).push({ type: inverse, target: source, exists: true });
    return this;
  }

  get(ref: string): EntityInfo {
    const entity = this.entities.get(ref);
    if (!entity) throw new Error(`no ${ref}`);
    return entity;
  }

  readonly lookup: EntityLookup = (ref) => this.entities.get(ref);
}

/** The demo's booking corner: a service, its team, system, domain, APIs and resources. */
export function bookingCatalog(): TestCatalog {
  return new TestCatalog()
    .add('component:default/booking-service', 'Booking Service')
    .add('component:default/ops-console', 'Ops Console')
    .add('group:default/booking-team', 'Booking Team')
    .add('system:default/booking', 'Booking')
    .add('domain:default/transactions', 'Transactions')
    .add('api:default/booking-api', 'Booking API')
    .add('api:default/payments-api', 'Payments API')
    .add('resource:default/bookings-db', 'Bookings DB')
    .relate('component:default/booking-service', 'ownedBy', 'group:default/booking-team')
    .relate('component:default/booking-service', 'partOf', 'system:default/booking')
    .relate('component:default/booking-service', 'providesApi', 'api:default/booking-api')
    .relate('component:default/booking-service', 'consumesApi', 'api:default/payments-api')
    .relate('component:default/booking-service', 'dependsOn', 'resource:default/bookings-db')
    .relate('component:default/booking-service', 'dependsOn', 'resource:default/sms-provider')
    .relate('component:default/ops-console', 'partOf', 'system:default/booking')
    .relate('component:default/ops-console', 'consumesApi', 'api:default/booking-api')
    .relate('api:default/booking-api', 'partOf', 'system:default/booking')
    .relate('resource:default/bookings-db', 'partOf', 'system:default/booking')
    .relate('system:default/booking', 'partOf', 'domain:default/transactions')
    .relate('system:default/booking', 'ownedBy', 'group:default/booking-team');
}

/** A group with `members` users and `owned` components. */
export function bigGroupCatalog(members: number, owned: number): TestCatalog {
  const catalog = new TestCatalog().add('group:default/big', 'Big Group').add('group:default/parent', 'Parent');
  catalog.relate('group:default/big', 'childOf', 'group:default/parent');
  for (let i = 0; i < members; i++) {
    const ref = `user:default/user-${String(i).padStart(3, '0')}`;
    catalog.add(ref).relate(ref, 'memberOf', 'group:default/big');
  }
  for (let i = 0; i < owned; i++) {
    const ref = `component:default/service-${String(i).padStart(3, '0')}`;
    catalog.add(ref).relate(ref, 'ownedBy', 'group:default/big');
  }
  return catalog;
}
