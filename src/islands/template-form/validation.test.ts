import { describe, expect, it } from 'vitest';
import validator from '@rjsf/validator-ajv8';
import type { ExplorerEntity } from '../explorer/catalog-index.ts';
import { templateSteps } from './steps.ts';
import { customFieldErrors, ENTITY_NAME_MESSAGE, errorAnnouncement, fieldId, isValidEntityName, stepErrorList, transformSchemaErrors } from './validation.ts';

const [step] = templateSteps([
  {
    title: 'About',
    required: ['name', 'owner'],
    properties: {
      name: { title: 'Name', type: 'string', pattern: '^[a-z][a-z0-9-]+$', maxLength: 20, 'ui:help': 'Example: loyalty-service' },
      owner: { title: 'Owning team', type: 'string', 'ui:field': 'OwnerPicker', 'ui:options': { allowArbitraryValues: false } },
      entity: { type: 'string', 'ui:field': 'EntityNamePicker' },
      repoUrl: { title: 'Repository', type: 'string', 'ui:field': 'RepoUrlPicker', 'ui:options': { allowedOwners: ['fernway'] } },
    },
  },
]);
const s = step!;

const schemaErrors = (data: Record<string, unknown>) => validator.validateFormData(data, s.schema).errors;

describe('schema errors', () => {
  it('says "Required" and points at the field rjsf draws', () => {
    const list = stepErrorList(s, schemaErrors({}), {});
    expect(list.map((e) => [e.id, e.label, e.message])).toEqual([
      ['root_name', 'Name', 'Required'],
      ['root_owner', 'Owning team', 'Required'],
    ]);
  });

  it('rewords a pattern error with the field’s help text', () => {
    const [error] = transformSchemaErrors(schemaErrors({ name: 'Bad Name', owner: 'x' }), s);
    expect(error!.message).toBe('Does not match the expected format `^[a-z][a-z0-9-]+$` (Example: loyalty-service)');
    expect(error!.stack).toBe(error!.message);
  });

  it('gives length limits in words', () => {
    const list = stepErrorList(s, schemaErrors({ name: 'a'.repeat(21), owner: 'x' }), {});
    expect(list.map((e) => e.message)).toEqual(['At most 20 characters']);
  });
});

describe('custom field errors', () => {
  const entities: ExplorerEntity[] = [{ ref: 'group:default/payments', path: '', name: 'payments', kind: 'Group', namespace: 'default', tags: [] }];

  it('checks RepoUrlPicker, EntityNamePicker and a closed picker', () => {
    const errors = customFieldErrors(s, { owner: 'group:default/nobody', entity: '-bad-', repoUrl: 'github.com?owner=evil' }, { entities });
    expect(errors).toEqual({
      owner: ['Choose one of the listed entries'],
      entity: [ENTITY_NAME_MESSAGE],
      repoUrl: ['Incomplete repository location provided: enter the repository name', 'The owner must be one of: fernway'],
    });
    expect(customFieldErrors(s, { owner: 'Group:default/Payments', entity: 'ok.name', repoUrl: 'github.com?owner=fernway&repo=x' }, { entities })).toEqual({});
  });

  it('does not judge a picker before the catalog has loaded', () => {
    expect(customFieldErrors(s, { owner: 'group:default/anything' }, {})).toEqual({});
  });

  it('implements Backstage’s entity name rule', () => {
    expect(isValidEntityName('a')).toBe(true);
    expect(isValidEntityName('a-b_c.d')).toBe(true);
    expect(isValidEntityName('a'.repeat(64))).toBe(false);
    expect(isValidEntityName('-a')).toBe(false);
  });
});

describe('announcement', () => {
  it('orders errors by field and announces the first with a count', () => {
    const list = stepErrorList(s, schemaErrors({ owner: 'x' }), { repoUrl: ['Incomplete repository location provided: enter the repository name'] });
    expect(list.map((e) => e.property)).toEqual(['name', 'repoUrl']);
    expect(errorAnnouncement(list)).toBe('2 problems on this step. Name: Required, and 1 more.');
    expect(errorAnnouncement([])).toBe('');
  });

  it('maps nested properties to rjsf ids', () => {
    expect(fieldId('a.b')).toBe('root_a_b');
    expect(fieldId('')).toBe('root');
  });
});
