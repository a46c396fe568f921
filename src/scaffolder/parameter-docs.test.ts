import { describe, expect, it } from 'vitest';
import { documentParameters, unknownFieldsOf } from './parameter-docs.ts';

describe('documentParameters', () => {
  it('documents each step and field as Backstage reads them', () => {
    const steps = documentParameters([
      {
        title: 'About',
        required: ['name'],
        properties: {
          name: { title: 'Name', type: 'string', pattern: '^[a-z]+$', maxLength: 40, 'ui:autofocus': true },
          tier: { type: 'string', enum: ['1', '2'], enumNames: ['Tier 1', 'Tier 2'], default: '2' },
          cron: { type: 'string', 'ui:field': 'CronPicker' },
        },
        dependencies: {},
      },
      { properties: {} },
    ]);
    expect(steps.map((s) => s.title)).toEqual(['About', 'Step 2']);
    expect(steps[0]!.conditional).toBe(true);
    expect(steps[0]!.fields[0]).toEqual({
      name: 'name',
      title: 'Name',
      type: 'string',
      required: true,
      pattern: '^[a-z]+$',
      constraints: ['maxLength 40'],
      ui: [{ key: 'ui:autofocus', value: 'true' }],
    });
    expect(steps[0]!.fields[1]).toMatchObject({
      required: false,
      default: '"2"',
      enum: [
        { value: '1', label: 'Tier 1' },
        { value: '2', label: 'Tier 2' },
      ],
    });
    expect(unknownFieldsOf(steps)).toEqual(['CronPicker']);
  });

  it('takes one schema object as one step', () => {
    expect(documentParameters({ properties: { a: { type: 'string' } } })).toHaveLength(1);
    expect(documentParameters(undefined)).toEqual([]);
  });
});
