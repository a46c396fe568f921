import { z } from 'zod';
import { owner, ref, text } from '../fields.ts';
import { RELATION_PART_OF, ownerField } from '../relations.ts';
import { BACKSTAGE_API_VERSIONS, type KindDefinition } from './definition.ts';

export const SystemSpecSchema = z.looseObject({
  owner: owner('system'),
  domain: ref('The Domain this system belongs to (a Domain ref).', 'travel').optional(),
  type: text('Optional system type.', 'product').optional(),
});

export const systemKind: KindDefinition<'System', typeof SystemSpecSchema> = {
  kind: 'System',
  apiVersions: BACKSTAGE_API_VERSIONS,
  spec: SystemSpecSchema,
  description: 'A collection of components, APIs and resources that together deliver one capability.',
  relationFields: [ownerField, { field: 'domain', relation: RELATION_PART_OF, defaultKind: 'Domain', targetKinds: ['Domain'] }],
};
