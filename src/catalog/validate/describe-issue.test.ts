/**
 * The pieces of a diagnostic message: how a found value is quoted, and where
 * a field's help text comes from. Whole messages are tested through
 * readCatalog in validate-document.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { ComponentSpecSchema } from '../../catalog-model/kinds/component.ts';
import { MetadataSchema } from '../../catalog-model/metadata.ts';
import { describeIssue, describeValue, schemaAt } from './describe-issue.ts';

describe('describeValue', () => {
  test.each([
    [undefined, 'missing'],
    [null, 'empty (null)'],
    [['a'], 'a list'],
    [{ a: 1 }, 'a mapping'],
    ['', 'an empty string'],
    ['team-a', 'the string "team-a"'],
    [42, 'the number 42'],
    [false, 'the boolean false'],
  ])('%j is %s', (value, words) => expect(describeValue(value)).toBe(words));

  test('long strings are cut at 60 characters', () => {
    const shown = describeValue('x'.repeat(200));
    expect(shown).toBe(`the string "${'x'.repeat(57)}…"`);
  });
});

describe('schemaAt finds the help of a field', () => {
  const description = (path: (string | number)[], schema = ComponentSpecSchema) => schemaAt(schema, path)?.meta()?.description;

  test('through objects, list items and optional parents', () => {
    expect(description(['owner'])).toContain('owns this component');
    expect(schemaAt(ComponentSpecSchema, ['providesApis', 0])).toBeDefined();
    expect(schemaAt(MetadataSchema, ['links', 0, 'url'])?.meta()?.description).toBe('Absolute URL of the link.');
  });

  test('gives nothing below a plain value', () => {
    expect(schemaAt(ComponentSpecSchema, ['owner', 'x'])).toBeUndefined();
  });
});

describe('describeIssue', () => {
  test('a wrong type quotes the value found and the example of the field', () => {
    const parsed = ComponentSpecSchema.safeParse({ type: 'service', lifecycle: 'production', owner: ['team-a'] });
    expect(parsed.success).toBe(false);
    const [issue] = describeIssue(parsed.error!.issues[0]!, ComponentSpecSchema, ['spec'], { spec: { owner: ['team-a'] } }, 'Component');
    expect(issue).toMatchObject({ rule: 'spec-field-invalid', path: ['spec', 'owner'] });
    expect(issue!.message).toMatch(/^`spec\.owner` must be a string, but it is a list\..*For example: `owner: team-payments`\.$/);
  });

  test('an invalid record key points at the key', () => {
    const parsed = MetadataSchema.safeParse({ name: 'a', annotations: { 'a/b/c': 'x' } });
    const [issue] = describeIssue(parsed.error!.issues[0]!, MetadataSchema, ['metadata'], { metadata: {} }, 'Component');
    expect(issue).toMatchObject({ rule: 'annotation-key-format', atKey: true });
    expect(issue!.message).toContain('Annotation key "a/b/c"');
  });
});
