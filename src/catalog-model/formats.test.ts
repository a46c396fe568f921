/**
 * Backstage's field formats at their boundaries (formats.ts links their source),
 * the fixes suggested for invalid values, and the regex twins the JSON Schema carries.
 */
import { describe, expect, test } from 'vitest';
import {
  isNonEmptyString,
  isValidApiVersion,
  isValidEntityName,
  isValidKind,
  isValidLabelKey,
  isValidLabelValue,
  isValidNamespace,
  isValidTag,
  isValidUrl,
  jsonSchemaPatterns,
  suggestEntityName,
  suggestTag,
} from './formats.ts';

const n = (count: number, c = 'a') => c.repeat(count);

describe('entity names', () => {
  test.each(['a', 'payments-api', 'a--b', 'a__b', 'a..b', 'Payments_API.v2', '0leading-digit', n(63)])('accepts %s', (v) =>
    expect(isValidEntityName(v)).toBe(true),
  );
  test.each(['', n(64), '-a', 'a-', '_a', 'a.', 'a b', 'café', 'a/b', 'a:b'])('rejects %j', (v) => expect(isValidEntityName(v)).toBe(false));
  test('rejects non-strings', () => {
    for (const v of [1, null, undefined, ['a'], { a: 1 }]) expect(isValidEntityName(v)).toBe(false);
  });
});

describe('namespaces', () => {
  test.each(['default', 'a--b', 'team-1', '1', n(63)])('accepts %s', (v) => expect(isValidNamespace(v)).toBe(true));
  test.each(['', n(64), 'Payments', 'a.b', 'a_b', '-a', 'a-'])('rejects %j', (v) => expect(isValidNamespace(v)).toBe(false));
});

describe('tags', () => {
  test.each(['java', 'c++', 'c#', 'tier:1', ':leading-colon', 'a-b-c', 'f#-and-c++', n(63)])('accepts %s', (v) => expect(isValidTag(v)).toBe(true));
  test.each(['', n(64), 'Java', 'a--b', '-a', 'a-', 'a.b', 'a_b', 'a b'])('rejects %j', (v) => expect(isValidTag(v)).toBe(false));
});

const prefix253 = `${n(63)}.${n(63)}.${n(63)}.${n(61)}`;

describe('label and annotation keys', () => {
  test.each(['tier', 'example.com/team', 'a.b.c/x_y.z', 'backstage.io/techdocs-ref', 'a--b.io/Name', `${n(63)}/x`, `x/${n(63)}`, `${prefix253}/x`])(
    'accepts %s',
    (v) => expect(isValidLabelKey(v)).toBe(true),
  );
  test.each(['', 'Example.com/x', 'a/b/c', '/x', 'x/', `${n(64)}/x`, `x/${n(64)}`, `${prefix253}a/x`, 'ex_ample.com/x', 'a b'])('rejects %j', (v) =>
    expect(isValidLabelKey(v)).toBe(false),
  );
});

describe('label values', () => {
  test.each(['', 'production', 'v1.2_3', n(63)])('accepts %j', (v) => expect(isValidLabelValue(v)).toBe(true));
  test.each([n(64), 'back end', '-x', 'x.', 1])('rejects %j', (v) => expect(isValidLabelValue(v)).toBe(false));
});

describe('apiVersion and kind', () => {
  test.each(['backstage.io/v1alpha1', 'scaffolder.backstage.io/v1beta3', 'v1', 'my-company.net/V2'])('apiVersion %s is valid', (v) =>
    expect(isValidApiVersion(v)).toBe(true),
  );
  test.each(['backstage.io/v1.0', '1.0', 'Backstage.io/v1', 'a/b/c', 'backstage.io/', '/v1', `x/${n(64)}`, ''])('apiVersion %j is invalid', (v) =>
    expect(isValidApiVersion(v)).toBe(false),
  );
  test.each(['Component', 'X', 'API', 'X1', n(63)])('kind %s is valid', (v) => expect(isValidKind(v)).toBe(true));
  test.each(['', '1X', 'Com-ponent', 'Com ponent', n(64), 'Kind_'])('kind %j is invalid', (v) => expect(isValidKind(v)).toBe(false));
});

describe('link fields', () => {
  test('a URL needs a scheme', () => {
    expect(isValidUrl('https://grafana.example.com/d/1')).toBe(true);
    expect(isValidUrl('mailto:team@example.com')).toBe(true);
    expect(isValidUrl('grafana.example.com')).toBe(false);
    expect(isValidUrl('')).toBe(false);
    expect(isValidUrl(42)).toBe(false);
  });
  test('a title must have text once trimmed', () => {
    expect(isNonEmptyString(' a ')).toBe(true);
    expect(isNonEmptyString('  \t')).toBe(false);
    expect(isNonEmptyString('')).toBe(false);
  });
});

describe('suggested fixes', () => {
  test.each([
    ['Payments API!', 'Payments-API'],
    ['café au lait', 'cafe-au-lait'],
    ['-leading', 'leading'],
    ['my service/v2', 'my-service-v2'],
    [`${n(62)} x`, n(62)],
  ])('entity name %j → %j', (from, to) => {
    expect(suggestEntityName(from)).toBe(to);
    expect(isValidEntityName(suggestEntityName(from))).toBe(true);
  });
  test('no entity-name suggestion when the value is valid or nothing valid is left', () => {
    expect(suggestEntityName('payments-api')).toBeUndefined();
    expect(suggestEntityName('!!!')).toBeUndefined();
  });
  test.each([
    ['Card Payments', 'card-payments'],
    ['C++', 'c++'],
    ['a--b', 'a-b'],
    ['Tier_1', 'tier-1'],
    [`${n(70)}`, n(63)],
  ])('tag %j → %j', (from, to) => {
    expect(suggestTag(from)).toBe(to);
    expect(isValidTag(suggestTag(from))).toBe(true);
  });
  test('no tag suggestion when the value is valid or nothing valid is left', () => {
    expect(suggestTag('java')).toBeUndefined();
    expect(suggestTag('---')).toBeUndefined();
  });
});

describe('JSON Schema patterns say the same as the predicates', () => {
  const samples = [
    '',
    'a',
    'a--b',
    'a__b',
    'A',
    '-a',
    'a-',
    'c++',
    'tier:1',
    'a.b',
    'a b',
    'example.com/team',
    'Example.com/x',
    'a/b/c',
    n(63),
    n(64),
    `${n(63)}/x`,
    `x/${n(64)}`,
    `${prefix253}/x`,
    `${prefix253}a/x`,
    `${n(64)}.io/x`,
    `io.${n(64)}/x`,
    `${n(63)}.io/x`,
    'é',
  ];
  const pairs = [
    ['entityName', isValidEntityName],
    ['namespace', isValidNamespace],
    ['tag', isValidTag],
    ['key', isValidLabelKey],
    ['labelValue', isValidLabelValue],
  ] as const;
  test.each(pairs)('%s', (format, predicate) => {
    const regex = new RegExp(jsonSchemaPatterns[format], 'u');
    for (const sample of samples) expect(regex.test(sample), `${format} on ${JSON.stringify(sample)}`).toBe(predicate(sample));
  });
});
