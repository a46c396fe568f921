import { describe, expect, it } from 'vitest';
import { DEFAULT_STEP_TITLE, extractSchemaFromStep, orderedProperties, templateSteps } from './steps.ts';

describe('templateSteps', () => {
  const parameters = [
    {
      title: 'About the service',
      required: ['name'],
      properties: {
        name: { title: 'Name', type: 'string', 'ui:autofocus': true, 'ui:help': 'Example: loyalty' },
        owner: { title: 'Owner', type: 'string', 'ui:field': 'OwnerPicker', 'ui:options': { catalogFilter: { kind: 'Group' } } },
      },
    },
    { properties: { repoUrl: { type: 'string', 'ui:field': 'RepoUrlPicker' } } },
  ];

  it('makes one step per parameter object, titled by its title or Backstage’s fallback', () => {
    const steps = templateSteps(parameters);
    expect(steps.map((s) => s.title)).toEqual(['About the service', DEFAULT_STEP_TITLE]);
  });

  it('moves ui:* keys into the uiSchema by property and leaves a clean JSON Schema', () => {
    const [first] = templateSteps(parameters);
    expect(first!.uiSchema).toEqual({
      name: { 'ui:autofocus': true, 'ui:help': 'Example: loyalty' },
      owner: { 'ui:field': 'OwnerPicker', 'ui:options': { catalogFilter: { kind: 'Group' } } },
    });
    expect(JSON.stringify(first!.schema)).not.toContain('ui:');
    expect(first!.schema.title).toBeUndefined();
    expect(first!.schema.required).toEqual(['name']);
    // The template's own object is untouched (the page documents it as written).
    expect(JSON.stringify(parameters[0])).toContain('ui:autofocus');
  });

  it('accepts a single object or nothing', () => {
    expect(templateSteps({ title: 'Only', properties: {} })).toHaveLength(1);
    expect(templateSteps(undefined)).toEqual([]);
    expect(templateSteps([1, 'x', null])).toEqual([]);
  });

  it('extracts ui keys from items, dependencies and oneOf like Backstage', () => {
    const { schema, uiSchema } = extractSchemaFromStep({
      properties: {
        list: { type: 'array', items: { type: 'string', 'ui:widget': 'textarea' } },
        kind: { type: 'string', enum: ['a', 'b'] },
      },
      dependencies: { kind: { oneOf: [{ properties: { extra: { type: 'string', 'ui:widget': 'password' } } }] } },
    });
    expect(uiSchema).toMatchObject({ list: { items: { 'ui:widget': 'textarea' } } });
    // Backstage merges a oneOf branch's properties into the uiSchema of the object holding it.
    expect(uiSchema).toMatchObject({ extra: { 'ui:widget': 'password' } });
    expect(JSON.stringify(schema)).not.toContain('ui:');
  });
});

describe('orderedProperties', () => {
  it('follows ui:order with * standing for the rest', () => {
    const [step] = templateSteps([{ 'ui:order': ['c', '*', 'a'], properties: { a: {}, b: {}, c: {}, d: {} } }]);
    expect(orderedProperties(step!)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('keeps declaration order without ui:order, and appends unlisted names when there is no *', () => {
    const [plain, partial] = templateSteps([{ properties: { b: {}, a: {} } }, { 'ui:order': ['a'], properties: { b: {}, a: {} } }]);
    expect(orderedProperties(plain!)).toEqual(['b', 'a']);
    expect(orderedProperties(partial!)).toEqual(['a', 'b']);
  });
});
