import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../entity-record/schema.ts';
import { scoreIsolated } from './score-isolated.ts';

const record = (name: string): EntityRecord => ({
  ref: `component:default/${name}`,
  kind: 'Component',
  namespace: 'default',
  name,
  tags: [],
  path: `catalog/default/component/${name}/`,
  apiVersion: 'backstage.io/v1alpha1',
  labels: {},
  annotations: {},
  links: [],
  spec: { type: 'service', lifecycle: 'production' },
  source: { repo: name, path: 'catalog-info.yaml', document: 0, line: 1 },
  relations: [],
  diagnostics: [],
});

const input = (entities: EntityRecord[]) => ({ entities, diagnostics: [], now: new Date('2024-05-01T00:00:00Z'), staleAfterDays: 180 });
const place = (e: EntityRecord) => ({ repo: e.source.repo, path: e.source.path, line: e.source.line, ref: e.ref, stage: 'scoring it' });

describe('scoreIsolated', () => {
  it('scores everything in one pass when nothing throws', () => {
    const result = scoreIsolated(input([record('a'), record('b')]), place);
    expect(result.failures).toEqual([]);
    expect([...result.scorecards.keys()]).toEqual(['component:default/a', 'component:default/b']);
  });

  it('leaves out the entity whose scoring throws, with a repo-failed error, and scores the rest', () => {
    // No real record reaches scoring unchecked; a field that throws when read stands in for the unforeseen.
    const broken = Object.defineProperty(record('broken'), 'description', {
      enumerable: true,
      get: () => {
        throw new TypeError('description exploded');
      },
    });
    const result = scoreIsolated(input([record('a'), broken, record('b')]), place);
    expect(result.entities.map((e) => e.name)).toEqual(['a', 'b']);
    expect([...result.scorecards.keys()]).toEqual(['component:default/a', 'component:default/b']);
    expect(result.failures).toEqual([
      expect.objectContaining({
        rule: 'repo-failed',
        repo: 'broken',
        ref: 'component:default/broken',
        message: expect.stringMatching(/^Frontdoor failed while scoring it \(catalog-info\.yaml\): TypeError: description exploded/),
      }),
    ]);
  });
});
