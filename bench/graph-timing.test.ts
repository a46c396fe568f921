import { expect, test } from 'vitest';
import { splitCanonicalRef } from '../src/catalog-model/refs.ts';
import type { EntityRecord } from '../src/entity-record/schema.ts';
import { bookingCatalog } from '../test/support/graph-catalog.ts';
import { timeCatalog } from './graph-timing.ts';

test('timeCatalog draws every entity of a catalog and counts the dagre runs', () => {
  const catalog = bookingCatalog();
  const records = [...catalog.entities.values()].map(
    (e) => ({ ...e, name: splitCanonicalRef(e.ref).name, title: e.title, spec: {}, relations: [...e.relations] }) as unknown as EntityRecord,
  );
  const timing = timeCatalog(records);
  expect(timing.entities).toBe(catalog.entities.size);
  expect(timing.dagreRuns).toBeGreaterThan(0);
  expect(timing.dagreRuns + timing.cacheHits).toBeGreaterThanOrEqual(catalog.entities.size);
  expect(timing.totalMs).toBeGreaterThan(0);
});
