import { describe, expect, it } from 'vitest';
import { reviewSections } from './review.ts';
import { templateSteps } from './steps.ts';

describe('reviewSections', () => {
  const steps = templateSteps([
    {
      title: 'Service',
      properties: {
        name: { title: 'Name', type: 'string' },
        tier: { title: 'Tier', type: 'string', enum: ['1', '2'], enumNames: ['Tier 1', 'Tier 2'] },
        kafka: { title: 'Kafka', type: 'boolean' },
        token: { title: 'Token', type: 'string', 'ui:widget': 'password' },
        hidden: { type: 'string', 'ui:backstage': { review: { show: false } } },
        empty: { type: 'string' },
      },
    },
    { title: 'Repository', properties: { repoUrl: { type: 'string', 'ui:field': 'RepoUrlPicker' } } },
  ]);

  it('lists values by step with titles, enum names, Yes/No, masks and repo locations', () => {
    const sections = reviewSections(steps, {
      name: 'svc',
      tier: '2',
      kafka: false,
      token: 's3cret',
      hidden: 'x',
      empty: '',
      repoUrl: 'github.com?owner=acme&repo=svc',
    });
    expect(sections).toEqual([
      {
        title: 'Service',
        rows: [
          { name: 'name', label: 'Name', value: 'svc' },
          { name: 'tier', label: 'Tier', value: 'Tier 2' },
          { name: 'kafka', label: 'Kafka', value: 'No' },
          { name: 'token', label: 'Token', value: '******' },
        ],
      },
      { title: 'Repository', rows: [{ name: 'repoUrl', label: 'repoUrl', value: 'github.com/acme/svc' }] },
    ]);
  });
});
