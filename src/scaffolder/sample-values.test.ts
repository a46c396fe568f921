import { describe, expect, it } from 'vitest';
import { inMemorySnapshot } from '../../test/support/in-memory-source.ts';
import { sampleValues } from './sample-values.ts';

const parameters = [
  {
    properties: {
      name: { type: 'string' },
      tier: { type: 'string', enum: ['1', '2'] },
      db: { type: 'string', default: 'none' },
      port: { type: 'integer', examples: [8080] },
      kafka: { type: 'boolean' },
    },
  },
  {
    properties: {
      owner: { type: 'string', 'ui:field': 'OwnerPicker' },
      repoUrl: { type: 'string', 'ui:field': 'RepoUrlPicker', 'ui:options': { allowedOwners: ['acme'] } },
    },
  },
];

describe('sampleValues', () => {
  it('uses defaults, examples and enums, and makes up (and lists) the rest', () => {
    const sample = sampleValues(parameters, { org: 'org', owner: 'group:default/platform' });
    expect(sample).toEqual({
      values: {
        name: 'example-name',
        tier: '1',
        db: 'none',
        port: 8080,
        kafka: false,
        owner: 'group:default/platform',
        repoUrl: 'github.com?owner=acme&repo=example-repo',
      },
      source: 'defaults',
      synthesized: ['name', 'owner', 'repoUrl'],
    });
  });

  it('takes template.values.yaml beside the template over made-up values', () => {
    const snapshot = inMemorySnapshot([{ name: 'r', catalogFiles: [], files: { 't/template.values.yaml': 'name: loyalty\n' } }]);
    const sample = sampleValues(parameters, { org: 'org' }, snapshot.repos[0], 't/template.yaml');
    expect(sample.values['name']).toBe('loyalty');
    expect(sample.source).toBe('t/template.values.yaml');
    expect(sample.synthesized).toEqual(['owner', 'repoUrl']);
  });

  it('says when the values file is not a mapping', () => {
    const snapshot = inMemorySnapshot([{ name: 'r', catalogFiles: [], files: { 'template.values.yaml': '- a\n' } }]);
    expect(sampleValues(parameters, { org: 'org' }, snapshot.repos[0], 'template.yaml').problem).toContain('not a mapping');
  });
});
