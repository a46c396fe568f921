import { z } from 'zod';
import { lifecycle, owner, ref, refList, system, text } from '../fields.ts';
import { RELATION_CONSUMES_API, RELATION_PART_OF, RELATION_PROVIDES_API, dependencyOfField, dependsOnField, ownerField, systemField } from '../relations.ts';
import { BACKSTAGE_API_VERSIONS, type KindDefinition } from './definition.ts';

export const ComponentSpecSchema = z.looseObject({
  type: text('What kind of component this is: `service`, `website`, `library`, …', 'service'),
  lifecycle: lifecycle(),
  owner: owner('component'),
  system: system('component').optional(),
  subcomponentOf: ref('The Component this one is part of (a Component ref).', 'booking-service').optional(),
  providesApis: refList('APIs this component provides (API refs).', 'booking-api').optional(),
  consumesApis: refList('APIs this component calls (API refs).', 'payments-api').optional(),
  dependsOn: refList(
    'Components or Resources this one depends on. Write the kind: `resource:bookings-db`, `component:pricing`.',
    'resource:bookings-db',
  ).optional(),
});

export const componentKind: KindDefinition<'Component', typeof ComponentSpecSchema> = {
  kind: 'Component',
  apiVersions: BACKSTAGE_API_VERSIONS,
  spec: ComponentSpecSchema,
  description: 'A piece of software: a service, website, library, pipeline…',
  relationFields: [
    ownerField,
    { field: 'subcomponentOf', relation: RELATION_PART_OF, defaultKind: 'Component', targetKinds: ['Component'] },
    { field: 'providesApis', relation: RELATION_PROVIDES_API, defaultKind: 'API', targetKinds: ['API'] },
    { field: 'consumesApis', relation: RELATION_CONSUMES_API, defaultKind: 'API', targetKinds: ['API'] },
    dependsOnField,
    dependencyOfField,
    systemField,
  ],
};
