import { z } from 'zod';
import { owner, ref, text } from '../fields.ts';
import { RELATION_PART_OF, ownerField } from '../relations.ts';
import { BACKSTAGE_API_VERSIONS, type KindDefinition } from './definition.ts';

export const DomainSpecSchema = z.looseObject({
  owner: owner('domain'),
  subdomainOf: ref('The parent Domain (a Domain ref).', 'commerce').optional(),
  type: text('Optional domain type.', 'business').optional(),
});

export const domainKind: KindDefinition<'Domain', typeof DomainSpecSchema> = {
  kind: 'Domain',
  apiVersions: BACKSTAGE_API_VERSIONS,
  spec: DomainSpecSchema,
  description: 'A business area grouping related systems.',
  relationFields: [ownerField, { field: 'subdomainOf', relation: RELATION_PART_OF, defaultKind: 'Domain', targetKinds: ['Domain'] }],
};
