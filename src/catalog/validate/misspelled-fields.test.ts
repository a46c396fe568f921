import { describe, expect, test } from 'vitest';
import { apiKind } from '../../catalog-model/kinds/api.ts';
import { componentKind } from '../../catalog-model/kinds/component.ts';
import { groupKind } from '../../catalog-model/kinds/group.ts';
import { findMisspelledFields } from './misspelled-fields.ts';

const base = { type: 'service', lifecycle: 'production', owner: 'team-a' };

describe('findMisspelledFields', () => {
  test('known fields, including relation fields outside the schema, give nothing', () => {
    expect(
      findMisspelledFields(componentKind, { ...base, system: 's', subcomponentOf: 'c', providesApis: [], consumesApis: [], dependsOn: [], dependencyOf: [] }),
    ).toEqual([]);
  });

  test.each([
    ['subComponentOf', 'subcomponentOf'],
    ['Owner', 'owner'],
    ['lifecyle', 'lifecycle'],
    ['dependOn', 'dependsOn'],
    ['providesApi', 'providesApis'],
    ['consumedApis', 'consumesApis'],
  ])('%s → did you mean `%s`', (field, known) => {
    const found = findMisspelledFields(componentKind, { ...base, [field]: 'x' });
    expect(found).toEqual([{ field, message: expect.stringContaining(`did you mean \`${known}\``) }]);
    expect(found[0]!.message).toContain(`\`spec.${field}\` is not a Component field`);
    expect(found[0]!.message).toContain('ignores unknown fields silently');
  });

  test.each([
    ['apiConsumedBy', '`consumesApis` of each consuming Component'],
    ['apiProvidedBy', '`providesApis` of the providing Component'],
    ['ownerOf', 'set `owner` on each owned entity'],
    ['hasPart', 'set `system`'],
    ['dependencies', '`dependsOn` with their kinds'],
    ['apis', '`providesApis` or `consumesApis`'],
  ])('%s, a relation from the wrong side, says which field declares it', (field, fix) => {
    const [found] = findMisspelledFields(componentKind, { ...base, [field]: ['x'] });
    expect(found!.message).toContain(`\`spec.${field}\``);
    expect(found!.message).toContain('no relation is made');
    expect(found!.message).toContain(fix);
  });

  test('the wrong-side advice is kind-independent and uses the right article', () => {
    const [found] = findMisspelledFields(apiKind, { type: 'openapi', ownerOf: ['x'] });
    expect(found!.message).toContain('is not an API field');
    expect(findMisspelledFields(groupKind, { type: 'team', children: [], hasMember: ['jane'] })[0]!.message).toContain('`members`');
  });

  test('a wrong-side field close to a real one gets the wrong-side advice, not "did you mean" the opposite relation', () => {
    // `parentOf` is two edits from `parent`, `ownerOf` from `owner`: both would invert the relation.
    expect(findMisspelledFields(groupKind, { type: 'team', children: [], parentOf: ['team-b'] })[0]!.message).toMatch(/list child groups in `children`/);
    expect(findMisspelledFields(componentKind, { ...base, ownerOf: ['x'] })[0]!.message).not.toContain('did you mean');
  });

  test('unrelated custom fields and short near-misses are left alone', () => {
    expect(findMisspelledFields(componentKind, { ...base, customField: 1, teamSlack: '#payments', typo: 1, own: 'x' })).toEqual([]);
  });

  test('three edits away is not a misspelling', () => {
    expect(findMisspelledFields(componentKind, { ...base, lfcyle: 'x' })).toEqual([]);
  });
});
